import { DelayedError, type Job } from 'bullmq';
import { parseJob } from '../src/platform/jobs.js';
import { attemptDelivery } from '../src/webhooks/delivery.js';
import { urlPolicyOf } from '../src/webhooks/url-policy.js';
import { noteStarted, requeueFairly } from '../src/webhooks/fair-share.js';
import { pruneWebhookHistory, reconcileDeliveries } from '../src/webhooks/reconcile.js';
import { retryDelayMs, webhookBackoffType } from '../src/webhooks/retry-policy.js';
import type { QueueProcessor } from './runtime.js';

/**
 * Attempts are I/O-bound (up to 15 s each), so one process runs many at once; no endpoint may hold
 * more than a slice of them, so a slow one cannot crowd out the others.
 */
const concurrency = 400;
const perEndpointLimit = 40;
const inFlight = new Map<string, number>();

/** Thrown to have BullMQ retry the job after the delay the attempt computed (schedule or Retry-After). */
class RetryLater extends Error {
  constructor(readonly delayMs: number) {
    super(`webhook attempt failed; next attempt in ${delayMs} ms`);
    this.name = 'RetryLater';
  }
}

/** A job set aside because its endpoint is at its limit waits longer each time: 0.5 s, 1 s, … up to 30 s, jittered. */
function setAsideDelayMs(job: Job): number {
  const setAside = Math.max(0, job.attemptsStarted - job.attemptsMade - 1);
  return Math.min(30_000, 500 * 2 ** setAside) * (0.5 + Math.random());
}

export const webhooksProcessor: QueueProcessor<'webhooks'> = {
  queue: 'webhooks',
  process: async (ctx, job, token) => {
    const parsed = parseJob('webhooks', job);
    if (parsed.name === 'reconcile') return { requeued: await reconcileDeliveries(ctx) };
    if (parsed.name === 'prune') {
      return { removed: await pruneWebhookHistory(ctx.db, new Date(ctx.clock().getTime() - ctx.config.WEBHOOK_RETENTION_DAYS * 86_400_000)) };
    }
    const { deliveryId, endpointId, tenantKey } = parsed.data;
    const running = inFlight.get(endpointId) ?? 0;
    if (running >= perEndpointLimit) {
      // Not an attempt: BullMQ keeps attemptsMade as it is.
      await requeueFairly(ctx, job, tenantKey);
      await job.moveToDelayed(Date.now() + setAsideDelayMs(job), token);
      throw new DelayedError();
    }
    inFlight.set(endpointId, running + 1);
    noteStarted(ctx, job.priority);
    try {
      const next = await attemptDelivery(ctx, deliveryId, job.attemptsMade, urlPolicyOf(ctx.config));
      if (!next) return undefined;
      await requeueFairly(ctx, job, tenantKey);
      throw new RetryLater(next.retryInMs);
    } finally {
      const left = (inFlight.get(endpointId) ?? 1) - 1;
      if (left === 0) inFlight.delete(endpointId);
      else inFlight.set(endpointId, left);
    }
  },
  options: {
    concurrency,
    settings: {
      // Jobs carry backoff type `webhook-schedule`; anything else that threw (the database was down) retries on the schedule.
      backoffStrategy: (attemptsMade, type, error) => {
        if (type !== webhookBackoffType) return 0;
        return error instanceof RetryLater ? error.delayMs : retryDelayMs(attemptsMade);
      },
    },
  },
  schedules: [
    { id: 'reconcile-webhooks', every: (config) => config.RECONCILE_INTERVAL_MS, job: 'reconcile' },
    { id: 'prune-webhooks', every: () => 3_600_000, job: 'prune' },
  ],
};
