import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { tenantActive } from '../../access/tenant-scope.js';
import type { Db } from '../../platform/db.js';
import { isUnavailable } from '../../platform/db-errors.js';
import { countSendOutcomes } from '../../platform/metrics.js';
import type { Selectable } from 'kysely';
import type { Channel, KeyEnvironment, MessageStatus, MessageTable } from '../../platform/schema/index.js';
import { changeMessages, type NewMessageEvent } from '../status.js';
import { suppressedAmong, suppressionKey } from '../../suppressions/suppressions.js';
import type { AppContext } from '../../context.js';
import type { Grant } from './fair-scheduler.js';
import { senderOf } from './schedulers.js';

/**
 * A claim older than this is taken over even when its process still beats: a process hung that long is as good
 * as dead (and its claims are fenced: it can neither hand over nor record what was taken from it).
 */
const abandonedClaimMs = 2 * 60 * 1000;
/** A send loop process renews its heartbeat this often; missing for `claimantTtlMs`, its claims are taken over. */
export const claimantBeatMs = 2_000;
export const claimantTtlMs = 10_000;

export const claimantKey = (ctx: AppContext, claimant: string) => `${ctx.config.QUEUE_PREFIX}:send-claimant:${claimant}`;

/** The processes holding claims whose heartbeat has stopped (killed, or cut off from Redis for seconds). */
export async function deadClaimants(ctx: AppContext): Promise<string[]> {
  const holders = await ctx.db
    .selectFrom('messages')
    .select('claimed_by')
    .distinct()
    .where('status', '=', 'sending')
    .where('claimed_by', 'is not', null)
    .execute();
  const claimants = holders.map((row) => row.claimed_by as string);
  if (claimants.length === 0) return [];
  const alive = await ctx.jobs.producerConnection().mget(claimants.map((claimant) => claimantKey(ctx, claimant)));
  return claimants.filter((_claimant, index) => alive[index] === null);
}

/** Claims nobody will finish: those of dead processes, and any older than abandonedClaimMs. */
const abandoned = (deadClaimants: readonly string[]) =>
  sql<boolean>`(claimed_at < ${new Date(Date.now() - abandonedClaimMs)} or claimed_by = any(${[...deadClaimants]}::text[]))`;

/** Gives back the claims of dead processes (and hung ones) that never reached the provider. */
export async function releaseAbandonedClaims(ctx: AppContext, deadClaimants: readonly string[]) {
  await ctx.db
    .updateTable('messages')
    .set({ status: 'queued', claimed_at: null, claimed_by: null, updated_at: new Date() })
    .where('status', '=', 'sending')
    .where('handed_over_at', 'is', null)
    .where(abandoned(deadClaimants))
    .execute();
}

/** Attempts a message gets before a provider's "retry later" fails it. */
export const maxSendAttempts = 8;

/** Before attempt n + 1: 2 s, 4 s, 8 s, …: a throttled provider gets room, a brief outage is ridden out. */
export const retryDelayMs = (attemptsMade: number) => 2_000 * 2 ** Math.max(0, attemptsMade - 1);

/**
 * Claims what the scheduler granted: for each grant, up to `count` of the sender's ready messages of that lane,
 * oldest first, in one statement. Rows another worker holds are skipped, not waited for; messages of a
 * suspended or deleting tenant stay where they are (they go out on reactivation).
 *
 * A grant's rows are any of the sender's ready ones, so two loops claiming at once may take each other's; the one
 * whose statement began before the newest rows committed cannot see them and falls short. A second statement
 * (a new snapshot) claims the shortfall, so those rows do not wait for the reconciler to count them again.
 */
export async function claimGrants(ctx: AppContext, claimant: string, channel: Channel, environment: KeyEnvironment, grants: readonly Grant[]) {
  const claimed = await claimOnce(ctx, claimant, channel, environment, grants);
  const shortfall = new Map(grants.map((grant) => [`${grant.tenantId}/${grant.lane}`, { ...grant }]));
  for (const message of claimed) {
    const grant = shortfall.get(`${senderOf(message)}/${message.lane}`);
    if (grant) grant.count -= 1;
  }
  const short = [...shortfall.values()].filter((grant) => grant.count > 0);
  if (short.length === 0) return claimed;
  return [...claimed, ...(await claimOnce(ctx, claimant, channel, environment, short))];
}

