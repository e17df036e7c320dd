import { config } from '../src/config.js';
import { db } from '../src/db/index.js';
import { queue, queueNames } from '../src/queues.js';
import { deleteTenantData, resumeDeletions } from '../src/tenant-deletion.js';
import { cancelExpiredHolds, type ReleaseJob, releaseHeldMessages, republishStatusEvents } from '../src/tenant-suspension.js';
import type { QueueProcessor } from './runtime.js';

export const tenantsProcessor: QueueProcessor = {
  queue: 'tenants',
  process: async (job) => {
    if (job.name === 'delete') return deleteTenantData(db, (job.data as { tenantId: string }).tenantId);
    if (job.name === 'release') return { released: await releaseHeldMessages(db, job.data as ReleaseJob) };
    if (job.name === 'sweep') {
      return {
        republished: await republishStatusEvents(db),
        canceled: await cancelExpiredHolds(),
        deletionsResumed: await resumeDeletions(db),
      };
    }
    return undefined;
  },
  options: {
    // A deletion runs for up to a minute: the sweep and releases must not wait behind it.
    concurrency: 4,
    // A killed worker's deletion is taken over within seconds (lock expiry + the stalled check), and a
    // deletion that outlives a few killed workers is not failed for it.
    lockDuration: 10_000,
    stalledInterval: 5_000,
    maxStalledCount: 10,
  },
  // One scheduler however many processes register it: BullMQ keys schedulers by id.
  schedule: async () => {
    await queue(queueNames.tenants).upsertJobScheduler('sweep', { every: config.RECONCILE_INTERVAL_MS }, { name: 'sweep' });
  },
};
