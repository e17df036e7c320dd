import { type ColumnType, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { type Database, type Db, db } from './db/index.js';
import type { KeyEnvironment } from './db/schema.js';
import { notFound } from './errors.js';
import type { EventType, PlatformEvent } from './events.js';
import { newId } from './ids.js';
import { fetchPage, pageQuery } from './pagination.js';
import type { Principal } from './principal.js';
import { addSuppressions } from './suppressions.js';
import { enqueueStagedDeliveries, routeEvents, type StagedDelivery, stageDeliveries } from './webhooks.js';
import { visibleTo } from './tenants.js';

export type MessageStatus =
  | 'queued'
  | 'scheduled'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'delivery_delayed'
  | 'bounced'
  | 'complained'
  | 'failed'
  | 'suppressed'
  | 'canceled';

export type MessageEventType =
  | 'queued'
  | 'scheduled'
  | 'sent'
  | 'delivered'
  | 'delivery_delayed'
  | 'bounced'
  | 'complained'
  | 'opened'
  | 'clicked'
  | 'failed'
  | 'suppressed'
  | 'canceled';

export type Channel = 'email' | 'sms';

export interface MessageTable {
  id: string;
  org_id: string;
  tenant_id: string | null;
  key_id: string | null;
  channel: Channel;
  environment: KeyEnvironment;
  status: MessageStatus;
  sender: string;
  recipients: string[];
  subject: string | null;
  domain_id: string | null;
  content: ColumnType<Record<string, unknown>, string, string>;
  /** Set when the retention pass erased the content's bodies, attachments and template variables. */
  content_erased_at: Date | null;
  tags: ColumnType<{ name: string; value: string }[], string, string>;
  scheduled_at: Date | null;
  job_id: string | null;
  claimed_at: Date | null;
  handed_over_at: Date | null;
  provider_message_id: string | null;
  last_error: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  sent_at: Date | null;
}

export interface MessageEventTable {
  id: string;
  message_id: string;
  org_id: string;
  tenant_id: string | null;
  type: MessageEventType;
  recipient: string | null;
  data: ColumnType<Record<string, unknown>, string, string>;
  dedupe_key: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

declare module './db/schema.js' {
  interface Database {
    messages: MessageTable;
    message_events: MessageEventTable;
  }
}

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

export interface ProviderEvent {
  messageId: string;
  type: 'delivered' | 'delivery_delayed' | 'bounced' | 'complained' | 'opened' | 'clicked' | 'failed';
  recipients: string[];
  occurredAt: Date;
  /** Makes the call idempotent (the SNS MessageId, for example). */
  providerEventId: string;
  /** Bounces: a permanent bounce suppresses the recipient; a transient one is a delay. */
  permanent?: boolean;
  details: Record<string, unknown>;
}

/** Which current statuses a provider event may move a message out of: a late delay never undoes a delivery. */
const statusAfter: Record<ProviderEvent['type'], { to: MessageStatus; from: MessageStatus[] } | undefined> = {
  delivered: { to: 'delivered', from: ['sending', 'sent', 'delivery_delayed'] },
  delivery_delayed: { to: 'delivery_delayed', from: ['sending', 'sent'] },
  bounced: { to: 'bounced', from: ['sending', 'sent', 'delivery_delayed', 'delivered'] },
  complained: { to: 'complained', from: ['sending', 'sent', 'delivery_delayed', 'delivered'] },
  failed: { to: 'failed', from: ['sending', 'sent', 'delivery_delayed'] },
  opened: undefined,
  clicked: undefined,
};

export async function applyProviderEvent(event: ProviderEvent): Promise<void> {
  const type = event.type === 'bounced' && event.permanent === false ? 'delivery_delayed' : event.type;
  await changeMessages(async (trx) => {
    const message = await trx
      .selectFrom('messages')
      .select(['id', 'org_id', 'tenant_id', 'channel', 'environment'])
      .where('id', '=', event.messageId)
      .executeTakeFirst();
    if (!message) return { result: undefined, events: [] };

    const transition = statusAfter[type];
    if (transition) {
      await trx
        .updateTable('messages')
        .set({ status: transition.to, updated_at: new Date() })
        .where('id', '=', message.id)
        .where('status', 'in', transition.from)
        .execute();
    }
    if (type === 'bounced' || type === 'complained') {
      await addSuppressions(
        trx,
        event.recipients.map((address) => ({
          orgId: message.org_id,
          tenantId: message.tenant_id,
          environment: message.environment,
          address,
          reason: type === 'bounced' ? ('bounce' as const) : ('complaint' as const),
          source: message.id,
        })),
      );
    }
    const recipients = event.recipients.length > 0 ? event.recipients : [null];
    const events = recipients.map((recipient) => ({
      message,
      type,
      recipient,
      data: event.details,
      dedupeKey: `${event.providerEventId}:${type}:${recipient ?? ''}`,
      at: event.occurredAt,
    }));
    return { result: undefined, events };
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
  status: z
    .enum([
      'queued',
      'scheduled',
      'sending',
      'sent',
      'delivered',
      'delivery_delayed',
      'bounced',
      'complained',
      'failed',
      'suppressed',
      'canceled',
    ])
    .optional(),
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
