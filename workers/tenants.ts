import type { QueueProcessor } from './runtime.js';

export const tenantsProcessor: QueueProcessor = {
  queue: 'tenants',
  process: async () => undefined,
};
