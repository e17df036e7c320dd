import { z } from 'zod';
import type { Db } from './db/index.js';
import { isUniqueViolation } from './db/errors.js';
import type { Tenant } from './db/schema.js';
import { ApiError, conflict, notFound } from './errors.js';
import { newId } from './ids.js';
import { type PageQuery, pageQuery, toPage } from './pagination.js';

const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lower-case letters, digits and inner hyphens only');
const metadata = z
  .record(z.string().max(64), z.string().max(512))
  .refine((value) => Object.keys(value).length <= 50, 'at most 50 keys');

export const createTenantInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  slug,
  external_ref: z.string().min(1).max(255).nullish(),
  metadata: metadata.optional(),
});

export const updateTenantInput = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  slug: slug.optional(),
  external_ref: z.string().min(1).max(255).nullable().optional(),
  metadata: metadata.optional(),
  status: z.enum(['active', 'suspended']).optional(),
});

export const listTenantsQuery = pageQuery.extend({
  external_ref: z.string().max(255).optional(),
  status: z.enum(['active', 'suspended', 'deleting']).optional(),
});

export function presentTenant(tenant: Tenant) {
  return {
    id: tenant.id,
    name: tenant.name,
    slug: tenant.slug,
    external_ref: tenant.external_ref,
    status: tenant.status,
    metadata: tenant.metadata,
    created_at: tenant.created_at.toISOString(),
  };
}

const slugTaken = (value: string) => conflict('SLUG_TAKEN', `slug ${value} is already used by another tenant of this org`);

export async function createTenant(db: Db, orgId: string, input: z.infer<typeof createTenantInput>) {
  try {
    const tenant = await db
      .insertInto('tenants')
      .values({
        id: newId('tenant'),
        org_id: orgId,
        name: input.name,
        slug: input.slug,
        external_ref: input.external_ref ?? null,
        metadata: JSON.stringify(input.metadata ?? {}),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return presentTenant(tenant);
  } catch (error) {
    if (isUniqueViolation(error, 'tenants_org_slug_unique')) throw slugTaken(input.slug);
    throw error;
  }
}

export async function findTenant(db: Db, orgId: string, tenantId: string): Promise<Tenant | undefined> {
  return db
    .selectFrom('tenants')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', tenantId)
    .executeTakeFirst();
}

export async function getTenant(db: Db, orgId: string, tenantId: string) {
  const tenant = await findTenant(db, orgId, tenantId);
  if (!tenant) throw notFound('tenant', tenantId);
  return presentTenant(tenant);
}

/** A tenant that can own new resources: exists in the org and is not being deleted. */
export async function assertTenantUsable(db: Db, orgId: string, tenantId: string): Promise<Tenant> {
  const tenant = await findTenant(db, orgId, tenantId);
  if (!tenant || tenant.status === 'deleting') throw notFound('tenant', tenantId);
  return tenant;
}

export async function listTenants(db: Db, orgId: string, query: PageQuery & z.infer<typeof listTenantsQuery>) {
  let select = db.selectFrom('tenants').selectAll().where('org_id', '=', orgId);
  if (query.after) select = select.where('id', '<', query.after);
  if (query.external_ref !== undefined) select = select.where('external_ref', '=', query.external_ref);
  if (query.status) select = select.where('status', '=', query.status);
  const rows = await select.orderBy('id', 'desc').limit(query.limit + 1).execute();
  return toPage(rows, query.limit, presentTenant);
}

export async function updateTenant(db: Db, orgId: string, tenantId: string, input: z.infer<typeof updateTenantInput>) {
  try {
    const tenant = await db
      .updateTable('tenants')
      .set({
        name: input.name,
        slug: input.slug,
        external_ref: input.external_ref,
        metadata: input.metadata === undefined ? undefined : JSON.stringify(input.metadata),
        status: input.status,
        updated_at: new Date(),
      })
      .where('org_id', '=', orgId)
      .where('id', '=', tenantId)
      .where('status', '!=', 'deleting')
      .returningAll()
      .executeTakeFirst();
    if (tenant) return presentTenant(tenant);
    if (await findTenant(db, orgId, tenantId)) {
      throw new ApiError(409, 'conflict_error', 'TENANT_DELETING', `tenant ${tenantId} is being deleted`);
    }
    throw notFound('tenant', tenantId);
  } catch (error) {
    if (input.slug && isUniqueViolation(error, 'tenants_org_slug_unique')) throw slugTaken(input.slug);
    throw error;
  }
}
