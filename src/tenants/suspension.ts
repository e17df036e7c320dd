import { sql } from 'kysely';
import type { Tenant } from '../platform/schema/index.js';
import { deterministicEventId, type PlatformEvent, statusEventGraceMs } from '../platform/event-types.js';
import { restoreReadyCounts } from '../messages/reconciler.js';
import { cancelWaitingMessages } from '../messages/status.js';
import { type JobData, queueNames } from '../platform/jobs.js';
import { presentTenant } from './record.js';
import { publishEvents } from '../webhooks/fan-out.js';
import type { AppContext } from '../context.js';

// Suspension: events, releasing held messages on reactivation, canceling them after the hold.

/**
 * tenant.suspended / tenant.reactivated go to org-level endpoints only (a tenant's own endpoints belong to
 * the customer being suspended). The id names the suspension it starts or ends, so each transition is
 * its own event however often it is published.
 */
export async function publishStatusEvent(ctx: AppContext, tenant: Tenant) {
  const { db } = ctx;
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
  await publishEvents(ctx, [event]);
  await db
    .updateTable('tenants')
    .set({ status_event_pending: false })
    .where('id', '=', tenant.id)
    .where('status', '=', tenant.status)
    .where('updated_at', '=', tenant.updated_at)
    .execute();
}

/** Publishes the events of transitions whose publisher died first (idempotent by event id). */
export async function republishStatusEvents(ctx: AppContext): Promise<number> {
  const { db } = ctx;
  const owed = await db
    .selectFrom('tenants')
    .selectAll()
    .where('status_event_pending', '=', true)
    .where('updated_at', '<', new Date(Date.now() - statusEventGraceMs))
    .where('status', 'in', ['active', 'suspended'])
    .limit(500)
    .execute();
  for (const tenant of owed) await publishStatusEvent(ctx, tenant);
  return owed.length;
}

export async function requestRelease(ctx: AppContext, tenant: Tenant) {
  const suspendedAt = tenant.suspended_at?.getTime() ?? 0;
  await ctx.jobs.enqueue(queueNames.tenants, 'release', { tenantId: tenant.id, suspendedAt }, {
    jobId: `release-${tenant.id}-${suspendedAt}`,
  });
}

/**
 * Tells the send schedulers what a suspension held back (its queued messages) so they go out now, instead of
 * when the reconciler next looks; due scheduled ones follow with the promoter. Returns how many are ready.
 */
export async function releaseHeldMessages(ctx: AppContext, job: JobData<'tenants', 'release'>): Promise<number> {
  return restoreReadyCounts(ctx, job.tenantId);
}

/**
 * Cancels what a suspension has held for longer than SUSPENSION_HOLD_HOURS: messages of a tenant
 * suspended that long that have been due (queued, or scheduled for a time) that long.
 */
export async function cancelExpiredHolds(ctx: AppContext): Promise<number> {
  const cutoff = new Date(ctx.clock().getTime() - ctx.config.SUSPENSION_HOLD_HOURS * 3_600_000);
  const cancel = {
    lastError: `canceled: the tenant was suspended for more than ${ctx.config.SUSPENSION_HOLD_HOURS} hours`,
    data: { reason: 'tenant_suspended' },
  };
  return cancelWaitingMessages(
    ctx,
    (trx) =>
      trx
        .selectFrom('messages')
        .innerJoin('tenants', 'tenants.id', 'messages.tenant_id')
        .select('messages.id')
        .where('tenants.status', '=', 'suspended')
        .where('tenants.suspended_at', '<', cutoff)
        .where(sql<Date>`coalesce(messages.scheduled_at, messages.created_at)`, '<', cutoff)
        .forUpdate(['messages'])
        .skipLocked(),
    cancel,
  );
}
