import { sql } from 'kysely';
import { tenantActive } from '../../access/tenant-scope.js';
import type { Db } from '../../platform/db.js';
import { groupBy } from '../../platform/group-by.js';
import { countSendOutcomes } from '../../platform/metrics.js';
import type { MessageStatus } from '../../platform/schema/index.js';
import { changeMessages, type NewMessageEvent } from '../status.js';
import { suppressedRecipients } from '../../suppressions/suppressions.js';
import type { AppContext } from '../../context.js';

/** A claim older than this belongs to a worker that died mid-send; another may take the message over. */
export const abandonedClaimMs = 2 * 60 * 1000;

/** A `sending` claim whose worker died before the provider call: another attempt may take it over. */
export const abandonedClaim = () =>
  sql<boolean>`(status = 'sending' and claimed_at < ${new Date(Date.now() - abandonedClaimMs)} and handed_over_at is null)`;

/**
 * Takes the given messages that are due and not taken by a live worker. Messages of suspended or
 * deleting tenants stay where they are: they go out on reactivation (the reconciler re-enqueues them).
 */
export async function claimMessages(ctx: AppContext, messageIds: string[], channel: 'email' | 'sms') {
  const { db } = ctx;
  return db
    .updateTable('messages')
    .set({ status: 'sending', claimed_at: new Date(), updated_at: new Date() })
    .where('id', 'in', messageIds)
    .where('channel', '=', channel)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([eb('status', '=', 'scheduled'), eb('scheduled_at', '<=', new Date())]),
        abandonedClaim(),
      ]),
    )
    .where(tenantActive('messages.tenant_id'))
    .returningAll()
    .execute();
}

/**
 * Gives claimed messages back to the queue when an attempt fails before the provider saw them (a database,
 * Redis or provider-account error), so the job's retry can take them again at once.
 */
export async function releaseClaims(ctx: AppContext, messages: ClaimedMessage[]) {
  const { db } = ctx;
  if (messages.length === 0) return;
  await db
    .updateTable('messages')
    .set({ status: 'queued', claimed_at: null, handed_over_at: null, updated_at: new Date() })
    .where('id', 'in', messages.map((message) => message.id))
    .where('status', '=', 'sending')
    .execute();
}

/** Marks messages as being handed to the provider: from here on they are never sent again by a takeover. */
export async function markHandedOver(ctx: AppContext, messages: ClaimedMessage[]) {
  const { db } = ctx;
  if (messages.length === 0) return;
  await db
    .updateTable('messages')
    .set({ handed_over_at: new Date() })
    .where('id', 'in', messages.map((message) => message.id))
    .execute();
}

/**
 * Messages whose worker died after stamping the hand-over. Where the provider can tell, those it never
 * received go back to the queue; the rest (or all, when it cannot tell) count as sent rather than risk a
 * second send — its events still find them by id.
 */
export async function settleHandedOver(ctx: AppContext, olderThan = new Date(Date.now() - abandonedClaimMs)) {
  const { db } = ctx;
  const orphaned = await db
    .selectFrom('messages')
    .select(['id', 'channel'])
    .where('status', '=', 'sending')
    .where('claimed_at', '<', olderThan)
    .where('handed_over_at', 'is not', null)
    .execute();
  if (orphaned.length === 0) return 0;

  const neverReceived = new Set<string>();
  for (const channel of ['email', 'sms'] as const) {
    const ids = orphaned.filter((message) => message.channel === channel).map((message) => message.id);
    const received = ids.length > 0 ? await (channel === 'email' ? ctx.providers.email : ctx.providers.sms).received(ids) : null;
    for (const id of ids) if (received && !received.has(id)) neverReceived.add(id);
  }
  // Rows a live worker is recording right now are skipped, not waited for: that worker settles them, and
  // waiting could deadlock with its transaction.
  const stillClaimed = (executor: Db, ids: string[]) =>
    executor.updateTable('messages').where('id', 'in', (eb) =>
      eb
        .selectFrom('messages')
        .select('id')
        .where('id', 'in', ids)
        .where('status', '=', 'sending')
        .where('handed_over_at', 'is not', null)
        .forUpdate()
        .skipLocked(),
    );

  if (neverReceived.size > 0) {
    await stillClaimed(db, [...neverReceived])
      .set({ status: 'queued', claimed_at: null, handed_over_at: null, updated_at: new Date() })
      .execute();
  }
  const sent = orphaned.map((message) => message.id).filter((id) => !neverReceived.has(id));
  if (sent.length === 0) return 0;
  return changeMessages(ctx, async (trx) => {
    const settled = await stillClaimed(trx, sent)
      .set((eb) => ({ status: 'sent', sent_at: eb.ref('handed_over_at'), claimed_at: null, updated_at: new Date() }))
      .returning(['id', 'org_id', 'tenant_id', 'channel', 'environment'])
      .execute();
    const events = settled.map((message) => ({
      message,
      type: 'sent' as const,
      data: { after_worker_loss: true },
      dedupeKey: `${message.id}:sent`,
    }));
    return { result: settled.length, events };
  });
}

