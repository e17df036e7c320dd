import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../src/api/openapi.js';
import { tenantScopes } from '../src/access/scopes.js';
import { newOrg, startApi, testContext, uniqueSlug } from './helpers.js';
import { platform } from './sending-helpers.js';
import { obliterateQueues, orgRowsDigest } from './ops-helpers.js';

// Its own queue prefix: no worker of another test file touches this file's rows while they are compared.
const ctx = testContext({
  QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_isolation_${process.pid}`,
  WEBHOOKS_ALLOW_PRIVATE: 'true',
  WEBHOOKS_ALLOW_INSECURE: 'true',
});
const { call } = startApi(ctx);

type Principal = 'sibling tenant' | 'other org' | 'missing scope' | 'revoked' | 'test key' | "A's test key";
const principals: Principal[] = ['sibling tenant', 'other org', 'missing scope', 'revoked', 'test key', "A's test key"];

interface Ids {
  tenant: string;
  key: string;
  domain: string;
  domainName: string;
  message: string;
  suppression: string;
  endpoint: string;
  delivery: string;
  inbox: string;
  template: string;
  audience: string;
  contact: string;
  contactImport: string;
  smsSender: string;
}

/**
 * How each endpoint is aimed at tenant A: a path with A's resource, or a body naming A (tenant_id, A's
 * from-domain), or a list that must not show A's rows. `none` marks requests that target nothing of A's
 * (sending an SMS, creating a tenant in one's own org), which only the scope and revocation columns try.
 */
type Aim = 'resource' | 'create' | 'list' | 'none';
type Expectation = [number, string] | 'filtered' | 'n/a';
interface Probe {
  aim: Aim;
  path: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  /**
   * What a test key of tenant A itself gets, where the rule below does not say it: everything of A's here is
   * live, so a test key reads none of it (404) and changes none of it (403). `n/a`: what a test key may do
   * (send a test email, create a test object, read a domain), which would write or show rows of A.
   */
  ownTestKey?: Expectation;
}

const later = () => new Date(Date.now() + 2 * 3_600_000).toISOString();
const email = (ids: Ids) => ({ from: `a@${ids.domainName}`, to: 'x@example.com', subject: 's', text: 't' });

const probes: Record<string, Probe> = {
  'POST /api/v1/tenants': { aim: 'none', path: () => '/api/v1/tenants', body: () => ({ name: 'X', slug: uniqueSlug('x') }) },
  'GET /api/v1/tenants': { aim: 'list', path: () => '/api/v1/tenants' },
  'GET /api/v1/tenants/:id': { aim: 'resource', path: (ids) => `/api/v1/tenants/${ids.tenant}` },
  'PATCH /api/v1/tenants/:id': { aim: 'resource', path: (ids) => `/api/v1/tenants/${ids.tenant}`, body: () => ({ name: 'Hijacked' }) },
  'DELETE /api/v1/tenants/:id': { aim: 'resource', path: (ids) => `/api/v1/tenants/${ids.tenant}` },
  'GET /api/v1/tenants/:id/usage': { aim: 'resource', path: (ids) => `/api/v1/tenants/${ids.tenant}/usage`, ownTestKey: 'n/a' },
  'GET /api/v1/usage': { aim: 'list', path: () => '/api/v1/usage', ownTestKey: 'n/a' },
  'GET /api/v1/org': { aim: 'none', path: () => '/api/v1/org' },
  'PATCH /api/v1/org': { aim: 'none', path: () => '/api/v1/org', body: () => ({ default_tenant_limits: { email_per_month: 1 } }) },
  'POST /api/v1/keys': { aim: 'create', path: () => '/api/v1/keys', body: (ids) => ({ name: 'x', tenant_id: ids.tenant }) },
  'GET /api/v1/keys': { aim: 'list', path: (ids) => `/api/v1/keys?tenant_id=${ids.tenant}` },
  'GET /api/v1/keys/:id': { aim: 'resource', path: (ids) => `/api/v1/keys/${ids.key}` },
  'PATCH /api/v1/keys/:id': { aim: 'resource', path: (ids) => `/api/v1/keys/${ids.key}`, body: () => ({ name: 'Hijacked' }) },
  'DELETE /api/v1/keys/:id': { aim: 'resource', path: (ids) => `/api/v1/keys/${ids.key}` },
  'POST /api/v1/domains': {
    aim: 'create',
    path: () => '/api/v1/domains',
    body: (ids) => ({ name: `${uniqueSlug('iso')}.example`, tenant_id: ids.tenant }),
    ownTestKey: [403, 'TEST_KEY_CANNOT_CHANGE_LIVE'],
  },
  'GET /api/v1/domains': { aim: 'list', path: (ids) => `/api/v1/domains?tenant_id=${ids.tenant}`, ownTestKey: 'n/a' },
  'GET /api/v1/domains/:id': { aim: 'resource', path: (ids) => `/api/v1/domains/${ids.domain}`, ownTestKey: 'n/a' },
  'POST /api/v1/domains/:id/verify': { aim: 'resource', path: (ids) => `/api/v1/domains/${ids.domain}/verify`, ownTestKey: 'n/a' },
  'DELETE /api/v1/domains/:id': { aim: 'resource', path: (ids) => `/api/v1/domains/${ids.domain}` },
  'POST /api/v1/test-inboxes': { aim: 'create', path: () => '/api/v1/test-inboxes', body: (ids) => ({ email: 'qa@example.com', tenant_id: ids.tenant }) },
  'GET /api/v1/test-inboxes': { aim: 'list', path: (ids) => `/api/v1/test-inboxes?tenant_id=${ids.tenant}`, ownTestKey: 'n/a' },
  'GET /api/v1/test-inboxes/:id': { aim: 'resource', path: (ids) => `/api/v1/test-inboxes/${ids.inbox}`, ownTestKey: 'n/a' },
  'POST /api/v1/test-inboxes/:id/confirm': {
    aim: 'resource',
    path: (ids) => `/api/v1/test-inboxes/${ids.inbox}/confirm`,
    body: () => ({ code: '123456' }),
    ownTestKey: 'n/a',
  },
  'DELETE /api/v1/test-inboxes/:id': { aim: 'resource', path: (ids) => `/api/v1/test-inboxes/${ids.inbox}` },
  'POST /api/v1/emails': { aim: 'create', path: () => '/api/v1/emails', body: email },
  'POST /api/v1/emails/batch': { aim: 'create', path: () => '/api/v1/emails/batch', body: (ids) => [email(ids)] },
  'PATCH /api/v1/emails/:id': {
    aim: 'resource',
    path: (ids) => `/api/v1/emails/${ids.message}`,
    body: () => ({ scheduled_at: later() }),
    ownTestKey: [404, 'NOT_FOUND'],
  },
  'GET /api/v1/emails': { aim: 'list', path: (ids) => `/api/v1/emails?tenant_id=${ids.tenant}` },
  'GET /api/v1/emails/:id': { aim: 'resource', path: (ids) => `/api/v1/emails/${ids.message}` },
  'POST /api/v1/emails/:id/cancel': { aim: 'resource', path: (ids) => `/api/v1/emails/${ids.message}/cancel`, ownTestKey: [404, 'NOT_FOUND'] },
  'POST /api/v1/sms': { aim: 'none', path: () => '/api/v1/sms', body: () => ({ to: '+14155550100', body: 'hi' }) },
  'POST /api/v1/sms/senders': { aim: 'create', path: () => '/api/v1/sms/senders', body: (ids) => ({ tenant_id: ids.tenant, sender_id: 'HIJACK' }) },
  'GET /api/v1/sms/senders': { aim: 'list', path: (ids) => `/api/v1/sms/senders?tenant_id=${ids.tenant}`, ownTestKey: 'n/a' },
  'GET /api/v1/sms/senders/:id': { aim: 'resource', path: (ids) => `/api/v1/sms/senders/${ids.smsSender}`, ownTestKey: 'n/a' },
  'DELETE /api/v1/sms/senders/:id': { aim: 'resource', path: (ids) => `/api/v1/sms/senders/${ids.smsSender}` },
  'GET /api/v1/messages': { aim: 'list', path: (ids) => `/api/v1/messages?tenant_id=${ids.tenant}` },
  'GET /api/v1/messages/:id': { aim: 'resource', path: (ids) => `/api/v1/messages/${ids.message}` },
  'POST /api/v1/suppressions': { aim: 'create', path: () => '/api/v1/suppressions', body: (ids) => ({ address: 'new@example.com', tenant_id: ids.tenant }) },
  'GET /api/v1/suppressions': { aim: 'list', path: (ids) => `/api/v1/suppressions?tenant_id=${ids.tenant}` },
  'GET /api/v1/suppressions/:id': { aim: 'resource', path: (ids) => `/api/v1/suppressions/${ids.suppression}` },
  'DELETE /api/v1/suppressions/:id': { aim: 'resource', path: (ids) => `/api/v1/suppressions/${ids.suppression}` },
  'POST /api/v1/templates': {
    aim: 'create',
    path: () => '/api/v1/templates',
    body: (ids) => ({ name: 'x', tenant_id: ids.tenant, subject: 's', text: 't' }),
  },
  'GET /api/v1/templates': { aim: 'list', path: (ids) => `/api/v1/templates?tenant_id=${ids.tenant}` },
  'GET /api/v1/templates/:id': { aim: 'resource', path: (ids) => `/api/v1/templates/${ids.template}` },
  'PATCH /api/v1/templates/:id': { aim: 'resource', path: (ids) => `/api/v1/templates/${ids.template}`, body: () => ({ name: 'Hijacked' }) },
  'DELETE /api/v1/templates/:id': { aim: 'resource', path: (ids) => `/api/v1/templates/${ids.template}` },
  'POST /api/v1/templates/:id/render': {
    aim: 'resource',
    path: (ids) => `/api/v1/templates/${ids.template}/render`,
    body: () => ({ variables: {} }),
    ownTestKey: [404, 'NOT_FOUND'],
  },
  'POST /api/v1/audiences': { aim: 'create', path: () => '/api/v1/audiences', body: (ids) => ({ name: 'x', tenant_id: ids.tenant }) },
  'GET /api/v1/audiences': { aim: 'list', path: (ids) => `/api/v1/audiences?tenant_id=${ids.tenant}` },
  'GET /api/v1/audiences/:id': { aim: 'resource', path: (ids) => `/api/v1/audiences/${ids.audience}` },
  'PATCH /api/v1/audiences/:id': { aim: 'resource', path: (ids) => `/api/v1/audiences/${ids.audience}`, body: () => ({ name: 'Hijacked' }) },
  'DELETE /api/v1/audiences/:id': { aim: 'resource', path: (ids) => `/api/v1/audiences/${ids.audience}` },
  'POST /api/v1/audiences/:id/contacts': { aim: 'resource', path: (ids) => `/api/v1/audiences/${ids.audience}/contacts`, body: () => ({ email: 'new@example.com' }) },
  'GET /api/v1/audiences/:id/contacts': { aim: 'resource', path: (ids) => `/api/v1/audiences/${ids.audience}/contacts` },
  'POST /api/v1/audiences/:id/contacts/import': {
    aim: 'resource',
    path: (ids) => `/api/v1/audiences/${ids.audience}/contacts/import`,
    body: () => ({ contacts: [{ email: 'new@example.com' }] }),
  },
  'GET /api/v1/audiences/:id/contacts/:contactId': { aim: 'resource', path: (ids) => `/api/v1/audiences/${ids.audience}/contacts/${ids.contact}` },
  'PATCH /api/v1/audiences/:id/contacts/:contactId': {
    aim: 'resource',
    path: (ids) => `/api/v1/audiences/${ids.audience}/contacts/${ids.contact}`,
    body: () => ({ unsubscribed: true }),
  },
  'DELETE /api/v1/audiences/:id/contacts/:contactId': { aim: 'resource', path: (ids) => `/api/v1/audiences/${ids.audience}/contacts/${ids.contact}` },
  'GET /api/v1/audiences/:id/imports/:importId': { aim: 'resource', path: (ids) => `/api/v1/audiences/${ids.audience}/imports/${ids.contactImport}` },
  'POST /api/v1/webhooks/endpoints': {
    aim: 'create',
    path: () => '/api/v1/webhooks/endpoints',
    body: (ids) => ({ url: 'http://127.0.0.1:9/hook', tenant_id: ids.tenant, events: ['message.sent'] }),
  },
  'GET /api/v1/webhooks/endpoints': { aim: 'list', path: (ids) => `/api/v1/webhooks/endpoints?tenant_id=${ids.tenant}` },
  'GET /api/v1/webhooks/endpoints/:id': { aim: 'resource', path: (ids) => `/api/v1/webhooks/endpoints/${ids.endpoint}` },
  'PATCH /api/v1/webhooks/endpoints/:id': { aim: 'resource', path: (ids) => `/api/v1/webhooks/endpoints/${ids.endpoint}`, body: () => ({ description: 'x' }) },
  'DELETE /api/v1/webhooks/endpoints/:id': { aim: 'resource', path: (ids) => `/api/v1/webhooks/endpoints/${ids.endpoint}` },
  'POST /api/v1/webhooks/endpoints/:id/rotate-secret': { aim: 'resource', path: (ids) => `/api/v1/webhooks/endpoints/${ids.endpoint}/rotate-secret` },
  'POST /api/v1/webhooks/endpoints/:id/test': { aim: 'resource', path: (ids) => `/api/v1/webhooks/endpoints/${ids.endpoint}/test` },
  'GET /api/v1/webhooks/endpoints/:id/deliveries': { aim: 'resource', path: (ids) => `/api/v1/webhooks/endpoints/${ids.endpoint}/deliveries` },
  'POST /api/v1/webhooks/deliveries/:id/replay': { aim: 'resource', path: (ids) => `/api/v1/webhooks/deliveries/${ids.delivery}/replay` },
};

const keyEndpoints = endpoints.filter((entry) => typeof entry.auth === 'object');
const rootOnly = (scope: string) => scope === 'tenants:*' || scope === 'keys:*';

/** What each principal must get: a status and code, `filtered` (200 without any of A's ids, or 404 for ?tenant_id=A), or `n/a`. */
function expected(principal: Principal, method: string, scope: string, probe: Probe): Expectation {
  const { aim } = probe;
  if (principal === 'revoked') return [401, 'INVALID_API_KEY'];
  if (principal === 'missing scope') return [403, 'MISSING_SCOPE'];
  if (principal === "A's test key") {
    if (rootOnly(scope)) return [403, 'MISSING_SCOPE'];
    if (probe.ownTestKey) return probe.ownTestKey;
    if (aim === 'resource') return method === 'get' ? [404, 'NOT_FOUND'] : [403, 'TEST_KEY_CANNOT_CHANGE_LIVE'];
    return aim === 'list' ? 'filtered' : 'n/a';
  }
  if (aim === 'none' && !(principal !== 'other org' && rootOnly(scope))) return 'n/a';
  // Tenant-bound keys (live or test) never hold the root-only scopes.
  if (principal !== 'other org' && rootOnly(scope)) return [403, 'MISSING_SCOPE'];
  if (aim === 'list') return 'filtered';
  if (aim === 'create' && scope === 'emails:send') return [403, 'DOMAIN_NOT_ALLOWED_FOR_KEY'];
  return [404, 'NOT_FOUND'];
}

let ids: Ids;
const keys = {} as Record<Principal, string> & { missingUsage: string };
let orgIds: string[];

afterAll(() => obliterateQueues(ctx.config.QUEUE_PREFIX));

beforeAll(async () => {
  const org = await platform(call);
  const { acme, globex, rootKey } = org;
  const post = async (path: string, key: string, body?: unknown) => {
    const response = await call('POST', path, { key, body });
    expect(response.status, `${path} ${JSON.stringify(response.body)}`).toBeLessThan(300);
    return response.body;
  };
  const aKey = await post('/api/v1/keys', rootKey, { name: 'A full', tenant_id: acme.id, allowed_domain_ids: [acme.domainId] });
  const message = await post('/api/v1/emails', acme.key, { ...email({ domainName: acme.domain } as Ids), scheduled_at: later() });
  const suppression = await post('/api/v1/suppressions', acme.key, { address: 'kept@example.com' });
  const endpoint = await post('/api/v1/webhooks/endpoints', rootKey, { url: 'http://127.0.0.1:9/hook', tenant_id: acme.id, events: ['message.sent'] });
  const test = await post(`/api/v1/webhooks/endpoints/${endpoint.id}/test`, rootKey);
  const inbox = await post('/api/v1/test-inboxes', rootKey, { email: 'dev@example.com', tenant_id: acme.id });
  const template = await post('/api/v1/templates', rootKey, { name: 'Welcome', tenant_id: acme.id, subject: 'Hi', text: 'Hello' });
  const audience = await post('/api/v1/audiences', rootKey, { name: 'News', tenant_id: acme.id });
  const contact = await post(`/api/v1/audiences/${audience.id}/contacts`, rootKey, { email: 'reader@example.com' });
  const contactImport = await post(`/api/v1/audiences/${audience.id}/contacts/import`, rootKey, { contacts: [{ email: 'more@example.com' }] });
  const smsSender = await post('/api/v1/sms/senders', rootKey, { tenant_id: acme.id, sender_id: 'ACME' });
  ids = {
    tenant: acme.id,
    key: aKey.id,
    domain: acme.domainId,
    domainName: acme.domain,
    message: message.id,
    suppression: suppression.id,
    endpoint: endpoint.id,
    delivery: test.delivery_id,
    inbox: inbox.id,
    template: template.id,
    audience: audience.id,
    contact: contact.id,
    contactImport: contactImport.id,
    smsSender: smsSender.id,
  };

  const otherOrg = await newOrg('Other SaaS');
  orgIds = [org.orgId, otherOrg.orgId];
  const mint = async (body: object) => (await post('/api/v1/keys', rootKey, { name: 'probe', ...body })).secret as string;
  keys['sibling tenant'] = await mint({ tenant_id: globex.id, scopes: tenantScopes });
  keys['test key'] = await mint({ tenant_id: globex.id, scopes: tenantScopes, environment: 'test' });
  keys["A's test key"] = await mint({ tenant_id: acme.id, scopes: tenantScopes, environment: 'test' });
  keys['other org'] = otherOrg.rootKey;
  keys['missing scope'] = await mint({ tenant_id: acme.id, scopes: ['usage:read'] });
  keys.missingUsage = await mint({ tenant_id: acme.id, scopes: ['messages:read'] });
  const revoked = await post('/api/v1/keys', rootKey, { name: 'revoked', tenant_id: acme.id, scopes: tenantScopes });
  expect((await call('DELETE', `/api/v1/keys/${revoked.id}`, { key: rootKey })).status).toBe(200);
  keys.revoked = revoked.secret;
});

describe("isolation matrix: every endpoint against tenant A, from five keys that must not reach it and A's own test key", () => {
  it('covers every API-key endpoint of the document', () => {
    expect(Object.keys(probes).sort()).toEqual(keyEndpoints.map((entry) => `${entry.method.toUpperCase()} ${entry.path}`).sort());
  });

  it('refuses each with the documented code and writes nothing', async () => {
    const before = await orgRowsDigest(orgIds);
    const aIds = Object.values(ids).filter((value) => /^[a-z]{3}_/.test(value));
    const tally = { refused: 0, filtered: 0, 'n/a': 0 };
    const rows: string[] = [];
    for (const entry of keyEndpoints) {
      const name = `${entry.method.toUpperCase()} ${entry.path}`;
      const probe = probes[name] as Probe;
      const scope = (entry.auth as { key: string }).key;
      const cells: string[] = [];
      for (const principal of principals) {
        const want = expected(principal, entry.method, scope, probe);
        if (want === 'n/a') {
          tally['n/a']++;
          cells.push('n/a');
          continue;
        }
        const key = principal === 'missing scope' && scope === 'usage:read' ? keys.missingUsage : keys[principal];
        const response = await call(entry.method.toUpperCase(), probe.path(ids), { key, body: probe.body?.(ids) });
        const context = `${name} as ${principal}: ${response.status} ${JSON.stringify(response.body)}`;
        if (want === 'filtered' && response.status === 404) {
          // A list filtered by ?tenant_id= may refuse the tenant outright instead of answering an empty page.
          expect(response.body.error.code, context).toBe('NOT_FOUND');
          tally.refused++;
          cells.push('404 NOT_FOUND');
        } else if (want === 'filtered') {
          expect(response.status, context).toBe(200);
          const text = JSON.stringify(response.body);
          for (const id of aIds) expect(text, context).not.toContain(id);
          tally.filtered++;
          cells.push('200 (none of A)');
        } else {
          expect([response.status, response.body?.error?.code], context).toEqual(want);
          tally.refused++;
          cells.push(`${want[0]} ${want[1]}`);
        }
      }
      rows.push(`${name.padEnd(52)} ${cells.map((cell) => cell.padEnd(32)).join('')}`);
    }
    console.log(
      [`${''.padEnd(52)} ${principals.map((principal) => principal.padEnd(32)).join('')}`, ...rows].join('\n') +
        `\n${keyEndpoints.length} endpoints x ${principals.length} keys: ${tally.refused} refused with the documented code, ` +
        `${tally.filtered} lists without any of tenant A's rows, ${tally['n/a']} not applicable (nothing of A's to aim at)`,
    );
    expect(tally.refused + tally.filtered + tally['n/a']).toBe(keyEndpoints.length * principals.length);
    expect(await orgRowsDigest(orgIds)).toEqual(before);
  });
});
