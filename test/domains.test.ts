import { domainToASCII } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { keyAuthenticator } from '../src/access/authenticate.js';
import { checkPendingDomains, resolveSendingDomain } from '../src/domains/domains.js';
import { deterministicEventId, type PlatformEvent } from '../src/platform/event-types.js';
import { domainsProcessor } from '../workers/domains.js';
import { registerSchedules, startWorker } from '../workers/runtime.js';
import { startDnsServer } from './dns-server.js';
import { db, newOrg, startApi, testContext, uniqueSlug } from './helpers.js';

// Records every published event and passes it on to the real fan-out.
const published = vi.hoisted(() => [] as PlatformEvent[]);
vi.mock(import('../src/webhooks/fan-out.js'), async (importOriginal) => {
  const original = await importOriginal();
  return {
    ...original,
    publishEvents: async (ctx, events) => {
      published.push(...events);
      await original.publishEvents(ctx, events);
    },
  };
});

// The local provider resolves the published records for real, against this test's DNS server.
const dns = await startDnsServer();
const cronSecret = 'cron-secret-for-the-domains-suite';
const ctx = testContext({ EMAIL_PROVIDER: 'local', DNS_SERVERS: dns.address, CRON_SECRET: cronSecret });
const { config } = ctx;

const { call } = startApi(ctx);
afterAll(() => dns.close());

const principalOf = keyAuthenticator(ctx.db, ctx.keys, 0);
const eventsFor = (domainId: string) => published.filter((event) => event.data.id === domainId);

async function platform() {
  const org = await newOrg();
  const tenant = async (name: string) => {
    const created = await call('POST', '/api/v1/tenants', { key: org.rootKey, body: { name, slug: uniqueSlug(name.toLowerCase()) } });
    return created.body.id as string;
  };
  return { ...org, acmeId: await tenant('Acme'), globexId: await tenant('Globex') };
}

async function mintKey(rootKey: string, body: Record<string, unknown>) {
  const created = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'key', ...body } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.secret as string;
}

