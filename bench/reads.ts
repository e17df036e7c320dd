// Reads at scale: every list endpoint's first and a later page, for a tenant key and a root key, with and
// without filters, against an org holding `orgMessages` messages of which `tenantMessages` are one tenant's
// (interleaved in time with nine sibling tenants, org-wide sends and a tenant being deleted), plus large
// tables behind every other list (100,000 tenants with a key and a webhook endpoint each, 1,000,000 webhook
// deliveries on one endpoint, 1,000,000 contacts in one audience, 100,000 suppressions, ...).
//   flock /work/scratch/bench.lock npx tsx bench/reads.ts [tenantMessages=1000000] [orgMessages=10000000]
// Its own database (sendoka_bench_reads, dropped and re-made each run) and one API process on port 3931.
// Each case is requested one at a time (no concurrency): up to 100 times or 2 s (at least 10), after 3 warm-up requests.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { benchEnvFor, spawnTsx, stop, waitForPort } from './support.js';
import { prepareDatabase } from '../src/platform/setup.js';
import { dropDatabaseIfUnused } from '../src/platform/migrate.js';
import { idFloor } from '../src/platform/ids.js';
import { insertKey } from '../src/keys/keys.js';
import { createOrg } from '../src/orgs/orgs.js';
import { closeContext, createContext } from '../src/context.js';
import { loadConfig } from '../src/platform/config.js';
import { allScopes, tenantScopes } from '../src/access/scopes.js';

const tenantMessages = Number(process.argv[2] ?? 1_000_000);
const orgMessages = Number(process.argv[3] ?? 10_000_000);
const port = 3931;
const env = { ...benchEnvFor('reads'), PORT: String(port) };
const config = loadConfig({ ...process.env, ...env });
await dropDatabaseIfUnused(config.DATABASE_URL);
const ctx = createContext(config);
const { db } = ctx;
await prepareDatabase(config, db);

