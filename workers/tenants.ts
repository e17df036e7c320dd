import { parseJob } from '../src/platform/jobs.js';
import { deleteTenantData, resumeDeletions } from '../src/tenants/deletion.js';
import { cancelExpiredHolds, releaseHeldMessages, republishStatusEvents } from '../src/tenants/suspension.js';
import { syncSendRates } from '../src/tenants/limits.js';
import type { QueueProcessor } from './runtime.js';

export const tenantsProcessor: QueueProcessor<'tenants'> = {
  queue: 'tenants',
  process: async (ctx, job) => {
    const parsed = parseJob('tenants', job);
    if (parsed.name === 'delete') return deleteTenantData(ctx, parsed.data.tenantId);
    if (parsed.name === 'release') return { released: await releaseHeldMessages(ctx, parsed.data) };
    return {
      republished: await republishStatusEvents(ctx),
      canceled: await cancelExpiredHolds(ctx),
      deletionsResumed: await resumeDeletions(ctx),
      sendRatesCorrected: await syncSendRates(ctx),
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
  schedules: [{ id: 'sweep', every: (config) => config.RECONCILE_INTERVAL_MS, job: 'sweep' }],
};
