import type { QueueProcessor } from './runtime.js';

export const webhooksProcessor: QueueProcessor = {
  queue: 'webhooks',
  process: async () => undefined,
};
