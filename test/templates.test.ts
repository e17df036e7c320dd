import { describe, expect, it } from 'vitest';
import { templateRenderer } from '../src/templates/templates.js';
import { db, newOrg, startApi, uniqueSlug } from './helpers.js';

const { call } = startApi();

/** An org with tenants Acme and Globex, each with a tenant-bound key holding the template scopes. */
async function tenants() {
  const org = await newOrg();
  const tenant = async (name: string) => {
    const created = await call('POST', '/api/v1/tenants', { key: org.rootKey, body: { name, slug: uniqueSlug(name.toLowerCase()) } });
    const key = await call('POST', '/api/v1/keys', {
      key: org.rootKey,
      body: { name, tenant_id: created.body.id, scopes: ['templates:read', 'templates:write'] },
    });
    return { id: created.body.id as string, key: key.body.secret as string };
  };
  return { ...org, acme: await tenant('Acme'), globex: await tenant('Globex') };
}

const welcome = {
  name: 'Welcome',
  subject: 'Welcome to {{company}}, {{first_name}}',
  html: '<p>Hello {{first_name}}, your plan is {{plan}}.</p>{{{signature}}}',
  text: 'Hello {{first_name}}, your plan is {{plan}}.',
  variables: [{ name: 'first_name' }, { name: 'company', default: 'Acme' }, { name: 'plan', default: 'free' }, { name: 'signature', default: '' }],
};

