import { type Job, Worker, type WorkerOptions } from 'bullmq';
import type { AppContext } from '../src/context.js';
import type { Config } from '../src/platform/config.js';
import type { JobName, QueueName } from '../src/platform/jobs.js';
import { observeJob } from '../src/platform/metrics.js';

/** A job a queue's scheduler adds every `every(config)` ms, keyed by `id` so every process may register it. */
export interface Schedule<Q extends QueueName> {
  id: string;
  every: (config: Config) => number;
  // Distributes over a union of queues, so a list of processors of different queues type-checks.
  job: Q extends QueueName ? JobName<Q> : never;
}

/** One queue's processor: each file in workers/ exports one of these. It only adapts a job to a module call. */
export interface QueueProcessor<Q extends QueueName = QueueName> {
  queue: Q;
  process: (ctx: AppContext, job: Job, token?: string) => Promise<unknown>;
  options?: Omit<WorkerOptions, 'connection' | 'prefix'>;
  schedules?: readonly Schedule<Q>[];
}

/** A processor of any one queue. */
export type AnyQueueProcessor = { [Q in QueueName]: QueueProcessor<Q> }[QueueName];

/** Registers (or updates) a processor's job schedulers; idempotent, so every process may call it. */
export async function registerSchedules(ctx: AppContext, processor: AnyQueueProcessor): Promise<void> {
  await Promise.all(
    (processor.schedules ?? []).map((schedule) =>
      // Scheduled jobs carry no data: each contract's scheduled jobs take none.
      ctx.jobs.scheduleJob(processor.queue, schedule.id, { every: schedule.every(ctx.config) }, schedule.job as never, {} as never),
    ),
  );
}

/**
 * Starts a processor's worker. With `reregisterEveryMs`, it registers its queue's job schedulers again at that
 * interval: schedulers live in Redis, and this brings them back after Redis lost its data (a flush, a failover
 * without persistence), which is when the reconcilers they run are needed most. Worker processes turn it on;
 * workers inside a test process do not, so no scheduler runs there unasked.
 */
export function startWorker(ctx: AppContext, processor: AnyQueueProcessor, reregisterEveryMs?: number): Worker {
  const { logger } = ctx;
  const worker = new Worker(processor.queue, (job, token) => processor.process(ctx, job, token), {
    connection: ctx.jobs.workerConnection(),
    prefix: ctx.config.QUEUE_PREFIX,
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
  if (processor.schedules && reregisterEveryMs !== undefined) {
    const timer = setInterval(() => {
      registerSchedules(ctx, processor).catch((error: unknown) => logger.warn({ queue: processor.queue, err: error }, 'registering job schedulers failed'));
    }, reregisterEveryMs);
    timer.unref();
    worker.once('closing', () => clearInterval(timer));
  }
  return worker;
}
