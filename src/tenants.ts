import { type ColumnType, type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { findTenant, lockTenant } from './access/tenant-scope.js';
import { config } from './config.js';
import type { Database, Db } from './db/index.js';
import { isUniqueViolation } from './db/errors.js';
import type { Tenant, TenantStatus } from './db/schema.js';
import { ApiError, conflict, notFound } from './errors.js';
import { deterministicEventId, type PlatformEvent, statusEventGraceMs } from './events.js';
import { newId } from './ids.js';
import { keysChanged } from './key-cache.js';
import { logger } from './logger.js';
import { enqueueSendJobs, messagesPerJob } from './message-writer.js';
import { changeMessages } from './messages.js';
import { fetchPage, type PageQuery, pageQuery } from './pagination.js';
import { queue, queueNames } from './queues.js';
import { deletionProgress } from './tenant-deletion.js';
import { publishEvents } from './webhooks.js';

declare module './db/schema.js' {
  interface TenantTable {
    /** When the current (or, once reactivated, the last) suspension began. */
    suspended_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    /** A status transition whose tenant.suspended/reactivated event is not yet published. */
    status_event_pending: ColumnType<boolean, boolean | undefined, boolean>;
  }
}

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
    suspended_at: tenant.status === 'suspended' ? (tenant.suspended_at?.toISOString() ?? null) : null,
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
export async function updateTenant(
  db: Kysely<Database>,
  orgId: string,
  tenantId: string,
  input: z.infer<typeof updateTenantInput>,
) {
  let transition: TenantStatus | undefined;
  let tenant: Tenant;
  try {
    tenant = await db.transaction().execute(async (trx) => {
      const current = await lockTenant(trx, orgId, tenantId);
      if (current.status === 'deleting') throw tenantDeleting(tenantId);
      transition = input.status !== undefined && input.status !== current.status ? input.status : undefined;
      const now = new Date();
      return trx
        .updateTable('tenants')
        .set({
          name: input.name,
          slug: input.slug,
          external_ref: input.external_ref,
          metadata: input.metadata === undefined ? undefined : JSON.stringify(input.metadata),
          status: input.status,
          suspended_at: transition === 'suspended' ? now : undefined,
          status_event_pending: transition ? true : undefined,
          updated_at: now,
        })
        .where('id', '=', tenantId)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
  } catch (error) {
    if (input.slug && isUniqueViolation(error, 'tenants_org_slug_unique')) throw slugTaken(input.slug);
    throw error;
  }
  if (transition) {
    await keysChanged({ tenantId });
    // The change is committed; a failed publish or enqueue is repaired by the tenants sweep.
    await publishStatusEvent(db, tenant).catch((error: unknown) =>
      logger.error({ err: error, tenantId }, 'publishing the tenant status event failed; the sweep will retry'),
    );
    if (transition === 'active') {
      await requestRelease(tenant).catch((error: unknown) =>
        logger.error({ err: error, tenantId }, 'enqueueing held messages failed; the reconciler will send them'),
      );
    }
  }
  return presentTenant(tenant);
}

// ---------------------------------------------------------------------------------------------
// Suspension: events, releasing held messages on reactivation, canceling them after the hold

/**
 * tenant.suspended / tenant.reactivated go to org-level endpoints only (a tenant's own endpoints belong to
 * the customer being suspended). The id names the suspension it starts or ends, so each transition is
 * its own event however often it is published.
 */
async function publishStatusEvent(db: Db, tenant: Tenant) {
  const type = tenant.status === 'suspended' ? 'tenant.suspended' : 'tenant.reactivated';
  const { id, ...described } = presentTenant(tenant);
  const event: PlatformEvent = {
    id: deterministicEventId(`${type}:${tenant.id}:${tenant.suspended_at?.getTime() ?? 0}`),
    type,
    orgId: tenant.org_id,
    tenantId: null,
    createdAt: tenant.updated_at,
    data: { tenant_id: id, ...described },
  };
  await publishEvents(db, [event]);
  await db
    .updateTable('tenants')
    .set({ status_event_pending: false })
    .where('id', '=', tenant.id)
    .where('status', '=', tenant.status)
    .where('updated_at', '=', tenant.updated_at)
    .execute();
}

/** Publishes the events of transitions whose publisher died first (idempotent by event id). */
export async function republishStatusEvents(db: Db): Promise<number> {
  const owed = await db
    .selectFrom('tenants')
    .selectAll()
    .where('status_event_pending', '=', true)
    .where('updated_at', '<', new Date(Date.now() - statusEventGraceMs))
    .where('status', 'in', ['active', 'suspended'])
    .limit(500)
    .execute();
  for (const tenant of owed) await publishStatusEvent(db, tenant);
  return owed.length;
}

export interface ReleaseJob {
  tenantId: string;
  /** The suspension being ended: names the send jobs, so a retried release adds no second set. */
  suspendedAt: number;
}

async function requestRelease(tenant: Tenant) {
  const suspendedAt = tenant.suspended_at?.getTime() ?? 0;
  await queue(queueNames.tenants).add('release', { tenantId: tenant.id, suspendedAt } satisfies ReleaseJob, {
    jobId: `release-${tenant.id}-${suspendedAt}`,
  });
}

const releasePageSize = 1_000;

/**
 * Enqueues the messages a suspension held back (queued, or scheduled and now due) so they go out now,
 * instead of when the reconciler next looks. Sending stays idempotent: a message is claimed once.
 */
export async function releaseHeldMessages(db: Db, job: ReleaseJob): Promise<number> {
  let released = 0;
  let after = '';
  for (;;) {
    const tenant = await db.selectFrom('tenants').select('status').where('id', '=', job.tenantId).executeTakeFirst();
    // Suspended again (or being deleted) meanwhile: what is left waits for the next reactivation.
    if (tenant?.status !== 'active') return released;
    const page = await db
      .selectFrom('messages')
      .select(['id', 'channel'])
      .where('tenant_id', '=', job.tenantId)
      .where('id', '>', after)
      .where((eb) =>
        eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'scheduled'), eb('scheduled_at', '<=', new Date())])]),
      )
      .orderBy('id')
      .limit(releasePageSize)
      .execute();
    for (const channel of ['email', 'sms'] as const) {
      const ofChannel = page.filter((message) => message.channel === channel);
      for (let start = 0; start < ofChannel.length; start += messagesPerJob) {
        const chunk = ofChannel.slice(start, start + messagesPerJob);
        const jobId = `release-${chunk[0]?.id}-${job.suspendedAt}`;
        await enqueueSendJobs(
          channel === 'email' ? queueNames.sendEmail : queueNames.sendSms,
          chunk.map((message) => ({ id: message.id, job_id: jobId })),
        );
      }
    }
    released += page.length;
    if (page.length < releasePageSize) return released;
    after = page.at(-1)?.id ?? after;
  }
}

