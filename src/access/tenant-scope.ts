// "Who may see this row": the tenant where-clauses and look-ups every feature shares. A shared layer, so it
// imports no feature module (checked by `npm run lint:deps`).
import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../platform/db.js';
import type { Tenant } from '../platform/schema/index.js';
import { notFound } from '../platform/errors.js';

/**
 * A where-clause for rows whose tenant column (`table.tenant_id`) is null or names a tenant not being
 * deleted: a deleting tenant's resources answer 404 from the moment DELETE returns.
 */
export const tenantNotDeleting = (tenantColumn: string) =>
  sql<boolean>`not exists (select 1 from tenants where tenants.id = ${sql.ref(tenantColumn)} and tenants.status = 'deleting')`;

/**
 * A where-clause for the rows of `table` a caller may see: its org's, none of a deleting tenant's, and for a
 * tenant-bound caller (`tenantId` not null) only its tenant's.
 */
export const visibleTo = (table: keyof Database, scope: { orgId: string; tenantId: string | null }) =>
  sql<boolean>`${sql.ref(`${table}.org_id`)} = ${scope.orgId} and ${tenantNotDeleting(`${table}.tenant_id`)}${
    scope.tenantId === null ? sql`` : sql` and ${sql.ref(`${table}.tenant_id`)} = ${scope.tenantId}`
  }`;

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
