import { sql } from 'kysely';
import { tenantActive } from '../access/tenant-scope.js';
import type { AppContext } from '../context.js';
import type { Channel, KeyEnvironment, Lane } from '../platform/schema/index.js';
import { deadClaimants, releaseAbandonedClaims, settleHandedOver } from './send/handover.js';
import { ensureReady } from './send/schedulers.js';

/**
 * Repairs what a dead worker or a Redis that lost its data left: hand-overs a worker died in are settled,
 * claims it died holding go back to the queue (as soon as its heartbeat has expired), and every sender's ready count in the schedulers becomes at
 * least what Postgres holds. Returns how many ready messages it found.
 */
export async function reconcileMessages(ctx: AppContext): Promise<number> {
  const dead = await deadClaimants(ctx);
  await settleHandedOver(ctx, dead);
  await releaseAbandonedClaims(ctx, dead);
  return restoreReadyCounts(ctx);
}

/** Tells the schedulers what Postgres holds ready (of one tenant, or of every active one). */
export async function restoreReadyCounts(ctx: AppContext, tenantId?: string): Promise<number> {
  const which = tenantId === undefined ? sql<boolean>`true` : sql<boolean>`tenant_id = ${tenantId}`;
  const { rows } = await sql<{ org_id: string; tenant_id: string | null; channel: Channel; environment: KeyEnvironment; lane: Lane; count: number }>`
    select org_id, tenant_id, channel, environment, lane, count(*)::int as count
      from messages
     where status in ('queued', 'scheduled') and not_before is null and ${which} and ${tenantActive('messages.tenant_id')}
     group by org_id, tenant_id, channel, environment, lane`.execute(ctx.db);
  await ensureReady(ctx, rows);
  return rows.reduce((sum, row) => sum + row.count, 0);
}
