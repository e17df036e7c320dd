import { setTimeout as sleep } from 'node:timers/promises';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppContext } from '../../context.js';

/**
 * A provider's send rate shared by every worker process (through Redis): `take(n)` waits until n units
 * (recipients, SMS) may go out this second.
 */
export function sharedSendRate(ctx: AppContext, name: string, perSecond: number) {
  const limiter = new RateLimiterRedis({
    storeClient: ctx.jobs.producerConnection(),
    keyPrefix: `${ctx.config.QUEUE_PREFIX}:rate:${name}`,
    points: Math.max(1, Math.floor(perSecond)),
    duration: 1,
  });
  return async function take(units: number): Promise<void> {
    let left = units;
    while (left > 0) {
      const chunk = Math.min(left, limiter.points);
      try {
        await limiter.consume('all', chunk);
        left -= chunk;
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        await sleep(Math.max(error.msBeforeNext, 10));
      }
    }
  };
}
