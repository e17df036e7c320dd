import { describe, expect, it } from 'vitest';
import { newOrg, startApi, uniqueSlug } from './helpers.js';

const { call } = startApi();

describe('authentication and the error shape', () => {
  it('answers 401 INVALID_API_KEY for a missing, malformed or unknown key', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer sok_live_nope' }];
    for (const headers of attempts) {
      const response = await call('GET', '/api/v1/tenants', { headers });
      expect(response.status).toBe(401);
      // Beside Sendoka's error object, the top-level fields the resend SDK reads.
      expect(response.body).toEqual({
        error: { type: 'authentication_error', code: 'INVALID_API_KEY', message: expect.any(String) },
        statusCode: 401,
        name: 'invalid_api_key',
        message: response.body.error.message,
      });
    }
  });

  it('answers malformed JSON with 400, oversized bodies with 413 and unknown routes with 404', async () => {
    const { rootKey } = await newOrg();
    const malformed = await call('POST', '/api/v1/tenants', { key: rootKey, rawBody: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('INVALID_JSON');
    const huge = await call('POST', '/api/v1/tenants', {
      key: rootKey,
      body: { name: 'x', slug: 'x', external_ref: 'y'.repeat(2_000_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const missing = await call('GET', '/api/v1/nothing-here', { key: rootKey });
    expect(missing.status).toBe(404);
    expect(missing.body.error.type).toBe('not_found_error');
  });

  it('puts a request id on every response, echoing a sane incoming one', async () => {
    const fresh = await call('GET', '/api/v1/tenants');
    expect(fresh.headers.get('x-request-id')).toMatch(/^req_/);
    const echoed = await call('GET', '/api/v1/tenants', { headers: { 'x-request-id': 'trace-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-123');
  });
});

describe('suspension (walkthrough step 8)', () => {
  it('suspending a tenant makes its keys answer 403 TENANT_FORBIDDEN within 2 s; reactivating restores them', async () => {
    const { rootKey } = await newOrg();
    const acme = await call('POST', '/api/v1/tenants', { key: rootKey, body: { name: 'Acme', slug: uniqueSlug('acme') } });
    const globex = await call('POST', '/api/v1/tenants', { key: rootKey, body: { name: 'Globex', slug: uniqueSlug('globex') } });
    const acmeKey = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'a', tenant_id: acme.body.id } });
    const globexKey = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'g', tenant_id: globex.body.id } });
    // A tenant key without the scope answers MISSING_SCOPE: authenticated, so the key works.
    const probe = (secret: string) => call('GET', '/api/v1/keys', { key: secret });
    expect((await probe(acmeKey.body.secret)).body.error.code).toBe('MISSING_SCOPE');

    const suspended = await call('PATCH', `/api/v1/tenants/${acme.body.id}`, { key: rootKey, body: { status: 'suspended' } });
    expect(suspended.body.status).toBe('suspended');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const refused = await probe(acmeKey.body.secret);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ type: 'permission_error', code: 'TENANT_FORBIDDEN' });
    // The sibling is untouched and the data is kept.
    expect((await probe(globexKey.body.secret)).body.error.code).toBe('MISSING_SCOPE');
    expect((await call('GET', `/api/v1/tenants/${acme.body.id}`, { key: rootKey })).body.name).toBe('Acme');

    await call('PATCH', `/api/v1/tenants/${acme.body.id}`, { key: rootKey, body: { status: 'active' } });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await probe(acmeKey.body.secret)).body.error.code).toBe('MISSING_SCOPE');
  });
});
