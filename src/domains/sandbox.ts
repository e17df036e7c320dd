import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { config } from '../platform/config.js';
import { ApiError } from '../platform/errors.js';
import type { Principal } from '../access/principal.js';

/** The shared sandbox domain (SANDBOX_DOMAIN): no DNS, no row, always this id. */
export const sandboxDomainId = 'dom_sandbox';

let limiter: RateLimiterRedis | undefined;
function sandboxLimiter(): RateLimiterRedis {
  limiter ??= new RateLimiterRedis({
    // Fails fast like the queue producers' connection: a request must not hang while Redis is down.
    storeClient: new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 }),
    keyPrefix: `${config.QUEUE_PREFIX}:sandbox`,
    points: config.SANDBOX_RATE_PER_MINUTE,
    duration: 60,
  });
  return limiter;
}

function rateLimitHeaders(result: RateLimiterRes): Record<string, string> {
  return {
    'RateLimit-Limit': String(config.SANDBOX_RATE_PER_MINUTE),
    'RateLimit-Remaining': String(Math.max(0, result.remainingPoints)),
    'RateLimit-Reset': String(Math.ceil(result.msBeforeNext / 1000)),
  };
}

/**
 * Takes one message from the sandbox allowance of the key's tenant (root keys share one per org) and
 * returns the RateLimit-* headers; over the limit, a 429 carrying them and Retry-After.
 */
export async function takeSandboxMessage(principal: Principal): Promise<Record<string, string>> {
  const bucket = `${principal.orgId}:${principal.tenantId ?? 'org'}`;
  try {
    return rateLimitHeaders(await sandboxLimiter().consume(bucket, 1));
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) {
      throw new ApiError(503, 'service_unavailable', 'SERVICE_UNAVAILABLE', 'the sandbox rate limiter is unavailable; retry shortly');
    }
    const headers = rateLimitHeaders(error);
    throw new ApiError(
      429,
      'rate_limit_error',
      'RATE_LIMITED',
      `the sandbox sends at most ${config.SANDBOX_RATE_PER_MINUTE} messages a minute per tenant; retry in ${headers['RateLimit-Reset']} s`,
      { ...headers, 'Retry-After': headers['RateLimit-Reset'] ?? '60' },
    );
  }
}
