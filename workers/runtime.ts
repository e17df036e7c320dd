import { type Processor, Worker, type WorkerOptions } from 'bullmq';
import { config } from '../src/config.js';
import { logger } from '../src/logger.js';
import { type QueueName, workerConnection } from '../src/queues.js';

/** One queue's processor: each file in workers/ exports one of these. */
export interface QueueProcessor {
  queue: QueueName;
  process: Processor;
  options?: Omit<WorkerOptions, 'connection' | 'prefix'>;
  /** Registers this queue's job schedulers; idempotent, so every process may call it. */
  schedule?: () => Promise<void>;
}

export function startWorker(processor: QueueProcessor): Worker {
  const worker = new Worker(processor.queue, processor.process, {
    connection: workerConnection(),
    prefix: config.QUEUE_PREFIX,
    ...processor.options,
  });
  worker.on('failed', (job, error) =>
    logger.warn({ queue: processor.queue, jobId: job?.id, attempt: job?.attemptsMade, err: error }, 'job failed'),
  );
  worker.on('error', (error) => logger.error({ queue: processor.queue, err: error }, 'worker error'));
  return worker;
}
