import { eraseExpiredContent } from '../src/messages/content-retention.js';
import { reconcileMessages } from '../src/messages/reconciler.js';
import { pruneIdempotencyRecords } from '../src/idempotency/records.js';
import { parseJob } from '../src/platform/jobs.js';
import type { QueueProcessor } from './runtime.js';

export const maintenanceProcessor: QueueProcessor<'maintenance'> = {
  queue: 'maintenance',
  process: async (ctx, job) => {
    const { name } = parseJob('maintenance', job);
    if (name === 'reconcile') return { requeued: await reconcileMessages(ctx) };
    if (name === 'prune-idempotency') {
      await pruneIdempotencyRecords(ctx.db);
      return undefined;
    }
    return { erased: await eraseExpiredContent(ctx.db, new Date(ctx.clock().getTime() - ctx.config.MESSAGE_CONTENT_RETENTION_DAYS * 86_400_000)) };
  },
  schedules: [
    { id: 'reconcile', every: (config) => config.RECONCILE_INTERVAL_MS, job: 'reconcile' },
    { id: 'prune-idempotency', every: () => 3_600_000, job: 'prune-idempotency' },
    // A run stops after its time budget (30 s), so a backlog drains over several runs.
    { id: 'erase-message-content', every: () => 300_000, job: 'erase-message-content' },
  ],
};
