import { config } from '../src/config.js';
import { queue, queueNames } from '../src/queues.js';
import { pruneIdempotencyRecords, reconcileMessages } from '../src/reconciler.js';
import type { QueueProcessor } from './runtime.js';

export const maintenanceProcessor: QueueProcessor = {
  queue: 'maintenance',
  process: async (job) => {
    if (job.name === 'reconcile') return { requeued: await reconcileMessages() };
    if (job.name === 'prune-idempotency') await pruneIdempotencyRecords();
    return undefined;
  },
  // One scheduler per job however many processes register it: BullMQ keys schedulers by id.
  schedule: async () => {
    await queue(queueNames.maintenance).upsertJobScheduler('reconcile', { every: config.RECONCILE_INTERVAL_MS }, { name: 'reconcile' });
    await queue(queueNames.maintenance).upsertJobScheduler('prune-idempotency', { every: 3_600_000 }, { name: 'prune-idempotency' });
  },
};
