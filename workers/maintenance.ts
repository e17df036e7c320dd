import { config } from '../src/platform/config.js';
import { eraseExpiredContent } from '../src/messages/content-retention.js';
import { db } from '../src/platform/db.js';
import { parseJob, queueNames, scheduleJob } from '../src/platform/jobs.js';
import { pruneIdempotencyRecords, reconcileMessages } from '../src/messages/reconciler.js';
import type { QueueProcessor } from './runtime.js';

export const maintenanceProcessor: QueueProcessor = {
  queue: 'maintenance',
  process: async (job) => {
    const { name } = parseJob('maintenance', job);
    if (name === 'reconcile') return { requeued: await reconcileMessages() };
    if (name === 'prune-idempotency') {
      await pruneIdempotencyRecords();
      return undefined;
    }
    return { erased: await eraseExpiredContent(db, new Date(Date.now() - config.MESSAGE_CONTENT_RETENTION_DAYS * 86_400_000)) };
  },
  // One scheduler per job however many processes register it: BullMQ keys schedulers by id.
  schedule: async () => {
    await scheduleJob(queueNames.maintenance, 'reconcile', { every: config.RECONCILE_INTERVAL_MS }, 'reconcile', {});
    await scheduleJob(queueNames.maintenance, 'prune-idempotency', { every: 3_600_000 }, 'prune-idempotency', {});
    // A run stops after its time budget (30 s), so a backlog drains over several runs.
    await scheduleJob(queueNames.maintenance, 'erase-message-content', { every: 300_000 }, 'erase-message-content', {});
  },
};
