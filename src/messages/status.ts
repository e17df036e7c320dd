import { type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import { type AppContext, within } from '../context.js';
import { type Database, transaction } from '../platform/db.js';
import type { Channel, KeyEnvironment, MessageEventType } from '../platform/schema/index.js';
import type { EventType, PlatformEvent } from '../platform/event-types.js';
import { newId } from '../platform/ids.js';
import { routeEvents, stageDeliveries } from '../webhooks/fan-out.js';

// Changing messages: every status change commits with its timeline events and their webhook deliveries.

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
 * Runs `change` and records the timeline events it returns in one transaction (the context's, when it has
 * one), so a crash keeps both or neither; the events' webhook deliveries commit with them and are enqueued after.
 */
export async function changeMessages<T>(
  ctx: AppContext,
  change: (trx: Transaction<Database>) => Promise<{ result: T; events: NewMessageEvent[] }>,
): Promise<T> {
  return transaction(ctx.db, async (trx) => {
    const { result, events } = await change(trx);
    await recordMessageEvents(within(ctx, trx), events);
    return result;
  });
}

const waitingStatuses = ['queued', 'scheduled'] as const;

/**
 * Cancels waiting (queued or scheduled) messages that `candidates` selects (by id), 500 at a time: each batch
 * moves its messages and records their `canceled` events and webhooks in one transaction. Returns how many.
 */
export async function cancelWaitingMessages(
  ctx: AppContext,
  candidates: (trx: Transaction<Database>) => SelectQueryBuilder<any, any, { id: string }>,
  cancel: { lastError: string; data: Record<string, unknown> },
): Promise<number> {
  const batchSize = 500;
  let canceled = 0;
  for (;;) {
    const batch = await changeMessages(ctx, async (trx) => {
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
async function recordMessageEvents(ctx: AppContext, events: NewMessageEvent[]): Promise<void> {
  if (events.length === 0) return;
  const trx = ctx.db;
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
  await stageDeliveries(ctx, await routeEvents(ctx, webhookEvents));
}
