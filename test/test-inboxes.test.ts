import { describe, expect, it } from 'vitest';
import { enforceSandbox, resolveSendingDomain } from '../src/domains/domains.js';
import { keyAuthenticator } from '../src/access/authenticate.js';
import { ctx, db, newOrg, startApi, uniqueSlug } from './helpers.js';

const { call } = startApi();
const principalOf = keyAuthenticator(db, ctx.keys, 0);

async function platform() {
  const org = await newOrg();
  const tenant = async (name: string) => {
    const created = await call('POST', '/api/v1/tenants', { key: org.rootKey, body: { name, slug: uniqueSlug(name.toLowerCase()) } });
    return created.body.id as string;
  };
  const acmeId = await tenant('Acme');
  const globexId = await tenant('Globex');
  const key = async (tenantId: string, environment = 'live') =>
    (await call('POST', '/api/v1/keys', { key: org.rootKey, body: { name: 'k', tenant_id: tenantId, environment } })).body.secret as string;
  return { ...org, acmeId, globexId, acmeKey: await key(acmeId), globexKey: await key(globexId), key };
}

const newEmail = () => `${uniqueSlug('qa')}@example.com`;

/** What a self-hoster reads under EMAIL_PROVIDER=local: the code email in local_outbox. */
async function sentCode(inboxId: string): Promise<string> {
  const row = await db.selectFrom('local_outbox').select('payload').where('message_id', '=', inboxId).executeTakeFirstOrThrow();
  const code = String(row.payload.subject).match(/\b([0-9]{6})$/)?.[1];
  if (!code) throw new Error(`no code in ${JSON.stringify(row.payload)}`);
  return code;
}

