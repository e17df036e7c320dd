import { type Job, type JobsOptions, Queue, type RepeatOptions, UnrecoverableError } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';
import type { Config } from './config.js';

/** Every queue Sendoka runs. Names never contain `:` (BullMQ job and key rules). */
export const queueNames = {
  webhooks: 'webhooks',
  domains: 'domains',
  tenants: 'tenants',
  imports: 'imports',
  maintenance: 'maintenance',
} as const;

export type QueueName = (typeof queueNames)[keyof typeof queueNames];
export const allQueueNames = Object.values(queueNames) as QueueName[];

const noData = z.strictObject({});

/**
 * Every job each queue carries: job name → schema of its data. Producers are type-checked against it
 * (`enqueue`, `enqueueBulk`, `scheduleJob`) and processors parse with it (`parseJob`), so the two cannot drift.
 */
export const jobContracts = {
  webhooks: {
    // tenantKey tags the job's retries (webhooks/fair-share.ts); jobs queued before it existed lack it.
    deliver: z.strictObject({ deliveryId: z.string(), endpointId: z.string(), tenantKey: z.string().optional() }),
    reconcile: noData,
    prune: noData,
  },
  domains: { 'check-pending-domains': noData },
  tenants: {
    delete: z.strictObject({ tenantId: z.string() }),
    // suspendedAt names the suspension being ended: a release asked twice for it runs once (job id).
    release: z.strictObject({ tenantId: z.string(), suspendedAt: z.number().int() }),
    sweep: noData,
  },
  imports: { import: z.strictObject({ importId: z.string() }) },
  maintenance: { reconcile: noData, 'prune-idempotency': noData, 'erase-message-content': noData },
} as const satisfies Record<QueueName, Record<string, z.ZodType>>;

type JobContracts = typeof jobContracts;
export type JobName<Q extends QueueName> = keyof JobContracts[Q] & string;
export type JobData<Q extends QueueName, N extends JobName<Q>> = z.infer<JobContracts[Q][N] & z.ZodType>;
/** A job of queue Q as its processor sees it: the name narrows the data. */
export type ParsedJob<Q extends QueueName> = { [N in JobName<Q>]: { name: N; data: JobData<Q, N> } }[JobName<Q>];

/** Per-queue job defaults: finished jobs are trimmed so Redis does not grow with history (Postgres keeps it). */
const defaultJobOptions: Record<QueueName, JobsOptions> = {
  webhooks: { attempts: 1 },
  domains: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 } },
  tenants: { attempts: 20, backoff: { type: 'exponential', delay: 1_000 } },
  imports: { attempts: 5, backoff: { type: 'exponential', delay: 2_000 } },
  maintenance: { attempts: 3, backoff: { type: 'exponential', delay: 1_000 } },
};
const liveJobStates = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);
/**
 * Finished jobs kept in Redis, for a look in Bull Board: Postgres keeps what happened (delivery log, message
 * events), so a few recent completions are enough; failures are kept longer, to be looked into.
 */
const retention = { removeOnComplete: { count: 100 }, removeOnFail: { count: 10_000 } };
/** A scheduled job's past runs kept: it runs every few seconds to minutes, forever. */
const scheduledRunsKept = 10;
/** Queue events (a Redis stream per queue) nobody subscribes to: kept short rather than BullMQ's 10,000. */
const eventsKept = 1_000;

