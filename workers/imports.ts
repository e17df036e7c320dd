import { type ImportJob, runImport } from '../src/audiences.js';
import { db } from '../src/db/index.js';
import type { QueueProcessor } from './runtime.js';

export const importsProcessor: QueueProcessor = {
  queue: 'imports',
  process: async (job) => runImport(db, (job.data as ImportJob).importId),
};
