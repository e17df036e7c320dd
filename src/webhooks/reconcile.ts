import type { Db } from '../platform/db.js';
import { idFloor } from '../platform/ids.js';
import { queueNames } from '../platform/jobs.js';
import { enqueueDeliveries } from './retry-policy.js';
import type { AppContext } from '../context.js';

// Upkeep of the delivery tables: re-enqueueing deliveries Redis lost, and pruning old history.

const reconcileGraceMs = 5 * 60_000;

/**
 * Removes webhook history older than `olderThan`: finished deliveries (their attempts go with them), then
 * events no delivery refers to any more. Pending deliveries stay however old. Batched by primary key (ids
 * sort by time), so no statement holds locks for long. Returns the rows removed.
 */
export async function pruneWebhookHistory(db: Db, olderThan: Date, batchSize = 5_000): Promise<number> {
  const inBatches = async (deleteBatch: () => Promise<{ numDeletedRows: bigint }>) => {
    let removed = 0;
    for (;;) {
      const deleted = Number((await deleteBatch()).numDeletedRows);
      removed += deleted;
      if (deleted < batchSize) return removed;
    }
  };
  const deliveries = await inBatches(() =>
    db
      .deleteFrom('webhook_deliveries')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('webhook_deliveries')
          .select('id')
          .where('id', '<', idFloor('webhookDelivery', olderThan))
          .where('status', '!=', 'pending')
          .limit(batchSize),
      )
      .executeTakeFirst(),
  );
  const events = await inBatches(() =>
    db
      .deleteFrom('webhook_events')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('webhook_events as event')
          .select('event.id')
          .where('event.id', '<', idFloor('event', olderThan))
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('webhook_deliveries as delivery').select('delivery.id').whereRef('delivery.event_id', '=', 'event.id'))),
          )
          .limit(batchSize),
      )
      .executeTakeFirst(),
  );
  return deliveries + events;
}

/** Re-enqueues pending deliveries whose job Redis no longer holds (lost, flushed). Returns how many. */
export async function reconcileDeliveries(ctx: AppContext, limit = 1_000): Promise<number> {
  const { db } = ctx;
  const candidates = await db
    .selectFrom('webhook_deliveries')
    .select(['id', 'endpoint_id', 'job_id', 'tenant_id', 'org_id'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<', new Date(Date.now() - reconcileGraceMs))
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  const lost: typeof candidates = [];
  for (const delivery of candidates) {
    if (!(await ctx.jobs.isLive(queueNames.webhooks, delivery.job_id))) lost.push({ ...delivery, job_id: `${delivery.id}-requeue-${Date.now()}` });
  }
  for (const delivery of lost) {
    await db
      .updateTable('webhook_deliveries')
      .set({ job_id: delivery.job_id })
      .where('id', '=', delivery.id)
      .where('status', '=', 'pending')
      .execute();
  }
  await enqueueDeliveries(ctx.jobs, lost);
  if (lost.length > 0) ctx.logger.warn({ count: lost.length }, 're-enqueued webhook deliveries Redis had lost');
  return lost.length;
}
