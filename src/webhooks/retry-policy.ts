import type { Selectable } from 'kysely';
import { type Jobs, queueNames } from '../platform/jobs.js';
import type { WebhookDeliveryTable } from '../platform/schema/index.js';
import { fairPriorities, tenantKeyOf } from './fair-share.js';

// How a delivery is retried: BullMQ owns retries, with these job options; the worker's backoff strategy reads
// the schedule.

type Delivery = Selectable<WebhookDeliveryTable>;

/** Delay before each attempt of one delivery round: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const retrySchedule = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000] as const;
export const webhookBackoffType = 'webhook-schedule';
/** An endpoint whose every attempt has failed for this long is disabled. */
export const failingDisableAfterMs = 5 * 24 * 3_600_000;

/** Delay before the attempt following `attemptsMade` failed ones; a Retry-After asking for longer wins, up to the longest step. */
export function retryDelayMs(attemptsMade: number, retryAfterMs?: number): number {
  const scheduled = retrySchedule[Math.min(attemptsMade, retrySchedule.length - 1)] as number;
  const longest = retrySchedule[retrySchedule.length - 1] as number;
  return Math.max(scheduled, Math.min(retryAfterMs ?? 0, longest));
}

/** A delivery stored with the fact it reports, to be enqueued once that fact has committed. */
export type StagedDelivery = Pick<Delivery, 'id' | 'endpoint_id' | 'job_id' | 'tenant_id' | 'org_id'>;

/** Queues deliveries with their tenants' fair priorities (fair-share.ts), so a burst queues behind its own tenant only. */
export async function enqueueDeliveries(jobs: Jobs, deliveries: StagedDelivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  const tenantKeys = deliveries.map(tenantKeyOf);
  const priorities = await fairPriorities(jobs, tenantKeys);
  await jobs.enqueueBulk(
    queueNames.webhooks,
    'deliver',
    deliveries.map((delivery, index) => ({
      data: { deliveryId: delivery.id, endpointId: delivery.endpoint_id, tenantKey: tenantKeys[index] as string },
      opts: {
        jobId: delivery.job_id,
        priority: priorities[index] as number,
        attempts: retrySchedule.length,
        backoff: { type: webhookBackoffType },
      },
    })),
  );
}
