// Deletes a tenant holding 1,000,000 messages (and 2,000,000 events) while a sibling tenant of the same org
// keeps sending through the API at a steady rate; reports the deletion time and the sibling's latency
// before, during and after the deletion.
//   npx tsx bench/tenant-delete.ts [messages]
// Uses its own database (sendoka_bench_lifecycle) and queue prefix; one API process and one tenants worker.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { benchEnv, stop, waitForPort } from './support.js';
import { prepareDatabase } from '../src/platform/setup.js';
import { idFloor, newId } from '../src/platform/ids.js';
import { insertKey } from '../src/keys/keys.js';
import { createOrg } from '../src/orgs/orgs.js';
import { queueNames } from '../src/platform/jobs.js';
import { closeContext, createContext } from '../src/context.js';
import { loadConfig } from '../src/platform/config.js';
import { allScopes, tenantScopes } from '../src/access/scopes.js';
import { createTenant } from '../src/tenants/tenants.js';

const messages = Number(process.argv[2] ?? 1_000_000);
const env = {
  ...benchEnv,
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/sendoka_bench_lifecycle',
  QUEUE_PREFIX: 'sendoka_bench_lifecycle',
};
const ctx = createContext(loadConfig({ ...process.env, ...env }));
const { db } = ctx;

// Sibling load: a steady 200 sends/s over 10 connections, well under what one API process accepts, so
// latency measures each request's service time rather than a queue in front of a saturated server.
const load = { connections: 10, overallRate: 200 };
const port = 3911;

// ---- Setup: an org with Acme (to be deleted, bulk-filled) and Globex (keeps sending).
await prepareDatabase(ctx.config, db);
const org = await createOrg(db, 'Bench SaaS');
const rootKey = await insertKey(db, org.id, { name: 'root', tenantId: null, environment: 'live', scopes: allScopes, allowedDomainIds: null });
const suffix = Math.random().toString(36).slice(2, 8);
const acme = await createTenant(ctx, org.id, { name: 'Acme', slug: `acme-${suffix}` });
const globex = await createTenant(ctx, org.id, { name: 'Globex', slug: `globex-${suffix}` });
const globexDomain = `globex-${suffix}.example`;
const globexDomainId = newId('domain');
await db
  .insertInto('domains')
  .values({ id: globexDomainId, org_id: org.id, tenant_id: globex.id, name: globexDomain, status: 'verified', dkim_tokens: [], verification_token: 'x' })
  .execute();
const globexKey = await insertKey(db, org.id, {
  name: 'globex',
  tenantId: globex.id,
  environment: 'live',
  scopes: tenantScopes,
  allowedDomainIds: [globexDomainId],
});

let started = Date.now();
// Ids shaped like Sendoka's (prefix, then a ULID time a day ago, then a counter where the randomness goes).
const tag = idFloor('message', new Date(Date.now() - 86_400_000)).slice('msg_'.length);
await sql`
  insert into messages (id, org_id, tenant_id, channel, environment, status, sender, recipients, subject, content, tags, created_at, sent_at)
  select 'msg_' || ${tag} || lpad(g::text, 16, '0'), ${org.id}, ${acme.id}, 'email', 'live', 'delivered', 'hello@acme.example',
         array['customer' || g || '@example.com'], 'Your receipt',
         '{"cc":[],"bcc":[],"reply_to":[],"html":"<p>Thanks for your order</p>","headers":{},"attachments":[]}'::jsonb,
         '[]'::jsonb, now() - interval '1 day', now() - interval '1 day'
  from generate_series(1, ${messages}::int) g`.execute(db);
await sql`
  insert into message_events (id, message_id, org_id, tenant_id, type, recipient, dedupe_key, created_at)
  select 'evt_' || ${tag} || lpad(g::text, 16, '0'), 'msg_' || ${tag} || lpad(((g + 1) / 2)::text, 16, '0'), ${org.id}, ${acme.id},
         case when g % 2 = 1 then 'queued' else 'delivered' end, 'customer' || ((g + 1) / 2) || '@example.com',
         ${tag} || ${suffix} || '-' || g, now() - interval '1 day'
  from generate_series(1, ${messages * 2}::int) g`.execute(db);
await sql`
  insert into suppressions (id, org_id, tenant_id, address, reason)
  select 'sup_' || ${tag} || lpad(g::text, 16, '0'), ${org.id}, ${acme.id}, 'bounced' || g || '@example.com', 'bounce'
  from generate_series(1, ${messages / 100}::int) g`.execute(db);
