import { runImport } from '../src/audiences/audiences.js';
import { db } from '../src/platform/db.js';
import { parseJob } from '../src/platform/jobs.js';
import type { QueueProcessor } from './runtime.js';

export const importsProcessor: QueueProcessor = {
  queue: 'imports',
  process: async (job) => runImport(db, parseJob('imports', job).data.importId),
};
