import { config } from '../src/config.js';
import { eraseExpiredContent } from '../src/content-retention.js';
import { db } from '../src/db/index.js';
import { queue, queueNames } from '../src/queues.js';
import { pruneIdempotencyRecords, reconcileMessages } from '../src/reconciler.js';
import type { QueueProcessor } from './runtime.js';

export const maintenanceProcessor: QueueProcessor = {
  queue: 'maintenance',
  process: async (job) => {
    if (job.name === 'reconcile') return { requeued: await reconcileMessages() };
    if (job.name === 'prune-idempotency') await pruneIdempotencyRecords();
    if (job.name === 'erase-message-content') {
      return { erased: await eraseExpiredContent(db, new Date(Date.now() - config.MESSAGE_CONTENT_RETENTION_DAYS * 86_400_000)) };
    }
    return undefined;
  },
  // One scheduler per job however many processes register it: BullMQ keys schedulers by id.
  schedule: async () => {
    await queue(queueNames.maintenance).upsertJobScheduler('reconcile', { every: config.RECONCILE_INTERVAL_MS }, { name: 'reconcile' });
    await queue(queueNames.maintenance).upsertJobScheduler('prune-idempotency', { every: 3_600_000 }, { name: 'prune-idempotency' });
    // A run stops after its time budget (30 s), so a backlog drains over several runs.
    await queue(queueNames.maintenance).upsertJobScheduler('erase-message-content', { every: 300_000 }, { name: 'erase-message-content' });
  },
};