await sql`vacuum analyze messages`.execute(db);
await sql`vacuum analyze message_events`.execute(db);
// The bulk load's dirty pages are written now, not during whichever measurement comes next.
await sql`checkpoint`.execute(db);
console.log(`setup: ${messages} messages, ${messages * 2} events for ${acme.id} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// ---- The API and one tenants worker, as in production.
// Node itself rather than npx: npx does not pass SIGTERM on, which would leave both running after the bench.
const sendoka = (role: string, extra: Record<string, string>) =>
  spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', role], { env: { ...env, ...extra }, stdio: ['ignore', 'inherit', 'inherit'] });
const api = sendoka('api', { PORT: String(port) });
const worker = sendoka('worker', { WORKER_QUEUES: queueNames.tenants });
const baseUrl = `http://127.0.0.1:${port}`;
await waitForPort(`${baseUrl}/`);

const body = JSON.stringify({ from: `Globex <hello@${globexDomain}>`, to: ['customer@example.com'], subject: 'Hi', html: '<p>Hello</p>' });
const sends = (duration: number) =>
  autocannon({
    url: `${baseUrl}/api/v1/emails`,
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${globexKey.secret}` },
    duration,
    ...load,
  });
const summary = (result: autocannon.Result) => ({
  requests: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors,
  p50: result.latency.p50,
  p99: result.latency.p99,
  max: result.latency.max,
});

await sends(3); // warm-up: JIT, pools, caches
const before = summary(await sends(20));

// ---- Delete Acme while Globex keeps sending; the load stops when GET /tenants/:id answers 404.
let during: autocannon.Instance | undefined;
const duringResult = new Promise<autocannon.Result>((resolve, reject) => {
  during = autocannon(
    {
      url: `${baseUrl}/api/v1/emails`,
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${globexKey.secret}` },
      duration: 300,
      ...load,
    },
    (error, result) => (error ? reject(error) : resolve(result)),
  );
});
await sleep(1_000);
const walAt = async () => (await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(db)).rows[0]?.lsn;
const walBefore = await walAt();
started = Date.now();
const deleteResponse = await fetch(`${baseUrl}/api/v1/tenants/${acme.id}`, {
  method: 'DELETE',
  headers: { authorization: `Bearer ${rootKey.secret}` },
});
if (deleteResponse.status !== 202) throw new Error(`DELETE answered ${deleteResponse.status}: ${await deleteResponse.text()}`);
// When each step began, as GET /tenants/:id shows it: where the time goes.
const timeline: Record<string, string> = {};
for (;;) {
  const response = await fetch(`${baseUrl}/api/v1/tenants/${acme.id}`, { headers: { authorization: `Bearer ${rootKey.secret}` } });
  if (response.status === 404) break;
  const { deletion } = (await response.json()) as { deletion: { pass: number; current_table: string } };
  timeline[`pass ${deletion.pass} ${deletion.current_table}`] ??= `${((Date.now() - started) / 1000).toFixed(1)} s`;
  await sleep(200);
}
const deletionSeconds = (Date.now() - started) / 1000;
const walBytes = await sql<{ bytes: number }>`select pg_wal_lsn_diff(${await walAt()}, ${walBefore})::bigint as bytes`.execute(db);
during?.stop();
const whileDeleting = summary(await duringResult);
// Another window without the deletion: the machine is shared, so one window alone may catch a neighbour's load.
const after = summary(await sends(20));

const record = await db.selectFrom('tenant_deletions').selectAll().where('tenant_id', '=', acme.id).executeTakeFirstOrThrow();
const rowsDeleted = Object.values(record.rows_deleted).reduce((sum, count) => sum + count, 0);
const remaining = await sql<{ n: number }>`
  select (select count(*) from messages where tenant_id = ${acme.id}) + (select count(*) from message_events where tenant_id = ${acme.id}) as n`.execute(db);

console.log(`deleted ${rowsDeleted} rows of ${acme.id} in ${deletionSeconds.toFixed(1)} s (${record.pass} passes; ${remaining.rows[0]?.n} left)`);
console.log(record.rows_deleted);
console.log(`WAL written meanwhile: ${Math.round((walBytes.rows[0]?.bytes ?? 0) / 1_048_576)} MB`);
console.log(timeline);
console.table({
  'sibling sends, before the deletion': before,
  'sibling sends, during the deletion': whileDeleting,
  'sibling sends, after the deletion': after,
});
const ratio = (window: { p99: number }) => `${(whileDeleting.p99 / window.p99).toFixed(2)}x`;
console.log(`sibling p99 during the deletion = ${ratio(before)} the window before it, ${ratio(after)} the window after it`);

await Promise.all([stop(api), stop(worker)]);
// The sibling's send jobs were never meant to run: leave no queue behind for the next run.
await ctx.jobs.ready();
for (const name of Object.values(queueNames)) await ctx.jobs.queue(name).obliterate({ force: true });
await closeContext(ctx);