// ---- Seed. Ids are shaped like Sendoka's: prefix, a ULID time a day ago, then a counter where the randomness goes.
const started = Date.now();
const stamp = idFloor('message', new Date(Date.now() - 86_400_000)).slice('msg_'.length);
const idOf = (prefix: string, counter: unknown) => sql`${prefix + '_' + stamp} || lpad((${counter})::text, 16, '0')`;
const log = (what: string) => console.log(`seed: ${what} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

const org = await createOrg(db, 'Bench SaaS');
const tenantIds = Array.from({ length: 11 }, (_, index) => `tnt_${stamp}${String(index).padStart(16, '0')}`);
const [mainTenant, deletingTenant, ...siblings] = tenantIds as [string, string, ...string[]];
await db
  .insertInto('tenants')
  .values(tenantIds.map((id, index) => ({ id, org_id: org.id, name: `Tenant ${index}`, slug: `tenant-${index}`, status: id === deletingTenant ? 'deleting' : 'active' })))
  .execute();
// Platform mode: one tenant per customer, most of them small.
await sql`
  insert into tenants (id, org_id, name, slug, external_ref)
  select ${idOf('tnt', sql`g + 100`)}, ${org.id}, 'Customer ' || g, 'customer-' || g, 'cus_' || g
  from generate_series(1, 100000) g`.execute(db);
log('100,011 tenants');

// Messages, interleaved in time: every (orgMessages / tenantMessages)-th is the main tenant's; of the rest,
// 1 % are org-wide (no tenant), a tenth the deleting tenant's, the others spread over nine siblings.
// 1 % are test messages; statuses, recipients and tags are drawn at random in realistic proportions.
const stride = Math.max(1, Math.floor(orgMessages / tenantMessages));
const chunk = 1_000_000;
for (let from = 1; from <= orgMessages; from += chunk) {
  const to = Math.min(orgMessages, from + chunk - 1);
  await sql`
    insert into messages (id, org_id, tenant_id, channel, environment, status, sender, recipients, subject, content, tags, created_at, updated_at, sent_at)
    select ${idOf('msg', sql`g`)}, ${org.id},
           case when g % ${stride} = 0 then ${mainTenant}
                when g % 100 = 1 then null
                when g % 10 = 3 then ${deletingTenant}
                else (${sql.val(siblings)}::text[])[1 + g % ${siblings.length}] end,
           'email', case when random() < 0.01 then 'test' else 'live' end,
           case when r < 0.90 then 'delivered' when r < 0.95 then 'sent' when r < 0.98 then 'bounced'
                when r < 0.995 then 'failed' when r < 0.998 then 'complained' else 'queued' end,
           'hello@acme.example', array['customer' || floor(random() * 200000)::int || '@example.com'], 'Your receipt',
           '{"cc":[],"bcc":[],"reply_to":[],"html":"<p>Thanks for your order</p>","headers":{},"attachments":[]}'::jsonb,
           jsonb_build_array(jsonb_build_object('name', 'campaign', 'value', 'c' || floor(random() * 1000)::int)),
           now() - interval '1 day', now() - interval '1 day', now() - interval '1 day'
    from (select g, random() as r from generate_series(${from}::int, ${to}::int) g) numbers`.execute(db);
  log(`${to.toLocaleString('en')} messages`);
}

// Every other list, each big enough that a page read as a scan would show.
const endpointId = `whe_${stamp}${'0'.padStart(16, '0')}`;
await sql`
  insert into api_keys (id, org_id, tenant_id, name, environment, scopes, secret_sha256, last_four)
  select ${idOf('key', sql`g`)}, ${org.id}, ${idOf('tnt', sql`g + 100`)}, 'key ' || g, 'live', array['emails:send'], sha256(('k' || g)::bytea), 'abcd'
  from generate_series(1, 100000) g`.execute(db);
await sql`
  insert into webhook_endpoints (id, org_id, tenant_id, url, events, secret)
  select ${idOf('whe', sql`g`)}, ${org.id}, case when g = 0 then ${mainTenant} else ${idOf('tnt', sql`g + 100`)} end,
         'https://hooks.example/' || g, array['email.delivered'], 'whsec_x'
  from generate_series(0, 100000) g`.execute(db);
await sql`
  insert into webhook_events (id, org_id, tenant_id, type, body)
  select ${idOf('evt', sql`g`)}, ${org.id}, ${mainTenant}, 'email.delivered', '{}'
  from generate_series(1, 1000000) g`.execute(db);
await sql`
  insert into webhook_deliveries (id, org_id, tenant_id, endpoint_id, event_id, event_type, status, job_id, created_at)
  select ${idOf('whd', sql`g`)}, ${org.id}, ${mainTenant}, ${endpointId}, ${idOf('evt', sql`g`)}, 'email.delivered',
         case when g % 100 = 0 then 'failed' else 'succeeded' end, 'job' || g, now() - interval '1 day'
  from generate_series(1, 1000000) g`.execute(db);
log('100,000 keys and webhook endpoints, 1,000,000 deliveries');
await sql`
  insert into suppressions (id, org_id, tenant_id, address, reason)
  select ${idOf('sup', sql`g`)}, ${org.id}, case when g % 10 = 0 then null when g % 2 = 0 then ${mainTenant} else ${siblings[0]!} end,
         'bounced' || g || '@example.com', case when g % 50 = 0 then 'complaint' else 'bounce' end
  from generate_series(1, 100000) g`.execute(db);
for (const [table, prefix, columns, values] of [
  ['domains', 'dom', sql`name, status, dkim_tokens, verification_token`, sql`'d' || g || '.example', 'verified', array[]::text[], 'x'`],
  ['templates', 'tpl', sql`name, subject, html`, sql`'Template ' || g, 'Hi', '<p>Hi</p>'`],
  ['audiences', 'aud', sql`name`, sql`'Audience ' || g`],
  ['test_inboxes', 'tib', sql`email, status, code_sha256`, sql`'inbox' || g || '@example.com', 'confirmed', sha256('c'::bytea)`],
  ['sms_senders', 'snd', sql`type, value`, sql`'sender_id', 'S' || g`],
] as const) {
  await sql`
    insert into ${sql.table(table)} (id, org_id, tenant_id, ${columns})
    select ${idOf(prefix, sql`g`)}, ${org.id}, case when g % 10 = 0 then ${mainTenant} else ${idOf('tnt', sql`g + 100`)} end, ${values}
    from generate_series(1, 100000) g`.execute(db);
}
const audienceId = `aud_${stamp}${'10'.padStart(16, '0')}`;
await sql`
  insert into contacts (id, org_id, tenant_id, audience_id, email, unsubscribed)
  select ${idOf('con', sql`g`)}, ${org.id}, ${mainTenant}, ${audienceId}, 'contact' || g || '@example.com', g % 100 = 0
  from generate_series(1, 1000000) g`.execute(db);
log('100,000 each of suppressions, domains, templates, audiences, test inboxes, SMS senders; 1,000,000 contacts');
for (const table of ['tenants', 'messages', 'api_keys', 'webhook_endpoints', 'webhook_deliveries', 'suppressions', 'domains', 'templates', 'audiences', 'test_inboxes', 'sms_senders', 'contacts']) {
  await sql`vacuum analyze ${sql.table(table)}`.execute(db);
}
// The bulk load's dirty pages are written now, not during the measurements.
await sql`checkpoint`.execute(db);
log('vacuum analyze');

const rootKey = await insertKey(db, org.id, { name: 'root', tenantId: null, environment: 'live', scopes: allScopes, allowedDomainIds: null });
const tenantKey = await insertKey(db, org.id, { name: 'tenant', tenantId: mainTenant, environment: 'live', scopes: tenantScopes, allowedDomainIds: null });
const tenantTestKey = await insertKey(db, org.id, { name: 'tenant test', tenantId: mainTenant, environment: 'test', scopes: tenantScopes, allowedDomainIds: null });
const someRecipient = (await sql<{ to: string }>`select recipients[1] as to from messages where tenant_id = ${mainTenant} order by id desc limit 1`.execute(db)).rows[0]!.to;
await closeContext(ctx);

// ---- Measure.
const api = spawnTsx(['src/main.ts', 'api'], env);
const baseUrl = `http://127.0.0.1:${port}`;
await waitForPort(`${baseUrl}/`);

async function get(path: string, key: string): Promise<{ next_cursor: string | null }> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${key}` } });
  const body = (await response.json()) as { next_cursor: string | null };
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function measure(path: string, key: string) {
  for (let warm = 0; warm < 3; warm++) await get(path, key);
  const times: number[] = [];
  const deadline = Date.now() + 2_000;
  while (times.length < 100 && (times.length < 10 || Date.now() < deadline)) {
    const begun = process.hrtime.bigint();
    await get(path, key);
    times.push(Number(process.hrtime.bigint() - begun) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { n: times.length, p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

/** A later page: the cursor after walking ten pages of 100 (well past anything cached by the first page). */
async function laterCursor(path: string, key: string): Promise<string | null> {
  let cursor: string | null = null;
  for (let page = 0; page < 10; page++) {
    const url = new URL(path, baseUrl);
    if (!url.searchParams.has('limit')) url.searchParams.set('limit', '100');
    if (cursor) url.searchParams.set('after', cursor);
    const body = await get(url.pathname + url.search, key);
    if (!body.next_cursor) return cursor;
    cursor = body.next_cursor;
  }
  return cursor;
}

const cases: Array<[string, string, 'both' | 'root' | 'test']> = [
  ['messages', '/messages', 'both'],
  ['messages limit=100', '/messages?limit=100', 'both'],
  ['messages status=failed', '/messages?status=failed', 'both'],
  ['messages status=delivered', '/messages?status=delivered', 'both'],
  ['messages to=', `/messages?to=${encodeURIComponent(someRecipient)}`, 'both'],
  ['messages tag=campaign:c7', `/messages?tag=${encodeURIComponent('campaign:c7')}`, 'both'],
  ['messages (test key)', '/messages', 'test'],
  ['messages tenant_id= (root)', `/messages?tenant_id=${mainTenant}`, 'root'],
  ['tenants', '/tenants', 'root'],
  ['tenants status=deleting', '/tenants?status=deleting', 'root'],
  ['keys', '/keys', 'root'],
  ['domains', '/domains', 'both'],
  ['webhook endpoints', '/webhooks/endpoints', 'both'],
  ['webhook deliveries', `/webhooks/endpoints/${endpointId}/deliveries`, 'both'],
  ['webhook deliveries status=failed', `/webhooks/endpoints/${endpointId}/deliveries?status=failed`, 'both'],
  ['suppressions', '/suppressions', 'both'],
  ['suppressions reason=complaint', '/suppressions?reason=complaint', 'both'],
  ['audiences', '/audiences', 'both'],
  ['contacts', `/audiences/${audienceId}/contacts`, 'both'],
  ['contacts unsubscribed=true', `/audiences/${audienceId}/contacts?unsubscribed=true`, 'both'],
  ['templates', '/templates', 'both'],
  ['test inboxes', '/test-inboxes', 'both'],
  ['sms senders', '/sms/senders', 'both'],
  ['usage', '/usage', 'both'],
];
const keys = { tenant: tenantKey.secret, root: rootKey.secret, test: tenantTestKey.secret };
const fmt = (value: number) => value.toFixed(1).padStart(7);
console.log(`\n${tenantMessages.toLocaleString('en')} messages in the tenant, ${orgMessages.toLocaleString('en')} in the org; ms`);
console.log(`${'endpoint'.padEnd(36)} ${'key'.padEnd(6)} ${'first p50'.padStart(9)} ${'p99'.padStart(7)} ${'later p50'.padStart(9)} ${'p99'.padStart(7)}`);
// The API is stopped even when a case fails, so the next run's API can take the port.
try {
  for (const [name, path, who] of cases) {
    const holders = who === 'both' ? (['tenant', 'root'] as const) : ([who] as const);
    for (const holder of holders) {
      const key = keys[holder];
      const first = await measure(path, key);
      const cursor = path === '/usage' ? null : await laterCursor(path, key);
      const later = cursor ? await measure(`${path}${path.includes('?') ? '&' : '?'}after=${cursor}`, key) : null;
      console.log(
        `${name.padEnd(36)} ${holder.padEnd(6)} ${fmt(first.p50).padStart(9)} ${fmt(first.p99)} ${later ? fmt(later.p50).padStart(9) : '        -'} ${later ? fmt(later.p99) : '      -'}`,
      );
    }
  }
} finally {
  await stop(api);
}
await sleep(100);
