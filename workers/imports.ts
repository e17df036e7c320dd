import { runImport } from '../src/audiences/audiences.js';
import { parseJob } from '../src/platform/jobs.js';
import type { QueueProcessor } from './runtime.js';

export const importsProcessor: QueueProcessor<'imports'> = {
  queue: 'imports',
  process: async (ctx, job) => runImport(ctx.db, parseJob('imports', job).data.importId),
};