async function claimOnce(ctx: AppContext, claimant: string, channel: Channel, environment: KeyEnvironment, grants: readonly Grant[]) {
  if (grants.length === 0) return [];
  const { rows } = await sql<ClaimedMessage>`
    update messages as m set status = 'sending', claimed_at = now(), claimed_by = ${claimant}, updated_at = now()
      from (select picked.id
              from unnest(${grants.map((grant) => grant.tenantId)}::text[], ${grants.map((grant) => grant.lane)}::text[],
                          ${grants.map((grant) => grant.count)}::int[]) as g(sender, lane, n)
              cross join lateral (
                select id from messages
                 where coalesce(tenant_id, org_id) = g.sender and channel = ${channel} and environment = ${environment}
                   and lane = g.lane and status in ('queued', 'scheduled') and not_before is null
                   and ${tenantActive('messages.tenant_id')}
                 order by id
                 limit g.n
                 for update skip locked) as picked) as claim
     where m.id = claim.id
    returning m.*`.execute(ctx.db);
  return rows;
}

/**
 * Writes what a send attempt learned, waiting out a database outage (a restart, a failover) instead of giving
 * up: the messages stay claimed meanwhile, and once the write lands nobody has to take them over. Past the
 * abandoned-claim window it gives up; the reconciler has taken them over by then.
 */
async function untilWritten(ctx: AppContext, what: string, write: () => Promise<void>): Promise<void> {
  const giveUpAt = Date.now() + abandonedClaimMs;
  for (;;) {
    try {
      return await write();
    } catch (error) {
      if (!isUnavailable(error) || Date.now() > giveUpAt) throw error;
      ctx.logger.warn({ err: error }, `${what}: the database is unavailable; trying again`);
      await sleep(500);
    }
  }
}

/** Only the rows this claim still holds: another process may have taken a message over since. */
const stillHeld = (messages: readonly ClaimedMessage[]) =>
  sql<boolean>`(id, claimed_by) in (select * from unnest(${messages.map((message) => message.id)}::text[], ${messages.map((message) => message.claimed_by)}::text[]))`;

/**
 * Gives claimed messages back when an attempt fails before the provider saw them (a database, Redis or
 * provider-account error): they are ready again after a short wait, so a failing dependency is not hammered.
 */
export async function releaseClaims(ctx: AppContext, messages: ClaimedMessage[]) {
  if (messages.length === 0) return;
  await untilWritten(ctx, 'giving back claims', async () => {
    await ctx.db
      .updateTable('messages')
      .set({ status: 'queued', claimed_at: null, claimed_by: null, handed_over_at: null, not_before: new Date(Date.now() + retryDelayMs(1)), updated_at: new Date() })
      .where(stillHeld(messages))
      .where('status', '=', 'sending')
      .execute();
  });
}

/**
 * Marks messages as being handed to the provider: from here on they are never sent again by a takeover. Only
 * those this claim still holds: hand over exactly the ones it answers (the others belong to whoever took them).
 */
export async function markHandedOver(ctx: AppContext, messages: ClaimedMessage[]): Promise<Set<string>> {
  if (messages.length === 0) return new Set();
  const stamped = await ctx.db
    .updateTable('messages')
    .set({ handed_over_at: new Date() })
    .where(stillHeld(messages))
    .where('status', '=', 'sending')
    .returning('id')
    .execute();
  return new Set(stamped.map((row) => row.id));
}

/**
 * Messages whose worker died after stamping the hand-over. Where the provider can tell, those it never
 * received go back to the queue; the rest (or all, when it cannot tell) count as sent rather than risk a
 * second send — its events still find them by id.
 */
