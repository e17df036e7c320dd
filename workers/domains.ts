import { checkPendingDomains } from '../src/domains/domains.js';
import { parseJob } from '../src/platform/jobs.js';
import type { QueueProcessor } from './runtime.js';

export const domainsProcessor: QueueProcessor<'domains'> = {
  queue: 'domains',
  process: async (ctx, job) => {
    parseJob('domains', job);
    return checkPendingDomains(ctx);
  },
  // The same job an operator's POST /api/cron/check-domains enqueues.
  schedules: [{ id: 'check-pending-domains', every: (config) => config.DOMAIN_CHECK_INTERVAL_MS, job: 'check-pending-domains' }],
};
