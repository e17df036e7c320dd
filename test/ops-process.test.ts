import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { platform } from './sending-helpers.js';
import { ctx, db, startApi } from './helpers.js';
import { obliterateQueues } from './ops-helpers.js';

// These tests start `node dist/src/main.js` as the Procfile does and signal it; the in-process API only sets up data.
const { call } = startApi();
const processPrefix = `${ctx.config.QUEUE_PREFIX}_process_${process.pid}`;
const schedulersPrefix = `${ctx.config.QUEUE_PREFIX}_schedulers_${process.pid}`;
afterAll(async () => {
  await obliterateQueues(processPrefix);
  await obliterateQueues(schedulersPrefix);
});

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; afterMs: number }>;
}

function start(role: string, env: Record<string, string | undefined>): Started {
  const child = spawn(process.execPath, ['dist/src/main.js', role], {
    // Its own queue prefix: its workers must not take other test files' jobs.
    env: { ...process.env, LOG_LEVEL: 'info', QUEUE_PREFIX: processPrefix, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const startedAt = Date.now();
  const exited = new Promise<{ code: number | null; afterMs: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, afterMs: Date.now() - startedAt })),
  );
  return { child, output: () => output, exited };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function untilListening(started: Started, port: number) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (started.output().includes('"msg":"workers started"') || started.output().includes('"msg":"Sendoka API listening"')) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.ok, () => false);
      if (ok) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`did not start:\n${started.output()}`);
}

describe('configuration problems fail fast with the variable named', () => {
  const cases: [string, Record<string, string | undefined>, RegExp][] = [
    ['a malformed DATABASE_URL', { DATABASE_URL: 'mysql://db.example/sendoka' }, /Invalid configuration:\n\s+DATABASE_URL: /],
    ['a closed Postgres port', { DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/sendoka' }, /cannot reach Postgres at DATABASE_URL=postgres:\/\/127\.0\.0\.1:1\/sendoka: /],
    ['a closed Redis port', { REDIS_URL: 'redis://127.0.0.1:1' }, /cannot reach Redis at REDIS_URL=redis:\/\/127\.0\.0\.1:1: /],
    ['EMAIL_PROVIDER=ses without AWS_REGION', { EMAIL_PROVIDER: 'ses', AWS_REGION: undefined }, /AWS_REGION: required with EMAIL_PROVIDER=ses/],
    ['SMS_PROVIDER=sns without AWS_REGION', { SMS_PROVIDER: 'sns', AWS_REGION: undefined }, /AWS_REGION: required with SMS_PROVIDER=sns/],
    ['an unknown role', {}, /unknown role/],
  ];
  for (const [problem, env, message] of cases) {
    it(`exits 1 within seconds on ${problem}`, async () => {
      const started = start(problem === 'an unknown role' ? 'everything' : 'api', { PORT: '0', STARTUP_TIMEOUT_MS: '2000', ...env });
      const { code, afterMs } = await started.exited;
      expect(code).toBe(1);
      expect(afterMs).toBeLessThan(10_000);
      const line = started.output().split('\n').find((text) => text.startsWith('Sendoka cannot start: '));
      expect(line, started.output()).toBeDefined();
      expect(started.output()).toMatch(message);
      expect(started.output()).not.toContain('secret');
      expect(started.output()).not.toMatch(/^\s+at /m);
    });
  }

  it('a plain start (no NODE_ENV, no ADMIN_*) leaves Bull Board unmounted and warns when autovacuum is off', async () => {
    const port = await freePort();
    const started = start('api', { PORT: String(port), NODE_ENV: undefined, ADMIN_USERNAME: undefined, ADMIN_PASSWORD: undefined });
    try {
      await untilListening(started, port);
      expect((await fetch(`http://127.0.0.1:${port}/admin/queues`)).status).toBe(404);
      const { rows } = await sql<{ autovacuum: string }>`show autovacuum`.execute(db);
      const warnings = started.output().split('\n').filter((line) => line.includes('autovacuum off'));
      expect(warnings).toHaveLength(rows[0]?.autovacuum === 'off' ? 1 : 0);
    } finally {
      started.child.kill('SIGTERM');
      await started.exited;
    }
  });
});

describe('key changes across processes', () => {
  it('a key revoked through one API process is refused by another at once, though it had the key cached', async () => {
    const { rootKey, acme } = await platform(call);
    const { body: key } = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'cached elsewhere', tenant_id: acme.id } });
    const port = await freePort();
    // An API process serves no queue: it shares this test run's prefix, and with it the key-change channel.
    const other = start('api', { PORT: String(port), QUEUE_PREFIX: ctx.config.QUEUE_PREFIX, KEY_CACHE_TTL_MS: '2000' });
    try {
      await untilListening(other, port);
      const read = () => fetch(`http://127.0.0.1:${port}/api/v1/messages`, { headers: { authorization: `Bearer ${key.secret}` } });
      expect((await read()).status).toBe(200);
      // As at the start of an API process (main.ts): the producer connection that broadcasts is up.
      await ctx.jobs.ready();
      expect((await call('DELETE', `/api/v1/keys/${key.id}`, { key: rootKey })).status).toBe(200);
      // Well within the cache's 2 s: the broadcast, not the expiry, refused it.
      const refusedAfter = Date.now();
      let status = (await read()).status;
      while (status === 200 && Date.now() - refusedAfter < 500) status = (await read()).status;
      expect(status).toBe(401);
    } finally {
      other.child.kill('SIGTERM');
      await other.exited;
    }
  });
});

