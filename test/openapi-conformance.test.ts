import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { endpoints, errorSchema, routePattern } from '../src/api/openapi.js';
import { startDnsServer } from './dns-server.js';
import { type ApiResponse, db, newOrg, startApi, testContext, uniqueSlug } from './helpers.js';
import { platform } from './sending-helpers.js';

// Representative requests against the running app, each answer checked against the schema the document gives
// for its operation and status: the documentation cannot drift from what the API answers.
const dns = await startDnsServer();
afterAll(() => dns.close());
const cronSecret = 'cron-secret-for-the-conformance-suite';
const ctx = testContext({ DNS_SERVERS: dns.address, CRON_SECRET: cronSecret, WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOKS_ALLOW_INSECURE: 'true' });
const { call } = startApi(ctx);

/** `GET /api/v1/tenants/:id` → the statuses answered and checked. */
const seen = new Map<string, Set<number>>();

function documentedSchema(method: string, pattern: string, status: number): z.ZodType | undefined {
  const entry = endpoints.find((candidate) => candidate.method.toUpperCase() === method && candidate.path === pattern);
  if (!entry) return undefined;
  if (status === entry.success.status || status === entry.success.alsoStatus) return entry.success.schema;
  return status >= 400 ? errorSchema : undefined;
}

/** Calls the API and checks the answer: a documented status, a body of the documented shape with no undocumented field. */
async function checked(method: string, path: string, options: Parameters<typeof call>[2] = {}): Promise<ApiResponse> {
  const response = await call(method, path, options);
  const pattern = routePattern(method, path.split('?')[0] as string);
  const context = `${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`;
  const schema = documentedSchema(method, pattern, response.status);
  expect(schema, `undocumented status: ${context}`).toBeDefined();
  const parsed = (schema as z.ZodType).safeParse(response.body);
  expect(parsed.error?.issues, context).toBeUndefined();
  // zod drops fields a schema does not name: what is left must be the whole body.
  expect(parsed.data, `undocumented field: ${context}`).toEqual(response.body);
  const key = `${method} ${pattern}`;
  seen.set(key, (seen.get(key) ?? new Set()).add(response.status));
  return response;
}

async function ok(method: string, path: string, options: Parameters<typeof call>[2] = {}) {
  const response = await checked(method, path, options);
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
  return response.body;
}

const later = () => new Date(Date.now() + 2 * 3_600_000).toISOString();

