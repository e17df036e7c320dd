import type { RateLimiterRes } from 'rate-limiter-flexible';
import { ApiError } from './errors.js';

/** The standard RateLimit-* headers for a limit of `limit` per window, as rate-limiter-flexible answered. */
export function rateLimitHeaders(limit: number, result: RateLimiterRes): Record<string, string> {
  return {
    'RateLimit-Limit': String(limit),
    'RateLimit-Remaining': String(Math.max(0, result.remainingPoints)),
    // Whole seconds, never 0: a client told "0" would retry at once and be refused again.
    'RateLimit-Reset': String(Math.max(1, Math.ceil(result.msBeforeNext / 1000))),
  };
}

/** 429 RATE_LIMITED with the headers and Retry-After; `what` says which limit, e.g. "this key may make 5 requests a second". */
export function rateLimited(what: string, headers: Record<string, string>): ApiError {
  const reset = headers['RateLimit-Reset'] ?? '1';
  return new ApiError(429, 'rate_limit_error', 'RATE_LIMITED', `${what}; retry in ${reset} s`, { ...headers, 'Retry-After': reset });
}
