import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db.js';
import type { MessageStatus } from '../../platform/schema/index.js';
import { addSuppressions } from '../../suppressions/suppressions.js';
import { changeMessages, type MessageRef } from '../status.js';
import type { AppContext } from '../../context.js';

// A provider's report about a message (SES notifications, test-mode simulation), applied to that message.

/** What a provider's notification names the message by, when the caller does not know Sendoka's id. */
export interface ProviderReference {
  /** Sendoka message ids the provider echoed back (SES: the `sendoka_message_id` tag; absent from identity notifications). */
  taggedIds: string[];
  /** The provider's own id of the message (SES: `mail.messageId`), as the send stored it in `provider_message_id`. */
  providerMessageId?: string;
}

export interface ProviderEvent {
  /** Sendoka's id of the message, when the caller knows it for certain (the test-mode simulator). */
  messageId?: string;
  /** How a provider notification identifies the message; used when `messageId` is absent. */
  reference?: ProviderReference;
  type: 'delivered' | 'delivery_delayed' | 'bounced' | 'complained' | 'opened' | 'clicked' | 'failed' | 'suppressed';
  recipients: string[];
  occurredAt: Date;
  /**
   * Identifies the fact, for idempotency: the SNS MessageId, or a provider id of the fact itself (so that one
   * fact reported through two channels records once). Timeline events are keyed by message, this and recipient.
   */
  providerEventId: string;
  /** Bounces: only a permanent bounce suppresses the recipient; any bounce is a final outcome. */
  permanent?: boolean;
  details: Record<string, unknown>;
  /** Details of one recipient (its own status and diagnostic code), merged over `details` for that recipient. */
  recipientDetails?: Record<string, Record<string, unknown>>;
}

export type ProviderEventOutcome =
  | { matched: true; messageId: string; by: 'id' | 'tag' | 'provider_message_id' }
  | {
      matched: false;
      /**
       * no_identifier: neither a tag nor a provider id; not_found: nothing carries them; ambiguous: several
       * messages carry the provider id; id_mismatch: the tagged message was sent under another provider id.
       */
      reason: 'no_identifier' | 'not_found' | 'ambiguous' | 'id_mismatch';
    };

/**
 * Which current statuses a provider event may move a message out of: a late delay never undoes a delivery.
 * `suppressed` is there because SES reports each recipient of a message on its account-level suppression list
 * on its own: the message's other recipients may still be delivered, bounce or complain. (A message Sendoka
 * itself suppressed never reached the provider, so no provider event ever names it.)
 */
const statusAfter: Record<ProviderEvent['type'], { to: MessageStatus; from: MessageStatus[] } | undefined> = {
  delivered: { to: 'delivered', from: ['sending', 'sent', 'delivery_delayed', 'suppressed'] },
  delivery_delayed: { to: 'delivery_delayed', from: ['sending', 'sent', 'suppressed'] },
  bounced: { to: 'bounced', from: ['sending', 'sent', 'delivery_delayed', 'delivered', 'suppressed'] },
  complained: { to: 'complained', from: ['sending', 'sent', 'delivery_delayed', 'delivered', 'suppressed'] },
  failed: { to: 'failed', from: ['sending', 'sent', 'delivery_delayed'] },
  suppressed: { to: 'suppressed', from: ['sending', 'sent'] },
  opened: undefined,
  clicked: undefined,
};

const messageRefColumns = ['id', 'org_id', 'tenant_id', 'channel', 'environment', 'provider_message_id'] as const;

/**
 * Finds the one message a provider event is about, in the event's transaction. The caller's own id wins; then
 * a tag, if the tagged email was sent under the notification's provider id (or none is on record yet: the
 * send worker may not have written it); then the provider id alone, if exactly one email carries it. A tag is
 * checked against the provider id so that a message only ever hears about itself.
 */
