import { describe, expect, it } from 'vitest';
import { newOrg, startApi, uniqueSlug } from './helpers.js';

const { call } = startApi();

describe('tenants (walkthrough step 2)', () => {
  it('creates a tenant and answers the walkthrough body', async () => {
    const { rootKey } = await newOrg();
    const slug = uniqueSlug('acme');
    const created = await call('POST', '/api/v1/tenants', {
      key: rootKey,
      body: { name: 'Acme Corp', slug, external_ref: 'cust_12345' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Acme Corp', slug, external_ref: 'cust_12345', status: 'active' });
    expect(created.body.id).toMatch(/^tnt_[0-9a-z]{26}$/);
    expect(new Date(created.body.created_at).toISOString()).toBe(created.body.created_at);

    const fetched = await call('GET', `/api/v1/tenants/${created.body.id}`, { key: rootKey });
    expect(fetched.body).toEqual(created.body);
  });

  it('refuses a slug already used in the org with 409 SLUG_TAKEN, but not in another org', async () => {
    const a = await newOrg();
    const b = await newOrg();
    const slug = uniqueSlug('dup');
    expect((await call('POST', '/api/v1/tenants', { key: a.rootKey, body: { name: 'One', slug } })).status).toBe(201);
    const again = await call('POST', '/api/v1/tenants', { key: a.rootKey, body: { name: 'Two', slug } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SLUG_TAKEN');
    expect((await call('POST', '/api/v1/tenants', { key: b.rootKey, body: { name: 'Other org', slug } })).status).toBe(201);
  });

  it('lists with cursor pagination and filters by external_ref and status', async () => {
    const { rootKey } = await newOrg();
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) {
      const created = await call('POST', '/api/v1/tenants', {
        key: rootKey,
        body: { name: `T${index}`, slug: uniqueSlug('t'), external_ref: `cust_${index}` },
      });
      ids.push(created.body.id);
    }
    const first = await call('GET', '/api/v1/tenants?limit=2', { key: rootKey });
    expect(first.body.data.map((t: { id: string }) => t.id)).toEqual([ids[4], ids[3]]);
    expect(first.body.has_more).toBe(true);
    const second = await call('GET', `/api/v1/tenants?limit=2&after=${first.body.next_cursor}`, { key: rootKey });
    expect(second.body.data.map((t: { id: string }) => t.id)).toEqual([ids[2], ids[1]]);
    const last = await call('GET', `/api/v1/tenants?limit=2&after=${second.body.next_cursor}`, { key: rootKey });
    expect(last.body).toMatchObject({ has_more: false, next_cursor: null });
    expect(last.body.data).toHaveLength(1);

    const byRef = await call('GET', '/api/v1/tenants?external_ref=cust_3', { key: rootKey });
    expect(byRef.body.data.map((t: { id: string }) => t.id)).toEqual([ids[3]]);

    await call('PATCH', `/api/v1/tenants/${ids[0]}`, { key: rootKey, body: { status: 'suspended' } });
    const suspended = await call('GET', '/api/v1/tenants?status=suspended', { key: rootKey });
    expect(suspended.body.data.map((t: { id: string }) => t.id)).toEqual([ids[0]]);
  });

  it('updates name, slug and external_ref', async () => {
    const { rootKey } = await newOrg();
    const created = await call('POST', '/api/v1/tenants', { key: rootKey, body: { name: 'Acme', slug: uniqueSlug('a') } });
    const slug = uniqueSlug('acme-renamed');
    const updated = await call('PATCH', `/api/v1/tenants/${created.body.id}`, {
      key: rootKey,
      body: { name: 'Acme Inc', slug, external_ref: 'cust_9' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: created.body.id, name: 'Acme Inc', slug, external_ref: 'cust_9' });
  });

  it('rejects bad input with a 422 naming the field and writes nothing', async () => {
    const { rootKey } = await newOrg();
    const cases: [unknown, string][] = [
      [{ slug: 'x' }, 'name'],
      [{ name: 'A', slug: 'Not A Slug' }, 'slug'],
      [{ name: 'A', slug: 'ok', status: 'active' }, 'status'],
      [{ name: 'A'.repeat(201), slug: 'ok' }, 'name'],
      [{ name: 'A', slug: 'ok', external_ref: 12 }, 'external_ref'],
      [{ name: 'A', slug: 'ok', metadata: { plan: 5 } }, 'metadata.plan'],
      [['not', 'an', 'object'], 'body'],
    ];
    for (const [body, field] of cases) {
      const response = await call('POST', '/api/v1/tenants', { key: rootKey, body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.error).toMatchObject({ type: 'invalid_request_error', code: 'VALIDATION_ERROR' });
      expect(response.body.error.message).toContain(field);
    }
    const list = await call('GET', '/api/v1/tenants', { key: rootKey });
    expect(list.body.data).toEqual([]);
  });

  it("answers 404 for another org's tenant", async () => {
    const a = await newOrg();
    const b = await newOrg();
    const tenant = await call('POST', '/api/v1/tenants', { key: a.rootKey, body: { name: 'A', slug: uniqueSlug('a') } });
    const response = await call('GET', `/api/v1/tenants/${tenant.body.id}`, { key: b.rootKey });
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({ type: 'not_found_error', code: 'NOT_FOUND' });
    expect((await call('PATCH', `/api/v1/tenants/${tenant.body.id}`, { key: b.rootKey, body: { name: 'x' } })).status).toBe(404);
  });
});
