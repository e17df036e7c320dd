import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Queue } from 'bullmq';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { queueNames } from '../src/platform/jobs.js';
import { ctx, db, newOrg, startApi, uniqueSlug } from './helpers.js';
import { isEmpty, rowCounts } from './tenant-lifecycle-helpers.js';
import { eventually } from './webhook-receiver.js';

const { call } = startApi();

// The processes under test get a queue prefix of their own: no tenants worker of another test file may take
// this deletion's job, or killing ours would prove nothing.
const queuePrefix = `${ctx.config.QUEUE_PREFIX}_crash_${Math.random().toString(36).slice(2, 8)}`;
const children = new Set<ChildProcess>();

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  const connection = ctx.jobs.workerConnection();
  for (const name of Object.values(queueNames)) {
    await new Queue(name, { connection, prefix: queuePrefix }).obliterate({ force: true });
  }
  connection.disconnect();
});

async function freePort(): Promise<number> {
  const server = createServer().listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `dist/src/main.js <role>` in a process of its own (node itself, no npx wrapper, so SIGKILL hits the process that works). */
function sendoka(role: 'all' | 'worker', port: number): ChildProcess {
  const child = spawn(process.execPath, ['dist/src/main.js', role], {
    env: {
      ...process.env,
      PORT: String(port),
      QUEUE_PREFIX: queuePrefix,
      WORKER_QUEUES: queueNames.tenants,
      // Small batches: the deletion takes hundreds of them, so the kill lands mid-way.
      TENANT_DELETE_BATCH_SIZE: '200',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Tenant rows in bulk: messages with two events each, suppressions and contacts. */
async function fill(orgId: string, tenantId: string, messages: number) {
  const tag = Math.random().toString(36).slice(2, 10);
  await sql`
    insert into messages (id, org_id, tenant_id, channel, environment, status, sender, recipients, subject, content, created_at)
    select 'msg_' || ${tag} || lpad(g::text, 18, '0'), ${orgId}, ${tenantId}, 'email', 'live', 'sent', 'a@acme.example',
           array['r' || g || '@example.com'], 'Hi', '{}'::jsonb, now()
    from generate_series(1, ${messages}::int) g`.execute(db);
  await sql`
    insert into message_events (id, message_id, org_id, tenant_id, type, dedupe_key)
    select 'evt_' || ${tag} || lpad(g::text, 18, '0'), 'msg_' || ${tag} || lpad((g / 2 + 1)::text, 18, '0'), ${orgId}, ${tenantId},
           case when g % 2 = 0 then 'queued' else 'sent' end, ${tag} || '-' || g
    from generate_series(1, ${messages * 2}::int) g`.execute(db);
  await sql`
    insert into suppressions (id, org_id, tenant_id, address, reason)
    select 'sup_' || ${tag} || lpad(g::text, 18, '0'), ${orgId}, ${tenantId}, 's' || g || '@example.com', 'bounce'
    from generate_series(1, ${messages / 10}::int) g`.execute(db);
}

describe('tenant deletion survives a killed worker', () => {
  it('resumes where the killed worker stopped and deletes the tenant fully, touching no sibling row', { timeout: 120_000 }, async () => {
    const { orgId, rootKey } = await newOrg();
    const tenants: Record<string, string> = {};
    for (const name of ['acme', 'globex']) {
      const tenant = await call('POST', '/api/v1/tenants', { key: rootKey, body: { name, slug: uniqueSlug(name) } });
      tenants[name] = tenant.body.id;
      await call('POST', '/api/v1/keys', { key: rootKey, body: { name, tenant_id: tenant.body.id } });
      await call('POST', '/api/v1/templates', { key: rootKey, body: { name: 'T', subject: 'S', text: 'x', tenant_id: tenant.body.id } });
      const audience = await call('POST', '/api/v1/audiences', { key: rootKey, body: { name: 'A', tenant_id: tenant.body.id } });
      await sql`
        insert into contacts (id, org_id, tenant_id, audience_id, email)
        select 'con_' || ${audience.body.id} || g, ${orgId}, ${tenant.body.id}, ${audience.body.id}, 'c' || g || '@example.com'
        from generate_series(1, 2000) g`.execute(db);
    }
    const acme = tenants.acme as string;
    const globex = tenants.globex as string;
    await fill(orgId, acme, 20_000);
    await fill(orgId, globex, 2_000);
    const acmeBefore = await rowCounts(acme);
    const globexBefore = await rowCounts(globex);
    const acmeTotal = Object.values(acmeBefore).reduce((sum, count) => sum + count, 0);
    expect(acmeTotal).toBeGreaterThan(60_000);

    const port = await freePort();
    const first = sendoka('all', port);
    await eventually(async () => fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false), 30_000);
    const deleting = await fetch(`http://127.0.0.1:${port}/api/v1/tenants/${acme}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${rootKey}` },
    });
    expect(deleting.status).toBe(202);

    // Kill it once it is well into the deletion, without a chance to clean up.
    const progressed = async () => (await call('GET', `/api/v1/tenants/${acme}`, { key: rootKey })).body.deletion?.rows_deleted ?? 0;
    await eventually(async () => (await progressed()) >= 10_000, 30_000);
    const exited = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGKILL');
    await exited;
    const atKill = await call('GET', `/api/v1/tenants/${acme}`, { key: rootKey });
    expect(atKill.body.status).toBe('deleting');
    expect(atKill.body.deletion.rows_deleted).toBeLessThan(acmeTotal);

    // Another worker takes the job over once the dead one's lock expires, and continues from the recorded progress.
    const second = sendoka('worker', 0);
    await eventually(async () => (await call('GET', `/api/v1/tenants/${acme}`, { key: rootKey })).status === 404, 90_000);
    second.kill('SIGTERM');

    expect(isEmpty(await rowCounts(acme))).toBe(true);
    expect(await rowCounts(globex)).toEqual(globexBefore);
    // Every row was deleted and counted exactly once across both workers.
    const record = await db.selectFrom('tenant_deletions').selectAll().where('tenant_id', '=', acme).executeTakeFirstOrThrow();
    expect(record.finished_at).not.toBeNull();
    for (const [table, count] of Object.entries(acmeBefore)) expect(record.rows_deleted[table] ?? 0, table).toBe(count);
  });
});
