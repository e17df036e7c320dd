import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { newId } from '../../src/platform/ids.js';

/**
 * A private Postgres cluster and Redis server for the fault suite, so that restarting Postgres and
 * flushing Redis hurt nobody else on the machine, and Sendoka processes to kill.
 */

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function postgresBin(): string {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)) : [];
  const bin = versions.map((version) => `/usr/lib/postgresql/${version}/bin`).find((dir) => existsSync(join(dir, 'initdb')));
  if (!bin) throw new Error('the fault suite needs the Postgres server binaries (initdb, pg_ctl) under /usr/lib/postgresql/<version>/bin');
  return bin;
}

/** initdb refuses to run as root: as root, run the server tools as the postgres user. */
function serverUserCommand(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function asServerUser(command: string, args: string[]): void {
  execFileSync(...serverUserCommand(command, args), { stdio: 'pipe' });
}

/** Without blocking this process: the suite keeps sending (and timing answers) while the server is away. */
async function asServerUserInBackground(command: string, args: string[]): Promise<void> {
  await promisify(execFile)(...serverUserCommand(command, args));
}

export interface PrivatePostgres {
  url: (database: string) => string;
  /** `pg_ctl stop -m fast`, `downMs` without a server, then start; resolves with how long it was away. */
  restart: (downMs: number) => Promise<number>;
  stop: () => void;
}

export async function startPostgres(): Promise<PrivatePostgres> {
  const bin = postgresBin();
  const dir = mkdtempSync('/tmp/sendoka-faults-pg-');
  if (process.getuid?.() === 0) {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres']).toString().trim()));
    chownSync(dir, uid as number, gid as number);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  asServerUser(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300`;
  asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', 'start']);
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    restart: async (downMs) => {
      const started = Date.now();
      await asServerUserInBackground(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      await sleep(downMs);
      await asServerUserInBackground(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', 'start']);
      return Date.now() - started;
    },
    stop: () => {
      try {
        asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export interface PrivateRedis {
  url: string;
  flushAll: () => Promise<void>;
  stop: () => void;
}

export async function startRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null, retryStrategy: () => 100 });
  client.on('error', () => undefined);
  await client.connect();
  await client.ping();
  return {
    url,
    flushAll: async () => {
      await client.flushall();
    },
    stop: () => {
      client.disconnect();
      server.kill('SIGKILL');
    },
  };
}

export interface SendokaProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `node dist/src/main.js <role>`, as the Procfile runs it; keeps the tail of its output. */
export function startSendoka(role: 'all' | 'api' | 'worker', env: Record<string, string>): SendokaProcess {
  const child = spawn(process.execPath, ['dist/src/main.js', role], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves once `check` passes, polling; throws with `describe()` after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // A check that throws fails at once; one that cannot tell yet answers false.
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${describe()}`);
    await sleep(250);
  }
}

/** A pool for the suite's own queries, surviving the Postgres restart. */
export function verificationPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  return pool;
}

export interface Sender {
  key: string;
  domain: string;
  orgId: string;
}

/** An org (through the CLI, as operators make one), a tenant with a verified domain, and its sending key. */
export async function createSender(apiUrl: string, pool: pg.Pool, env: Record<string, string>): Promise<Sender> {
  const org = JSON.parse(
    execFileSync(process.execPath, ['bin/sendoka.js', 'orgs', 'create', 'Faults', '--json'], { env: { ...process.env, ...env } }).toString(),
  ) as { org_id: string; key: { secret: string } };
  const call = async (path: string, body: unknown) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${org.key.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { id: string; secret: string };
  };
  const tenant = await call('/api/v1/tenants', { name: 'Acme', slug: 'acme' });
  const domainId = newId('domain');
  await pool.query(
    "insert into domains (id, org_id, tenant_id, name, status, dkim_tokens, verification_token) values ($1, $2, $3, 'acme.example', 'verified', '{}', 'x')",
    [domainId, org.org_id, tenant.id],
  );
  const key = await call('/api/v1/keys', { name: 'Acme', tenant_id: tenant.id, scopes: ['emails:send', 'messages:read'], allowed_domain_ids: [domainId] });
  return { key: key.secret, domain: 'acme.example', orgId: org.org_id };
}

export async function statusCounts(pool: pg.Pool, ids: string[]): Promise<Record<string, number>> {
  const result = await pool.query<{ status: string; n: number }>('select status, count(*)::int as n from messages where id = any($1) group by status', [ids]);
  return Object.fromEntries(result.rows.map((row) => [row.status, row.n]));
}

/** What the local provider received of these messages: how many, how many more than once, the most times. */
export async function providerCounts(pool: pg.Pool, ids: string[]) {
  const result = await pool.query<{ rows: number; twice: number; most: number | null }>(
    'select count(*)::int as rows, count(*) filter (where deliveries > 1)::int as twice, max(deliveries) as most from local_outbox where message_id = any($1)',
    [ids],
  );
  return result.rows[0] as { rows: number; twice: number; most: number | null };
}

export interface Cluster {
  redis: PrivateRedis;
  postgres: PrivatePostgres;
  pool: pg.Pool;
  apiUrl: string;
  /** What a Sendoka process of this cluster runs with. */
  env: Record<string, string>;
}

/** A private Postgres and Redis, a verification pool on `database`, and the environment for Sendoka processes. */
export async function startCluster(database: string, settings: Record<string, string>): Promise<Cluster> {
  const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  const databaseUrl = postgres.url(database);
  const port = await freePort();
  return {
    redis,
    postgres,
    pool: verificationPool(databaseUrl),
    apiUrl: `http://127.0.0.1:${port}`,
    env: { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, QUEUE_PREFIX: database, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production', ...settings },
  };
}
