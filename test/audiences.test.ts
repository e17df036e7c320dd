import { describe, expect, it } from 'vitest';
import { runImport } from '../src/audiences/audiences.js';
import { importsProcessor } from '../workers/imports.js';
import { ctx, db, newOrg, startApi, uniqueSlug } from './helpers.js';
import { runWorkers } from './sending-helpers.js';

const { call } = startApi();
runWorkers(ctx, importsProcessor);

/** An org with tenants Acme and Globex, each with a tenant-bound key holding the contacts scopes. */
async function tenants() {
  const org = await newOrg();
  const tenant = async (name: string) => {
    const created = await call('POST', '/api/v1/tenants', { key: org.rootKey, body: { name, slug: uniqueSlug(name.toLowerCase()) } });
    const key = await call('POST', '/api/v1/keys', {
      key: org.rootKey,
      body: { name, tenant_id: created.body.id, scopes: ['contacts:read', 'contacts:write'] },
    });
    return { id: created.body.id as string, key: key.body.secret as string };
  };
  return { ...org, acme: await tenant('Acme'), globex: await tenant('Globex') };
}

async function importSettled(key: string, audienceId: string, importId: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await call('GET', `/api/v1/audiences/${audienceId}/imports/${importId}`, { key });
    if (['completed', 'failed'].includes(response.body.status)) return response.body;
    if (Date.now() > deadline) throw new Error(`import ${importId} did not finish: ${JSON.stringify(response.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('audiences and contacts', () => {
  it('manages an audience and its contacts', async () => {
    const { acme } = await tenants();
    const audience = await call('POST', '/api/v1/audiences', { key: acme.key, body: { name: 'Newsletter' } });
    expect(audience.status).toBe(201);
    expect(audience.body).toMatchObject({ name: 'Newsletter', tenant_id: acme.id });
    expect(audience.body.id).toMatch(/^aud_[0-9a-z]{26}$/);
    const base = `/api/v1/audiences/${audience.body.id}`;

    const renamed = await call('PATCH', base, { key: acme.key, body: { name: 'Weekly' } });
    expect(renamed.body.name).toBe('Weekly');
    expect((await call('GET', '/api/v1/audiences', { key: acme.key })).body.data).toEqual([renamed.body]);

    const contact = await call('POST', `${base}/contacts`, {
      key: acme.key,
      body: { email: 'Ann@Example.com', first_name: 'Ann', metadata: { plan: 'pro' } },
    });
    expect(contact.status).toBe(201);
    expect(contact.body).toMatchObject({
      audience_id: audience.body.id,
      email: 'ann@example.com',
      first_name: 'Ann',
      last_name: null,
      unsubscribed: false,
      metadata: { plan: 'pro' },
    });
    expect(contact.body.id).toMatch(/^con_/);

    const duplicate = await call('POST', `${base}/contacts`, { key: acme.key, body: { email: 'ann@example.com' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ type: 'conflict_error', code: 'CONTACT_EXISTS' });

    // The same address may be in another audience.
    const other = await call('POST', '/api/v1/audiences', { key: acme.key, body: { name: 'Other' } });
    expect((await call('POST', `/api/v1/audiences/${other.body.id}/contacts`, { key: acme.key, body: { email: 'ann@example.com' } })).status).toBe(201);

    const unsubscribed = await call('PATCH', `${base}/contacts/${contact.body.id}`, { key: acme.key, body: { unsubscribed: true, last_name: 'Lee' } });
    expect(unsubscribed.body).toMatchObject({ unsubscribed: true, last_name: 'Lee', first_name: 'Ann' });
    await call('POST', `${base}/contacts`, { key: acme.key, body: { email: 'bob@example.com' } });
    const onlyUnsubscribed = await call('GET', `${base}/contacts?unsubscribed=true`, { key: acme.key });
    expect(onlyUnsubscribed.body.data.map((c: { email: string }) => c.email)).toEqual(['ann@example.com']);
    const byEmail = await call('GET', `${base}/contacts?email=BOB@example.com`, { key: acme.key });
    expect(byEmail.body.data).toHaveLength(1);
    expect((await call('GET', `${base}/contacts/${contact.body.id}`, { key: acme.key })).body).toEqual(unsubscribed.body);

    expect((await call('DELETE', `${base}/contacts/${contact.body.id}`, { key: acme.key })).body).toEqual({ id: contact.body.id, deleted: true });
    expect((await call('GET', `${base}/contacts/${contact.body.id}`, { key: acme.key })).status).toBe(404);

    expect((await call('DELETE', base, { key: acme.key })).status).toBe(200);
    expect((await call('GET', base, { key: acme.key })).status).toBe(404);
    const left = await db.selectFrom('contacts').select('id').where('audience_id', '=', audience.body.id).execute();
    expect(left).toEqual([]);
  });

  it("keeps tenants apart: a sibling's audience and contacts answer 404", async () => {
    const { rootKey, acme, globex } = await tenants();
    const audience = await call('POST', '/api/v1/audiences', { key: acme.key, body: { name: 'Acme list' } });
    const base = `/api/v1/audiences/${audience.body.id}`;
    const contact = await call('POST', `${base}/contacts`, { key: acme.key, body: { email: 'a@example.com' } });
    for (const [method, path, body] of [
      ['GET', base, undefined],
      ['PATCH', base, { name: 'x' }],
      ['DELETE', base, undefined],
      ['GET', `${base}/contacts`, undefined],
      ['POST', `${base}/contacts`, { email: 'b@example.com' }],
      ['GET', `${base}/contacts/${contact.body.id}`, undefined],
      ['PATCH', `${base}/contacts/${contact.body.id}`, { unsubscribed: true }],
      ['DELETE', `${base}/contacts/${contact.body.id}`, undefined],
      ['POST', `${base}/contacts/import`, { contacts: [{ email: 'c@example.com' }] }],
    ] as const) {
      const response = await call(method, path, { key: globex.key, body });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect((await call('GET', '/api/v1/audiences', { key: globex.key })).body.data).toEqual([]);
    expect((await call('POST', '/api/v1/audiences', { key: globex.key, body: { name: 'x', tenant_id: acme.id } })).status).toBe(404);
    // A contact id is only found through its own audience.
    const globexAudience = await call('POST', '/api/v1/audiences', { key: globex.key, body: { name: 'Globex list' } });
    expect((await call('GET', `/api/v1/audiences/${globexAudience.body.id}/contacts/${contact.body.id}`, { key: globex.key })).status).toBe(404);

    // The root key sees both, filters by tenant, and makes org-level audiences tenant keys do not see.
    const orgLevel = await call('POST', '/api/v1/audiences', { key: rootKey, body: { name: 'Everyone' } });
    expect(orgLevel.body.tenant_id).toBeNull();
    expect((await call('GET', '/api/v1/audiences', { key: rootKey })).body.data).toHaveLength(3);
    expect((await call('GET', `/api/v1/audiences?tenant_id=${acme.id}`, { key: rootKey })).body.data).toHaveLength(1);
    expect((await call('GET', `/api/v1/audiences/${orgLevel.body.id}`, { key: acme.key })).status).toBe(404);
    expect((await call('GET', `${base}/contacts`, { key: rootKey })).body.data).toHaveLength(1);
  });

  it('imports 10,000 contacts in one request as a job, upserting existing ones', async () => {
    const { acme } = await tenants();
    const audience = await call('POST', '/api/v1/audiences', { key: acme.key, body: { name: 'Imported' } });
    const base = `/api/v1/audiences/${audience.body.id}`;
    await call('POST', `${base}/contacts`, { key: acme.key, body: { email: 'c0@example.com', first_name: 'Kept', last_name: 'Old' } });

    const contacts = Array.from({ length: 10_000 }, (_, index) => ({ email: `c${index}@example.com` }));
    contacts[0] = { email: 'c0@example.com', last_name: 'New' } as (typeof contacts)[number];
    const accepted = await call('POST', `${base}/contacts/import`, { key: acme.key, body: { contacts } });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ audience_id: audience.body.id, status: 'queued', total: 10_000, processed: 0 });
    expect(accepted.body.id).toMatch(/^imp_[0-9a-z]{26}$/);

    const finished = await importSettled(acme.key, audience.body.id, accepted.body.id);
    expect(finished).toMatchObject({ status: 'completed', total: 10_000, processed: 10_000, created: 9_999, updated: 1, error: null });
    const count = await db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).where('audience_id', '=', audience.body.id).executeTakeFirstOrThrow();
    expect(count.n).toBe(10_000);
    // Fields the import leaves out keep their values; those it gives are updated.
    const updated = await call('GET', `${base}/contacts?email=c0@example.com`, { key: acme.key });
    expect(updated.body.data[0]).toMatchObject({ first_name: 'Kept', last_name: 'New' });

    // The job is idempotent: running it again changes nothing.
    await runImport(db, accepted.body.id);
    expect((await call('GET', `${base}/imports/${accepted.body.id}`, { key: acme.key })).body).toEqual(finished);
  });

  it('refuses an import over 10,000 contacts or with a bad address, naming the field', async () => {
    const { acme } = await tenants();
    const audience = await call('POST', '/api/v1/audiences', { key: acme.key, body: { name: 'x' } });
    const path = `/api/v1/audiences/${audience.body.id}/contacts/import`;
    const tooMany = await call('POST', path, { key: acme.key, body: { contacts: Array.from({ length: 10_001 }, (_, i) => ({ email: `${i}@e.co` })) } });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.message).toContain('contacts');
    const bad = await call('POST', path, { key: acme.key, body: { contacts: [{ email: 'ok@example.com' }, { email: 'nope' }] } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('contacts.1.email');
    const imports = await db.selectFrom('contact_imports').select('id').where('audience_id', '=', audience.body.id).execute();
    expect(imports).toEqual([]);
  });

  it('requires the contacts scopes', async () => {
    const { rootKey, acme } = await tenants();
    const readOnly = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'ro', tenant_id: acme.id, scopes: ['contacts:read'] } });
    expect((await call('GET', '/api/v1/audiences', { key: readOnly.body.secret })).status).toBe(200);
    const refused = await call('POST', '/api/v1/audiences', { key: readOnly.body.secret, body: { name: 'x' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('contacts:write');
  });
});