const holdBatchSize = 500;

/**
 * Cancels what a suspension has held for longer than SUSPENSION_HOLD_HOURS: messages of a tenant
 * suspended that long that have been due (queued, or scheduled for a time) that long. Each batch moves
 * status and records the `canceled` event in one transaction; the webhooks go out after it commits.
 */
export async function cancelExpiredHolds(): Promise<number> {
  const cutoff = new Date(Date.now() - config.SUSPENSION_HOLD_HOURS * 3_600_000);
  const reason = `canceled: the tenant was suspended for more than ${config.SUSPENSION_HOLD_HOURS} hours`;
  let canceled = 0;
  for (;;) {
    const batch = await changeMessages(async (trx) => {
      const messages = await trx
        .updateTable('messages')
        .set({ status: 'canceled', last_error: reason, updated_at: new Date() })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('messages')
            .innerJoin('tenants', 'tenants.id', 'messages.tenant_id')
            .select('messages.id')
            .where('tenants.status', '=', 'suspended')
            .where('tenants.suspended_at', '<', cutoff)
            .where('messages.status', 'in', ['queued', 'scheduled'])
            .where(sql<Date>`coalesce(messages.scheduled_at, messages.created_at)`, '<', cutoff)
            .limit(holdBatchSize)
            .forUpdate(['messages'])
            .skipLocked(),
        )
        .where('status', 'in', ['queued', 'scheduled'])
        .returning(['id', 'org_id', 'tenant_id', 'channel', 'environment'])
        .execute();
      const events = messages.map((message) => ({
        message,
        type: 'canceled' as const,
        data: { reason: 'tenant_suspended' },
        dedupeKey: `${message.id}:canceled`,
      }));
      return { result: messages.length, events };
    });
    canceled += batch;
    if (batch < holdBatchSize) return canceled;
  }
}
