import { type JobsOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';
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
