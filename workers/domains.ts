import { db } from '../src/db/index.js';
import { checkPendingDomains, scheduleDomainChecks } from '../src/domains.js';
import type { QueueProcessor } from './runtime.js';

export const domainsProcessor: QueueProcessor = {
  queue: 'domains',
  process: async () => checkPendingDomains(db),
  schedule: scheduleDomainChecks,
};