async function confirmedInbox(key: string, email = newEmail()) {
  const created = await call('POST', '/api/v1/test-inboxes', { key, body: { email } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const confirmed = await call('POST', `/api/v1/test-inboxes/${created.body.id}/confirm`, { key, body: { code: await sentCode(created.body.id) } });
  expect(confirmed.body.status).toBe('confirmed');
  return confirmed.body;
}

describe('test inboxes', () => {
  it('emails a code from the sandbox domain and confirms the inbox with it', async () => {
    const { acmeKey, acmeId } = await platform();
    const email = newEmail();
    const created = await call('POST', '/api/v1/test-inboxes', { key: acmeKey, body: { email: email.toUpperCase() } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, tenant_id: acmeId, status: 'pending', confirmed_at: null });
    expect(created.body.id).toMatch(/^tib_/);

    const outbox = await db.selectFrom('local_outbox').select('payload').where('message_id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(outbox.payload).toMatchObject({ from: `Sendoka sandbox <no-reply@${ctx.config.SANDBOX_DOMAIN}>`, to: [email] });
    const code = await sentCode(created.body.id);
    const wrongCode = code === '000000' ? '111111' : '000000';

    const wrong = await call('POST', `/api/v1/test-inboxes/${created.body.id}/confirm`, { key: acmeKey, body: { code: wrongCode } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({ code: 'INVALID_CODE', message: `code: does not match the code sent to ${email} (4 attempts left)` });
    const malformed = await call('POST', `/api/v1/test-inboxes/${created.body.id}/confirm`, { key: acmeKey, body: { code: '12' } });
    expect(malformed.body.error.message).toBe('code: must be the 6-digit code sent to the inbox');

    const confirmed = await call('POST', `/api/v1/test-inboxes/${created.body.id}/confirm`, { key: acmeKey, body: { code } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    expect(confirmed.body.confirmed_at).not.toBeNull();
    const again = await call('POST', `/api/v1/test-inboxes/${created.body.id}/confirm`, { key: acmeKey, body: { code } });
    expect(again.body.status).toBe('confirmed');

    const listed = await call('GET', '/api/v1/test-inboxes?status=confirmed', { key: acmeKey });
    expect(listed.body.data.map((item: any) => item.id)).toEqual([created.body.id]);
    const duplicate = await call('POST', '/api/v1/test-inboxes', { key: acmeKey, body: { email } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('TEST_INBOX_EXISTS');

    const deleted = await call('DELETE', `/api/v1/test-inboxes/${created.body.id}`, { key: acmeKey });
    expect(deleted.body).toEqual({ id: created.body.id, deleted: true });
    expect((await call('GET', `/api/v1/test-inboxes/${created.body.id}`, { key: acmeKey })).status).toBe(404);
  });

  it('locks an inbox after five wrong codes, even when they come at once', async () => {
    const { acmeKey } = await platform();
    const created = await call('POST', '/api/v1/test-inboxes', { key: acmeKey, body: { email: newEmail() } });
    const code = await sentCode(created.body.id);
    const wrongCodes = Array.from({ length: 8 }, (_, index) => String((Number(code) + index + 1) % 1_000_000).padStart(6, '0'));
    const answers = await Promise.all(
      wrongCodes.map((wrong) => call('POST', `/api/v1/test-inboxes/${created.body.id}/confirm`, { key: acmeKey, body: { code: wrong } })),
    );
    expect(answers.filter((answer) => answer.status === 422)).toHaveLength(5);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(3);

    const locked = await call('POST', `/api/v1/test-inboxes/${created.body.id}/confirm`, { key: acmeKey, body: { code } });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it("keeps tenant A's inboxes away from tenant B", async () => {
    const { rootKey, acmeKey, acmeId, globexKey, globexId } = await platform();
    const created = await call('POST', '/api/v1/test-inboxes', { key: acmeKey, body: { email: newEmail() } });
    const code = await sentCode(created.body.id);
    for (const [method, path, body] of [
      ['GET', `/api/v1/test-inboxes/${created.body.id}`, undefined],
      ['POST', `/api/v1/test-inboxes/${created.body.id}/confirm`, { code }],
      ['DELETE', `/api/v1/test-inboxes/${created.body.id}`, undefined],
    ] as const) {
      const response = await call(method, path, { key: globexKey, body });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect((await call('GET', '/api/v1/test-inboxes', { key: globexKey })).body.data).toEqual([]);
    const sibling = await call('POST', '/api/v1/test-inboxes', { key: globexKey, body: { email: newEmail(), tenant_id: acmeId } });
    expect(sibling.status).toBe(404);

    // Untouched by B: A's root can still confirm it; the root key sees every tenant's inboxes.
    const confirmed = await call('POST', `/api/v1/test-inboxes/${created.body.id}/confirm`, { key: rootKey, body: { code } });
    expect(confirmed.body.status).toBe('confirmed');
    const forGlobex = await call('POST', '/api/v1/test-inboxes', { key: rootKey, body: { email: newEmail(), tenant_id: globexId } });
    expect(forGlobex.body.tenant_id).toBe(globexId);
    const all = await call('GET', '/api/v1/test-inboxes', { key: rootKey });
    expect(all.body.data.map((item: any) => item.id)).toEqual([forGlobex.body.id, created.body.id]);
    const acmeOnly = await call('GET', `/api/v1/test-inboxes?tenant_id=${acmeId}`, { key: rootKey });
    expect(acmeOnly.body.data.map((item: any) => item.id)).toEqual([created.body.id]);
  });

  it('needs domains:write to create and domains:read to list', async () => {
    const { rootKey, acmeId } = await platform();
    const readOnly = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'r', tenant_id: acmeId, scopes: ['domains:read'] } });
    const refused = await call('POST', '/api/v1/test-inboxes', { key: readOnly.body.secret, body: { email: newEmail() } });
    expect(refused.body.error).toMatchObject({ code: 'MISSING_SCOPE', message: 'this key lacks the domains:write scope' });
    expect((await call('GET', '/api/v1/test-inboxes', { key: readOnly.body.secret })).status).toBe(200);
  });
});

describe('sandbox sending (walkthrough 3c)', () => {
  it("reaches only the key's tenant's confirmed test inboxes", async () => {
    const { acmeKey, globexKey, rootKey } = await platform();
    const inbox = await confirmedInbox(acmeKey);
    const pending = await call('POST', '/api/v1/test-inboxes', { key: acmeKey, body: { email: newEmail() } });
    const acme = await principalOf(acmeKey);

    expect((await resolveSendingDomain(ctx, acme, ctx.config.SANDBOX_DOMAIN)).sandbox).toBe(true);
    expect(await enforceSandbox(ctx, acme, [inbox.email.toUpperCase()])).toMatchObject({ 'RateLimit-Limit': String(ctx.config.SANDBOX_RATE_PER_MINUTE) });
    for (const recipients of [['someone@example.com'], [inbox.email, pending.body.email]]) {
      await expect(enforceSandbox(ctx, acme, recipients)).rejects.toMatchObject({
        status: 422,
        type: 'invalid_request_error',
        code: 'RECIPIENT_NOT_ALLOWED_IN_SANDBOX',
        message: expect.stringMatching(/^\S+ is not a confirmed test inbox/),
      });
    }
    await expect(enforceSandbox(ctx, await principalOf(globexKey), [inbox.email])).rejects.toMatchObject({
      code: 'RECIPIENT_NOT_ALLOWED_IN_SANDBOX',
    });
    expect(await enforceSandbox(ctx, await principalOf(rootKey), [inbox.email])).toMatchObject({ 'RateLimit-Limit': String(ctx.config.SANDBOX_RATE_PER_MINUTE) });
  });

  it('allows SANDBOX_RATE_PER_MINUTE messages a minute per tenant (the code email counts), then 429 with RateLimit headers', async () => {
    const { acmeKey, globexKey, acmeId, key } = await platform();
    const inbox = await confirmedInbox(acmeKey);
    // Another key of the same tenant shares the allowance; the code email took the first unit.
    const acme = await principalOf(await key(acmeId, 'test'));
    for (let sent = 2; sent <= ctx.config.SANDBOX_RATE_PER_MINUTE; sent++) {
      const headers = await enforceSandbox(ctx, acme, [inbox.email]);
      expect(headers['RateLimit-Remaining']).toBe(String(ctx.config.SANDBOX_RATE_PER_MINUTE - sent));
      expect(Number(headers['RateLimit-Reset'])).toBeGreaterThan(0);
      expect(Number(headers['RateLimit-Reset'])).toBeLessThanOrEqual(60);
    }
    const limited = await enforceSandbox(ctx, acme, [inbox.email]).catch((error: unknown) => error);
    expect(limited).toMatchObject({ status: 429, type: 'rate_limit_error', code: 'RATE_LIMITED' });
    expect((limited as { headers: Record<string, string> }).headers).toMatchObject({
      'RateLimit-Limit': String(ctx.config.SANDBOX_RATE_PER_MINUTE),
      'RateLimit-Remaining': '0',
      'Retry-After': expect.stringMatching(/^[1-9][0-9]?$/),
    });

    // Over the limit, creating another inbox (one more code email) is refused the same way, headers included.
    const more = await call('POST', '/api/v1/test-inboxes', { key: acmeKey, body: { email: newEmail() } });
    expect(more.status).toBe(429);
    expect(more.body.error.code).toBe('RATE_LIMITED');
    expect(more.headers.get('ratelimit-remaining')).toBe('0');
    expect(more.headers.get('retry-after')).toMatch(/^[1-9][0-9]?$/);
    expect((await call('GET', '/api/v1/test-inboxes', { key: acmeKey })).body.data).toHaveLength(1);

    // The sibling tenant has its own allowance.
    const globexInbox = await confirmedInbox(globexKey);
    expect(await enforceSandbox(ctx, await principalOf(globexKey), [globexInbox.email])).toMatchObject({ 'RateLimit-Remaining': String(ctx.config.SANDBOX_RATE_PER_MINUTE - 2) });
  });
});
