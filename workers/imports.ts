import type { QueueProcessor } from './runtime.js';

export const importsProcessor: QueueProcessor = {
  queue: 'imports',
  process: async () => undefined,
};