async function createDomain(key: string, body: Record<string, unknown>) {
  const created = await call('POST', '/api/v1/domains', { key, body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

const newDomainName = (base = 'acme') => `${uniqueSlug(base)}.com`;

/** Publishes what the customer is told to publish (the required records only). */
function publishRequired(domain: { dns_records: { type: 'CNAME' | 'TXT'; name: string; value: string; recommended: boolean }[] }) {
  for (const record of domain.dns_records.filter((item) => !item.recommended)) dns.publish(record.type, record.name, record.value);
}

async function verifiedDomain(rootKey: string, tenantId: string | null) {
  const domain = await createDomain(rootKey, { name: newDomainName(), tenant_id: tenantId });
  publishRequired(domain);
  const verified = await call('POST', `/api/v1/domains/${domain.id}/verify`, { key: rootKey });
  expect(verified.body.status).toBe('verified');
  return verified.body;
}

describe('domains (walkthrough 3a)', () => {
  it('creates a tenant domain with its DKIM CNAMEs, ownership TXT and recommended SPF and DMARC', async () => {
    const { rootKey, acmeId } = await platform();
    const name = newDomainName();
    const domain = await createDomain(rootKey, { name, tenant_id: acmeId });
    expect(domain).toMatchObject({ name, tenant_id: acmeId, status: 'pending', verified_at: null, last_checked_at: null });
    expect(domain.id).toMatch(/^dom_[0-9a-z]{26}$/);

    const cnames = domain.dns_records.filter((record: any) => record.type === 'CNAME');
    expect(cnames).toHaveLength(3);
    for (const record of cnames) {
      const token = record.name.split('.')[0];
      expect(record).toEqual({ type: 'CNAME', name: `${token}._domainkey.${name}`, value: `${token}.dkim.amazonses.com`, recommended: false });
    }
    expect(domain.dns_records.slice(3)).toEqual([
      { type: 'TXT', name: `_amazonses.${name}`, value: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/), recommended: false },
      { type: 'TXT', name, value: 'v=spf1 include:amazonses.com ~all', recommended: true },
      { type: 'TXT', name: `_dmarc.${name}`, value: 'v=DMARC1; p=none;', recommended: true },
    ]);

    const fetched = await call('GET', `/api/v1/domains/${domain.id}`, { key: rootKey });
    expect(fetched.body).toEqual(domain);
  });

  it('lists newest first, filtered by tenant_id and status, with cursor pagination', async () => {
    const { rootKey, acmeId, globexId } = await platform();
    const first = await createDomain(rootKey, { name: newDomainName(), tenant_id: acmeId });
    const second = await createDomain(rootKey, { name: newDomainName(), tenant_id: acmeId });
    const globex = await verifiedDomain(rootKey, globexId);

    const all = await call('GET', '/api/v1/domains', { key: rootKey });
    expect(all.body.data.map((item: any) => item.id)).toEqual([globex.id, second.id, first.id]);
    const acme = await call('GET', `/api/v1/domains?tenant_id=${acmeId}&limit=1`, { key: rootKey });
    expect(acme.body).toMatchObject({ data: [{ id: second.id }], has_more: true, next_cursor: second.id });
    const next = await call('GET', `/api/v1/domains?tenant_id=${acmeId}&after=${second.id}`, { key: rootKey });
    expect(next.body).toMatchObject({ data: [{ id: first.id }], has_more: false, next_cursor: null });
    const verified = await call('GET', '/api/v1/domains?status=verified', { key: rootKey });
    expect(verified.body.data.map((item: any) => item.id)).toEqual([globex.id]);
    const wrongStatus = await call('GET', '/api/v1/domains?status=gone', { key: rootKey });
    expect(wrongStatus.status).toBe(422);
  });

  it('normalises names (case, IDNA, trailing dot) and refuses what is no domain name', async () => {
    const { rootKey } = await platform();
    const suffix = uniqueSlug('x');
    const upper = await createDomain(rootKey, { name: `  MAIL.${suffix.toUpperCase()}.Example.  ` });
    expect(upper.name).toBe(`mail.${suffix}.example`);
    const idn = await createDomain(rootKey, { name: `Bücher-${suffix}.example.` });
    expect(idn.name).toBe(domainToASCII(`bücher-${suffix}.example`));
    expect(idn.name).toMatch(/^xn--/);

    for (const name of ['localhost', 'foo..com', '-foo.com', 'foo-.com', '10.0.0.1', 'a_b.com', '', 'a'.repeat(64) + '.com']) {
      const refused = await call('POST', '/api/v1/domains', { key: rootKey, body: { name } });
      expect(refused.status, name).toBe(422);
      expect(refused.body.error).toMatchObject({ type: 'invalid_request_error', code: 'VALIDATION_ERROR' });
      expect(refused.body.error.message).toMatch(/^name: /);
    }
    const unknownField = await call('POST', '/api/v1/domains', { key: rootKey, body: { name: newDomainName(), region: 'eu' } });
    expect(unknownField.body.error.message).toBe('region: unknown field');
  });

  it('refuses a public suffix or bare TLD, naming why, and accepts the domains registered under one', async () => {
    const { rootKey } = await platform();
    for (const name of ['co.uk', 'com', 'CO.UK.', 'github.io', 's3.amazonaws.com', 'blogspot.com', 'kawasaki.jp', 'foo.kawasaki.jp']) {
      const refused = await call('POST', '/api/v1/domains', { key: rootKey, body: { name } });
      expect(refused.status, name).toBe(422);
      expect(refused.body.error).toMatchObject({ type: 'invalid_request_error', code: 'VALIDATION_ERROR' });
      const normalised = name.toLowerCase().replace(/\.$/, '');
      expect(refused.body.error.message, name).toBe(
        `name: ${normalised} is a public suffix; add the domain you own under it, like acme.${normalised}`,
      );
    }
    const unknownSingleLabel = await call('POST', '/api/v1/domains', { key: rootKey, body: { name: 'test' } });
    expect(unknownSingleLabel.body.error.message).toBe('name: must be a domain name like acme.com');

    const suffix = uniqueSlug('acme');
    for (const name of [`${suffix}.co.uk`, `mail.${suffix}.co.uk`, `${suffix}.github.io`, `${suffix}.test`, `${suffix}.example`]) {
      expect((await createDomain(rootKey, { name })).name).toBe(name);
    }
  });

  it('gives a name to one tenant in the whole installation: a second create is 409 DOMAIN_TAKEN', async () => {
    const first = await platform();
    const second = await platform();
    const name = newDomainName();
    await createDomain(first.rootKey, { name, tenant_id: first.acmeId });

    for (const [key, body] of [
      [first.rootKey, { name, tenant_id: first.globexId }],
      [first.rootKey, { name: `${name.toUpperCase()}.` }],
      [second.rootKey, { name, tenant_id: second.acmeId }],
      [second.rootKey, { name: config.SANDBOX_DOMAIN }],
    ] as const) {
      const taken = await call('POST', '/api/v1/domains', { key, body });
      expect(taken.status).toBe(409);
      expect(taken.body.error).toMatchObject({ type: 'conflict_error', code: 'DOMAIN_TAKEN' });
    }
  });

  it('lets a tenant-bound key with domains:write create in its own tenant only', async () => {
    const { rootKey, acmeId, globexId } = await platform();
    const acmeKey = await mintKey(rootKey, { tenant_id: acmeId, scopes: ['domains:write', 'domains:read'] });
    const implied = await createDomain(acmeKey, { name: newDomainName() });
    expect(implied.tenant_id).toBe(acmeId);
    const explicit = await createDomain(acmeKey, { name: newDomainName(), tenant_id: acmeId });
    expect(explicit.tenant_id).toBe(acmeId);

    const sibling = await call('POST', '/api/v1/domains', { key: acmeKey, body: { name: newDomainName(), tenant_id: globexId } });
    expect(sibling.status).toBe(404);
    expect(sibling.body.error.code).toBe('NOT_FOUND');

    const readOnly = await mintKey(rootKey, { tenant_id: acmeId, scopes: ['domains:read'] });
    const refused = await call('POST', '/api/v1/domains', { key: readOnly, body: { name: newDomainName() } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'MISSING_SCOPE', message: 'this key lacks the domains:write scope' });
    expect((await call('GET', `/api/v1/domains/${implied.id}`, { key: readOnly })).status).toBe(200);
  });

  it('deletes a domain, which frees its name', async () => {
    const { rootKey, acmeId } = await platform();
    const domain = await createDomain(rootKey, { name: newDomainName(), tenant_id: acmeId });
    const deleted = await call('DELETE', `/api/v1/domains/${domain.id}`, { key: rootKey });
    expect(deleted.body).toEqual({ id: domain.id, deleted: true });
    expect((await call('GET', `/api/v1/domains/${domain.id}`, { key: rootKey })).status).toBe(404);
    expect((await call('DELETE', `/api/v1/domains/${domain.id}`, { key: rootKey })).status).toBe(404);
    await createDomain(rootKey, { name: domain.name, tenant_id: acmeId });
  });
});

describe('domain verification (walkthrough 3b)', () => {
  it('verifies on demand once every required record resolves, and publishes domain.verified once', async () => {
    const { rootKey, acmeId } = await platform();
    const domain = await createDomain(rootKey, { name: newDomainName(), tenant_id: acmeId });

    const nothingYet = await call('POST', `/api/v1/domains/${domain.id}/verify`, { key: rootKey });
    expect(nothingYet.status).toBe(200);
    expect(nothingYet.body).toMatchObject({ status: 'pending', verified_at: null });
    expect(nothingYet.body.last_checked_at).not.toBeNull();

    // The DKIM CNAMEs alone do not prove ownership: the _amazonses TXT must be there too.
    for (const record of domain.dns_records.filter((item: any) => item.type === 'CNAME')) dns.publish('CNAME', record.name, record.value);
    const halfway = await call('POST', `/api/v1/domains/${domain.id}/verify`, { key: rootKey });
    expect(halfway.body.status).toBe('pending');

    const txt = domain.dns_records.find((item: any) => item.name.startsWith('_amazonses.'));
    dns.publish('TXT', txt.name, 'someone-elses-token');
    expect((await call('POST', `/api/v1/domains/${domain.id}/verify`, { key: rootKey })).body.status).toBe('pending');
    dns.publish('TXT', txt.name, txt.value);
    const verified = await call('POST', `/api/v1/domains/${domain.id}/verify`, { key: rootKey });
    expect(verified.body.status).toBe('verified');
    expect(verified.body.verified_at).not.toBeNull();

    const again = await call('POST', `/api/v1/domains/${domain.id}/verify`, { key: rootKey });
    expect(again.body.status).toBe('verified');
    const events = eventsFor(domain.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: deterministicEventId(`domain.verified:${domain.id}`),
      type: 'domain.verified',
      tenantId: acmeId,
      data: { id: domain.id, name: domain.name, status: 'verified' },
    });
    const row = await db.selectFrom('domains').select('status_event_pending').where('id', '=', domain.id).executeTakeFirstOrThrow();
    expect(row.status_event_pending).toBe(false);
  });

  it('sweeps pending domains: verified on success, failed after the timeout, one event each with three sweeps at once', async () => {
    const { rootKey, acmeId } = await platform();
    const ready = await createDomain(rootKey, { name: newDomainName(), tenant_id: acmeId });
    const expired = await createDomain(rootKey, { name: newDomainName(), tenant_id: acmeId });
    const waiting = await createDomain(rootKey, { name: newDomainName(), tenant_id: acmeId });
    publishRequired(ready);
    const hoursAgo = config.DOMAIN_VERIFICATION_TIMEOUT_HOURS + 1;
    await sql`update domains set created_at = now() - make_interval(hours => ${hoursAgo}) where id = ${expired.id}`.execute(db);

    // As if three worker processes swept at the same moment.
    await Promise.all([checkPendingDomains(ctx), checkPendingDomains(ctx), checkPendingDomains(ctx)]);

    const status = async (id: string) => (await call('GET', `/api/v1/domains/${id}`, { key: rootKey })).body.status;
    expect(await status(ready.id)).toBe('verified');
    expect(await status(expired.id)).toBe('failed');
    expect(await status(waiting.id)).toBe('pending');
    expect(eventsFor(ready.id).map((event) => event.id)).toEqual([deterministicEventId(`domain.verified:${ready.id}`)]);
    expect(eventsFor(expired.id).map((event) => event.type)).toEqual(['domain.failed']);
    expect(eventsFor(waiting.id)).toEqual([]);
  });

  it('republishes a transition whose publisher died before recording it', async () => {
    const { rootKey, acmeId } = await platform();
    const domain = await verifiedDomain(rootKey, acmeId);
    // Verified a minute ago, and its publisher died before recording the event.
    await db
      .updateTable('domains')
      .set({ status_event_pending: true, updated_at: new Date(Date.now() - 60_000) })
      .where('id', '=', domain.id)
      .execute();
    await checkPendingDomains(ctx);
    const events = eventsFor(domain.id);
    expect(events).toHaveLength(2);
    expect(events[1]?.id).toBe(events[0]?.id);
  });

  it('POST /api/cron/check-domains takes the CRON_SECRET bearer and runs the sweep on the domains queue', async () => {
    const { rootKey, acmeId } = await platform();
    const domain = await createDomain(rootKey, { name: newDomainName(), tenant_id: acmeId });
    publishRequired(domain);

    expect((await call('POST', '/api/cron/check-domains')).status).toBe(401);
    const wrong = await call('POST', '/api/cron/check-domains', { headers: { authorization: 'Bearer not-the-cron-secret' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ type: 'authentication_error', code: 'INVALID_CRON_SECRET' });
    const withApiKey = await call('POST', '/api/cron/check-domains', { key: rootKey });
    expect(withApiKey.status).toBe(401);

    const worker = startWorker(ctx, domainsProcessor);
    try {
      const triggered = await call('POST', '/api/cron/check-domains', { headers: { authorization: `Bearer ${cronSecret}` } });
      expect(triggered.status).toBe(202);
      expect(triggered.body.queued).toBe(true);
      const deadline = Date.now() + 15_000;
      let current = domain;
      while (current.status === 'pending' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        current = (await call('GET', `/api/v1/domains/${domain.id}`, { key: rootKey })).body;
      }
      expect(current.status).toBe('verified');
    } finally {
      await worker.close();
    }
  });

  it('registers one job scheduler for the hourly sweep, however many processes start', async () => {
    await Promise.all([registerSchedules(ctx, domainsProcessor), registerSchedules(ctx, domainsProcessor)]);
    const scheduler = await ctx.jobs.queue('domains').getJobScheduler('check-pending-domains');
    expect(scheduler).toMatchObject({ name: 'check-pending-domains', every: config.DOMAIN_CHECK_INTERVAL_MS });
    expect(await ctx.jobs.queue('domains').getJobSchedulersCount()).toBe(1);
  });
});

describe('sending domains (walkthrough step 5)', () => {
  it("lets a key send from its tenant's verified domains within allowed_domain_ids", async () => {
    const { rootKey, acmeId } = await platform();
    const acme = await verifiedDomain(rootKey, acmeId);
    const second = await verifiedDomain(rootKey, acmeId);
    const scoped = await principalOf(await mintKey(rootKey, { tenant_id: acmeId, allowed_domain_ids: [acme.id] }));

    expect(await resolveSendingDomain(ctx, scoped, acme.name.toUpperCase())).toEqual({
      id: acme.id,
      name: acme.name,
      sandbox: false,
      verified: true,
      tenantId: acmeId,
    });
    await expect(resolveSendingDomain(ctx, scoped, second.name)).rejects.toMatchObject({
      status: 403,
      type: 'authentication_error',
      code: 'DOMAIN_NOT_ALLOWED_FOR_KEY',
      message: `from ${second.name} is not in key's allowed_domain_ids`,
    });
    await expect(resolveSendingDomain(ctx, scoped, 'not-acme.com')).rejects.toMatchObject({
      status: 403,
      code: 'DOMAIN_NOT_ALLOWED_FOR_KEY',
      message: "from not-acme.com is not in key's allowed_domain_ids",
    });

    const anyOfTenant = await principalOf(await mintKey(rootKey, { tenant_id: acmeId }));
    expect((await resolveSendingDomain(ctx, anyOfTenant, second.name)).id).toBe(second.id);
    const root = await principalOf(rootKey);
    expect((await resolveSendingDomain(ctx, root, second.name)).tenantId).toBe(acmeId);
  });

  it('refuses unverified domains to live keys; test keys may use pending ones', async () => {
    const { rootKey, acmeId } = await platform();
    const pending = await createDomain(rootKey, { name: newDomainName(), tenant_id: acmeId });
    const failed = await createDomain(rootKey, { name: newDomainName(), tenant_id: acmeId });
    await db.updateTable('domains').set({ status: 'failed' }).where('id', '=', failed.id).execute();
    const live = await principalOf(await mintKey(rootKey, { tenant_id: acmeId }));
    const test = await principalOf(await mintKey(rootKey, { tenant_id: acmeId, environment: 'test' }));

    await expect(resolveSendingDomain(ctx, live, pending.name)).rejects.toMatchObject({
      status: 422,
      type: 'invalid_request_error',
      code: 'DOMAIN_NOT_VERIFIED',
    });
    expect(await resolveSendingDomain(ctx, test, pending.name)).toMatchObject({ id: pending.id, verified: false, sandbox: false });
    await expect(resolveSendingDomain(ctx, test, failed.name)).rejects.toMatchObject({ status: 422, code: 'DOMAIN_NOT_VERIFIED' });
  });

  it('offers the sandbox domain to keys whose allowed_domain_ids is null or holds dom_sandbox (walkthrough 3c)', async () => {
    const { rootKey, acmeId } = await platform();
    const acme = await verifiedDomain(rootKey, acmeId);
    const sandbox = { id: 'dom_sandbox', name: config.SANDBOX_DOMAIN, sandbox: true, verified: true, tenantId: null };
    const unrestricted = await principalOf(await mintKey(rootKey, { tenant_id: acmeId }));
    expect(await resolveSendingDomain(ctx, unrestricted, config.SANDBOX_DOMAIN)).toEqual(sandbox);
    const sandboxOnly = await principalOf(await mintKey(rootKey, { tenant_id: acmeId, allowed_domain_ids: ['dom_sandbox'] }));
    expect(await resolveSendingDomain(ctx, sandboxOnly, config.SANDBOX_DOMAIN)).toEqual(sandbox);
    await expect(resolveSendingDomain(ctx, sandboxOnly, acme.name)).rejects.toMatchObject({ code: 'DOMAIN_NOT_ALLOWED_FOR_KEY' });
    const acmeOnly = await principalOf(await mintKey(rootKey, { tenant_id: acmeId, allowed_domain_ids: [acme.id] }));
    await expect(resolveSendingDomain(ctx, acmeOnly, config.SANDBOX_DOMAIN)).rejects.toMatchObject({
      status: 403,
      code: 'DOMAIN_NOT_ALLOWED_FOR_KEY',
      message: `from ${config.SANDBOX_DOMAIN} is not in key's allowed_domain_ids`,
    });
  });

  it('accepts only own domains (or dom_sandbox) in allowed_domain_ids when minting and updating keys', async () => {
    const { rootKey, acmeId, globexId } = await platform();
    const other = await platform();
    const acme = await createDomain(rootKey, { name: newDomainName(), tenant_id: acmeId });
    const globex = await createDomain(rootKey, { name: newDomainName(), tenant_id: globexId });
    const orgLevel = await createDomain(rootKey, { name: newDomainName() });
    const foreign = await createDomain(other.rootKey, { name: newDomainName(), tenant_id: other.acmeId });

    for (const ids of [[globex.id], [orgLevel.id], [foreign.id], ['dom_unknown']]) {
      const refused = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'k', tenant_id: acmeId, allowed_domain_ids: ids } });
      expect(refused.status, ids[0]).toBe(422);
      expect(refused.body.error.message).toBe(`allowed_domain_ids: ${ids[0]}: not a domain of tenant ${acmeId} (nor dom_sandbox)`);
    }
    const minted = await call('POST', '/api/v1/keys', {
      key: rootKey,
      body: { name: 'k', tenant_id: acmeId, allowed_domain_ids: [acme.id, 'dom_sandbox'] },
    });
    expect(minted.status).toBe(201);
    expect(minted.body.allowed_domain_ids).toEqual([acme.id, 'dom_sandbox']);

    const rootScoped = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'r', allowed_domain_ids: [globex.id, orgLevel.id] } });
    expect(rootScoped.status).toBe(201);
    const rootForeign = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'r', allowed_domain_ids: [foreign.id] } });
    expect(rootForeign.body.error.message).toBe(`allowed_domain_ids: ${foreign.id}: not a domain of this org (nor dom_sandbox)`);

    const patchRefused = await call('PATCH', `/api/v1/keys/${minted.body.id}`, { key: rootKey, body: { allowed_domain_ids: [globex.id] } });
    expect(patchRefused.status).toBe(422);
    const patched = await call('PATCH', `/api/v1/keys/${minted.body.id}`, { key: rootKey, body: { allowed_domain_ids: ['dom_sandbox'] } });
    expect(patched.body.allowed_domain_ids).toEqual(['dom_sandbox']);
  });
});

