import { sql } from 'kysely';
import { z } from 'zod';
import { assertTenantUsable, tenantIdNotDeleting, visibleTo } from '../access/tenant-scope.js';
import type { Db } from '../platform/db.js';
import { type KeyEnvironment, type Suppression, type SuppressionReason, suppressionReasons } from '../platform/schema/index.js';
import { ApiError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { assertMayChange, environmentVisibleTo } from '../access/object-environment.js';
import { fetchPage, type PageQuery, pageQuery } from '../platform/pagination.js';
import { actingTenantId, type Principal } from '../access/principal.js';

const uniqueConstraint = 'suppressions_org_address_environment_tenant_unique';
const e164 = /^\+[1-9][0-9]{6,14}$/;
const email = z.email();

const address = z
  .string()
  .trim()
  .max(320)
  .toLowerCase()
  .refine(
    (value) => e164.test(value) || email.safeParse(value).success,
    'must be an email address or an E.164 phone number (+14155550100)',
  );
const reason = z.enum(suppressionReasons, { error: `must be one of ${suppressionReasons.join(', ')}` });

export const createSuppressionInput = z.strictObject({
  address,
  tenant_id: z.string().max(64).nullish(),
  reason: reason.default('manual'),
});

export const listSuppressionsQuery = pageQuery.extend({
  address: address.optional(),
  tenant_id: z.string().max(64).optional(),
  reason: reason.optional(),
});

export function presentSuppression(suppression: Suppression) {
  return {
    id: suppression.id,
    address: suppression.address,
    tenant_id: suppression.tenant_id,
    environment: suppression.environment,
    reason: suppression.reason,
    source: suppression.source,
    created_at: suppression.created_at.toISOString(),
  };
}

/** A key's reach: the whole org for a root key; its own tenant's and the org-wide ones for a tenant-bound key. */
function suppressionsInScope(db: Db, principal: Principal) {
  const select = db.selectFrom('suppressions').selectAll();
  const tenantId = principal.tenantId;
  if (tenantId === null) return select.where(visibleTo('suppressions', principal));
  return select
    .where('org_id', '=', principal.orgId)
    .where(sql<boolean>`(suppressions.tenant_id is null or (suppressions.tenant_id = ${tenantId} and ${tenantIdNotDeleting(tenantId)}))`);
}

/** What a key may read: those in its reach, only the test ones for a test key. */
function visibleSuppressions(db: Db, principal: Principal) {
  return suppressionsInScope(db, principal).where(environmentVisibleTo('suppressions', principal));
}

/**
 * Creates a suppression in the key's environment, or answers the existing one for the same org, tenant,
 * environment and address (`created: false`).
 */
export async function createSuppression(db: Db, principal: Principal, input: z.infer<typeof createSuppressionInput>) {
  const tenantId = actingTenantId(principal, input.tenant_id);
  if (principal.tenantId === null && tenantId !== null) await assertTenantUsable(db, principal.orgId, tenantId);
  const { inserted, ...row } = await db
    .insertInto('suppressions')
    .values({
      id: newId('suppression'),
      org_id: principal.orgId,
      tenant_id: tenantId,
      environment: principal.environment,
      address: input.address,
      reason: input.reason,
      source: principal.keyId,
    })
    // A no-op update rather than DO NOTHING, so the existing row is returned by the same statement.
    .onConflict((oc) =>
      oc.constraint(uniqueConstraint).doUpdateSet({ address: (eb) => eb.ref('suppressions.address') }),
    )
    .returningAll()
    // xmax is 0 only on a freshly inserted row version.
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .executeTakeFirstOrThrow();
  return { created: inserted, suppression: presentSuppression(row) };
}

export async function listSuppressions(
  db: Db,
  principal: Principal,
  query: PageQuery & z.infer<typeof listSuppressionsQuery>,
) {
  let select = visibleSuppressions(db, principal);
  // Like every list: a filter on a tenant the key cannot see finds nothing.
  if (query.tenant_id !== undefined) select = select.where('tenant_id', '=', query.tenant_id);
  if (query.address !== undefined) select = select.where('address', '=', query.address);
  if (query.reason) select = select.where('reason', '=', query.reason);
  return fetchPage(select, query, presentSuppression);
}

export async function getSuppression(db: Db, principal: Principal, suppressionId: string) {
  const row = await visibleSuppressions(db, principal).where('id', '=', suppressionId).executeTakeFirst();
  if (!row) throw notFound('suppression', suppressionId);
  return presentSuppression(row);
}

/**
 * Root keys delete any suppression of the org; tenant-bound keys only their own tenant's (an org-wide one they
 * can read is a 403); test keys only test ones (a live one in their reach is a 403).
 */
export async function deleteSuppression(db: Db, principal: Principal, suppressionId: string) {
  const suppression = await suppressionsInScope(db, principal).where('id', '=', suppressionId).executeTakeFirst();
  if (!suppression) throw notFound('suppression', suppressionId);
  assertMayChange(principal, suppression, 'suppressions');
  if (principal.tenantId !== null && suppression.tenant_id === null) {
    throw new ApiError(
      403,
      'permission_error',
      'ORG_WIDE_SUPPRESSION',
      `suppression ${suppressionId} is org-wide; only a platform-root key can delete it`,
    );
  }
  const deleted = await db
    .deleteFrom('suppressions')
    .where('org_id', '=', principal.orgId)
    .where('id', '=', suppression.id)
    .returning('id')
    .executeTakeFirst();
  if (!deleted) throw notFound('suppression', suppressionId);
  return { id: deleted.id, deleted: true };
}

/** The messages a suppression lookup is for: one org, tenant and environment. */
export interface SuppressionScope {
  org_id: string;
  tenant_id: string | null;
  environment: KeyEnvironment;
}

/** The scope and address of one recipient of a message, as `suppressedAmong` takes and answers it. */
export const suppressionKey = (scope: SuppressionScope, address: string) =>
  `${scope.org_id}/${scope.tenant_id ?? ''}/${scope.environment}/${address.toLowerCase()}`;

/**
 * Which of these recipients are suppressed, each for its own scope (its tenant's list plus the org-wide one, in
 * its environment), in one query however many tenants and orgs they span. Answers their `suppressionKey`s.
 */
export async function suppressedAmong(db: Db, recipients: readonly { scope: SuppressionScope; address: string }[]): Promise<Set<string>> {
  const distinct = new Map(recipients.map(({ scope, address }) => [suppressionKey(scope, address), { scope, address: address.toLowerCase() }]));
  if (distinct.size === 0) return new Set();
  const asked = [...distinct.values()];
  const { rows } = await sql<{ org_id: string; tenant_id: string | null; environment: KeyEnvironment; address: string }>`
    select q.org_id, q.tenant_id, q.environment, q.address
      from unnest(${asked.map((entry) => entry.scope.org_id)}::text[], ${asked.map((entry) => entry.scope.tenant_id)}::text[],
                  ${asked.map((entry) => entry.scope.environment)}::text[], ${asked.map((entry) => entry.address)}::text[])
        as q(org_id, tenant_id, environment, address)
     -- Two exact lookups in the unique index: one "tenant is null or ours" condition would read the address's
     -- suppressions of every tenant of the org (all 100,000 of them, for an address they all bounced).
     where exists (select 1 from suppressions as s
                    where s.org_id = q.org_id and s.address = q.address and s.environment = q.environment and s.tenant_id is null)
        or exists (select 1 from suppressions as s
                    where s.org_id = q.org_id and s.address = q.address and s.environment = q.environment and s.tenant_id = q.tenant_id)`.execute(db);
  return new Set(rows.map((row) => suppressionKey(row, row.address)));
}

export interface NewSuppression {
  orgId: string;
  tenantId: string | null;
  /** The environment of the send that bounced, complained or opted out. */
  environment: KeyEnvironment;
  address: string;
  reason: SuppressionReason;
  source?: string;
}

/** Records suppressions (bounces, complaints); an address already suppressed in that scope is left as is. */
export async function addSuppressions(db: Db, entries: NewSuppression[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries
    .map((entry) => ({
      id: newId('suppression'),
      org_id: entry.orgId,
      tenant_id: entry.tenantId,
      environment: entry.environment,
      address: entry.address.toLowerCase(),
      reason: entry.reason,
      source: entry.source ?? null,
    }))
    // One order for every caller: concurrent inserts of the same keys wait on each other, never deadlock.
    .sort(
      (a, b) =>
        compare(a.org_id, b.org_id) ||
        compare(a.address, b.address) ||
        compare(a.environment, b.environment) ||
        compare(a.tenant_id ?? '', b.tenant_id ?? ''),
    );
  await db
    .insertInto('suppressions')
    .values(rows)
    .onConflict((oc) => oc.constraint(uniqueConstraint).doNothing())
    .execute();
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