describe('responses conform to the OpenAPI document', () => {
  it('answers every key-authenticated operation with its documented success and error shapes', async () => {
    const { rootKey, acme, globex } = await platform(call);
    const other = await newOrg('Other SaaS');
    const root = { key: rootKey };

    // Tenants, the org, usage
    const tenant = await ok('POST', '/api/v1/tenants', { ...root, body: { name: 'Initech', slug: uniqueSlug('initech'), metadata: { plan: 'pro' } } });
    await ok('GET', '/api/v1/tenants?limit=2', root);
    await ok('GET', `/api/v1/tenants/${tenant.id}`, root);
    await ok('PATCH', `/api/v1/tenants/${tenant.id}`, { ...root, body: { limits: { email_per_month: 1000 } } });
    await ok('GET', '/api/v1/org', root);
    await ok('PATCH', '/api/v1/org', { ...root, body: { default_tenant_limits: { api_requests_per_second: null } } });
    await ok('GET', `/api/v1/tenants/${tenant.id}/usage`, root);
    await ok('GET', '/api/v1/usage', root);
    await checked('GET', `/api/v1/tenants/${tenant.id}`, { key: other.rootKey });
    await checked('POST', '/api/v1/tenants', { ...root, body: { name: '' } });
    await checked('GET', '/api/v1/tenants', { key: 'sok_live_unknown' });
    await checked('GET', '/api/v1/tenants', { key: acme.key });

    // Keys
    const key = await ok('POST', '/api/v1/keys', { ...root, body: { name: 'ci', tenant_id: tenant.id, scopes: ['emails:send'] } });
    await ok('GET', '/api/v1/keys', root);
    await ok('GET', `/api/v1/keys/${key.id}`, root);
    await ok('PATCH', `/api/v1/keys/${key.id}`, { ...root, body: { name: 'ci-renamed' } });
    await ok('DELETE', `/api/v1/keys/${key.id}`, root);

    // Domains and test inboxes
    const domain = await ok('POST', '/api/v1/domains', { ...root, body: { name: `${uniqueSlug('conform')}.com`, tenant_id: tenant.id } });
    await ok('GET', '/api/v1/domains', root);
    await ok('GET', `/api/v1/domains/${domain.id}`, root);
    await ok('POST', `/api/v1/domains/${domain.id}/verify`, root);
    await ok('DELETE', `/api/v1/domains/${domain.id}`, root);
    const inbox = await ok('POST', '/api/v1/test-inboxes', { ...root, body: { email: `${uniqueSlug('qa')}@example.com`, tenant_id: acme.id } });
    await ok('GET', '/api/v1/test-inboxes', root);
    await ok('GET', `/api/v1/test-inboxes/${inbox.id}`, root);
    const codeMail = await db.selectFrom('local_outbox').select('payload').where('message_id', '=', inbox.id).executeTakeFirstOrThrow();
    const code = String(codeMail.payload.subject).match(/\b([0-9]{6})$/)?.[1];
    await ok('POST', `/api/v1/test-inboxes/${inbox.id}/confirm`, { ...root, body: { code } });
    await ok('DELETE', `/api/v1/test-inboxes/${inbox.id}`, root);

    // Sending and messages
    const email = { from: `a@${acme.domain}`, to: 'x@example.com', subject: 's', text: 't' };
    const sent = await ok('POST', '/api/v1/emails', { key: acme.key, body: email, headers: { 'idempotency-key': uniqueSlug('conform') } });
    await ok('POST', '/api/v1/emails/batch', { key: acme.key, body: [email, { ...email, scheduled_at: later() }] });
    await ok('POST', '/api/v1/emails/batch', { key: acme.key, body: [email, { ...email, to: 'nobody' }], headers: { 'x-batch-validation': 'permissive' } });
    const scheduled = await ok('POST', '/api/v1/emails', { key: acme.key, body: { ...email, scheduled_at: later() } });
    await ok('PATCH', `/api/v1/emails/${scheduled.id}`, { key: acme.key, body: { scheduled_at: later() } });
    await ok('POST', `/api/v1/emails/${scheduled.id}/cancel`, { key: acme.key });
    await checked('POST', `/api/v1/emails/${scheduled.id}/cancel`, { key: acme.key });
    await checked('POST', '/api/v1/emails', { key: globex.key, body: email });
    await ok('GET', '/api/v1/messages', { key: acme.key });
    await ok('GET', `/api/v1/messages/${sent.id}`, { key: acme.key });
    await checked('GET', `/api/v1/messages/${sent.id}`, { key: globex.key });
    await ok('GET', '/api/v1/emails', { key: acme.key });
    await ok('GET', `/api/v1/emails/${sent.id}`, { key: acme.key });
    await checked('GET', `/api/v1/emails/${sent.id}`, { key: globex.key });
    const sender = await ok('POST', '/api/v1/sms/senders', { ...root, body: { tenant_id: tenant.id, sender_id: 'INITECH' } });
    const smsKey = await ok('POST', '/api/v1/keys', { ...root, body: { name: 'sms', tenant_id: tenant.id, scopes: ['sms:send', 'messages:read'] } });
    await ok('POST', '/api/v1/sms', { key: smsKey.secret, body: { to: '+14155550100', body: 'Your code is 123456', sender_id: 'INITECH' } });
    const smsList = await ok('GET', '/api/v1/messages?channel=sms', { key: smsKey.secret });
    await ok('GET', `/api/v1/messages/${smsList.data[0].id}`, { key: smsKey.secret });
    await ok('GET', '/api/v1/sms/senders', root);
    await ok('GET', `/api/v1/sms/senders/${sender.id}`, root);
    await ok('DELETE', `/api/v1/sms/senders/${sender.id}`, root);

    // Suppressions
    const suppression = await ok('POST', '/api/v1/suppressions', { key: acme.key, body: { address: 'kept@example.com' } });
    await ok('POST', '/api/v1/suppressions', { key: acme.key, body: { address: 'kept@example.com' } });
    await ok('GET', '/api/v1/suppressions', { key: acme.key });
    await ok('GET', `/api/v1/suppressions/${suppression.id}`, { key: acme.key });
    await ok('DELETE', `/api/v1/suppressions/${suppression.id}`, { key: acme.key });

    // Templates
    const template = await ok('POST', '/api/v1/templates', {
      ...root,
      body: { name: 'Welcome', tenant_id: acme.id, subject: 'Hi {{name}}', html: '<p>{{name}}</p>', variables: [{ name: 'name', default: 'there' }] },
    });
    await ok('GET', '/api/v1/templates', root);
    await ok('GET', `/api/v1/templates/${template.id}`, root);
    await ok('PATCH', `/api/v1/templates/${template.id}`, { ...root, body: { text: 'Hello {{name}}' } });
    await ok('POST', `/api/v1/templates/${template.id}/render`, { ...root, body: { variables: { name: 'Ada' } } });
    await ok('DELETE', `/api/v1/templates/${template.id}`, root);

    // Audiences and contacts
    const audience = await ok('POST', '/api/v1/audiences', { ...root, body: { name: 'News', tenant_id: acme.id } });
    await ok('GET', '/api/v1/audiences', root);
    await ok('GET', `/api/v1/audiences/${audience.id}`, root);
    await ok('PATCH', `/api/v1/audiences/${audience.id}`, { ...root, body: { name: 'Newsletter' } });
    const contact = await ok('POST', `/api/v1/audiences/${audience.id}/contacts`, { ...root, body: { email: 'reader@example.com', first_name: 'Ada' } });
    await ok('GET', `/api/v1/audiences/${audience.id}/contacts`, root);
    await ok('GET', `/api/v1/audiences/${audience.id}/contacts/${contact.id}`, root);
    await ok('PATCH', `/api/v1/audiences/${audience.id}/contacts/${contact.id}`, { ...root, body: { unsubscribed: true } });
    const contactImport = await ok('POST', `/api/v1/audiences/${audience.id}/contacts/import`, { ...root, body: { contacts: [{ email: 'more@example.com' }] } });
    await ok('GET', `/api/v1/audiences/${audience.id}/imports/${contactImport.id}`, root);
    await ok('DELETE', `/api/v1/audiences/${audience.id}/contacts/${contact.id}`, root);
    await ok('DELETE', `/api/v1/audiences/${audience.id}`, root);

    // Webhooks
    const endpoint = await ok('POST', '/api/v1/webhooks/endpoints', { ...root, body: { url: 'http://127.0.0.1:9/hook', tenant_id: acme.id, events: ['message.sent'] } });
    await ok('GET', '/api/v1/webhooks/endpoints', root);
    await ok('GET', `/api/v1/webhooks/endpoints/${endpoint.id}`, root);
    await ok('PATCH', `/api/v1/webhooks/endpoints/${endpoint.id}`, { ...root, body: { description: 'CI' } });
    await ok('POST', `/api/v1/webhooks/endpoints/${endpoint.id}/rotate-secret`, root);
    const test = await ok('POST', `/api/v1/webhooks/endpoints/${endpoint.id}/test`, root);
    await ok('GET', `/api/v1/webhooks/endpoints/${endpoint.id}/deliveries`, root);
    await checked('POST', `/api/v1/webhooks/deliveries/${test.delivery_id}/replay`, root);
    // As if the worker had given up on it: a finished delivery can be replayed.
    await db.updateTable('webhook_deliveries').set({ status: 'failed', next_attempt_at: null }).where('id', '=', test.delivery_id).execute();
    await ok('POST', `/api/v1/webhooks/deliveries/${test.delivery_id}/replay`, root);
    await ok('DELETE', `/api/v1/webhooks/endpoints/${endpoint.id}`, root);

    // Deleting a tenant answers it with its deletion under way.
    await ok('DELETE', `/api/v1/tenants/${tenant.id}`, root);
    await ok('GET', `/api/v1/tenants/${tenant.id}`, root);

    const missing = endpoints
      .filter((entry) => typeof entry.auth === 'object')
      .map((entry) => `${entry.method.toUpperCase()} ${entry.path}`)
      .filter((name) => {
        const entry = endpoints.find((candidate) => `${candidate.method.toUpperCase()} ${candidate.path}` === name);
        return !seen.get(name)?.has(entry?.success.status as number);
      });
    expect(missing, 'operations whose success answer no request above checked: add one for each').toEqual([]);
  });

  it('answers the operations without a key as documented', async () => {
    await ok('GET', '/healthz');
    await ok('GET', '/readyz');
    await ok('GET', '/api/v1/openapi.json');
    await ok('POST', '/api/cron/check-domains', { headers: { authorization: `Bearer ${cronSecret}` } });
    await checked('POST', '/api/cron/check-domains', { headers: { authorization: 'Bearer wrong' } });
    await checked('POST', '/api/v1/ingest/ses', { body: { Type: 'Notification' }, headers: { 'content-type': 'text/plain' } });
  });
});
