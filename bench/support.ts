import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';

/**
 * Environment for bench runs: its own database and queue prefix (BENCH_DATABASE_URL and BENCH_QUEUE_PREFIX
 * move them, so two benches on one machine do not drop each other's database), quiet logs.
 */
export const benchEnv = {
  ...process.env,
  DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sendoka_bench',
  QUEUE_PREFIX: process.env.BENCH_QUEUE_PREFIX ?? 'sendoka_bench',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
};

/** Runs a TypeScript entry in its own node process (no npx wrapper, so signals reach it). */
export function spawnTsx(args: string[], env: NodeJS.ProcessEnv = benchEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ...args], { env, stdio: ['ignore', 'inherit', 'inherit'] });
}

export async function waitForPort(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`${url} did not come up`);
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * A bench's own database and queue prefix, so benches run by different people at once do not drop each
 * other's database or drain each other's queues.
 */
export function benchEnvFor(name: string): NodeJS.ProcessEnv {
  return {
    ...benchEnv,
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/sendoka_bench_${name}`,
    QUEUE_PREFIX: `sendoka_bench_${name}`,
    // A bench stops its processes with work still queued: they need not wait for it.
    SHUTDOWN_GRACE_MS: '3000',
  };
}

export interface Fixture {
  key: string;
  domain: string;
  domainId: string;
  orgId: string;
  tenantId: string;
}

/** A fresh database and queue prefix with an org, a tenant, its verified domain and live key (bench/fixtures.ts). */
export function freshFixture(env: NodeJS.ProcessEnv): Fixture {
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/fixtures.ts'], { env }).toString()) as Fixture;
}

/** Another tenant of the fixture's org, with its own verified domain and live key. */
export async function addSendingTenant(env: NodeJS.ProcessEnv, orgId: string, name: string): Promise<Omit<Fixture, 'orgId'>> {
  const [{ createContext }, { loadConfig }, { createDb }, { newId }, { insertKey }, { createTenant }, { tenantScopes }] = await Promise.all([
    import('../src/context.js'),
    import('../src/platform/config.js'),
    import('../src/platform/db.js'),
    import('../src/platform/ids.js'),
    import('../src/keys/keys.js'),
    import('../src/tenants/tenants.js'),
    import('../src/access/scopes.js'),
  ]);
  const config = loadConfig(env);
  const db = createDb(config);
  try {
    const slug = `${name.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`;
    const tenant = await createTenant(createContext(config, { db }), orgId, { name, slug });
    const domain = `${slug}.example`;
    const domainId = newId('domain');
    await db
      .insertInto('domains')
      .values({ id: domainId, org_id: orgId, tenant_id: tenant.id, name: domain, status: 'verified', dkim_tokens: [], verification_token: 'x' })
      .execute();
    const key = await insertKey(db, orgId, { name, tenantId: tenant.id, environment: 'live', scopes: tenantScopes, allowedDomainIds: [domainId] });
    return { key: key.secret, domain, domainId, tenantId: tenant.id };
  } finally {
    await db.destroy();
  }
}

/** Compiles dist/ as `npm start` does, so benches run the production JavaScript. */
export function buildDist(): void {
  execFileSync(process.execPath, ['bin/build.mjs'], { stdio: 'inherit' });
}

/** `node dist/src/main.js <role>` (`all` = API and every worker, as `npm start` runs it). */
export function spawnSendoka(role: 'all' | 'api' | 'worker', env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['dist/src/main.js', role], { env, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Waits for `/readyz` to answer 200 (migrations run, Postgres and Redis reachable). */
export async function waitForReady(baseUrl: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await fetch(`${baseUrl}/readyz`).then((response) => response.ok, () => false);
    if (ready) return;
    await sleep(100);
  }
  throw new Error(`${baseUrl}/readyz did not answer 200 within ${timeoutMs} ms`);
}

/** Deletes every Redis key under the env's queue prefix (jobs a bench left queued). */
export async function clearQueuePrefix(env: NodeJS.ProcessEnv): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  for await (const keys of redis.scanStream({ match: `${env.QUEUE_PREFIX}:*`, count: 1_000 }) as AsyncIterable<string[]>) {
    if (keys.length > 0) await redis.unlink(...keys);
  }
  redis.disconnect();
}

const clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU time (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
}

/** The p-th percentile (0–100) of values sorted ascending (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** A `--name=value` option from the command line, as a number. */
export function numberOption(name: string, fallback: number): number {
  const arg = process.argv.slice(2).find((candidate) => candidate.startsWith(`--${name}=`));
  if (arg === undefined) return fallback;
  const value = Number(arg.slice(name.length + 3));
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} takes a number, got ${arg}`);
  return value;
}

/** A boolean `--name` option. */
export function flag(name: string): boolean {
  return process.argv.slice(2).includes(`--${name}`);
}

/** The first command-line argument that is not an option, as a number. */
export function positionalNumber(fallback: number): number {
  const arg = process.argv.slice(2).find((candidate) => !candidate.startsWith('--'));
  if (arg === undefined) return fallback;
  const value = Number(arg);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`expected a positive number, got ${arg}`);
  return value;
}

/**
 * The most sends in any window of `windowMs` (sliding, over sorted send times in ms), and in any
 * whole calendar second: a limiter's one-second window is not aligned to either, so both are shown.
 */
export function sendRatePeaks(sortedTimesMs: number[], windowMs: number): { slidingMax: number; calendarSeconds: number[] } {
  let slidingMax = 0;
  let start = 0;
  for (let end = 0; end < sortedTimesMs.length; end++) {
    while (sortedTimesMs[end]! - sortedTimesMs[start]! >= windowMs) start++;
    slidingMax = Math.max(slidingMax, end - start + 1);
  }
  const perSecond = new Map<number, number>();
  for (const time of sortedTimesMs) perSecond.set(Math.floor(time / 1000), (perSecond.get(Math.floor(time / 1000)) ?? 0) + 1);
  return { slidingMax, calendarSeconds: [...perSecond.values()] };
}

/** Single receipt emails offered at a steady `rate` (autocannon overallRate) for `seconds`, as a SaaS sends them. */
export function offerSingleSends(options: { baseUrl: string; fixture: Fixture; rate: number; seconds: number; connections: number; subject: string }) {
  return autocannon({
    url: `${options.baseUrl}/api/v1/emails`,
    method: 'POST',
    connections: Math.min(options.connections, options.rate),
    overallRate: options.rate,
    duration: options.seconds,
    body: JSON.stringify({
      from: `Acme <receipts@${options.fixture.domain}>`,
      to: ['customer@example.com'],
      subject: options.subject,
      html: '<p>Thanks for your order</p>',
    }),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.fixture.key}` },
  });
}
