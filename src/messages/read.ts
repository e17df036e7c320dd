import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { z } from 'zod';
import { visibleTo } from '../access/tenant-scope.js';
import type { Db } from '../platform/db.js';
import { type MessageTable, messageStatuses } from '../platform/schema/index.js';
import { notFound } from '../platform/errors.js';
import { fetchPage, pageQuery } from '../platform/pagination.js';
import type { Principal } from '../access/principal.js';

// Reading messages: list, get with the timeline, and the API shape.

type MessageRow = Selectable<MessageTable>;

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
