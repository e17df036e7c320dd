import { db } from '../src/platform/db.js';
import { checkPendingDomains, scheduleDomainChecks } from '../src/domains/domains.js';
import { parseJob } from '../src/platform/jobs.js';
import type { QueueProcessor } from './runtime.js';

export const domainsProcessor: QueueProcessor = {
  queue: 'domains',
  process: async (job) => {
    parseJob('domains', job);
    return checkPendingDomains(db);
  },
  schedule: scheduleDomainChecks,
};
