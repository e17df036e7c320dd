import { db } from '../src/db/index.js';
import { checkPendingDomains, scheduleDomainChecks } from '../src/domains.js';
import { parseJob } from '../src/queues.js';
import type { QueueProcessor } from './runtime.js';

export const domainsProcessor: QueueProcessor = {
  queue: 'domains',
  process: async (job) => {
    parseJob('domains', job);
    return checkPendingDomains(db);
  },
  schedule: scheduleDomainChecks,
};
