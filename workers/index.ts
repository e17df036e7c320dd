import type { Worker } from 'bullmq';
import { config } from '../src/platform/config.js';
import { logger } from '../src/platform/logger.js';
import { allQueueNames, type QueueName } from '../src/platform/jobs.js';
import { domainsProcessor } from './domains.js';
import { importsProcessor } from './imports.js';
import { maintenanceProcessor } from './maintenance.js';
import { type QueueProcessor, startWorker } from './runtime.js';
import { sendEmailProcessor } from './send-email.js';
import { sendSmsProcessor } from './send-sms.js';
import { tenantsProcessor } from './tenants.js';
import { webhooksProcessor } from './webhooks.js';

const processors: QueueProcessor[] = [
  sendEmailProcessor,
  sendSmsProcessor,
  domainsProcessor,
  webhooksProcessor,
  tenantsProcessor,
  importsProcessor,
  maintenanceProcessor,
];

/** Starts the processors of the queues named in WORKER_QUEUES (all when empty) and their schedulers. */
export async function startWorkers(): Promise<Worker[]> {
  const wanted = new Set<string>(config.WORKER_QUEUES.length > 0 ? config.WORKER_QUEUES : allQueueNames);
  const unknown = [...wanted].filter((name) => !allQueueNames.includes(name as QueueName));
  if (unknown.length > 0) throw new Error(`WORKER_QUEUES names unknown queues: ${unknown.join(', ')}`);
  const selected = processors.filter((processor) => wanted.has(processor.queue));
  for (const processor of selected) await processor.schedule?.();
  logger.info({ queues: selected.map((processor) => processor.queue) }, 'workers started');
  return selected.map(startWorker);
}