async function findProviderEventMessage(
  trx: Transaction<Database>,
  event: ProviderEvent,
): Promise<{ message: MessageRef; by: 'id' | 'tag' | 'provider_message_id' } | { reason: 'no_identifier' | 'not_found' | 'ambiguous' | 'id_mismatch' }> {
  if (event.messageId) {
    const message = await trx.selectFrom('messages').select(messageRefColumns).where('id', '=', event.messageId).executeTakeFirst();
    return message ? { message, by: 'id' } : { reason: 'not_found' };
  }
  const taggedIds = [...new Set(event.reference?.taggedIds ?? [])].filter(Boolean);
  const providerMessageId = event.reference?.providerMessageId || undefined;
  if (taggedIds.length === 0 && !providerMessageId) return { reason: 'no_identifier' };

  let mismatch = false;
  if (taggedIds.length > 0) {
    const tagged = await trx
      .selectFrom('messages')
      .select(messageRefColumns)
      .where('id', 'in', taggedIds)
      .where('channel', '=', 'email')
      .execute();
    const consistent = tagged.filter(
      (message) => !providerMessageId || message.provider_message_id === null || message.provider_message_id === providerMessageId,
    );
    if (consistent.length === 1) return { message: consistent[0] as MessageRef, by: 'tag' };
    mismatch = tagged.length > 0;
  }
  if (providerMessageId) {
    const carriers = await trx
      .selectFrom('messages')
      .select(messageRefColumns)
      .where('provider_message_id', '=', providerMessageId)
      .where('channel', '=', 'email')
      .limit(2)
      .execute();
    if (carriers.length === 1) return { message: carriers[0] as MessageRef, by: 'provider_message_id' };
    if (carriers.length > 1) return { reason: 'ambiguous' };
  }
  return { reason: mismatch ? 'id_mismatch' : 'not_found' };
}

/**
 * Records a provider event on the one message it is about (never another: see findProviderEventMessage), with
 * its status change, suppressions and webhooks, in one transaction. Idempotent: the same fact twice records
 * once and changes nothing more. Says which message it matched, or why none.
 */
export async function applyProviderEvent(ctx: AppContext, event: ProviderEvent): Promise<ProviderEventOutcome> {
  const { type } = event;
  return changeMessages<ProviderEventOutcome>(ctx, async (trx) => {
    const found = await findProviderEventMessage(trx, event);
    if ('reason' in found) return { result: { matched: false, reason: found.reason }, events: [] };
    const { message, by } = found;
    const ref: MessageRef = {
      id: message.id,
      org_id: message.org_id,
      tenant_id: message.tenant_id,
      channel: message.channel,
      environment: message.environment,
    };

    const transition = statusAfter[type];
    if (transition) {
      await trx
        .updateTable('messages')
        .set({ status: transition.to, updated_at: new Date() })
        .where('id', '=', message.id)
        .where('status', 'in', transition.from)
        .execute();
    }
    // A hard bounce or a complaint suppresses the recipient for the message's tenant. A soft bounce never does
    // (the address may accept mail tomorrow), and neither does SES's account-level suppression list (the
    // address did not bounce or complain for this tenant; SES keeps refusing it as long as it stays listed).
    const suppressionReason = type === 'bounced' && event.permanent !== false ? 'bounce' : type === 'complained' ? 'complaint' : undefined;
    if (suppressionReason) {
      await addSuppressions(
        trx,
        event.recipients.map((address) => ({
          orgId: message.org_id,
          tenantId: message.tenant_id,
          environment: message.environment,
          address,
          reason: suppressionReason,
          source: message.id,
        })),
      );
    }
    const recipients = event.recipients.length > 0 ? [...new Set(event.recipients)] : [null];
    const events = recipients.map((recipient) => ({
      message: ref,
      type,
      recipient,
      data: { ...event.details, ...(recipient ? event.recipientDetails?.[recipient] : undefined) },
      dedupeKey: `${message.id}:${event.providerEventId}:${type}:${recipient ?? ''}`,
      at: event.occurredAt,
    }));
    return { result: { matched: true, messageId: message.id, by }, events };
  });
}