describe('templates', () => {
  it('creates, reads, lists, updates and deletes a tenant template', async () => {
    const { acme } = await tenants();
    const created = await call('POST', '/api/v1/templates', { key: acme.key, body: welcome });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...welcome, tenant_id: acme.id, environment: 'live' });
    expect(created.body.id).toMatch(/^tpl_[0-9a-z]{26}$/);

    const fetched = await call('GET', `/api/v1/templates/${created.body.id}`, { key: acme.key });
    expect(fetched.body).toEqual(created.body);
    const listed = await call('GET', '/api/v1/templates', { key: acme.key });
    expect(listed.body).toMatchObject({ data: [created.body], has_more: false, next_cursor: null });

    const updated = await call('PATCH', `/api/v1/templates/${created.body.id}`, { key: acme.key, body: { subject: 'Hi {{first_name}}', text: null } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ subject: 'Hi {{first_name}}', text: null, html: welcome.html });

    const deleted = await call('DELETE', `/api/v1/templates/${created.body.id}`, { key: acme.key });
    expect(deleted.body).toEqual({ id: created.body.id, deleted: true });
    expect((await call('GET', `/api/v1/templates/${created.body.id}`, { key: acme.key })).status).toBe(404);
  });

  it('renders with Mustache: HTML-escaped in html, {{{raw}}} allowed, defaults filled, subject and text verbatim', async () => {
    const { acme } = await tenants();
    const created = await call('POST', '/api/v1/templates', { key: acme.key, body: welcome });
    const rendered = await call('POST', `/api/v1/templates/${created.body.id}/render`, {
      key: acme.key,
      body: { variables: { first_name: 'Tom & <Jerry>', signature: '<hr><p>The team</p>' } },
    });
    expect(rendered.status).toBe(200);
    expect(rendered.body).toEqual({
      subject: 'Welcome to Acme, Tom & <Jerry>',
      html: '<p>Hello Tom &amp; &lt;Jerry&gt;, your plan is free.</p><hr><p>The team</p>',
      text: 'Hello Tom & <Jerry>, your plan is free.',
    });

    // A line break in a value cannot start another header.
    const injected = await call('POST', `/api/v1/templates/${created.body.id}/render`, {
      key: acme.key,
      body: { variables: { first_name: 'x\r\nBcc: victim@example.com' } },
    });
    expect(injected.body.subject).toBe('Welcome to Acme, x Bcc: victim@example.com');
  });

  it('answers 422 MISSING_TEMPLATE_VARIABLE naming a declared variable without a value or default', async () => {
    const { orgId, acme } = await tenants();
    const created = await call('POST', '/api/v1/templates', { key: acme.key, body: welcome });
    const missing = await call('POST', `/api/v1/templates/${created.body.id}/render`, { key: acme.key, body: { variables: {} } });
    expect(missing.status).toBe(422);
    expect(missing.body.error).toMatchObject({ type: 'invalid_request_error', code: 'MISSING_TEMPLATE_VARIABLE' });
    expect(missing.body.error.message).toContain('first_name');

    // The send worker's entry point: same rules, scoped by org, tenant and environment.
    const sender = (tenantId: string | null) => ({ orgId, tenantId, environment: 'live' as const });
    await expect(templateRenderer(db)(sender(acme.id), created.body.id, {})).rejects.toMatchObject({ code: 'MISSING_TEMPLATE_VARIABLE' });
    expect(await templateRenderer(db)(sender(acme.id), created.body.id, { first_name: 'Ann' })).toMatchObject({
      subject: 'Welcome to Acme, Ann',
    });
    expect(await templateRenderer(db)(sender(null), created.body.id, { first_name: 'Ann' })).toMatchObject({ text: 'Hello Ann, your plan is free.' });
  });

  it("keeps tenants apart: a sibling's template answers 404 everywhere", async () => {
    const { orgId, rootKey, acme, globex } = await tenants();
    const acmeTemplate = await call('POST', '/api/v1/templates', { key: acme.key, body: welcome });
    const id = acmeTemplate.body.id;
    for (const [method, path, body] of [
      ['GET', `/api/v1/templates/${id}`, undefined],
      ['PATCH', `/api/v1/templates/${id}`, { name: 'stolen' }],
      ['DELETE', `/api/v1/templates/${id}`, undefined],
      ['POST', `/api/v1/templates/${id}/render`, { variables: { first_name: 'x' } }],
    ] as const) {
      const response = await call(method, path, { key: globex.key, body });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
    expect((await call('GET', '/api/v1/templates', { key: globex.key })).body.data).toEqual([]);
    await expect(templateRenderer(db)({ orgId, tenantId: globex.id, environment: 'live' }, id, { first_name: 'x' })).rejects.toMatchObject({ status: 404 });
    // Creating for a sibling tenant is refused like an unknown one.
    const forSibling = await call('POST', '/api/v1/templates', { key: globex.key, body: { ...welcome, tenant_id: acme.id } });
    expect(forSibling.status).toBe(404);

    // The root key sees both tenants' templates and may make org-level ones, which tenant keys do not see.
    const orgLevel = await call('POST', '/api/v1/templates', { key: rootKey, body: welcome });
    expect(orgLevel.body.tenant_id).toBeNull();
    const forGlobex = await call('POST', '/api/v1/templates', { key: rootKey, body: { ...welcome, tenant_id: globex.id } });
    expect(forGlobex.body.tenant_id).toBe(globex.id);
    expect((await call('GET', '/api/v1/templates', { key: rootKey })).body.data).toHaveLength(3);
    expect((await call('GET', `/api/v1/templates?tenant_id=${acme.id}`, { key: rootKey })).body.data).toHaveLength(1);
    expect((await call('GET', `/api/v1/templates/${orgLevel.body.id}`, { key: acme.key })).status).toBe(404);
    // Another org's root key sees nothing of it.
    const other = await newOrg();
    expect((await call('GET', `/api/v1/templates/${id}`, { key: other.rootKey })).status).toBe(404);
  });

  it('rejects bad input with a 422 naming the field and writes nothing', async () => {
    const { orgId, acme } = await tenants();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...welcome, name: '' }, 'name'],
      [{ ...welcome, subject: '' }, 'subject'],
      [{ ...welcome, html: '{{#open}}never closed' }, 'html'],
      [{ ...welcome, text: '{{unclosed' }, 'text'],
      [{ name: 'x', subject: 'x' }, 'html'],
      [{ ...welcome, variables: [{ name: '1st' }] }, 'variables.0.name'],
      [{ ...welcome, variables: [{ name: 'a' }, { name: 'a' }] }, 'variables.1.name'],
      [{ ...welcome, variables: [{ name: 'a', default: { nested: true } }] }, 'variables.0.default'],
      [{ ...welcome, surprise: true }, 'surprise'],
    ];
    for (const [body, field] of cases) {
      const response = await call('POST', '/api/v1/templates', { key: acme.key, body });
      expect(response.status, field).toBe(422);
      expect(response.body.error.message).toContain(field);
    }
    const count = await db.selectFrom('templates').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow();
    expect(count.n).toBe(0);

    const created = await call('POST', '/api/v1/templates', { key: acme.key, body: { name: 'Text only', subject: 'Hi', text: 'Hello' } });
    const emptied = await call('PATCH', `/api/v1/templates/${created.body.id}`, { key: acme.key, body: { text: null } });
    expect(emptied.status).toBe(422);
    expect(emptied.body.error.message).toContain('html');
  });

  it('requires the templates scopes', async () => {
    const { rootKey, acme } = await tenants();
    const created = await call('POST', '/api/v1/templates', { key: acme.key, body: welcome });
    const readOnly = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'ro', tenant_id: acme.id, scopes: ['templates:read'] } });
    expect((await call('GET', `/api/v1/templates/${created.body.id}`, { key: readOnly.body.secret })).status).toBe(200);
    const refused = await call('PATCH', `/api/v1/templates/${created.body.id}`, { key: readOnly.body.secret, body: { name: 'x' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'MISSING_SCOPE' });
    expect(refused.body.error.message).toContain('templates:write');
  });
});
