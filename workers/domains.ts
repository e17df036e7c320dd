import type { QueueProcessor } from './runtime.js';

export const domainsProcessor: QueueProcessor = {
  queue: 'domains',
  process: async () => undefined,
};
