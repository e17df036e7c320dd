import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { type FairScheduler, type FairSchedulerOptions, fairScheduler, type Grant } from '../src/messages/send/fair-scheduler.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const connections: Redis[] = [];
function connect() {
  const redis = new Redis(redisUrl);
  connections.push(redis);
  return redis;
}
const prefixes: string[] = [];
/** Each test its own keys (with a hash tag, as production would use), deleted afterwards. */
function uniquePrefix() {
  const prefix = `${process.env.QUEUE_PREFIX ?? 'sendoka_test'}:{fair-${randomUUID()}}`;
  prefixes.push(prefix);
  return prefix;
}
const redis = connect();

afterAll(async () => {
  for (const prefix of prefixes) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
  await Promise.all(connections.map((connection) => connection.quit()));
});

function scheduler(options: Partial<FairSchedulerOptions> = {}): FairScheduler {
  return fairScheduler({ redis, prefix: uniquePrefix(), ratePerSecond: 100, ...options });
}

/** Units granted per tenant (and lane) over the given grants. */
function tally(grants: Grant[], byLane = false) {
  const totals = new Map<string, number>();
  for (const grant of grants) {
    const key = byLane ? `${grant.tenantId}/${grant.lane}` : grant.tenantId;
    totals.set(key, (totals.get(key) ?? 0) + grant.count);
  }
  return totals;
}

/** Calls takeGrants every `stepMs` of simulated time from `from` for `durationMs`; returns every grant. */
async function run(fair: FairScheduler, from: number, durationMs: number, stepMs = 50, maxMessages = 1_000) {
  const grants: Grant[] = [];
  for (let now = from; now < from + durationMs; now += stepMs) grants.push(...(await fair.takeGrants(maxMessages, now)).grants);
  return grants;
}

const start = 1_000_000;

