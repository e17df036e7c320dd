import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { type AppContext, contextCache } from '../context.js';
import { ApiError } from '../platform/errors.js';
import { rateLimited, rateLimitHeaders } from '../platform/rate-limits.js';
import type { Principal } from '../access/principal.js';

/** The shared sandbox domain (SANDBOX_DOMAIN): no DNS, no row, always this id. */
export const sandboxDomainId = 'dom_sandbox';

const sandboxLimiter = contextCache(
  ({ config, jobs }) =>
    new RateLimiterRedis({
      // The producers' connection fails fast: a request must not hang while Redis is down.
      storeClient: jobs.producerConnection(),
      keyPrefix: `${config.QUEUE_PREFIX}:sandbox`,
      points: config.SANDBOX_RATE_PER_MINUTE,
      duration: 60,
    }),
);

/**
 * Takes one message from the sandbox allowance of the key's tenant (root keys share one per org) and
 * returns the RateLimit-* headers; over the limit, a 429 carrying them and Retry-After.
 */
export async function takeSandboxMessage(ctx: AppContext, principal: Principal): Promise<Record<string, string>> {
  const perMinute = ctx.config.SANDBOX_RATE_PER_MINUTE;
  const bucket = `${principal.orgId}:${principal.tenantId ?? 'org'}`;
  try {
    return rateLimitHeaders(perMinute, await sandboxLimiter(ctx).consume(bucket, 1));
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) {
      throw new ApiError(503, 'service_unavailable', 'SERVICE_UNAVAILABLE', 'the sandbox rate limiter is unavailable; retry shortly');
    }
    throw rateLimited(`the sandbox sends at most ${perMinute} messages a minute per tenant`, rateLimitHeaders(perMinute, error));
  }
}
