import type { Selectable } from 'kysely';
import type { SmsSenderTable } from '../../platform/schema/index.js';
import { sql } from 'kysely';
import { z } from 'zod';
import { assertTenantUsable, visibleTo } from '../../access/tenant-scope.js';
import type { Db } from '../../platform/db.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import { ApiError, conflict, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { fetchPage, type PageQuery, pageQuery } from '../../platform/pagination.js';
import { actingTenantId, type Principal } from '../../access/principal.js';

type SmsSender = Selectable<SmsSenderTable>;

export const senderId = z.string().regex(/^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}$/, '3 to 11 letters and digits, at least one letter');
export const originationNumber = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number like +14155550100');

export const createSmsSenderInput = z
  .strictObject({
    tenant_id: z.string().max(64).nullish(),
    sender_id: senderId.optional(),
    origination_number: originationNumber.optional(),
  })
  .refine((input) => (input.sender_id === undefined) !== (input.origination_number === undefined), {
    path: ['sender_id'],
    message: 'give sender_id or origination_number (one of them)',
  });

export const listSmsSendersQuery = pageQuery.extend({ tenant_id: z.string().max(64).optional() });

export function presentSmsSender(sender: SmsSender) {
  return { id: sender.id, tenant_id: sender.tenant_id, type: sender.type, value: sender.value, created_at: sender.created_at.toISOString() };
}

/** The sender a message names, if any: SNS then shows it instead of the account's default. */
function namedSender(input: { sender_id?: string | null; origination_number?: string | null }) {
  if (input.sender_id) return { type: 'sender_id' as const, value: input.sender_id };
  if (input.origination_number) return { type: 'origination_number' as const, value: input.origination_number };
  return undefined;
}

/** Handsets show sender ids as given, but ACMEBANK and AcmeBank are the same brand (numbers have no case). */
const sameValue = (value: string) => sql<boolean>`upper(sms_senders.value) = upper(${value})`;

export async function createSmsSender(db: Db, principal: Principal, input: z.infer<typeof createSmsSenderInput>) {
  const tenantId = actingTenantId(principal, input.tenant_id);
  if (tenantId) await assertTenantUsable(db, principal.orgId, tenantId);
  const { type, value } = namedSender(input) as NonNullable<ReturnType<typeof namedSender>>;
  try {
    const sender = await db
      .insertInto('sms_senders')
      .values({ id: newId('smsSender'), org_id: principal.orgId, tenant_id: tenantId, type, value })
      .returningAll()
      .executeTakeFirstOrThrow();
    return presentSmsSender(sender);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict('SMS_SENDER_TAKEN', `${value} is already registered${type === 'sender_id' ? ' in this org' : ''}`);
    }
    throw error;
  }
}

/**
 * The senders a key may send as: a root key any of its org's; a tenant-bound key its tenant's and the
 * org-wide ones (tenant_id null, e.g. the platform's own brand).
 */
const usableBy = (principal: Principal) =>
  principal.tenantId === null
    ? visibleTo('sms_senders', principal)
    : sql<boolean>`sms_senders.org_id = ${principal.orgId} and (sms_senders.tenant_id is null or sms_senders.tenant_id = ${principal.tenantId})`;

function scopedSenders(db: Db, principal: Principal) {
  return db.selectFrom('sms_senders').selectAll().where(usableBy(principal));
}

export async function listSmsSenders(db: Db, principal: Principal, query: PageQuery & z.infer<typeof listSmsSendersQuery>) {
  let select = scopedSenders(db, principal);
  if (query.tenant_id) select = select.where('tenant_id', '=', query.tenant_id);
  return fetchPage(select, query, presentSmsSender);
}

export async function getSmsSender(db: Db, principal: Principal, senderId: string) {
  const sender = await scopedSenders(db, principal).where('id', '=', senderId).executeTakeFirst();
  if (!sender) throw notFound('SMS sender', senderId);
  return presentSmsSender(sender);
}

export async function deleteSmsSender(db: Db, principal: Principal, senderId: string) {
  const deleted = await db.deleteFrom('sms_senders').where(visibleTo('sms_senders', principal)).where('id', '=', senderId).returning('id').executeTakeFirst();
  if (!deleted) throw notFound('SMS sender', senderId);
  return { id: deleted.id, deleted: true };
}

/**
 * A send naming a sender id or an origination number must use one its key may use (see usableBy);
 * otherwise any tenant could send as another's brand or number.
 */
export async function assertSmsSenderAllowed(db: Db, principal: Principal, input: { sender_id?: string; origination_number?: string }) {
  const named = namedSender(input);
  if (!named) return;
  const registered = await db
    .selectFrom('sms_senders')
    .select('id')
    .where(usableBy(principal))
    .where('type', '=', named.type)
    .where(sameValue(named.value))
    .executeTakeFirst();
  if (!registered) {
    throw new ApiError(403, 'permission_error', 'SMS_SENDER_NOT_REGISTERED', `${named.type}: ${named.value} is not registered for this key's tenant; a platform-root key registers it with POST /api/v1/sms/senders`);
  }
}

/**
 * The messages among `messages` whose sender is no longer registered for their tenant (deleted since the
 * message was accepted), with why: they must not go out under it. One query for the whole batch.
 */
export async function unregisteredSmsSenders(
  db: Db,
  messages: { id: string; org_id: string; tenant_id: string | null; content: Record<string, unknown> }[],
): Promise<Map<string, string>> {
  const named = messages.flatMap((message) => {
    const sender = namedSender(message.content as { sender_id?: string; origination_number?: string });
    return sender ? [{ message, sender }] : [];
  });
  if (named.length === 0) return new Map();
  const rows = await db
    .selectFrom('sms_senders')
    .select(['org_id', 'tenant_id', 'type', 'value'])
    .where('org_id', 'in', [...new Set(named.map(({ message }) => message.org_id))])
    .where(sql`upper(value)`, 'in', [...new Set(named.map(({ sender }) => sender.value.toUpperCase()))])
    .execute();
  const refusals = new Map<string, string>();
  for (const { message, sender } of named) {
    const stillRegistered = rows.some(
      (row) =>
        row.org_id === message.org_id &&
        row.type === sender.type &&
        row.value.toUpperCase() === sender.value.toUpperCase() &&
        (row.tenant_id === null || message.tenant_id === null || row.tenant_id === message.tenant_id),
    );
    if (!stillRegistered) refusals.set(message.id, `${sender.type} ${sender.value} is no longer registered for this tenant`);
  }
  return refusals;
}
