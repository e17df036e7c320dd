import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createSendoka, SendokaError, type Tenant } from '../sdk/src/index.js';
import { generatedTypes, generatedTypesPath } from '../sdk/scripts/types.js';
import { startDnsServer } from './dns-server.js';
import { db, newOrg, startApi, testContext, uniqueSlug } from './helpers.js';
import { platform } from './sending-helpers.js';

const dns = await startDnsServer();
afterAll(() => dns.close());
const ctx = testContext({ DNS_SERVERS: dns.address });
const { call, baseUrl } = startApi(ctx);

interface Attempt {
  method: string;
  path: string;
  status: number;
  idempotencyKey: string | null;
  retryAfter: string | null;
  at: number;
}

/** A client whose requests (each retry included) are recorded on their way to the app. */
function recordedClient(apiKey: string, options: { loseFirstAnswer?: boolean } = {}) {
  const attempts: Attempt[] = [];
  const sendoka = createSendoka({
    apiKey,
    baseUrl: baseUrl(),
    fetch: async (request) => {
      const response = await fetch(request);
      const { pathname } = new URL(request.url);
      const attempt = {
        method: request.method,
        path: pathname,
        status: response.status,
        idempotencyKey: request.headers.get('idempotency-key'),
        retryAfter: response.headers.get('retry-after'),
        at: performance.now(),
      };
      attempts.push(attempt);
      // The app did the work, but its answer is lost on the way: the client sees a 503 and tries again.
      if (options.loseFirstAnswer && attempts.length === 1) {
        await response.body?.cancel();
        return new Response(JSON.stringify({ error: { type: 'service_unavailable', code: 'SERVICE_UNAVAILABLE', message: 'lost' } }), {
          status: 503,
          headers: { 'content-type': 'application/json', 'retry-after': '0' },
        });
      }
      return response;
    },
  });
  return { sendoka, attempts };
}

const email = (domain: string) => ({ from: `Acme <hello@${domain}>`, to: 'customer@example.com', subject: 'Welcome', text: 'Hello' });

describe('the generated types', () => {
  it('are those `npm run sdk:generate` writes from the current document', async () => {
    expect(readFileSync(generatedTypesPath, 'utf8'), 'sdk/src/generated/api.ts is stale: run npm run sdk:generate').toBe(await generatedTypes());
  });
});