/** The queues of one application context: producers for every queue, and connections for its workers. */
export interface Jobs {
  readonly prefix: string;
  queue(name: QueueName): Queue;
  /** Adds one job to a queue, its name and data checked against the queue's contract. */
  enqueue<Q extends QueueName, N extends JobName<Q>>(queueName: Q, jobName: N, data: JobData<Q, N>, opts?: JobsOptions): Promise<Job>;
  /** Adds many jobs of one name in one round trip. */
  enqueueBulk<Q extends QueueName, N extends JobName<Q>>(queueName: Q, jobName: N, jobs: { data: JobData<Q, N>; opts?: JobsOptions }[]): Promise<Job[]>;
  /** Registers (or updates) a job scheduler; BullMQ keys it by `schedulerId`, so every process may call this. */
  scheduleJob<Q extends QueueName, N extends JobName<Q>>(
    queueName: Q,
    schedulerId: string,
    repeat: Omit<RepeatOptions, 'key'>,
    jobName: N,
    data: JobData<Q, N>,
  ): Promise<void>;
  /**
   * Whether Redis still runs this job (waiting, delayed, active, …). A job it lost (a flush, a failover) or
   * that failed for good is not: the reconcilers add such jobs again.
   */
  isLive(queueName: QueueName, jobId: string): Promise<boolean>;
  /** The shared producer connection: fails fast, so an API request never hangs while Redis is down. */
  producerConnection(): Redis;
  /** A new connection for a worker, which blocks on Redis and so must retry forever. */
  workerConnection(): Redis;
  /** Resolves once the producer connection is up, so the first enqueue after start does not fail. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function createJobs(config: Pick<Config, 'REDIS_URL' | 'QUEUE_PREFIX'>): Jobs {
  let producer: Redis | undefined;
  const queues = new Map<QueueName, Queue>();
  const producerConnection = () => {
    producer ??= new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    return producer;
  };
  const queue = (name: QueueName) => {
    let existing = queues.get(name);
    if (!existing) {
      existing = new Queue(name, {
        connection: producerConnection(),
        prefix: config.QUEUE_PREFIX,
        defaultJobOptions: { ...retention, ...defaultJobOptions[name] },
        streams: { events: { maxLen: eventsKept } },
      });
      queues.set(name, existing);
    }
    return existing;
  };
  return {
    prefix: config.QUEUE_PREFIX,
    queue,
    enqueue: (queueName, jobName, data, opts) => queue(queueName).add(jobName, data, opts),
    enqueueBulk: (queueName, jobName, jobs) => queue(queueName).addBulk(jobs.map(({ data, opts }) => ({ name: jobName, data, opts }))),
    scheduleJob: async (queueName, schedulerId, repeat, jobName, data) => {
      await queue(queueName).upsertJobScheduler(schedulerId, repeat, { name: jobName, data, opts: { removeOnComplete: { count: scheduledRunsKept } } });
    },
    isLive: async (queueName, jobId) => liveJobStates.has(await queue(queueName).getJobState(jobId)),
    producerConnection,
    workerConnection: () => new Redis(config.REDIS_URL, { maxRetriesPerRequest: null }),
    ready: async () => {
      const connection = producerConnection();
      if (connection.status === 'ready') return;
      await new Promise<void>((resolve, reject) => {
        connection.once('ready', resolve);
        connection.once('error', reject);
      });
    },
    close: async () => {
      await Promise.all([...queues.values()].map((q) => q.close()));
      queues.clear();
      producer?.disconnect();
      producer = undefined;
    },
  };
}

/**
 * The job's name and data checked against its queue's contract. A payload that does not fit (or an unknown
 * name) fails the job at once, without retries: no attempt could ever succeed.
 */
export function parseJob<Q extends QueueName>(queueName: Q, job: Pick<Job, 'name' | 'data'>): ParsedJob<Q> {
  const contract: Record<string, z.ZodType> = jobContracts[queueName];
  const schema = Object.hasOwn(contract, job.name) ? contract[job.name] : undefined;
  if (!schema) {
    throw new UnrecoverableError(`queue ${queueName}: unknown job name "${job.name}" (expected ${Object.keys(contract).join(', ')})`);
  }
  const parsed = schema.safeParse(job.data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(data)'}: ${issue.message}`).join('; ');
    throw new UnrecoverableError(`queue ${queueName}, job "${job.name}": bad payload: ${issues}`);
  }
  return { name: job.name, data: parsed.data } as ParsedJob<Q>;
}
