import { type Selectable, sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../platform/db.js';
import { notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { OrgTable } from '../platform/schema/index.js';
import { tenantLimitsInput } from '../tenants/limits.js';

export async function createOrg(db: Db, name: string) {
  return db.insertInto('orgs').values({ id: newId('org'), name }).returningAll().executeTakeFirstOrThrow();
}

export async function orgExists(db: Db, orgId: string): Promise<boolean> {
  const row = await db.selectFrom('orgs').select('id').where('id', '=', orgId).executeTakeFirst();
  return row !== undefined;
}

export const updateOrgInput = z.strictObject({
  default_tenant_limits: tenantLimitsInput
    .optional()
    .meta({ description: 'the limits a tenant created from now on starts with (existing tenants keep theirs); null = no limit, an omitted field is unchanged' }),
});

function presentOrg(org: Selectable<OrgTable>) {
  return { id: org.id, name: org.name, default_tenant_limits: org.default_tenant_limits, created_at: org.created_at.toISOString() };
}

export async function getOrg(db: Db, orgId: string) {
  const org = await db.selectFrom('orgs').selectAll().where('id', '=', orgId).executeTakeFirst();
  if (!org) throw notFound('org', orgId);
  return presentOrg(org);
}

export async function updateOrg(db: Db, orgId: string, input: z.infer<typeof updateOrgInput>) {
  if (input.default_tenant_limits === undefined) return getOrg(db, orgId);
  const org = await db
    .updateTable('orgs')
    .set({
      default_tenant_limits: sql<string>`default_tenant_limits || ${JSON.stringify(input.default_tenant_limits)}::jsonb`,
    })
    .where('id', '=', orgId)
    .returningAll()
    .executeTakeFirst();
  if (!org) throw notFound('org', orgId);
  return presentOrg(org);
}