export async function settleHandedOver(ctx: AppContext, deadClaimants: readonly string[]) {
  const { db } = ctx;
  const orphaned = await db
    .selectFrom('messages')
    .select(['id', 'channel'])
    .where('status', '=', 'sending')
    .where('handed_over_at', 'is not', null)
    .where(abandoned(deadClaimants))
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
      .set({ status: 'queued', claimed_at: null, claimed_by: null, handed_over_at: null, updated_at: new Date() })
      .execute();
  }
  const sent = orphaned.map((message) => message.id).filter((id) => !neverReceived.has(id));
  if (sent.length === 0) return 0;
  return changeMessages(ctx, async (trx) => {
    const settled = await stillClaimed(trx, sent)
      .set((eb) => ({ status: 'sent', sent_at: eb.ref('handed_over_at'), claimed_at: null, claimed_by: null, updated_at: new Date() }))
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

export type ClaimedMessage = Selectable<MessageTable>;

export interface MessageResult {
  message: ClaimedMessage;
  status: MessageStatus | 'retry';
  providerMessageId?: string;
  error?: string;
  /** The subject a template rendered, for the message's row. */
  subject?: string;
}

/**
 * Writes the outcome of a send attempt (one statement for all statuses) with its timeline events, in one
 * transaction. A message the provider asked to retry goes back to the queue after its backoff, or fails once
 * it has had maxSendAttempts attempts.
 */
export async function recordResults(ctx: AppContext, results: MessageResult[], suppressed: Map<string, string[]>) {
  if (results.length === 0) return;
  const settled = results.map((result) => {
    const attempts = result.message.attempts + 1;
    const status = result.status === 'retry' && attempts >= maxSendAttempts ? ('failed' as const) : result.status;
    return { ...result, status, attempts };
  });
  const retryAt = (attempts: number) => new Date(Date.now() + retryDelayMs(attempts)).toISOString();
  await untilWritten(ctx, 'recording send results', () => record(ctx, settled, suppressed, retryAt));
  countSendOutcomes(ctx.config, settled);
}

async function record(
  ctx: AppContext,
  settled: (MessageResult & { attempts: number })[],
  suppressed: Map<string, string[]>,
  retryAt: (attempts: number) => string,
): Promise<void> {
  await changeMessages(ctx, async (trx) => {
    const { rows: recorded } = await sql<{ id: string }>`
      update messages as m set
        status = v.status,
        attempts = v.attempts,
        not_before = v.not_before,
        provider_message_id = coalesce(v.provider_message_id, m.provider_message_id),
        subject = coalesce(v.subject, m.subject),
        last_error = v.error,
        sent_at = case when v.status = 'sent' then now() else m.sent_at end,
        claimed_at = null,
        claimed_by = null,
        -- A refusal means the provider does not have it: the retry may hand it over again.
        handed_over_at = case when v.status = 'queued' then null else m.handed_over_at end,
        updated_at = now()
      from unnest(${settled.map((row) => row.message.id)}::text[],
                  ${settled.map((row) => (row.status === 'retry' ? 'queued' : row.status))}::text[],
                  ${settled.map((row) => row.attempts)}::int[],
                  ${settled.map((row) => (row.status === 'retry' ? retryAt(row.attempts) : null))}::timestamptz[],
                  ${settled.map((row) => row.providerMessageId ?? null)}::text[], ${settled.map((row) => row.error ?? null)}::text[],
                  ${settled.map((row) => row.subject ?? null)}::text[], ${settled.map((row) => row.message.claimed_by)}::text[])
        as v(id, status, attempts, not_before, provider_message_id, error, subject, claimed_by)
      where m.id = v.id and m.status = 'sending' and m.claimed_by is not distinct from v.claimed_by
      returning m.id`.execute(trx);
    // A message taken over meanwhile is its new holder's to record: no events for it from here.
    const held = new Set(recorded.map((row) => row.id));
    return { result: undefined, events: attemptEvents(settled.filter((row) => held.has(row.message.id)), suppressed) };
  });
}

/** Timeline events of a send attempt: sent, failed, and one suppressed event per suppressed recipient. */
function attemptEvents(results: MessageResult[], suppressed: Map<string, string[]>) {
  const events: NewMessageEvent[] = [];
  for (const result of results) {
    const { message } = result;
    for (const recipient of suppressed.get(message.id) ?? []) {
      events.push({ message, type: 'suppressed', recipient, dedupeKey: `${message.id}:suppressed:${recipient}` });
    }
    if (result.status === 'sent') {
      events.push({ message, type: 'sent', data: { provider_message_id: result.providerMessageId }, dedupeKey: `${message.id}:sent` });
    } else if (result.status === 'failed') {
      events.push({ message, type: 'failed', data: { error: result.error }, dedupeKey: `${message.id}:failed` });
    }
  }
  return events;
}

/**
 * Splits each message's recipients into those it may still reach and those suppressed (for its tenant or
 * org-wide, in its environment): one query for the whole round, however many senders it spans.
 */
export async function filterSuppressed(ctx: AppContext, messages: ClaimedMessage[], recipientsOf: (message: ClaimedMessage) => string[]) {
  const blocked = await suppressedAmong(
    ctx.db,
    messages.flatMap((message) => recipientsOf(message).map((address) => ({ scope: message, address }))),
  );
  const allowed = new Map<string, Set<string>>();
  const suppressed = new Map<string, string[]>();
  for (const message of messages) {
    const recipients = recipientsOf(message);
    const isBlocked = (address: string) => blocked.has(suppressionKey(message, address));
    allowed.set(message.id, new Set(recipients.filter((address) => !isBlocked(address))));
    const dropped = recipients.filter(isBlocked);
    if (dropped.length > 0) suppressed.set(message.id, dropped);
  }
  return { allowed, suppressed };
}
