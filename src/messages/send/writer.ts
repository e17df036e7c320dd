import { type Insertable, sql } from 'kysely';
import { isUnavailable } from '../../platform/db-errors.js';
import { type AppContext, contextCache, within } from '../../context.js';
import { type Db, onCommit, transaction } from '../../platform/db.js';
import type { Lane, MessageTable } from '../../platform/schema/index.js';
import { messageEventRow, messageWebhookEvent } from '../status.js';
import { usageUpsert } from '../../usage/usage.js';
import { routeEvents, stageDeliveries } from '../../webhooks/fan-out.js';
import { markReady } from './schedulers.js';

/** A message as an accept path builds it; the writer decides its lane. */
export type NewMessage = Omit<Insertable<MessageTable>, 'lane'> & { id: string; tenant_id: string | null };

interface PendingWrite {
  messages: NewMessage[];
  /** Runs inside the commit (the idempotency record's response). */
  alsoInTransaction?: (trx: Db) => Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const maxMessagesPerCommit = 1_000;
const maxConcurrentCommits = 2;

/** Splices already-serialised JSON columns into a row's JSON without parsing them again. */
function rowJson(row: Record<string, unknown>, jsonColumns: Record<string, string>): string {
  const rest = JSON.stringify(row);
  const spliced = Object.entries(jsonColumns).map(([column, json]) => `"${column}":${json}`);
  return `${rest.slice(0, -1)}${rest.length > 2 ? ',' : ''}${spliced.join(',')}}`;
}

/**
 * One statement (so one round trip and one implicit transaction) that inserts the messages, their
 * first timeline events and their usage: rows travel as one JSON document each.
 */
function acceptStatement(messages: NewMessage[], events: ReturnType<typeof messageEventRow>[], at: Date) {
  const messagesJson = `[${messages.map(({ content, tags, ...row }) => rowJson(row, { content, tags })).join(',')}]`;
  const eventsJson = `[${events.map(({ data, ...row }) => rowJson(row, { data })).join(',')}]`;
  const usage = usageUpsert(
    messages.map((message) => ({
      orgId: message.org_id,
      tenantId: message.tenant_id,
      keyId: message.key_id ?? null,
      channel: message.channel,
      environment: message.environment,
      count: 1,
      at,
    })),
  );
  return sql`
    with new_messages as (
      insert into messages select * from json_populate_recordset(null::messages, ${messagesJson}::json)
    ), new_events as (
      insert into message_events select * from json_populate_recordset(null::message_events, ${eventsJson}::json)
    )
    ${usage ?? sql`select 1`}`;
}

/** The group committer of one application context (see commitMessages). */
function createMessageWriter(ctx: AppContext) {
  if (ctx.db.isTransaction) throw new Error('the message writer commits on its own: give it the application context, not a transaction');
  const pending: PendingWrite[] = [];
  let commitsInFlight = 0;
  let commitScheduled = false;
  /** Commits and the webhook enqueues that follow them, so that shutdown can wait for both. */
  const unfinished = new Set<Promise<unknown>>();

  function track(work: Promise<unknown>) {
    unfinished.add(work);
    const forget = () => unfinished.delete(work);
    work.then(forget, forget);
  }

  /**
   * Resolves once every write handed to `commitMessages` so far is committed and enqueued: shutdown waits
   * for it before closing the queues and the database, since a request whose client hung up still commits.
   */
  async function settled(): Promise<void> {
    while (pending.length > 0 || unfinished.size > 0 || commitScheduled) {
      await Promise.allSettled([...unfinished]);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Group commit: the messages of concurrent requests are inserted, counted and enqueued together, in one
   * transaction and one queue round trip, and each request is answered once its own messages are durable.
   */
  function commitMessages(messages: NewMessage[], alsoInTransaction?: PendingWrite['alsoInTransaction']) {
    return new Promise<void>((resolve, reject) => {
      pending.push({ messages, alsoInTransaction, resolve, reject });
      scheduleCommit();
    });
  }

  function scheduleCommit() {
    if (commitScheduled || commitsInFlight >= maxConcurrentCommits || pending.length === 0) return;
    commitScheduled = true;
    // Let the requests parsed in this turn of the event loop join the same commit.
    setImmediate(() => {
      commitScheduled = false;
      const batch: PendingWrite[] = [];
      let size = 0;
      while (pending.length > 0 && (batch.length === 0 || size + (pending[0]?.messages.length ?? 0) <= maxMessagesPerCommit)) {
        const write = pending.shift() as PendingWrite;
        batch.push(write);
        size += write.messages.length;
      }
      commitsInFlight++;
      const committing = commitIsolated(batch).finally(() => {
        commitsInFlight--;
        scheduleCommit();
      });
      track(committing);
      scheduleCommit();
    });
  }

  /**
   * Commits a batch and answers each write. A batch is one statement, so one write Postgres refuses would
   * fail every request in it: then the halves are committed apart, down to the write at fault, and only its
   * request fails. An unavailable database fails them all at once (retrying apart would only wait longer).
   */
  async function commitIsolated(batch: PendingWrite[]): Promise<void> {
    try {
      await commit(batch);
      for (const write of batch) write.resolve();
    } catch (error) {
      if (batch.length === 1 || isUnavailable(error)) {
        for (const write of batch) write.reject(error);
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await commitIsolated(batch.slice(0, half));
      await commitIsolated(batch.slice(half));
    }
  }

  async function commit(batch: PendingWrite[]) {
    // One request's one message is a single send; a batch's messages are bulk, and wait behind its singles.
    const messages = batch.flatMap((write) => {
      const lane: Lane = write.messages.length > 1 ? 'bulk' : 'single';
      return write.messages.map((message) => ({ ...message, lane, attempts: 0, not_before: message.scheduled_at ?? null }));
    });
    const now = new Date();
    const accepted = messages.map((message) => {
      const data = message.scheduled_at ? { scheduled_at: message.scheduled_at.toISOString() } : {};
      const type = message.status === 'scheduled' ? ('scheduled' as const) : ('queued' as const);
      const row = messageEventRow({ message, type, data, dedupeKey: `${message.id}:accepted`, at: now });
      return { row, webhookEvent: messageWebhookEvent({ ...row, data, created_at: now }, message) };
    });
    const statement = acceptStatement(
      messages.map((message) => ({ ...message, created_at: now, updated_at: now })),
      accepted.map((event) => event.row),
      now,
    );
    const webhookTargets = await routeEvents(ctx, accepted.map((event) => event.webhookEvent));
    const extras = batch.filter((write) => write.alsoInTransaction);
    // Scheduled messages become ready when due (the dispatcher's promoter); the rest are ready now.
    const markSendsReady = () =>
      markReady(
        ctx,
        messages.filter((message) => message.not_before === null),
      ).catch((error: unknown) => ctx.logger.error({ err: error }, 'telling the send scheduler failed; the reconciler will'));
    // One statement, without a transaction, when nothing else must commit with it (the common case).
    if (extras.length === 0 && webhookTargets.length === 0) {
      await statement.execute(ctx.db);
      await markSendsReady();
      return;
    }
    await transaction(ctx.db, async (trx) => {
      await statement.execute(trx);
      for (const write of extras) await write.alsoInTransaction?.(trx);
      // Hooks run in order after the commit: the schedulers first, then the webhook deliveries staged here.
      await onCommit(trx, markSendsReady);
      await stageDeliveries(within(ctx, trx), webhookTargets);
    });
  }

  return { commitMessages, settled };
}

const writers = contextCache(createMessageWriter);

/**
 * Group commit: the messages of concurrent requests are inserted, counted and enqueued together, in one
 * statement (or transaction) and one queue round trip, and each request is answered once its own messages
 * are durable. Pass the application's context, not one inside a transaction: the commit is its own.
 */
export const commitMessages = (ctx: AppContext, messages: NewMessage[], alsoInTransaction?: PendingWrite['alsoInTransaction']) =>
  writers(ctx).commitMessages(messages, alsoInTransaction);

/** Resolves once every write handed to `commitMessages` so far is committed and enqueued (shutdown waits for it). */
export const writesSettled = (ctx: AppContext) => writers(ctx).settled();