describe('npm start', () => {
  it('SIGTERM to npm stops the server it started, cleanly: nothing is left listening', async () => {
    const port = await freePort();
    const npm = spawn('npm', ['start', '--silent'], {
      env: { ...process.env, PORT: String(port), QUEUE_PREFIX: processPrefix, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (chunk) => (output += chunk));
    npm.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    await untilListening({ child: npm, output: () => output, exited: exited.then((code) => ({ code, afterMs: 0 })) }, port);
    npm.kill('SIGTERM');
    expect(await exited, output).toBe(0);
    expect(output).toContain('shut down cleanly');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});

describe('graceful shutdown on SIGTERM', () => {
  it('finishes the request in flight, refuses new connections, lets workers finish, and exits 0', async () => {
    const { acme } = await platform(call);
    const port = await freePort();
    const started = start('all', { PORT: String(port), SHUTDOWN_GRACE_MS: '10000' });
    await untilListening(started, port);

    // A batch the workers are busy with when the signal comes.
    const batch = Array.from({ length: 100 }, (_, n) => ({ from: `a@${acme.domain}`, to: `r${n}@example.com`, subject: `#${n}`, text: 'x' }));
    const accepted = await fetch(`http://127.0.0.1:${port}/api/v1/emails/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${acme.key}`, 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    expect(accepted.status).toBe(202);
    const ids = ((await accepted.json()) as { data: { id: string }[] }).data.map((item) => item.id);

    // A request whose body is still arriving when the signal comes.
    const body = JSON.stringify({ from: `a@${acme.domain}`, to: 'late@example.com', subject: 'in flight', text: 'x' });
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/v1/emails', headers: { authorization: `Bearer ${acme.key}`, 'content-type': 'application/json' } },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 20));
      setTimeout(() => {
        started.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(20)), 500);
      }, 200);
    });

    const finished = await inFlight;
    expect(finished.status, finished.body).toBe(202);
    // Meanwhile the listening socket is closed: a new connection is refused.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();

    const { code } = await started.exited;
    expect(code, started.output()).toBe(0);
    expect(started.output()).toContain('shut down cleanly');
    // Every message the workers had taken was sent or given back; none is left half-claimed.
    const statuses = await db.selectFrom('messages').select('status').where('id', 'in', [...ids, JSON.parse(finished.body).id]).execute();
    expect(statuses.filter((row) => row.status === 'sending')).toEqual([]);
    expect(statuses).toHaveLength(101);
  });

  it('exits within SHUTDOWN_GRACE_MS when a request never finishes', async () => {
    const port = await freePort();
    const started = start('api', { PORT: String(port), SHUTDOWN_GRACE_MS: '1500' });
    await untilListening(started, port);
    const stuck = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/tenants', headers: { 'content-type': 'application/json', 'content-length': '1000' } });
    stuck.on('error', () => undefined);
    stuck.write('{');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const signalledAt = Date.now();
    started.child.kill('SIGTERM');
    const { code } = await started.exited;
    expect(code).toBe(1);
    expect(Date.now() - signalledAt).toBeLessThan(4_000);
    expect(started.output()).toContain('grace period over');
    stuck.destroy();
  });
});

describe('job schedulers', () => {
  it('run on schedule in a worker process and come back when Redis loses them', async () => {
    const started = start('worker', { WORKER_QUEUES: 'maintenance', RECONCILE_INTERVAL_MS: '1000', QUEUE_PREFIX: schedulersPrefix });
    const connection = ctx.jobs.workerConnection();
    const maintenance = new Queue('maintenance', { connection, prefix: schedulersPrefix });
    const waitFor = async (check: () => Promise<boolean>) => {
      const deadline = Date.now() + 15_000;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`timed out:\n${started.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    try {
      await waitFor(async () => (await maintenance.getJobScheduler('reconcile')) !== undefined);
      // Registering again every interval does not hold the schedule back: the reconciler keeps running.
      const completedAt = async () => (await maintenance.getJobCounts('completed')).completed ?? 0;
      const before = await completedAt();
      await new Promise((resolve) => setTimeout(resolve, 4_500));
      expect(await completedAt()).toBeGreaterThanOrEqual(before + 3);

      // What a FLUSHALL does to one scheduler; the worker is not restarted.
      await maintenance.removeJobScheduler('reconcile');
      expect(await maintenance.getJobScheduler('reconcile')).toBeUndefined();
      await waitFor(async () => (await maintenance.getJobScheduler('reconcile')) !== undefined);
    } finally {
      started.child.kill('SIGTERM');
      await started.exited;
      await maintenance.close();
      connection.disconnect();
    }
  });
});
