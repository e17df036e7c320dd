import type { Worker } from 'bullmq';
import type { AppContext } from '../src/context.js';
import { allQueueNames, type QueueName } from '../src/platform/jobs.js';
import { domainsProcessor } from './domains.js';
import { importsProcessor } from './imports.js';
import { maintenanceProcessor } from './maintenance.js';
import { type AnyQueueProcessor, registerSchedules, startWorker } from './runtime.js';
import { sendEmailProcessor } from './send-email.js';
import { sendSmsProcessor } from './send-sms.js';
import { tenantsProcessor } from './tenants.js';
import { webhooksProcessor } from './webhooks.js';

const processors: AnyQueueProcessor[] = [
  sendEmailProcessor,
  sendSmsProcessor,
  domainsProcessor,
  webhooksProcessor,
  tenantsProcessor,
  importsProcessor,
  maintenanceProcessor,
];

/**
 * Starts the processors of the queues named in WORKER_QUEUES (all when empty) and registers their schedulers;
 * `reregisterEveryMs` keeps registering them (see startWorker).
 */
export async function startWorkers(ctx: AppContext, reregisterEveryMs?: number): Promise<Worker[]> {
  const { WORKER_QUEUES } = ctx.config;
  const wanted = new Set<string>(WORKER_QUEUES.length > 0 ? WORKER_QUEUES : allQueueNames);
  const unknown = [...wanted].filter((name) => !allQueueNames.includes(name as QueueName));
  if (unknown.length > 0) throw new Error(`WORKER_QUEUES names unknown queues: ${unknown.join(', ')}`);
  const selected = processors.filter((processor) => wanted.has(processor.queue));
  for (const processor of selected) await registerSchedules(ctx, processor);
  ctx.logger.info({ queues: selected.map((processor) => processor.queue) }, 'workers started');
  return selected.map((processor) => startWorker(ctx, processor, reregisterEveryMs));
}