export type ClaimedMessage = Awaited<ReturnType<typeof claimMessages>>[number];

export interface MessageResult {
  message: ClaimedMessage;
  status: MessageStatus | 'retry';
  providerMessageId?: string;
  error?: string;
  /** The subject a template rendered, for the message's row. */
  subject?: string;
}

/**
 * Writes the outcome of a send attempt (one statement for all statuses; retries go back to the queue) with
 * its timeline events, in one transaction.
 */
export async function recordResults(ctx: AppContext, results: MessageResult[], finalAttempt: boolean, suppressed: Map<string, string[]>) {
  const rows = results.map((result) => ({
    id: result.message.id,
    status: result.status === 'retry' ? (finalAttempt ? 'failed' : 'queued') : result.status,
    providerMessageId: result.providerMessageId ?? null,
    error: result.error ?? null,
    subject: result.subject ?? null,
  }));
  if (rows.length === 0) return;
  await changeMessages(ctx, async (trx) => {
    await sql`
      update messages as m set
        status = v.status,
        provider_message_id = coalesce(v.provider_message_id, m.provider_message_id),
        subject = coalesce(v.subject, m.subject),
        last_error = v.error,
        sent_at = case when v.status = 'sent' then now() else m.sent_at end,
        claimed_at = null,
        -- A refusal means the provider does not have it: the retry may hand it over again.
        handed_over_at = case when v.status = 'queued' then null else m.handed_over_at end,
        updated_at = now()
      from unnest(${rows.map((row) => row.id)}::text[], ${rows.map((row) => row.status)}::text[],
                  ${rows.map((row) => row.providerMessageId)}::text[], ${rows.map((row) => row.error)}::text[],
                  ${rows.map((row) => row.subject)}::text[])
        as v(id, status, provider_message_id, error, subject)
      where m.id = v.id and m.status = 'sending'`.execute(trx);
    return { result: undefined, events: attemptEvents(results, finalAttempt, suppressed) };
  });
  countSendOutcomes(ctx.config, results, finalAttempt);
}

/** Timeline events of a send attempt: sent, failed, and one suppressed event per suppressed recipient. */
function attemptEvents(results: MessageResult[], finalAttempt: boolean, suppressed: Map<string, string[]>) {
  const events: NewMessageEvent[] = [];
  for (const result of results) {
    const { message } = result;
    for (const recipient of suppressed.get(message.id) ?? []) {
      events.push({ message, type: 'suppressed', recipient, dedupeKey: `${message.id}:suppressed:${recipient}` });
    }
    if (result.status === 'sent') {
      events.push({ message, type: 'sent', data: { provider_message_id: result.providerMessageId }, dedupeKey: `${message.id}:sent` });
    } else if (result.status === 'failed' || (result.status === 'retry' && finalAttempt)) {
      events.push({ message, type: 'failed', data: { error: result.error }, dedupeKey: `${message.id}:failed` });
    }
  }
  return events;
}

/**
 * Splits each message's recipients into those it may still reach and those suppressed (for its tenant or
 * org-wide, in its environment): one query per (org, tenant, environment) among the messages.
 */
export async function filterSuppressed(ctx: AppContext, messages: ClaimedMessage[], recipientsOf: (message: ClaimedMessage) => string[]) {
  const { db } = ctx;
  const groups = groupBy(messages, (message) => `${message.org_id}/${message.tenant_id ?? ''}/${message.environment}`);
  const allowed = new Map<string, Set<string>>();
  const suppressed = new Map<string, string[]>();
  for (const group of groups.values()) {
    const first = group[0] as ClaimedMessage;
    const addresses = [...new Set(group.flatMap(recipientsOf))];
    const blocked = await suppressedRecipients(db, first, addresses);
    for (const message of group) {
      const recipients = recipientsOf(message);
      allowed.set(message.id, new Set(recipients.filter((address) => !blocked.has(address))));
      const dropped = recipients.filter((address) => blocked.has(address));
      if (dropped.length > 0) suppressed.set(message.id, dropped);
    }
  }
  return { allowed, suppressed };
}
