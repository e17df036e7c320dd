import { describe, expect, it } from 'vitest';
import { type ApiResponse, type Call, startApi } from './helpers.js';
import { platform } from './sending-helpers.js';

const { call } = startApi();

async function setLimits(api: Call, rootKey: string, tenantId: string, limits: Record<string, number | null>) {
  const patched = await api('PATCH', `/api/v1/tenants/${tenantId}`, { key: rootKey, body: { limits } });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
}

const email = (domain: string) => ({ from: `hello@${domain}`, to: ['someone@example.com'], subject: 'Hi', text: 'Hello' });

const rateLimitHeaders = (response: ApiResponse) =>
  ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after'].map((name) => response.headers.get(name));

/** A burst far beyond the allowance: even spread over several windows, part of it is refused. */
const burst = (key: string, path = '/api/v1/messages') => Promise.all(Array.from({ length: 40 }, () => call('GET', path, { key })));

describe('api_requests_per_second', () => {
  it("refuses a key's requests past its tenant's rate with 429 RATE_LIMITED and Retry-After; answers carry RateLimit-*", async () => {
    const { rootKey, acme } = await platform(call);
    await setLimits(call, rootKey, acme.id, { api_requests_per_second: 5 });
    const responses = await burst(acme.key);
    const allowed = responses.filter((response) => response.status === 200);
    const refused = responses.filter((response) => response.status === 429);
    expect(allowed.length + refused.length).toBe(40);
    expect(allowed.length).toBeGreaterThanOrEqual(5);
    expect(refused.length).toBeGreaterThan(0);
    for (const response of allowed) {
      const [limit, remaining, reset, retryAfter] = rateLimitHeaders(response);
      expect(limit).toBe('5');
      expect(Number(remaining)).toBeGreaterThanOrEqual(0);
      expect(Number(remaining)).toBeLessThan(5);
      expect(Number(reset)).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeNull();
    }
    for (const response of refused) {
      expect(response.body.error).toMatchObject({ type: 'rate_limit_error', code: 'RATE_LIMITED' });
      expect(response.body.error.message).toContain('api_requests_per_second');
      const [limit, remaining, reset, retryAfter] = rateLimitHeaders(response);
      expect([limit, remaining]).toStrictEqual(['5', '0']);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBe(reset);
    }
  });

  it('counts each key of the tenant on its own, sends included, and leaves siblings, root keys and other orgs alone', async () => {
    const { rootKey, acme, globex } = await platform(call);
    const other = await platform(call);
    const secondKey = await call('POST', '/api/v1/keys', {
      key: rootKey,
      body: { name: 'second', tenant_id: acme.id, scopes: ['emails:send', 'messages:read'], allowed_domain_ids: [acme.domainId] },
    });
    await setLimits(call, rootKey, acme.id, { api_requests_per_second: 2 });

    const sends = await Promise.all(Array.from({ length: 40 }, () => call('POST', '/api/v1/emails', { key: acme.key, body: email(acme.domain) })));
    expect(sends.filter((response) => response.status === 429).length).toBeGreaterThan(0);
    expect(sends.every((response) => [202, 429].includes(response.status))).toBe(true);
    // Another key of the same tenant has its own allowance.
    const fromSecond = await call('POST', '/api/v1/emails', { key: secondKey.body.secret, body: email(acme.domain) });
    expect(fromSecond.status).toBe(202);
    expect(fromSecond.headers.get('ratelimit-limit')).toBe('2');

    // Keys without a limit are never refused and carry no RateLimit-* headers (no policy applies to them).
    for (const key of [globex.key, rootKey, other.acme.key, other.rootKey]) {
      const responses = await burst(key);
      expect(responses.map((response) => response.status).every((status) => status === 200), key).toBe(true);
      expect(rateLimitHeaders(responses[0] as ApiResponse)).toStrictEqual([null, null, null, null]);
    }
  });

  it('applies a changed limit at once, and lifting it removes the headers', async () => {
    const { rootKey, acme } = await platform(call);
    const before = await call('GET', '/api/v1/messages', { key: acme.key });
    expect(before.headers.get('ratelimit-limit')).toBeNull();
    await setLimits(call, rootKey, acme.id, { api_requests_per_second: 1_000 });
    const limited = await call('GET', '/api/v1/messages', { key: acme.key });
    expect(limited.headers.get('ratelimit-limit')).toBe('1000');
    await setLimits(call, rootKey, acme.id, { api_requests_per_second: null });
    expect((await call('GET', '/api/v1/messages', { key: acme.key })).headers.get('ratelimit-limit')).toBeNull();
  });

  it('error answers of a limited key carry the headers too; unauthenticated ones do not', async () => {
    const { rootKey, acme } = await platform(call);
    await setLimits(call, rootKey, acme.id, { api_requests_per_second: 1_000 });
    const notFound = await call('GET', '/api/v1/messages/msg_01m8jh3j50j10t1hg2by2rwmn1', { key: acme.key });
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('ratelimit-limit')).toBe('1000');
    const invalid = await call('POST', '/api/v1/emails', { key: acme.key, body: { from: 'x' } });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get('ratelimit-limit')).toBe('1000');
    const unauthenticated = await call('GET', '/api/v1/messages', { key: 'sok_live_unknown' });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('ratelimit-limit')).toBeNull();
  });
});
