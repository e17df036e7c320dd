import { type Job, type JobsOptions, Queue, type RepeatOptions, UnrecoverableError } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { config } from './config.js';

/** Every queue Sendoka runs. Names never contain `:` (BullMQ job and key rules). */
export const queueNames = {
  sendEmail: 'send-email',
  sendSms: 'send-sms',
  webhooks: 'webhooks',
  domains: 'domains',
  tenants: 'tenants',
  imports: 'imports',
  maintenance: 'maintenance',
} as const;

export type QueueName = (typeof queueNames)[keyof typeof queueNames];
export const allQueueNames = Object.values(queueNames) as QueueName[];

const noData = z.strictObject({});
const sendJob = z.strictObject({ messageIds: z.array(z.string()).min(1) });

/**
 * Every job each queue carries: job name → schema of its data. Producers are type-checked against it
 * (`enqueue`, `enqueueBulk`, `scheduleJob`) and processors parse with it (`parseJob`), so the two cannot drift.
 */
export const jobContracts = {
  'send-email': { send: sendJob },
  'send-sms': { send: sendJob },
  webhooks: {
    deliver: z.strictObject({ deliveryId: z.string(), endpointId: z.string() }),
    reconcile: noData,
    prune: noData,
  },
  domains: { 'check-pending-domains': noData },
  tenants: {
    delete: z.strictObject({ tenantId: z.string() }),
    // suspendedAt names the suspension being ended, and so the send jobs: a retried release adds no second set.
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
  'send-email': { attempts: 8, backoff: { type: 'exponential', delay: 2_000 } },
  'send-sms': { attempts: 8, backoff: { type: 'exponential', delay: 2_000 } },
  webhooks: { attempts: 1 },
  domains: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 } },
  tenants: { attempts: 20, backoff: { type: 'exponential', delay: 1_000 } },
  imports: { attempts: 5, backoff: { type: 'exponential', delay: 2_000 } },
  maintenance: { attempts: 3, backoff: { type: 'exponential', delay: 1_000 } },
};
const retention = { removeOnComplete: { count: 1_000 }, removeOnFail: { count: 10_000 } };

/** Workers block on Redis, so their connections must retry forever. */
export function workerConnection(): Redis {
  return new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
}

// Producers share one connection that fails fast: an API request must not hang while Redis is down.
let producerConnection: Redis | undefined;
export function sharedProducerConnection(): Redis {
  producerConnection ??= new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  return producerConnection;
}

const queues = new Map<QueueName, Queue>();

export function queue(name: QueueName): Queue {
  let existing = queues.get(name);
  if (!existing) {
    existing = new Queue(name, {
      connection: sharedProducerConnection(),
      prefix: config.QUEUE_PREFIX,
      defaultJobOptions: { ...retention, ...defaultJobOptions[name] },
    });
    queues.set(name, existing);
  }
  return existing;
}

/** Adds one job to a queue, its name and data checked against the queue's contract. */
export async function enqueue<Q extends QueueName, N extends JobName<Q>>(queueName: Q, jobName: N, data: JobData<Q, N>, opts?: JobsOptions) {
  return queue(queueName).add(jobName, data, opts);
}

/** Adds many jobs of one name in one round trip. */
export async function enqueueBulk<Q extends QueueName, N extends JobName<Q>>(
  queueName: Q,
  jobName: N,
  jobs: { data: JobData<Q, N>; opts?: JobsOptions }[],
) {
  return queue(queueName).addBulk(jobs.map(({ data, opts }) => ({ name: jobName, data, opts })));
}

/** Registers (or updates) a job scheduler; BullMQ keys it by `schedulerId`, so every process may call this. */
export async function scheduleJob<Q extends QueueName, N extends JobName<Q>>(
  queueName: Q,
  schedulerId: string,
  repeat: Omit<RepeatOptions, 'key'>,
  jobName: N,
  data: JobData<Q, N>,
) {
  await queue(queueName).upsertJobScheduler(schedulerId, repeat, { name: jobName, data });
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

/** Resolves once the producer connection is up, so the first enqueue after start does not fail. */
export async function queuesReady(): Promise<void> {
  const connection = sharedProducerConnection();
  if (connection.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    connection.once('ready', resolve);
    connection.once('error', reject);
  });
}

export async function closeQueues(): Promise<void> {
  await Promise.all([...queues.values()].map((q) => q.close()));
  queues.clear();
  producerConnection?.disconnect();
  producerConnection = undefined;
}
