import { type Processor, Worker, type WorkerOptions } from 'bullmq';
import { config } from '../src/platform/config.js';
import { logger } from '../src/platform/logger.js';
import { observeJob } from '../src/platform/metrics.js';
import { type QueueName, workerConnection } from '../src/platform/jobs.js';

/** One queue's processor: each file in workers/ exports one of these. */
export interface QueueProcessor {
  queue: QueueName;
  process: Processor;
  options?: Omit<WorkerOptions, 'connection' | 'prefix'>;
  /** Registers this queue's job schedulers; idempotent, so every process may call it. */
  schedule?: () => Promise<void>;
}

let reregisterEveryMs: number | undefined;

/**
 * Makes the workers started from now on register their queue's job schedulers again every `everyMs`.
 * Schedulers live in Redis: this brings them back after Redis lost its data (a flush, a failover without
 * persistence), which is when the reconciler they run is needed most. Worker processes turn it on;
 * workers inside a test process do not, so no scheduler runs there unasked.
 */
export function keepSchedulersRegistered(everyMs: number): void {
  reregisterEveryMs = everyMs;
}

export function startWorker(processor: QueueProcessor): Worker {
  const worker = new Worker(processor.queue, processor.process, {
    connection: workerConnection(),
    prefix: config.QUEUE_PREFIX,
    ...processor.options,
  });
  // A failed attempt that will be retried has no finishedOn yet.
  const seconds = (job: { processedOn?: number; finishedOn?: number }) =>
    job.processedOn ? ((job.finishedOn ?? Date.now()) - job.processedOn) / 1000 : 0;
  worker.on('completed', (job) => observeJob(processor.queue, 'completed', seconds(job)));
  worker.on('failed', (job, error) => {
    if (job) observeJob(processor.queue, 'failed', seconds(job));
    logger.warn({ queue: processor.queue, jobId: job?.id, attempt: job?.attemptsMade, err: error }, 'job failed');
  });
  worker.on('error', (error) => logger.error({ queue: processor.queue, err: error }, 'worker error'));
  const schedule = processor.schedule;
  if (schedule && reregisterEveryMs !== undefined) {
    const timer = setInterval(() => {
      schedule().catch((error: unknown) => logger.warn({ queue: processor.queue, err: error }, 'registering job schedulers failed'));
    }, reregisterEveryMs);
    timer.unref();
    worker.once('closing', () => clearInterval(timer));
  }
  return worker;
}
