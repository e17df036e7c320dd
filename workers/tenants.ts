import { config } from '../src/platform/config.js';
import { db } from '../src/platform/db.js';
import { parseJob, queueNames, scheduleJob } from '../src/platform/jobs.js';
import { deleteTenantData, resumeDeletions } from '../src/tenants/deletion.js';
import { cancelExpiredHolds, releaseHeldMessages, republishStatusEvents } from '../src/tenants/suspension.js';
import type { QueueProcessor } from './runtime.js';

export const tenantsProcessor: QueueProcessor = {
  queue: 'tenants',
  process: async (job) => {
    const parsed = parseJob('tenants', job);
    if (parsed.name === 'delete') return deleteTenantData(db, parsed.data.tenantId);
    if (parsed.name === 'release') return { released: await releaseHeldMessages(db, parsed.data) };
    return {
      republished: await republishStatusEvents(db),
      canceled: await cancelExpiredHolds(),
      deletionsResumed: await resumeDeletions(db),
    };
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
    await scheduleJob(queueNames.tenants, 'sweep', { every: config.RECONCILE_INTERVAL_MS }, 'sweep', {});
  },
};
