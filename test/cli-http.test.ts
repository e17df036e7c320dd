import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tenantsProcessor } from '../workers/tenants.js';
import { startDnsServer } from './dns-server.js';
import { newOrg, startApi, testContext, uniqueSlug } from './helpers.js';
import { runWorkers } from './sending-helpers.js';

// Domains verify for real against this file's DNS server; deletions run in this process (a 0 ms key cache
// shortens the wait before a deletion's last pass to its 3 s margin).
const dns = await startDnsServer();
const ctx = testContext({ EMAIL_PROVIDER: 'local', DNS_SERVERS: dns.address, KEY_CACHE_TTL_MS: '0' });
const { call, baseUrl } = startApi(ctx);
runWorkers(ctx, tenantsProcessor);
afterAll(() => dns.close());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real CLI, compiled (as `npx sendoka` runs it), as a child process with `env` over this process's. */
function run(env: Record<string, string | undefined>, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/sendoka.js', ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** The CLI calling this file's API with `key`. */
const sendoka = (key: string | undefined, ...args: string[]) => run({ SENDOKA_API_URL: baseUrl(), SENDOKA_API_KEY: key }, ...args);

/** Runs the CLI, expects it to succeed and answers its --json output. */
async function json(key: string | undefined, ...args: string[]) {
  const run = await sendoka(key, ...args, '--json');
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

/** An org with tenants Acme and Globex, created through the API. */
async function platform() {
  const org = await newOrg();
  const tenant = async (name: string) => {
    const created = await call('POST', '/api/v1/tenants', { key: org.rootKey, body: { name, slug: uniqueSlug(name.toLowerCase()) } });
    return created.body.id as string;
  };
  return { ...org, acmeId: await tenant('Acme'), globexId: await tenant('Globex') };
}

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const newDomainName = () => `${uniqueSlug('acme')}.com`;

// Each step starts a Node process, and a deletion waits 3 s before its last pass: more than the default 20 s on a busy machine.
describe('sendoka CLI over HTTP', { timeout: 60_000 }, () => {
  it('creates, lists, shows, suspends, resumes and deletes a tenant, waiting for the deletion to finish', async () => {
    const { rootKey, acmeId } = await platform();
    const other = await newOrg('Other SaaS');

    const human = await sendoka(rootKey, 'tenants', 'create', 'Initech Corp');
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^id +tnt_[0-9a-z]{26}$/m);
    expect(human.stdout).toMatch(/^slug +initech-corp$/m);

    const slug = uniqueSlug('umbrella');
    const created = await json(rootKey, 'tenants', 'create', 'Umbrella', '--slug', slug, '--external-ref', 'cust_42');
    expect(created).toMatchObject({ name: 'Umbrella', slug, external_ref: 'cust_42', status: 'active' });
    expect(await json(rootKey, 'tenants', 'get', created.id)).toEqual(created);

    const listed = await json(rootKey, 'tenants', 'list');
    expect(listed.map((tenant: { id: string }) => tenant.id)).toEqual(expect.arrayContaining([created.id, acmeId]));
    expect(listed).toHaveLength(4);
    expect(await json(other.rootKey, 'tenants', 'list')).toEqual([]);
    const table = await sendoka(rootKey, 'tenants', 'list', '--status', 'active');
    expect(table.stdout.split('\n')[0]).toMatch(/^id +slug +status +created_at +name$/);
    expect(table.stdout).toContain(`${created.id}  ${slug}`);

    expect(await json(rootKey, 'tenants', 'suspend', created.id)).toMatchObject({ id: created.id, status: 'suspended' });
    expect(await json(rootKey, 'tenants', 'resume', created.id)).toMatchObject({ id: created.id, status: 'active', suspended_at: null });

    // Some rows for the deletion to count: a key of the tenant's own.
    await json(rootKey, 'keys', 'create', '--tenant', created.id);
    const deleted = await sendoka(rootKey, 'tenants', 'delete', created.id, '--wait', '--json');
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(JSON.parse(deleted.stdout)).toEqual({ id: created.id, status: 'deleted' });
    // The progress went to stderr (not a terminal here: one line per change), ending with the key's row.
    expect(deleted.stderr).toMatch(new RegExp(`^deleting ${created.id}: [1-9][0-9]* rows deleted`, 'm'));
    expect((await call('GET', `/api/v1/tenants/${created.id}`, { key: rootKey })).status).toBe(404);

    // Without --wait: the tenant as the API answers it, being deleted.
    const deleting = await json(rootKey, 'tenants', 'delete', acmeId);
    expect(deleting).toMatchObject({ id: acmeId, status: 'deleting', deletion: { rows_deleted: expect.any(Number) } });
  });

  it('mints a tenant key with scopes and domains that works as minted', async () => {
    const { rootKey, acmeId, globexId } = await platform();
    const domain = (await call('POST', '/api/v1/domains', { key: rootKey, body: { name: newDomainName(), tenant_id: acmeId } })).body;

    const key = await json(rootKey, 'keys', 'create', '--tenant', acmeId, '--name', 'Acme sender', '--scopes', 'emails:send,usage:read', '--domains', domain.id);
    expect(key).toMatchObject({ name: 'Acme sender', tenant_id: acmeId, environment: 'live', scopes: ['emails:send', 'usage:read'], allowed_domain_ids: [domain.id] });
    expect(key.secret).toMatch(/^sok_live_/);
    expect((await call('GET', `/api/v1/tenants/${acmeId}/usage`, { key: key.secret })).status).toBe(200);
    expect((await call('GET', '/api/v1/domains', { key: key.secret })).status).toBe(403);

    const human = await sendoka(rootKey, 'keys', 'create', '--tenant', acmeId, '--environment', 'test');
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^secret +sok_test_[0-9a-f]{48}$/m);

    // Acme's domain is no domain of Globex's.
    const refused = await sendoka(rootKey, 'keys', 'create', '--tenant', globexId, '--domains', domain.id);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^error: [A-Z_]+: /);
    const badScope = await sendoka(rootKey, 'keys', 'create', '--tenant', acmeId, '--scopes', 'tenants:*');
    expect(badScope).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: VALIDATION_ERROR: scopes/) });
  });

  it('adds a domain printing its records as a table and as zone-file lines, then verifies it', async () => {
    const { rootKey, acmeId } = await platform();
    const name = newDomainName();
    const added = await sendoka(rootKey, 'domains', 'add', name, '--tenant', acmeId);
    expect(added.code, added.stderr).toBe(0);
    const domainId = /^id +(dom_[0-9a-z]{26})$/m.exec(added.stdout)?.[1] as string;
    const domain = (await call('GET', `/api/v1/domains/${domainId}`, { key: rootKey })).body;
    expect(domain).toMatchObject({ name, tenant_id: acmeId, status: 'pending' });

    const lines = added.stdout.split('\n');
    expect(added.stdout).toMatch(/^type +name +value +required$/m);
    for (const record of domain.dns_records) {
      expect(lines.some((line: string) => line.startsWith(record.type) && line.includes(` ${record.name} `) && line.includes(record.value))).toBe(true);
      const data = record.type === 'CNAME' ? `${record.value}.` : `"${record.value}"`;
      expect(lines).toContain(`${record.name}. 3600 IN ${record.type} ${data}${record.recommended ? ' ; recommended' : ''}`);
    }

    // Nothing published yet: the check answers pending and the command succeeds.
    expect(await json(rootKey, 'domains', 'verify', domainId)).toMatchObject({ id: domainId, status: 'pending' });

    // --wait checks again until the records are there: they are published once it has said it is waiting.
    const waiting = spawn(process.execPath, ['bin/sendoka.js', 'domains', 'verify', domainId, '--wait', '--json'], {
      env: { ...process.env, SENDOKA_API_URL: baseUrl(), SENDOKA_API_KEY: rootKey },
    });
    let stdout = '';
    let stderr = '';
    waiting.stdout.on('data', (chunk) => (stdout += chunk));
    const saidPending = new Promise<void>((resolve) =>
      waiting.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (stderr.includes(`${name}: pending`)) resolve();
      }),
    );
    const exited = once(waiting, 'close');
    await saidPending;
    for (const record of domain.dns_records.filter((item: { recommended: boolean }) => !item.recommended)) dns.publish(record.type, record.name, record.value);
    expect(await exited, stderr).toEqual([0, null]);
    expect(JSON.parse(stdout)).toMatchObject({ id: domainId, status: 'verified' });
    // Verified already: --wait answers at once.
    const again = await sendoka(rootKey, 'domains', 'verify', domainId, '--wait');
    expect(again.stdout).toMatch(/^status +verified$/m);

    const asJson = await json(rootKey, 'domains', 'add', newDomainName(), '--tenant', acmeId);
    expect(asJson.dns_records).toHaveLength(6);
  });

  it('sends an email, printing its id, and shows usage of the org and of a tenant', async () => {
    const { rootKey, acmeId, globexId } = await platform();
    const name = newDomainName();
    const domain = await json(rootKey, 'domains', 'add', name, '--tenant', acmeId);
    for (const record of domain.dns_records) dns.publish(record.type, record.name, record.value);
    await json(rootKey, 'domains', 'verify', domain.id);
    const key = await json(rootKey, 'keys', 'create', '--tenant', acmeId, '--scopes', 'emails:send,messages:read,usage:read');

    const sent = await sendoka(key.secret, 'send', '--from', `Acme <hello@${name}>`, '--to', 'a@example.com', '--to', 'b@example.com', '--subject', 'Hi', '--text', 'Hello');
    expect(sent.code, sent.stderr).toBe(0);
    const messageId = /^id +(msg_[0-9a-z]{26})$/m.exec(sent.stdout)?.[1];
    const message = await call('GET', `/api/v1/messages/${messageId}`, { key: key.secret });
    expect(message.body).toMatchObject({ id: messageId, tenant_id: acmeId, subject: 'Hi' });

    const htmlFile = join(await mkdtemp(join(tmpdir(), 'sendoka-cli-')), 'body.html');
    await writeFile(htmlFile, '<p>Hello from a file</p>');
    const sentHtml = await json(key.secret, 'send', '--from', `hello@${name}`, '--to', 'c@example.com', '--subject', 'Hi again', '--html-file', htmlFile);
    expect(sentHtml).toMatchObject({ id: expect.stringMatching(/^msg_/), status: 'queued' });

    const tenantUsage = await json(key.secret, 'usage', '--tenant', acmeId);
    expect(tenantUsage).toMatchObject({ tenant_id: acmeId, email_live: 2, email_test: 0 });
    const humanUsage = await sendoka(rootKey, 'usage', '--tenant', acmeId);
    expect(humanUsage.stdout).toMatch(/^email +2 +0 +- +-$/m);
    const orgUsage = await json(rootKey, 'usage');
    expect(orgUsage).toMatchObject({ email_live: 2, tenants: [{ tenant_id: acmeId, email_live: 2 }] });
    const orgTable = await sendoka(rootKey, 'usage', '--period', '2020-01');
    expect(orgTable).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage in 2020-01\ntenant +email live/) });

    // Acme's key sees nothing of Globex.
    const sibling = await sendoka(key.secret, 'usage', '--tenant', globexId, '--json');
    expect(sibling).toMatchObject({ code: 1, stdout: '', stderr: `error: NOT_FOUND: tenant ${globexId} not found\n` });
  });

  it('prints the API error code and message, or the usage error, and exits non-zero', async () => {
    const { rootKey } = await platform();
    const other = await platform();

    const badKey = await sendoka('sok_live_not_a_key', 'tenants', 'list', '--json');
    expect(badKey).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^error: INVALID_API_KEY: /) });
    const noKey = await sendoka(undefined, 'tenants', 'list');
    expect(noKey).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: MISSING_API_KEY: /) });

    // Another org's tenant is not found, whatever the command.
    for (const command of [['get'], ['suspend'], ['delete', '--wait']]) {
      const run = await sendoka(rootKey, 'tenants', command[0]!, other.acmeId, ...command.slice(1));
      expect(run, command.join(' ')).toMatchObject({ code: 1, stdout: '', stderr: `error: NOT_FOUND: tenant ${other.acmeId} not found\n` });
    }
    expect((await call('GET', `/api/v1/tenants/${other.acmeId}`, { key: other.rootKey })).body.status).toBe('active');

    const nothingListening = `http://127.0.0.1:${await closedPort()}`;
    const unreachable = await run({ SENDOKA_API_URL: nothingListening, SENDOKA_API_KEY: rootKey }, 'tenants', 'list');
    expect(unreachable).toMatchObject({ code: 1, stdout: '', stderr: `error: NETWORK_ERROR: GET ${nothingListening}/api/v1/tenants?limit=100 got no answer: ECONNREFUSED\n` });

    const missingArgument = await sendoka(rootKey, 'tenants', 'suspend');
    expect(missingArgument).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining("error: missing required argument 'id'") });
    const unknownOption = await sendoka(rootKey, 'tenants', 'list', '--colour');
    expect(unknownOption).toMatchObject({ code: 2, stderr: expect.stringContaining("error: unknown option '--colour'") });
    const noBody = await sendoka(rootKey, 'send', '--from', 'a@b.com', '--to', 'c@d.com', '--subject', 'x');
    expect(noBody).toMatchObject({ code: 2, stderr: expect.stringContaining('send needs --text <text> or --html-file <path>') });
  });
});
