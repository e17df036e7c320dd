import type { AppContext } from '../src/context.js';
import { startDispatcher } from '../src/messages/send/dispatcher.js';
import { allQueueNames } from '../src/platform/jobs.js';
import type { Channel } from '../src/platform/schema/index.js';
import { domainsProcessor } from './domains.js';
import { importsProcessor } from './imports.js';
import { maintenanceProcessor } from './maintenance.js';
import { type AnyQueueProcessor, registerSchedules, startWorker } from './runtime.js';
import { tenantsProcessor } from './tenants.js';
import { webhooksProcessor } from './webhooks.js';

const processors: AnyQueueProcessor[] = [domainsProcessor, webhooksProcessor, tenantsProcessor, importsProcessor, maintenanceProcessor];

/** The send loops (not queues: they take the fair scheduler's grants), selected by these names. */
const sendLoops: Record<string, Channel> = { 'send-email': 'email', 'send-sms': 'sms' };
const workerNames = [...Object.keys(sendLoops), ...allQueueNames];

/** What a worker process runs and must close on shutdown: BullMQ workers and the send dispatcher. */
export interface Running {
  close(): Promise<void>;
}

/**
 * Starts what WORKER_QUEUES names (everything when empty): the send loops and the processors of the other
 * queues, with their schedulers; `reregisterEveryMs` keeps registering those (see startWorker).
 */
export async function startWorkers(ctx: AppContext, reregisterEveryMs?: number): Promise<Running[]> {
  const { WORKER_QUEUES } = ctx.config;
  const wanted = new Set<string>(WORKER_QUEUES.length > 0 ? WORKER_QUEUES : workerNames);
  const unknown = [...wanted].filter((name) => !workerNames.includes(name));
  if (unknown.length > 0) throw new Error(`WORKER_QUEUES names unknown queues: ${unknown.join(', ')} (known: ${workerNames.join(', ')})`);
  const selected = processors.filter((processor) => wanted.has(processor.queue));
  await Promise.all(selected.map((processor) => registerSchedules(ctx, processor)));
  const channels = Object.entries(sendLoops).flatMap(([name, channel]) => (wanted.has(name) ? [channel] : []));
  ctx.logger.info({ queues: [...wanted] }, 'workers started');
  return [startDispatcher(ctx, channels), ...selected.map((processor) => startWorker(ctx, processor, reregisterEveryMs))];
}
