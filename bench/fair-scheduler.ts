/**
 * The fair scheduler's own cost on Redis with 10,000 tenants that have queued work: takeGrants latency and
 * grants (message units) per second, one taker and several concurrent ones, and markReady throughput.
 * Only Redis is needed:  node --import tsx bench/fair-scheduler.ts
 * (REDIS_URL overrides the local Redis; BENCH_SECONDS each scenario's length, default 5).
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { type FairScheduler, fairScheduler, type Lane } from '../src/messages/send/fair-scheduler.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const tenantCount = 10_000;
const connections: Redis[] = [];
const prefixes: string[] = [];

function connect() {
  const redis = new Redis(redisUrl);
  connections.push(redis);
  return redis;
}

function newScheduler(redis: Redis, quantum: number, prefix = `sendoka_bench:{fair-${randomUUID()}}`): FairScheduler {
  prefixes.push(prefix);
  return fairScheduler({ redis, prefix, ratePerSecond: null, quantum });
}

async function fill(fair: FairScheduler, perTenant: number, lane: Lane) {
  const tenants = Array.from({ length: tenantCount }, (_, i) => `tnt_${String(i).padStart(6, '0')}`);
  const started = performance.now();
  for (let i = 0; i < tenants.length; i += 100) {
    await fair.markReadyMany(tenants.slice(i, i + 100).map((tenantId) => ({ tenantId, lane, count: perTenant })));
  }
  return (performance.now() - started) / 1000;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/** Takers call takeGrants(maxMessages) back to back for `seconds`; returns what they got and how long each call took. */
async function take(takers: FairScheduler[], maxMessages: number) {
  const latencies: number[] = [];
  let units = 0;
  let grants = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    takers.map(async (fair) => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const taken = await fair.takeGrants(maxMessages);
        latencies.push(performance.now() - t0);
        grants += taken.grants.length;
        for (const grant of taken.grants) units += grant.count;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { elapsed, units, grants, calls: latencies.length, latencies };
}

function report(name: string, result: Awaited<ReturnType<typeof take>>) {
  const { elapsed, units, grants, calls, latencies } = result;
  console.log(
    `${name.padEnd(58)} ${String(Math.round(units / elapsed)).padStart(8)} msg/s  ${String(Math.round(calls / elapsed)).padStart(6)} calls/s` +
      `  ${(grants / calls).toFixed(1).padStart(6)} grants/call  takeGrants p50 ${percentile(latencies, 50).toFixed(2)} ms` +
      `  p99 ${percentile(latencies, 99).toFixed(2)} ms  max ${(latencies.at(-1) ?? 0).toFixed(2)} ms`,
  );
}

async function main() {
  const redis = connect();
  const info = await redis.info('server');
  console.log(`fair scheduler bench: ${tenantCount} active tenants, ${seconds} s a scenario, redis ${/redis_version:(\S+)/.exec(info)?.[1]}`);

  // markReady as the writer would call it: one call per group commit of 100 messages' (tenant, lane) pairs.
  const fillOnly = newScheduler(redis, 10);
  const fillSeconds = await fill(fillOnly, 1, 'single');
  console.log(`markReadyMany, 100 tenants a call                          ${Math.round(tenantCount / fillSeconds)} tenant-entries/s (${(fillSeconds * 1000 / (tenantCount / 100)).toFixed(2)} ms a call)`);

  for (const quantum of [10, 1]) {
    for (const maxMessages of [100, 500]) {
      const fair = newScheduler(redis, quantum);
      await fill(fair, 1_000_000, 'bulk');
      report(`deep backlogs, quantum ${quantum}, takeGrants(${maxMessages}), 1 taker`, await take([fair], maxMessages));
    }
  }

  // Several worker processes: each its own connection, one shared state.
  const prefix = `sendoka_bench:{fair-${randomUUID()}}`;
  const shared = Array.from({ length: 4 }, () => newScheduler(connect(), 10, prefix));
  await fill(shared[0] as FairScheduler, 1_000_000, 'bulk');
  report('deep backlogs, quantum 10, takeGrants(500), 4 takers', await take(shared, 500));

  // Transactional trickle: every tenant has one single send; rounds of 10,000 one-unit grants, refilled between.
  const trickle = newScheduler(redis, 10);
  const rounds: Awaited<ReturnType<typeof take>>[] = [];
  const trickleUntil = performance.now() + seconds * 1000;
  while (performance.now() < trickleUntil) {
    await fill(trickle, 1, 'single');
    const latencies: number[] = [];
    let units = 0;
    let grants = 0;
    const started = performance.now();
    for (;;) {
      const t0 = performance.now();
      const taken = await trickle.takeGrants(500);
      latencies.push(performance.now() - t0);
      if (taken.grants.length === 0) break;
      grants += taken.grants.length;
      for (const grant of taken.grants) units += grant.count;
    }
    rounds.push({ elapsed: (performance.now() - started) / 1000, units, grants, calls: latencies.length, latencies });
  }
  report('trickle (1 single a tenant, 10,000 tenants), takeGrants(500)', {
    elapsed: rounds.reduce((sum, round) => sum + round.elapsed, 0),
    units: rounds.reduce((sum, round) => sum + round.units, 0),
    grants: rounds.reduce((sum, round) => sum + round.grants, 0),
    calls: rounds.reduce((sum, round) => sum + round.calls, 0),
    latencies: rounds.flatMap((round) => round.latencies).sort((a, b) => a - b),
  });

  // A realistic provider rate: the cost of a call that the global bucket cuts short.
  const limitedPrefix = `sendoka_bench:{fair-${randomUUID()}}`;
  prefixes.push(limitedPrefix);
  const limited = fairScheduler({ redis, prefix: limitedPrefix, ratePerSecond: 1_000 });
  await fill(limited, 1_000_000, 'bulk');
  report('deep backlogs, global 1,000/s, takeGrants(500) back to back', await take([limited], 500));
}

try {
  await main();
} finally {
  const redis = connections[0] as Redis;
  for (const prefix of prefixes) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5_000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
  await Promise.all(connections.map((connection) => connection.quit()));
}