describe('the typed client against the running app', () => {
  it('sends emails (one, a batch, a permissive batch) with an Idempotency-Key each and reads them back', async () => {
    const { acme } = await platform(call);
    const { sendoka, attempts } = recordedClient(acme.key);
    const accepted = await sendoka.emails.send(email(acme.domain));
    expect(accepted).toEqual({ id: expect.stringMatching(/^msg_/), status: 'queued' });
    const batch = await sendoka.emails.sendBatch([email(acme.domain), email(acme.domain)]);
    expect(batch.data).toHaveLength(2);
    const permissive = await sendoka.emails.sendBatch([email(acme.domain), { ...email(acme.domain), from: 'a@not-acme.example' }], { validation: 'permissive' });
    expect(permissive.data).toHaveLength(1);
    expect(permissive.errors).toEqual([expect.objectContaining({ index: 1 })]);
    expect((await sendoka.emails.get(accepted.id)).id).toBe(accepted.id);
    expect((await sendoka.emails.list()).data.map((item) => item.id)).toContain(accepted.id);
    const message = await sendoka.messages.get(accepted.id);
    expect(message).toMatchObject({ id: accepted.id, channel: 'email', subject: 'Welcome', to: ['customer@example.com'] });
    const sends = attempts.filter((attempt) => attempt.method === 'POST');
    expect(sends.map((attempt) => attempt.idempotencyKey)).toEqual([expect.any(String), expect.any(String), expect.any(String)]);
    expect(new Set(sends.map((attempt) => attempt.idempotencyKey)).size).toBe(3);
    expect(attempts.find((attempt) => attempt.method === 'GET')?.idempotencyKey).toBeNull();
  });

  it('retries a send whose answer was lost with the same Idempotency-Key, and one message exists', async () => {
    const { acme } = await platform(call);
    const { sendoka, attempts } = recordedClient(acme.key, { loseFirstAnswer: true });
    const accepted = await sendoka.emails.send({ ...email(acme.domain), subject: 'Once' });
    expect(attempts).toHaveLength(2);
    expect(attempts[1]?.idempotencyKey).toBe(attempts[0]?.idempotencyKey);
    const rows = await db.selectFrom('messages').select('id').where('tenant_id', '=', acme.id).where('subject', '=', 'Once').execute();
    expect(rows).toEqual([{ id: accepted.id }]);
  });

  it("retries a 429 after the Retry-After the app asked for (a tenant's api_requests_per_second)", async () => {
    const { acme, rootKey } = await platform(call);
    const root = createSendoka({ apiKey: rootKey, baseUrl: baseUrl() });
    await root.tenants.update(acme.id, { limits: { api_requests_per_second: 1 } });
    const { sendoka, attempts } = recordedClient(acme.key);
    const listed = await Promise.all([sendoka.messages.list(), sendoka.messages.list(), sendoka.messages.list()]);
    expect(listed.map((page) => page.has_more)).toEqual([false, false, false]);
    const limited = attempts.filter((attempt) => attempt.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.map((attempt) => Number(attempt.retryAfter))).not.toContain(0);
    // Each refusal was followed by one more attempt, and the last answer came no sooner than the app asked
    // (a lower bound: a slow machine only waits longer).
    expect(attempts).toHaveLength(3 + limited.length);
    const firstRefusal = limited[0] as Attempt;
    const lastAnswer = Math.max(...attempts.map((attempt) => attempt.at));
    expect(lastAnswer - firstRefusal.at).toBeGreaterThanOrEqual(Number(firstRefusal.retryAfter) * 1000 - 50);
  });

  it('answers at once, without waiting, a Retry-After past its bound (a monthly quota) or after its last retry', async () => {
    let calls = 0;
    const refusing = (retryAfter: string) =>
      createSendoka({
        apiKey: 'sok_live_x',
        baseUrl: 'http://sendoka.invalid',
        maxRetries: 2,
        maxRetryDelayMs: 1000,
        fetch: async () => {
          calls++;
          return new Response(JSON.stringify({ error: { type: 'rate_limit_error', code: 'QUOTA_EXCEEDED', message: 'the quota is used up' } }), {
            status: 429,
            headers: { 'content-type': 'application/json', 'retry-after': retryAfter },
          });
        },
      });
    const quota = await refusing('86400')
      .emails.send({ from: 'a@b.example', to: 'c@d.example', subject: 's', text: 't' })
      .catch((error: unknown) => error);
    expect(quota).toBeInstanceOf(SendokaError);
    expect(quota).toMatchObject({ status: 429, code: 'QUOTA_EXCEEDED', type: 'rate_limit_error', message: 'the quota is used up' });
    expect(calls).toBe(1);
    calls = 0;
    await expect(refusing('0').tenants.list()).rejects.toMatchObject({ status: 429 });
    expect(calls).toBe(3);
  });

  it('manages tenants, keys, domains, usage, webhooks and suppressions, and a sibling or another org reaches none of them', async () => {
    const org = await newOrg();
    const other = await newOrg('Other SaaS');
    const sendoka = createSendoka({ apiKey: org.rootKey, baseUrl: baseUrl() });
    const stranger = createSendoka({ apiKey: other.rootKey, baseUrl: baseUrl() });

    const tenant: Tenant = await sendoka.tenants.create({ name: 'Acme', slug: uniqueSlug('acme'), limits: { email_per_month: 1000 } });
    const sibling = await sendoka.tenants.create({ name: 'Globex', slug: uniqueSlug('globex') });
    expect(tenant.limits.email_per_month).toBe(1000);
    expect((await sendoka.tenants.suspend(tenant.id)).status).toBe('suspended');
    expect((await sendoka.tenants.resume(tenant.id)).status).toBe('active');
    expect((await sendoka.tenants.list({ limit: 10 })).data.map((item) => item.id)).toEqual([sibling.id, tenant.id]);
    expect(await sendoka.usage.tenant(tenant.id)).toMatchObject({ tenant_id: tenant.id, email_live: 0 });
    expect((await sendoka.usage.org()).period).toMatch(/^\d{4}-\d{2}$/);

    const key = await sendoka.keys.create({ name: 'Acme app', tenant_id: tenant.id, scopes: ['domains:read', 'domains:write', 'suppressions:write', 'suppressions:read'] });
    expect(key.secret).toMatch(/^sok_live_/);
    const siblingKey = await sendoka.keys.create({ name: 'Globex app', tenant_id: sibling.id });
    const acme = createSendoka({ apiKey: key.secret, baseUrl: baseUrl() });
    const globex = createSendoka({ apiKey: siblingKey.secret, baseUrl: baseUrl() });

    const domain = await acme.domains.create({ name: `${uniqueSlug('acme')}.com` });
    expect(domain).toMatchObject({ tenant_id: tenant.id, status: 'pending' });
    expect(domain.dns_records.length).toBeGreaterThan(0);
    expect((await acme.domains.verify(domain.id)).id).toBe(domain.id);
    expect((await acme.domains.list()).data.map((item) => item.id)).toEqual([domain.id]);

    const suppression = await acme.suppressions.create({ address: 'gone@example.com' });
    expect((await acme.suppressions.list()).data.map((item) => item.id)).toContain(suppression.id);

    const endpoint = await sendoka.webhooks.create({ url: 'https://hooks.example.com/sendoka', tenant_id: tenant.id, events: ['message.delivered'] });
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect((await sendoka.webhooks.list({ tenant_id: tenant.id })).data.map((item) => item.id)).toEqual([endpoint.id]);

    // The sibling tenant and another org see none of it.
    const refusals = {
      "sibling reads the domain": [() => globex.domains.get(domain.id), 404, 'NOT_FOUND'],
      "sibling reads the suppression": [() => globex.suppressions.get(suppression.id), 404, 'NOT_FOUND'],
      'sibling reads the tenant': [() => globex.tenants.get(tenant.id), 403, 'MISSING_SCOPE'],
      'other org reads the tenant': [() => stranger.tenants.get(tenant.id), 404, 'NOT_FOUND'],
      'other org reads the endpoint': [() => stranger.webhooks.get(endpoint.id), 404, 'NOT_FOUND'],
      'other org revokes the key': [() => stranger.keys.revoke(key.id), 404, 'NOT_FOUND'],
    } as const;
    for (const [attempt, [request, status, code]] of Object.entries(refusals)) {
      const refused = await request().catch((error: unknown) => error);
      expect(refused, attempt).toBeInstanceOf(SendokaError);
      expect(refused, attempt).toMatchObject({ status, code });
    }
    expect((await globex.domains.list()).data).toEqual([]);

    await acme.suppressions.delete(suppression.id);
    await acme.domains.delete(domain.id);
    await sendoka.webhooks.delete(endpoint.id);
    expect(await sendoka.keys.revoke(key.id)).toEqual({ id: key.id, revoked: true });
    await expect(acme.domains.list()).rejects.toMatchObject({ status: 401, code: 'INVALID_API_KEY' });
    expect((await sendoka.tenants.delete(sibling.id)).status).toBe('deleting');
  });
});
