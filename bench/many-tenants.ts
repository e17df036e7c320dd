// One tenant's batch sends in an org with many tenants (issue #17 target 7: cost independent of the org's tenant
// count). In a fresh database, the sending tenant has one webhook endpoint subscribed to every message event;
// the bench measures its batch sends alone, then with N more tenants in the org, each with a verified domain and
// one webhook endpoint of its own (platform mode: one endpoint per customer), seeded with SQL.
//   npx tsx bench/many-tenants.ts [N=100000] [--connections=16] [--duration=10] [--rounds=1]
// Each phase runs the API process alone (`node dist/src/main.js api`, local provider, no worker), 2 s of
// warm-up, then --duration seconds of POST /api/v1/emails/batch (100 messages a request) over --connections.
// --rounds alternates the two phases that many times (the other tenants are deleted again between rounds).
// Reports accepted messages/s, p50/p99 and the API process's CPU per 1,000 accepted messages (/proc).
// Target: with N = 100,000, at most a 5 % drop.
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { benchEnvFor, buildDist, cpuSeconds, freshFixture, numberOption, positionalNumber, spawnSendoka, stop, waitForReady } from './support.js';

const tenantCount = positionalNumber(100_000);
const connections = numberOption('connections', 16);
const duration = numberOption('duration', 10);
const rounds = numberOption('rounds', 1);
const port = 3941;
const messagesPerRequest = 100;

const env = { ...benchEnvFor('many_tenants'), EMAIL_PROVIDER: 'local', PORT: String(port) };
buildDist();
const fixture = freshFixture(env);

const [{ loadConfig }, { createDb }] = await Promise.all([import('../src/platform/config.js'), import('../src/platform/db.js')]);
const db = createDb(loadConfig(env));
const messageEvents = ['message.queued', 'message.sent', 'message.delivered', 'message.bounced', 'message.failed'];
const seedPrefix = 'tnt_bench';

await sql`
  insert into webhook_endpoints (id, org_id, tenant_id, url, events, secret)
  values ('whe_bench_sender', ${fixture.orgId}, ${fixture.tenantId}, 'https://hooks.example.com/sender', ${messageEvents}, 'whsec_c2VjcmV0')`.execute(db);

/** N tenants of the fixture's org, each with a verified domain and one live endpoint, in three statements. */
async function seedTenants() {
  const started = performance.now();
  await sql`
    insert into tenants (id, org_id, name, slug)
    select ${seedPrefix} || lpad(i::text, 7, '0'), ${fixture.orgId}, 'Customer ' || i, 'customer-' || i
      from generate_series(1, ${tenantCount}::int) as i`.execute(db);
  await sql`
    insert into domains (id, org_id, tenant_id, name, status, dkim_tokens, verification_token)
    select 'dom_bench' || lpad(i::text, 7, '0'), ${fixture.orgId}, ${seedPrefix} || lpad(i::text, 7, '0'),
           'customer-' || i || '.example', 'verified', '{}', 'x'
      from generate_series(1, ${tenantCount}::int) as i`.execute(db);
  await sql`
    insert into webhook_endpoints (id, org_id, tenant_id, url, events, secret)
    select 'whe_bench' || lpad(i::text, 7, '0'), ${fixture.orgId}, ${seedPrefix} || lpad(i::text, 7, '0'),
           'https://hooks.example.com/customer-' || i, ${messageEvents}, 'whsec_c2VjcmV0'
      from generate_series(1, ${tenantCount}::int) as i`.execute(db);
  await sql`analyze tenants, domains, webhook_endpoints`.execute(db);
  return Math.round(performance.now() - started);
}

async function removeTenants() {
  await sql`delete from webhook_endpoints where id like 'whe_bench0%'`.execute(db);
  await sql`delete from domains where id like 'dom_bench%'`.execute(db);
  await sql`delete from tenants where id like ${`${seedPrefix}%`}`.execute(db);
}

const body = JSON.stringify(
  Array.from({ length: messagesPerRequest }, () => ({
    from: `Acme <welcome@${fixture.domain}>`,
    to: ['new-customer@example.com'],
    subject: 'Welcome to Acme',
    html: '<p>Hello</p>',
  })),
);
const offer = (seconds: number) =>
  autocannon({
    url: `http://127.0.0.1:${port}/api/v1/emails/batch`,
    connections,
    duration: seconds,
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${fixture.key}` },
  });

async function measure(label: string) {
  const api = spawnSendoka('api', env);
  try {
    await waitForReady(`http://127.0.0.1:${port}`);
    await offer(2);
    const cpuBefore = cpuSeconds(api.pid as number);
    const result = await offer(duration);
    const cpu = cpuSeconds(api.pid as number) - cpuBefore;
    const accepted = result['2xx'] * messagesPerRequest;
    return {
      phase: label,
      'msg/s': Math.round(accepted / duration),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      'API CPU ms / 1,000 msg': Number(((cpu * 1_000_000) / accepted).toFixed(1)),
      'non-2xx': result.non2xx,
      errors: result.errors,
    };
  } finally {
    await stop(api);
  }
}

const results = [];
for (let round = 1; round <= rounds; round++) {
  results.push(await measure(`round ${round}: 1 tenant`));
  const seedMs = await seedTenants();
  console.log(`seeded ${tenantCount} tenants with a domain and an endpoint each in ${seedMs} ms`);
  results.push(await measure(`round ${round}: +${tenantCount} tenants`));
  if (round < rounds) await removeTenants();
}
await db.destroy();
console.table(results);
for (let round = 0; round < rounds; round++) {
  const [alone, crowded] = [results[2 * round]!, results[2 * round + 1]!];
  console.log(
    `round ${round + 1}: with ${tenantCount} other tenants ${((crowded['msg/s'] / alone['msg/s'] - 1) * 100).toFixed(1)} % msg/s, ` +
      `CPU per message ×${(crowded['API CPU ms / 1,000 msg'] / alone['API CPU ms / 1,000 msg']).toFixed(2)}`,
  );
}
