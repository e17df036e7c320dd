import { runImport } from '../src/audiences.js';
import { db } from '../src/db/index.js';
import { parseJob } from '../src/queues.js';
import type { QueueProcessor } from './runtime.js';

export const importsProcessor: QueueProcessor = {
  queue: 'imports',
  process: async (job) => runImport(db, parseJob('imports', job).data.importId),
};