describe('domain isolation', () => {
  it("keeps tenant A's domain away from tenant B: no read, verify, delete or send", async () => {
    const { rootKey, acmeId, globexId } = await platform();
    const acme = await verifiedDomain(rootKey, acmeId);
    const pendingAcme = await createDomain(rootKey, { name: newDomainName(), tenant_id: acmeId });
    const globexKey = await mintKey(rootKey, { tenant_id: globexId });
    const globexDomain = await createDomain(globexKey, { name: newDomainName() });

    for (const domain of [acme, pendingAcme]) {
      for (const [method, path] of [
        ['GET', `/api/v1/domains/${domain.id}`],
        ['POST', `/api/v1/domains/${domain.id}/verify`],
        ['DELETE', `/api/v1/domains/${domain.id}`],
      ] as const) {
        const response = await call(method, path, { key: globexKey });
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.body.error).toEqual({ type: 'not_found_error', code: 'NOT_FOUND', message: `domain ${domain.id} not found` });
      }
    }
    const listed = await call('GET', `/api/v1/domains?tenant_id=${acmeId}`, { key: globexKey });
    expect(listed.body.data).toEqual([]);
    const own = await call('GET', '/api/v1/domains', { key: globexKey });
    expect(own.body.data.map((item: any) => item.id)).toEqual([globexDomain.id]);
    expect((await call('GET', `/api/v1/domains/${acme.id}`, { key: rootKey })).body.status).toBe('verified');
    expect((await call('GET', `/api/v1/domains/${pendingAcme.id}`, { key: rootKey })).body.last_checked_at).toBeNull();

    const globex = await principalOf(globexKey);
    await expect(resolveSendingDomain(ctx, globex, acme.name)).rejects.toMatchObject({
      status: 403,
      code: 'DOMAIN_NOT_ALLOWED_FOR_KEY',
      message: `from ${acme.name} is not in key's allowed_domain_ids`,
    });

    // Another org's root key sees nothing of it either.
    const stranger = await newOrg();
    expect((await call('GET', `/api/v1/domains/${acme.id}`, { key: stranger.rootKey })).status).toBe(404);
    await expect(resolveSendingDomain(ctx, await principalOf(stranger.rootKey), acme.name)).rejects.toMatchObject({
      code: 'DOMAIN_NOT_ALLOWED_FOR_KEY',
    });
  });
});
