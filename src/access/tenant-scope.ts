// "Who may see this row": the tenant where-clauses and look-ups every feature shares. A shared layer, so it
// imports no feature module (checked by `npm run lint:deps`).
import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../platform/db.js';
import type { Tenant } from '../platform/schema/index.js';
import { notFound } from '../platform/errors.js';

/**
 * A where-clause for rows whose tenant column (`table.tenant_id`) is null or names a tenant not being
 * deleted: a deleting tenant's resources answer 404 from the moment DELETE returns. Correlated per row, so
 * only for short lists; `visibleTo` is the form for pages of big tables.
 */
export const tenantNotDeleting = (tenantColumn: string) =>
  sql<boolean>`not exists (select 1 from tenants where tenants.id = ${sql.ref(tenantColumn)} and tenants.status = 'deleting')`;

/**
 * A where-clause for the rows of `table` a caller may see: its org's, none of a deleting tenant's, and for a
 * tenant-bound caller (`tenantId` not null) only its tenant's.
 *
 * "Not deleting" is asked once per statement, not once per row: for a tenant-bound caller an uncorrelated
 * `not exists` on its own tenant (a one-time filter), for a root caller `not in` the org's deleting tenants
 * (one hashed set, usually empty; `<> all (array(…))` would be estimated to keep 0.1 % of rows). A per-row
 * anti-join made the planner expect one row and read whole tables (seq scan and sort) for a page of 50.
 */
export const visibleTo = (table: keyof Database, scope: { orgId: string; tenantId: string | null }) => {
  const tenantColumn = sql.ref(`${table}.tenant_id`);
  const inOrg = sql`${sql.ref(`${table}.org_id`)} = ${scope.orgId}`;
  if (scope.tenantId !== null) {
    return sql<boolean>`${inOrg} and ${tenantColumn} = ${scope.tenantId} and ${tenantIdNotDeleting(scope.tenantId)}`;
  }
  return sql<boolean>`${inOrg} and (${tenantColumn} is null or ${tenantColumn} not in (${deletingTenantIds(scope.orgId)}))`;
};

/** True unless the given tenant is being deleted: uncorrelated, so Postgres evaluates it once per statement. */
export const tenantIdNotDeleting = (tenantId: string) =>
  sql<boolean>`not exists (select 1 from tenants where tenants.id = ${tenantId} and tenants.status = 'deleting')`;

/** The org's tenants being deleted (found through the tenants_not_active partial index). */
const deletingTenantIds = (orgId: string) =>
  sql`select tenants.id from tenants where tenants.org_id = ${orgId} and tenants.status = 'deleting'`;

/** A where-clause for rows whose tenant column is null or names an active tenant (not suspended, not deleting). */
export const tenantActive = (tenantColumn: string) =>
  sql<boolean>`(${sql.ref(tenantColumn)} is null or exists (select 1 from tenants where tenants.id = ${sql.ref(tenantColumn)} and tenants.status = 'active'))`;

export async function findTenant(db: Db, orgId: string, tenantId: string): Promise<Tenant | undefined> {
  return db
    .selectFrom('tenants')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', tenantId)
    .executeTakeFirst();
}

/** A tenant that can own new resources: exists in the org and is not being deleted. */
export async function assertTenantUsable(db: Db, orgId: string, tenantId: string): Promise<Tenant> {
  const tenant = await findTenant(db, orgId, tenantId);
  if (!tenant || tenant.status === 'deleting') throw notFound('tenant', tenantId);
  return tenant;
}

/** The org's tenant, locked until the transaction ends: status changes and deletion queue behind each other. */
export async function lockTenant(trx: Transaction<Database>, orgId: string, tenantId: string): Promise<Tenant> {
  const tenant = await trx
    .selectFrom('tenants')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!tenant) throw notFound('tenant', tenantId);
  return tenant;
}