describe('fair scheduler', () => {
  it('gives a lone tenant the whole global rate (work-conserving) and never more', async () => {
    const fair = scheduler({ ratePerSecond: 100 });
    await fair.markReady('tnt_a', 'bulk', 100_000);
    const grants = await run(fair, start, 10_000);
    const total = tally(grants).get('tnt_a') ?? 0;
    // A full bucket (100) and 100/s over the 10 s (its last step at 9.95 s).
    expect(total).toBeGreaterThanOrEqual(1_090);
    expect(total).toBeLessThanOrEqual(1_100);
    expect(await fair.backlog('tnt_a')).toEqual({ single: 0, bulk: 100_000 - total });
    // Grants of one call come merged: one per (tenant, lane).
    const taken = await fair.takeGrants(1_000, start + 20_000);
    expect(taken.grants).toEqual([{ tenantId: 'tnt_a', lane: 'bulk', count: 100 }]);
    expect(taken.nextAt).toBeGreaterThan(start + 20_000);
  });

  it("serves a trickle tenant's send in the next call, however large the other's backlog", async () => {
    const fair = scheduler({ ratePerSecond: 100 });
    await fair.markReady('tnt_a', 'bulk', 100_000);
    await run(fair, start, 5_000);
    for (let i = 0; i < 50; i++) {
      const now = start + 5_150 + i * 200;
      await fair.markReady('tnt_b', 'single', 1);
      const { grants } = await fair.takeGrants(1_000, now);
      // B's one email is in the very call that follows it; A takes the rest of the rate.
      expect(tally(grants).get('tnt_b')).toBe(1);
      expect(tally(grants).get('tnt_a')).toBeGreaterThanOrEqual(18);
    }
  });

  it('serves a newcomer within one round of many busy tenants', async () => {
    const fair = scheduler({ ratePerSecond: null });
    await fair.markReadyMany(Array.from({ length: 100 }, (_, i) => ({ tenantId: `tnt_busy${i}`, lane: 'bulk' as const, count: 10_000 })));
    for (let i = 0; i < 500; i++) await fair.takeGrants(7, start);
    await fair.markReady('tnt_new', 'single', 1);
    let calls = 0;
    for (;;) {
      calls++;
      const { grants } = await fair.takeGrants(1, start);
      if (grants.some((grant) => grant.tenantId === 'tnt_new')) break;
      expect(calls).toBeLessThanOrEqual(101);
    }
  });

  it('shares the rate equally between tenants with backlogs, and by weight when weighted', async () => {
    const fair = scheduler({ ratePerSecond: 100 });
    await fair.markReadyMany([
      { tenantId: 'tnt_a', lane: 'bulk', count: 50_000 },
      { tenantId: 'tnt_b', lane: 'bulk', count: 50_000 },
    ]);
    const totals = tally(await run(fair, start, 10_000));
    const [a, b] = [totals.get('tnt_a') ?? 0, totals.get('tnt_b') ?? 0];
    expect(a + b).toBeGreaterThanOrEqual(1_090);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(11);

    const weighted = scheduler({ ratePerSecond: 100 });
    await weighted.setTenantLimits('tnt_c', { perSecond: null, weight: 3 });
    await weighted.markReadyMany([
      { tenantId: 'tnt_c', lane: 'bulk', count: 50_000 },
      { tenantId: 'tnt_d', lane: 'bulk', count: 50_000 },
    ]);
    const shares = tally(await run(weighted, start, 10_000));
    const ratio = (shares.get('tnt_c') ?? 0) / (shares.get('tnt_d') ?? 1);
    expect(ratio).toBeGreaterThan(2.8);
    expect(ratio).toBeLessThan(3.2);
  });

  it("shapes a tenant to its own rate (excess waits, is never dropped) and gives others what it leaves", async () => {
    const fair = scheduler({ ratePerSecond: 100 });
    await fair.setTenantLimits('tnt_slow', { perSecond: 10 });
    await fair.markReadyMany([
      { tenantId: 'tnt_slow', lane: 'bulk', count: 5_000 },
      { tenantId: 'tnt_fast', lane: 'bulk', count: 5_000 },
    ]);
    const totals = tally(await run(fair, start, 5_000));
    const slow = totals.get('tnt_slow') ?? 0;
    // Its bucket (10) and 10/s over 5 s.
    expect(slow).toBeGreaterThanOrEqual(55);
    expect(slow).toBeLessThanOrEqual(60);
    expect((totals.get('tnt_fast') ?? 0) + slow).toBeGreaterThanOrEqual(590);
    expect(await fair.backlog('tnt_slow')).toEqual({ single: 0, bulk: 5_000 - slow });
    expect(await fair.stats()).toEqual({ active: 1, blocked: 1 });

    // Alone and without a global rate, the tenant still keeps to its own, and is told when to come back.
    const alone = scheduler({ ratePerSecond: null });
    await alone.setTenantLimits('tnt_slow', { perSecond: 20 });
    await alone.markReady('tnt_slow', 'single', 1_000);
    const first = await alone.takeGrants(1_000, start);
    expect(first.grants).toEqual([{ tenantId: 'tnt_slow', lane: 'single', count: 20 }]);
    expect(first.nextAt).toBe(start + 50);
    expect((await alone.takeGrants(1_000, start + 10)).grants).toEqual([]);
    const later = tally(await run(alone, start + 50, 3_000));
    expect(later.get('tnt_slow')).toBe(60);

    // Lifting the limit lets its backlog go at once.
    await alone.setTenantLimits('tnt_slow', { perSecond: null });
    await alone.markReady('tnt_slow', 'single', 0);
    const lifted = await alone.takeGrants(10_000, start + 4_000);
    expect(tally(lifted.grants).get('tnt_slow')).toBe(1_000 - 80);
  });

  it("sends a tenant's single lane before its own bulk backlog", async () => {
    const fair = scheduler({ ratePerSecond: null });
    await fair.markReady('tnt_a', 'bulk', 500);
    await fair.markReady('tnt_a', 'single', 3);
    expect((await fair.takeGrants(2, start)).grants).toEqual([{ tenantId: 'tnt_a', lane: 'single', count: 2 }]);
    expect((await fair.takeGrants(10, start)).grants).toEqual([
      { tenantId: 'tnt_a', lane: 'single', count: 1 },
      { tenantId: 'tnt_a', lane: 'bulk', count: 9 },
    ]);
    await fair.markReady('tnt_a', 'single', 1);
    expect((await fair.takeGrants(1, start)).grants).toEqual([{ tenantId: 'tnt_a', lane: 'single', count: 1 }]);
  });

  it('never over-grants the global rate in any window, with several concurrent takers', async () => {
    const rate = 200;
    const prefix = uniquePrefix();
    const takers = Array.from({ length: 6 }, () => fairScheduler({ redis: connect(), prefix, ratePerSecond: rate }));
    await takers[0]?.markReadyMany(Array.from({ length: 20 }, (_, i) => ({ tenantId: `tnt_${i}`, lane: 'bulk' as const, count: 10_000 })));
    const calls: { now: number; count: number }[] = [];
    const until = Date.now() + 1_500;
    await Promise.all(
      takers.map(async (taker) => {
        while (Date.now() < until) {
          // Redis's own clock: one clock for every taker, as in production.
          const taken = await taker.takeGrants(37);
          const count = taken.grants.reduce((sum, grant) => sum + grant.count, 0);
          if (count > 0) calls.push({ now: taken.now, count });
        }
      }),
    );
    calls.sort((a, b) => a.now - b.now);
    const total = calls.reduce((sum, call) => sum + call.count, 0);
    const span = (calls.at(-1)?.now ?? 0) - (calls[0]?.now ?? 0);
    expect(total).toBeGreaterThan(rate);
    expect(total).toBeLessThanOrEqual(rate + (rate * span) / 1000 + 1e-6);
    // Every window [i, j]: no more than a full bucket plus the rate over its length.
    for (let i = 0; i < calls.length; i++) {
      let sum = 0;
      for (let j = i; j < calls.length; j++) {
        sum += (calls[j] as (typeof calls)[number]).count;
        const window = (calls[j] as (typeof calls)[number]).now - (calls[i] as (typeof calls)[number]).now;
        expect(sum).toBeLessThanOrEqual(rate + (rate * window) / 1000 + 1e-6);
      }
    }
  });

  it('settles grants: a shortfall refunds its tokens, extra recipients are charged', async () => {
    const fair = scheduler({ ratePerSecond: 100 });
    await fair.markReady('tnt_a', 'bulk', 1_000);
    const taken = await fair.takeGrants(1_000, start);
    expect(tally(taken.grants).get('tnt_a')).toBe(100);
    // Only 40 rows were still queued: 60 tokens come back at once.
    await fair.settle([{ tenantId: 'tnt_a', granted: 100, used: 40 }]);
    expect(tally((await fair.takeGrants(1_000, start)).grants).get('tnt_a')).toBe(60);
    // Those 60 had 3 recipients each: 120 more units are owed, so nothing goes out for 1.2 s.
    await fair.settle([{ tenantId: 'tnt_a', granted: 60, used: 180 }]);
    expect((await fair.takeGrants(1_000, start + 1_000)).grants).toEqual([]);
    expect(tally((await fair.takeGrants(1_000, start + 1_300)).grants).get('tnt_a')).toBe(10);
  });

  it('lets the reconciler restore lost counts without lowering any, and forgets dropped tenants', async () => {
    const fair = scheduler({ ratePerSecond: null });
    await fair.markReady('tnt_a', 'bulk', 10);
    await fair.ensureReady([
      { tenantId: 'tnt_a', lane: 'bulk', count: 4 },
      { tenantId: 'tnt_a', lane: 'single', count: 2 },
      { tenantId: 'tnt_b', lane: 'bulk', count: 5 },
    ]);
    expect(await fair.backlog('tnt_a')).toEqual({ single: 2, bulk: 10 });
    expect(await fair.backlog('tnt_b')).toEqual({ single: 0, bulk: 5 });
    await fair.drop('tnt_b');
    const totals = tally((await fair.takeGrants(100, start)).grants, true);
    expect(Object.fromEntries(totals)).toEqual({ 'tnt_a/single': 2, 'tnt_a/bulk': 10 });
    expect(await fair.stats()).toEqual({ active: 0, blocked: 0 });
    expect((await fair.takeGrants(100, start)).nextAt).toBeNull();
  });

  it('works with 10,000 tenants with queued work: one round serves every tenant once', async () => {
    const fair = scheduler({ ratePerSecond: null, quantum: 1 });
    const tenants = Array.from({ length: 10_000 }, (_, i) => `tnt_${String(i).padStart(5, '0')}`);
    for (let i = 0; i < tenants.length; i += 2_000) {
      await fair.markReadyMany(tenants.slice(i, i + 2_000).map((tenantId) => ({ tenantId, lane: 'bulk' as const, count: 3 })));
    }
    expect((await fair.stats()).active).toBe(10_000);
    const rounds: Grant[][] = [];
    for (;;) {
      const { grants } = await fair.takeGrants(1_000, start);
      if (grants.length === 0) break;
      rounds.push(grants);
    }
    const all = rounds.flat();
    expect(all.reduce((sum, grant) => sum + grant.count, 0)).toBe(30_000);
    // The first 10,000 units went one to each tenant.
    const firstRound = tally(rounds.slice(0, 10).flat());
    expect(firstRound.size).toBe(10_000);
    expect([...tally(all).values()].every((count) => count === 3)).toBe(true);
    expect(await fair.stats()).toEqual({ active: 0, blocked: 0 });
  });

  it('announces on its ready channel when a sender becomes ready, and only then', async () => {
    const fair = scheduler({ ratePerSecond: null });
    const subscriber = connect();
    const announced: string[] = [];
    subscriber.on('message', (_channel, message: string) => announced.push(message));
    await subscriber.subscribe(fair.readyChannel);

    await fair.markReadyMany([
      { tenantId: 'tnt_a', lane: 'single', count: 1 },
      { tenantId: 'tnt_b', lane: 'bulk', count: 2 },
    ]);
    // Already ready: nothing new to announce.
    await fair.markReady('tnt_a', 'bulk', 5);
    await fair.takeGrants(100, start);
    // Ready again after being served, and a count the reconciler restores.
    await fair.markReady('tnt_a', 'single', 1);
    await fair.ensureReady([{ tenantId: 'tnt_c', lane: 'single', count: 3 }]);
    // A round trip on the subscriber's own connection: every message published before it has arrived.
    await subscriber.ping();
    expect(announced).toEqual(['2', '1', '1']);
  });
});
