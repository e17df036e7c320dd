import { sql } from 'kysely';
import { z } from 'zod';
import { findTenant, lockTenant } from '../access/tenant-scope.js';
import { type Db, onCommit, transaction } from '../platform/db.js';
import { isUniqueViolation } from '../platform/db-errors.js';
import type { Tenant } from '../platform/schema/index.js';
import { ApiError, conflict, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { fetchPage, type PageQuery, pageQuery } from '../platform/pagination.js';
import { deletionProgress } from './deletion.js';
import { applySendRates, dropSender } from '../messages/send/schedulers.js';
import { quotaField, sendRates, tenantLimitsInput, type TenantLimitsInput } from './limits.js';
import { presentTenant } from './record.js';
import { publishStatusEvent, requestRelease } from './suspension.js';
import type { AppContext } from '../context.js';
import { restartQuotaCounts } from '../usage/quotas.js';

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
  limits: tenantLimitsInput.optional(),
});

export const updateTenantInput = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  slug: slug.optional(),
  external_ref: z.string().min(1).max(255).nullable().optional(),
  metadata: metadata.optional(),
  status: z.enum(['active', 'suspended']).optional(),
  limits: tenantLimitsInput.optional(),
});

export const listTenantsQuery = pageQuery.extend({
  external_ref: z.string().max(255).optional(),
  status: z.enum(['active', 'suspended', 'deleting']).optional(),
});

const slugTaken = (value: string) => conflict('SLUG_TAKEN', `slug ${value} is already used by another tenant of this org`);

export async function createTenant(ctx: AppContext, orgId: string, input: z.infer<typeof createTenantInput>) {
  try {
    const tenant = await ctx.db
      .insertInto('tenants')
      .values({
        id: newId('tenant'),
        org_id: orgId,
        name: input.name,
        slug: input.slug,
        external_ref: input.external_ref ?? null,
        metadata: JSON.stringify(input.metadata ?? {}),
        // The org's defaults, with what the request gives over them.
        limits: sql<string>`(select default_tenant_limits from orgs where id = ${orgId}) || ${JSON.stringify(input.limits ?? {})}::jsonb`,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (tenant.limits.email_per_second !== null || tenant.limits.sms_per_second !== null) await holdToSendRates(ctx, tenant);
    return presentTenant(tenant);
  } catch (error) {
    if (isUniqueViolation(error, 'tenants_org_slug_unique')) throw slugTaken(input.slug);
    throw error;
  }
}

/** A tenant; one being deleted comes with the deletion's progress. */
export async function getTenant(db: Db, orgId: string, tenantId: string) {
  const tenant = await findTenant(db, orgId, tenantId);
  if (!tenant) throw notFound('tenant', tenantId);
  if (tenant.status !== 'deleting') return presentTenant(tenant);
  return { ...presentTenant(tenant), deletion: await deletionProgress(db, tenantId) };
}

export async function listTenants(db: Db, orgId: string, query: PageQuery & z.infer<typeof listTenantsQuery>) {
  let select = db.selectFrom('tenants').selectAll().where('org_id', '=', orgId);
  if (query.external_ref !== undefined) select = select.where('external_ref', '=', query.external_ref);
  if (query.status) select = select.where('status', '=', query.status);
  return fetchPage(select, query, presentTenant);
}

const tenantDeleting = (tenantId: string) =>
  new ApiError(409, 'conflict_error', 'TENANT_DELETING', `tenant ${tenantId} is being deleted`);

/**
 * Updates a tenant. Suspending or reactivating it is a transition: it is stamped, its event is owed
 * (status_event_pending) in the same transaction, then published; reactivation also sends what was held.
 */
export async function updateTenant(ctx: AppContext, orgId: string,
  tenantId: string,
  input: z.infer<typeof updateTenantInput>,
) {
  const { db } = ctx;
  try {
    const tenant = await transaction(db, async (trx) => {
      const current = await lockTenant(trx, orgId, tenantId);
      if (current.status === 'deleting') throw tenantDeleting(tenantId);
      const transition = input.status !== undefined && input.status !== current.status ? input.status : undefined;
      const now = new Date();
      const updated = await trx
        .updateTable('tenants')
        .set({
          name: input.name,
          slug: input.slug,
          external_ref: input.external_ref,
          metadata: input.metadata === undefined ? undefined : JSON.stringify(input.metadata),
          status: input.status,
          suspended_at: transition === 'suspended' ? now : undefined,
          status_event_pending: transition ? true : undefined,
          limits: input.limits === undefined ? undefined : sql<string>`limits || ${JSON.stringify(input.limits)}::jsonb`,
          updated_at: now,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', tenantId)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (input.limits) await limitsChanged(ctx, trx, current, updated, input.limits);
      if (transition) await onCommit(trx, () => afterTransition(ctx, updated));
      return updated;
    });
    return presentTenant(tenant);
  } catch (error) {
    if (input.slug && isUniqueViolation(error, 'tenants_org_slug_unique')) throw slugTaken(input.slug);
    throw error;
  }
}

/**
 * A quota set where there was none starts counting afresh from the month's committed usage: while the tenant
 * had no quota its sends reserved nothing. Keys cache their tenant's limits, so they are dropped after commit.
 */
async function limitsChanged(ctx: AppContext, trx: Db, current: Tenant, updated: Tenant, limits: TenantLimitsInput) {
  const channels = (['email', 'sms'] as const).filter((channel) => {
    const field = quotaField[channel];
    return current.limits[field] === null && limits[field] != null;
  });
  await restartQuotaCounts(trx, current.id, channels, ctx.clock());
  const ratesChanged =
    updated.limits.email_per_second !== current.limits.email_per_second || updated.limits.sms_per_second !== current.limits.sms_per_second;
  await onCommit(trx, async () => {
    await ctx.keys.changed({ tenantId: current.id });
    if (ratesChanged) await holdToSendRates(ctx, updated);
  });
}

/** The send schedulers shape the tenant's sends from now on; a failure here is repaired by the tenants sweep. */
async function holdToSendRates(ctx: AppContext, tenant: Tenant) {
  await applySendRates(ctx, tenant.id, sendRates(tenant.limits)).catch((error: unknown) =>
    ctx.logger.warn({ err: error, tenantId: tenant.id }, 'setting the send schedulers to the tenant rates failed; the tenants sweep will'),
  );
}

/** What follows a committed suspension or reactivation; a failed publish or enqueue is repaired by the tenants sweep. */
async function afterTransition(ctx: AppContext, tenant: Tenant) {
  await ctx.keys.changed({ tenantId: tenant.id });
  // Its waiting messages stay in Postgres; the release restores them to the schedulers on reactivation.
  if (tenant.status === 'suspended') {
    await dropSender(ctx, tenant.id).catch((error: unknown) =>
      ctx.logger.warn({ err: error, tenantId: tenant.id }, 'dropping a suspended tenant from the send schedulers failed; its grants are refunded'),
    );
  }
  await publishStatusEvent(ctx, tenant).catch((error: unknown) =>
    ctx.logger.error({ err: error, tenantId: tenant.id }, 'publishing the tenant status event failed; the sweep will retry'),
  );
  if (tenant.status === 'active') {
    await requestRelease(ctx, tenant).catch((error: unknown) =>
      ctx.logger.error({ err: error, tenantId: tenant.id }, 'enqueueing held messages failed; the reconciler will send them'),
    );
  }
}
