import type { RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { type AppContext, contextCache } from '../context.js';
import { rateLimited, rateLimitHeaders } from '../platform/rate-limits.js';
import { principalOf } from './middleware.js';

// Each key of a tenant with `api_requests_per_second` may make that many requests a second (a window per key,
// counted in Redis so every API process shares it). A key without such a limit (a platform-root key, a tenant
// without one) costs no Redis round trip and gets no RateLimit-* headers: there is no policy to describe.

/** One limiter per rate in use: a limiter's allowance is fixed when it is built. */
const limiters = contextCache(({ config, jobs }) => {
  const byRate = new Map<number, RateLimiterRedis>();
  return (perSecond: number) => {
    let limiter = byRate.get(perSecond);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        // The producers' connection fails fast: a request must not hang while Redis is down.
        storeClient: jobs.producerConnection(),
        keyPrefix: `${config.QUEUE_PREFIX}:api-rate`,
        points: perSecond,
        duration: 1,
        // A key that used its second up is refused from memory until the second ends, without asking Redis.
        inMemoryBlockOnConsumed: perSecond,
        // Redis unreachable: each process limits on its own rather than refuse every request or none.
        insuranceLimiter: new RateLimiterMemory({ points: perSecond, duration: 1 }),
      });
      byRate.set(perSecond, limiter);
    }
    return limiter;
  };
});

/** After authentication: counts the request against its key's rate, sets RateLimit-*, and refuses past it with 429. */
export function apiRateLimit(ctx: AppContext): RequestHandler {
  const limiterFor = limiters(ctx);
  return async (req, res, next) => {
    const principal = principalOf(req);
    const perSecond = principal.limits?.api_requests_per_second ?? null;
    if (perSecond === null) return next();
    let result: RateLimiterRes;
    try {
      result = await limiterFor(perSecond).consume(principal.keyId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw rateLimited(`this key may make ${perSecond} requests a second (its tenant's api_requests_per_second)`, rateLimitHeaders(perSecond, error));
    }
    res.set(rateLimitHeaders(perSecond, result));
    next();
  };
}
