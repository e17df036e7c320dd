import { type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { visibleTo } from '../access/tenant-scope.js';
import { type Database, type Db, db } from '../platform/db.js';
import {
  type Channel,
  type KeyEnvironment,
  type MessageEventType,
  type MessageStatus,
  type MessageTable,
  messageStatuses,
} from '../platform/schema/index.js';
import { notFound } from '../platform/errors.js';
import type { EventType, PlatformEvent } from '../platform/event-types.js';
import { newId } from '../platform/ids.js';
import { fetchPage, pageQuery } from '../platform/pagination.js';
import type { Principal } from '../access/principal.js';
import { addSuppressions } from '../suppressions/suppressions.js';
import { enqueueStagedDeliveries, routeEvents, stageDeliveries } from '../webhooks/fan-out.js';
import type { StagedDelivery } from '../webhooks/retry-policy.js';

export interface MessageRef {
  id: string;
  org_id: string;
  tenant_id: string | null;
  channel: Channel;
  environment: KeyEnvironment;
}

export interface NewMessageEvent {
  message: MessageRef;
  type: MessageEventType;
  recipient?: string | null;
  data?: Record<string, unknown>;
  /** Identifies the fact: the same fact recorded twice (job retry, duplicate notification) is stored once. */
  dedupeKey: string;
  at?: Date;
}

export function messageEventRow(event: NewMessageEvent) {
  return {
    id: newId('event'),
    message_id: event.message.id,
    org_id: event.message.org_id,
    tenant_id: event.message.tenant_id,
    type: event.type,
    recipient: event.recipient ?? null,
    data: JSON.stringify(event.data ?? {}),
    dedupe_key: event.dedupeKey,
    // One clock (this process, ms) for every event, so a timeline sorts in the order things happened.
    created_at: event.at ?? new Date(),
  };
}

/** The webhook event for a timeline event; its id is the timeline event's id, so re-publishing is recognised. */
export function messageWebhookEvent(
  event: { id: string; type: MessageEventType; recipient: string | null; data: Record<string, unknown>; created_at: Date },
  message: MessageRef,
): PlatformEvent {
  return {
    id: event.id,
    type: `message.${event.type}` as EventType,
    orgId: message.org_id,
    tenantId: message.tenant_id,
    createdAt: event.created_at,
    data: {
      message_id: message.id,
      channel: message.channel,
      environment: message.environment,
      tenant_id: message.tenant_id,
      ...(event.recipient ? { recipient: event.recipient } : {}),
      ...event.data,
    },
  };
}

/**
 * Runs `change` and records the timeline events it returns in one transaction, so a crash keeps both or
 * neither; the events' webhook deliveries commit with them and are enqueued after.
 */
export async function changeMessages<T>(
  change: (trx: Transaction<Database>) => Promise<{ result: T; events: NewMessageEvent[] }>,
): Promise<T> {
  const { result, deliveries } = await db.transaction().execute(async (trx) => {
    const { result, events } = await change(trx);
    return { result, deliveries: await recordMessageEvents(trx, events) };
  });
  await enqueueStagedDeliveries(deliveries);
  return result;
}

const waitingStatuses = ['queued', 'scheduled'] as const;

/**
 * Cancels waiting (queued or scheduled) messages that `candidates` selects (by id), 500 at a time: each batch
 * moves its messages and records their `canceled` events and webhooks in one transaction. Returns how many.
 */
export async function cancelWaitingMessages(
  candidates: (trx: Transaction<Database>) => SelectQueryBuilder<any, any, { id: string }>,
  cancel: { lastError: string; data: Record<string, unknown> },
): Promise<number> {
  const batchSize = 500;
  let canceled = 0;
  for (;;) {
    const batch = await changeMessages(async (trx) => {
      const messages = await trx
        .updateTable('messages')
        .set({ status: 'canceled', last_error: cancel.lastError, updated_at: new Date() })
        .where('id', 'in', candidates(trx).where(sql.ref('messages.status'), 'in', waitingStatuses).limit(batchSize))
        // A worker may have claimed one since the batch was picked: that one is the worker's to settle.
        .where('status', 'in', waitingStatuses)
        .returning(['id', 'org_id', 'tenant_id', 'channel', 'environment'])
        .execute();
      const events = messages.map((message) => ({ message, type: 'canceled' as const, data: cancel.data, dedupeKey: `${message.id}:canceled` }));
      return { result: messages.length, events };
    });
    canceled += batch;
    if (batch < batchSize) return canceled;
  }
}

/**
 * Records timeline events (idempotently, by dedupe key) and stages their webhook deliveries. Events seen
 * before are staged again: their deliveries exist already, and the pending ones are enqueued again (by job
 * id, so never twice).
 */
async function recordMessageEvents(trx: Transaction<Database>, events: NewMessageEvent[]): Promise<StagedDelivery[]> {
  if (events.length === 0) return [];
  const rows = events.map(messageEventRow);
  const inserted = await trx
    .insertInto('message_events')
    .values(rows)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning(['id', 'type', 'recipient', 'data', 'created_at', 'dedupe_key'])
    .execute();
  const seenBefore =
    inserted.length === rows.length
      ? []
      : await trx
          .selectFrom('message_events')
          .select(['id', 'type', 'recipient', 'data', 'created_at', 'dedupe_key'])
          .where('dedupe_key', 'in', rows.map((row) => row.dedupe_key))
          .where('id', 'not in', inserted.length > 0 ? inserted.map((row) => row.id) : [''])
          .execute();
  const messageByKey = new Map(events.map((event) => [event.dedupeKey, event.message]));
  const webhookEvents = [...inserted, ...seenBefore].map((event) =>
    messageWebhookEvent(event, messageByKey.get(event.dedupe_key) as MessageRef),
  );
  return stageDeliveries(trx, await routeEvents(trx, webhookEvents));
}

// ---------------------------------------------------------------------------------------------
// Provider events (SES notifications, test-mode simulation)

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
export async function applyProviderEvent(event: ProviderEvent): Promise<ProviderEventOutcome> {
  const { type } = event;
  return changeMessages<ProviderEventOutcome>(async (trx) => {
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

// ---------------------------------------------------------------------------------------------
// Reading messages

type MessageRow = Omit<MessageTable, 'content' | 'tags' | 'created_at' | 'updated_at'> & {
  content: Record<string, unknown>;
  tags: { name: string; value: string }[];
  created_at: Date;
  updated_at: Date;
};

export const listMessagesQuery = pageQuery.extend({
  status: z.enum(messageStatuses).optional(),
  channel: z.enum(['email', 'sms']).optional(),
  tenant_id: z.string().max(64).optional(),
  to: z.string().max(320).optional(),
  tag: z
    .string()
    .max(600)
    .regex(/^[^:]+:.*$/, 'use name:value')
    .optional(),
  created_after: z.iso.datetime({ offset: true }).optional(),
  created_before: z.iso.datetime({ offset: true }).optional(),
});

export function presentMessage(message: MessageRow) {
  const content = message.content;
  return {
    id: message.id,
    object: message.channel,
    channel: message.channel,
    tenant_id: message.tenant_id,
    environment: message.environment,
    status: message.status,
    from: message.sender,
    to: message.recipients,
    ...(message.channel === 'email'
      ? {
          cc: content.cc ?? [],
          bcc: content.bcc ?? [],
          reply_to: content.reply_to ?? [],
          subject: message.subject,
          template_id: (content.template as { id: string } | undefined)?.id ?? null,
        }
      : { body: content.body ?? null, segments: content.segments }),
    content_erased: message.content_erased_at !== null,
    tags: message.tags,
    scheduled_at: message.scheduled_at?.toISOString() ?? null,
    sent_at: message.sent_at?.toISOString() ?? null,
    provider_message_id: message.provider_message_id,
    last_error: message.last_error,
    created_at: message.created_at.toISOString(),
    updated_at: message.updated_at.toISOString(),
  };
}

/**
 * Messages the principal may see: its org, for tenant-bound keys only its tenant, and for test keys only
 * test messages (test keys live in CI and staging; they must not read real recipients and content).
 */
function visibleMessages(db: Db, principal: Principal) {
  let select = db.selectFrom('messages').where(visibleTo('messages', principal));
  if (principal.environment === 'test') select = select.where('environment', '=', 'test');
  return select;
}

export async function listMessages(db: Db, principal: Principal, query: z.infer<typeof listMessagesQuery>) {
  let select = visibleMessages(db, principal).selectAll();
  if (query.status) select = select.where('status', '=', query.status);
  if (query.channel) select = select.where('channel', '=', query.channel);
  if (query.tenant_id !== undefined) select = select.where('tenant_id', '=', query.tenant_id);
  if (query.to) select = select.where(sql<boolean>`recipients @> array[${query.to.toLowerCase()}]::text[]`);
  if (query.tag) {
    const separator = query.tag.indexOf(':');
    const tag = { name: query.tag.slice(0, separator), value: query.tag.slice(separator + 1) };
    select = select.where(sql<boolean>`tags @> ${JSON.stringify([tag])}::jsonb`);
  }
  if (query.created_after) select = select.where('created_at', '>=', new Date(query.created_after));
  if (query.created_before) select = select.where('created_at', '<', new Date(query.created_before));
  return fetchPage(select, query, presentMessage);
}

export async function findVisibleMessage(db: Db, principal: Principal, messageId: string) {
  const message = await visibleMessages(db, principal).selectAll().where('id', '=', messageId).executeTakeFirst();
  if (!message) throw notFound('message', messageId);
  return message as MessageRow;
}

export async function getMessage(db: Db, principal: Principal, messageId: string) {
  const message = await findVisibleMessage(db, principal, messageId);
  const events = await db
    .selectFrom('message_events')
    .select(['id', 'type', 'recipient', 'data', 'created_at'])
    .where('message_id', '=', message.id)
    .where('org_id', '=', principal.orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    ...presentMessage(message),
    events: events.map((event) => ({
      id: event.id,
      type: event.type,
      recipient: event.recipient,
      data: event.data,
      created_at: event.created_at.toISOString(),
    })),
  };
}
