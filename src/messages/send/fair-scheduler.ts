import type { Redis } from 'ioredis';
import type { Lane } from '../../platform/schema/index.js';

/**
 * Fair send scheduler: the Redis side of one dispatch path for a channel (email or SMS).
 *
 * Postgres keeps the messages; Redis keeps only tenant-level scheduling state, per scheduler prefix:
 *   `<p>:active`  ZSET  tenants with ready work and tokens, scored by their virtual start tag (SFQ)
 *   `<p>:blocked` ZSET  tenants with ready work whose own bucket is empty, scored by when it holds a token (ms)
 *   `<p>:g`       HASH  global token bucket (tk, ts) and the system virtual time V
 *   `<p>:rate`    HASH  tenant → its own rate per second (absent = none)
 *   `<p>:weight`  HASH  tenant → its share weight (absent = 1)
 *   `<p>:t:<id>`  HASH  per tenant: s / b (ready counts of the single and bulk lanes), vt (tag while not
 *                       active), tk / ts (its bucket); expires once idle
 * `takeGrants` atomically hands out (tenant, lane, count) grants bounded by the global bucket, each tenant's
 * bucket and start-time fair queuing between tenants: the tenant with the smallest tag goes next and its tag
 * advances by count / weight; a tenant that becomes ready starts at the current virtual time, so it is served
 * in the next call whatever the others' backlog. Within a tenant the single lane goes before the bulk lane.
 * Each step costs O(log n) in active tenants; a call costs O(steps · log n), steps ≤ grants.
 *
 * Every key is built from the prefix: for Redis Cluster, put a hash tag in it (`sendoka:{fair-email}`), since
 * the scripts touch per-tenant keys they do not declare.
 */

export type { Lane };

export interface Grant {
  tenantId: string;
  lane: Lane;
  count: number;
}

export interface Taken {
  grants: Grant[];
  /** The scheduler's clock (ms) at this call: Redis's own `TIME` unless the caller passed `now`. */
  now: number;
  /**
   * When calling again may grant more (ms on the same clock): `now` if the call was cut by `maxMessages`,
   * the next global or tenant token otherwise, null when nothing is ready at all.
   */
  nextAt: number | null;
}

export interface Settlement {
  tenantId: string;
  /** Units the grant charged (its count). */
  granted: number;
  /** Units actually used: messages claimed, or recipients when the provider counts recipients. */
  used: number;
}

export interface TenantLimits {
  /** Messages (units) per second for this tenant; null = no limit of its own. */
  perSecond: number | null;
  /** Share of the global rate against other tenants with work; null or absent = 1. */
  weight?: number | null;
}

export interface FairSchedulerOptions {
  redis: Redis;
  /** Key prefix for this scheduler (one per channel, e.g. `sendoka:{fair-email}`). */
  prefix: string;
  /** The provider's rate shared by all tenants, units per second; null = unlimited. */
  ratePerSecond: number | null;
  /** Global bucket depth in seconds of rate (default 1, at least one unit). */
  burstSeconds?: number;
  /** Tenant bucket depth in seconds of its rate (default 1, at least one unit). */
  tenantBurstSeconds?: number;
  /** How far (in units) a tenant may run ahead of the next one in a single step (default 10). */
  quantum?: number;
  /** How long an idle tenant's state (its tag, a partly drained bucket) is kept at least (default 60 s). */
  idleTtlMs?: number;
}

export interface FairScheduler {
  /**
   * The pub/sub channel where the scheduler announces that a tenant became ready (a message carrying how
   * many): a send loop with nothing to do waits on it instead of polling.
   */
  readonly readyChannel: string;
  /** Adds ready messages of a tenant's lane (after their rows committed as `queued`). */
  markReady(tenantId: string, lane: Lane, count: number): Promise<void>;
  /** The same for many (tenant, lane) pairs in one round trip; returns how many tenants became active. */
  markReadyMany(entries: Grant[]): Promise<number>;
  /** Reconciler: makes each count at least the given one (Postgres's), never lowering it. */
  ensureReady(entries: Grant[]): Promise<number>;
  /** Hands out up to `maxMessages` units of grants; `now` (ms) only for tests, else Redis's clock. */
  takeGrants(maxMessages: number, now?: number): Promise<Taken>;
  /**
   * Corrects what grants charged once the worker knows: fewer rows claimed (refund) or more units used
   * (recipients beyond one a message). Adjusts the global bucket, the tenant's bucket and its tag.
   */
  settle(entries: Settlement[]): Promise<void>;
  setTenantLimits(tenantId: string, limits: TenantLimits): Promise<void>;
  /** Every tenant's own rate (the reconciler compares them with Postgres). */
  tenantRates(): Promise<Map<string, number>>;
  /** Forgets a tenant's ready counts (suspension, deletion); `ensureReady` restores them from Postgres. */
  drop(tenantId: string): Promise<void>;
  /** Changes the global rate (e.g. once SES's MaxSendRate is known). */
  setRate(perSecond: number | null): void;
  backlog(tenantId: string): Promise<{ single: number; bulk: number }>;
  stats(): Promise<{ active: number; blocked: number }>;
}

const laneField: Record<Lane, string> = { single: 's', bulk: 'b' };

// Shared helpers: `num` keeps full precision where Redis would format a Lua number with 14 digits.
const luaHelpers = `
local function num(x) return string.format('%.17g', x) end
local function clock(arg)
  local now = tonumber(arg)
  if now then return now end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
end
`;

/**
 * KEYS: active, blocked, global. ARGV: tenant key prefix, ready channel, mode (add | atLeast), then (tenant, field, n)…
 * A tenant that becomes active is announced on the ready channel, so idle send loops wake without polling.
 */
const markReadyLua = `
${luaHelpers}
local active, blocked, global = KEYS[1], KEYS[2], KEYS[3]
local tp, channel, mode = ARGV[1], ARGV[2], ARGV[3]
local V = tonumber(redis.call('HGET', global, 'V')) or 0
local activated = 0
for i = 4, #ARGV, 3 do
  local t, f, n = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
  local key = tp .. t
  if mode == 'add' then
    redis.call('HINCRBY', key, f, n)
  else
    local cur = tonumber(redis.call('HGET', key, f)) or 0
    if n > cur then redis.call('HSET', key, f, n) end
  end
  redis.call('PERSIST', key)
  local s = tonumber(redis.call('HGET', key, 's')) or 0
  local b = tonumber(redis.call('HGET', key, 'b')) or 0
  if s + b > 0 and not redis.call('ZSCORE', active, t) and not redis.call('ZSCORE', blocked, t) then
    local vt = tonumber(redis.call('HGET', key, 'vt')) or V
    redis.call('ZADD', active, num(math.max(vt, V)), t)
    activated = activated + 1
  end
end
if activated > 0 then redis.call('PUBLISH', channel, activated) end
return activated
`;

/**
 * KEYS: active, blocked, global, rates, weights.
 * ARGV: tenant key prefix, now ('' = Redis TIME), max units, global rate ('' = none), global burst,
 *       quantum, tenant burst seconds, idle ttl ms.
 * Returns { now, nextAt ('' = none), tenant, lane field, count, … }.
 */
const takeLua = `
${luaHelpers}
local active, blocked, global, rates, weights = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local tp = ARGV[1]
local now = clock(ARGV[2])
local want = tonumber(ARGV[3])
local grate = tonumber(ARGV[4])
local gburst = tonumber(ARGV[5])
local quantum = tonumber(ARGV[6])
local tburstSeconds = tonumber(ARGV[7])
local idleTtl = tonumber(ARGV[8])

local g = redis.call('HMGET', global, 'V', 'tk', 'ts')
local V = tonumber(g[1]) or 0
local V0 = V
local budget = want
local gtk, gts
if grate then
  gtk = tonumber(g[2]) or gburst
  gts = tonumber(g[3]) or now
  if now > gts then
    gtk = math.min(gburst, gtk + (now - gts) * grate / 1000)
    gts = now
  end
  budget = math.min(budget, math.floor(gtk))
end

-- Tenants whose own bucket has refilled rejoin at the current virtual time (or their own tag, if later).
local due = redis.call('ZRANGEBYSCORE', blocked, '-inf', num(now), 'LIMIT', 0, 1000)
for _, t in ipairs(due) do
  redis.call('ZREM', blocked, t)
  local vt = tonumber(redis.call('HGET', tp .. t, 'vt')) or V
  redis.call('ZADD', active, num(math.max(vt, V)), t)
end

local out = {}
local at = {}
local function emit(t, f, n)
  if n <= 0 then return end
  local k = t .. '\\0' .. f
  local i = at[k]
  if i then out[i] = out[i] + n
  else
    out[#out + 1] = t
    out[#out + 1] = f
    out[#out + 1] = n
    at[k] = #out
  end
end

-- A tenant without ready work keeps its tag (and bucket) until it expires.
local function rest(key, tag, tk, ts, rate, tburst)
  redis.call('HSET', key, 's', 0, 'b', 0, 'vt', num(tag))
  local ttl = idleTtl
  if rate and tk < tburst then ttl = math.max(ttl, math.ceil((tburst - tk) * 1000 / rate) + 1000) end
  redis.call('PEXPIRE', key, ttl)
end

-- Most tenants have no limit or weight of their own: skip those lookups when none has.
local anyRate = redis.call('HLEN', rates) > 0
local anyWeight = redis.call('HLEN', weights) > 0

local granted = 0
while granted < budget do
  local head = redis.call('ZRANGE', active, 0, 1, 'WITHSCORES')
  if #head == 0 then break end
  local t, tag = head[1], tonumber(head[2])
  local nextTag = tonumber(head[4])
  local key = tp .. t
  local st = redis.call('HMGET', key, 's', 'b', 'tk', 'ts')
  local s = math.max(0, tonumber(st[1]) or 0)
  local b = math.max(0, tonumber(st[2]) or 0)
  local rate = anyRate and tonumber(redis.call('HGET', rates, t)) or nil
  local tburst, tk, ts = 0, 0, now
  if rate then
    tburst = math.max(1, rate * tburstSeconds)
    tk = tonumber(st[3]) or tburst
    ts = tonumber(st[4]) or now
    if now > ts then
      tk = math.min(tburst, tk + (now - ts) * rate / 1000)
      ts = now
    end
  end
  if s + b <= 0 then
    redis.call('ZREM', active, t)
    rest(key, tag, tk, ts, rate, tburst)
  elseif rate and tk < 1 then
    redis.call('ZREM', active, t)
    redis.call('ZADD', blocked, num(math.max(now, ts) + (1 - tk) * 1000 / rate), t)
    redis.call('HSET', key, 'vt', num(tag), 'tk', num(tk), 'ts', num(ts))
  else
    local w = anyWeight and tonumber(redis.call('HGET', weights, t)) or 1
    local q = math.min(s + b, budget - granted)
    if rate then q = math.min(q, math.floor(tk)) end
    -- Run ahead of the next tenant by at most one quantum (a lone tenant takes all it may).
    if nextTag then q = math.min(q, math.max(1, math.floor((nextTag - tag) * w) + quantum)) end
    local fromS = math.min(q, s)
    local fromB = q - fromS
    emit(t, 's', fromS)
    emit(t, 'b', fromB)
    granted = granted + q
    if tag > V then V = tag end
    local newTag = tag + q / w
    s = s - fromS
    b = b - fromB
    if rate then
      tk = tk - q
      redis.call('HSET', key, 'tk', num(tk), 'ts', num(ts))
    end
    if s + b <= 0 then
      redis.call('ZREM', active, t)
      rest(key, newTag, tk, ts, rate, tburst)
    elseif rate and tk < 1 then
      redis.call('ZREM', active, t)
      redis.call('ZADD', blocked, num(math.max(now, ts) + (1 - tk) * 1000 / rate), t)
      redis.call('HSET', key, 's', s, 'b', b, 'vt', num(newTag))
    else
      redis.call('HSET', key, 's', s, 'b', b)
      redis.call('ZADD', active, num(newTag), t)
    end
  end
end

-- An empty call writes nothing.
if V ~= V0 then redis.call('HSET', global, 'V', num(V)) end
if grate and granted > 0 then
  gtk = gtk - granted
  redis.call('HSET', global, 'tk', num(gtk), 'ts', num(gts))
end

local nextAt = ''
if granted >= want then
  nextAt = num(now)
elseif redis.call('ZCARD', active) > 0 then
  -- Work is waiting for the global bucket.
  nextAt = num(math.max(now, gts) + (1 - gtk) * 1000 / grate)
else
  local first = redis.call('ZRANGE', blocked, 0, 0, 'WITHSCORES')
  if #first > 0 then nextAt = first[2] end
end

local reply = { num(now), nextAt }
for i = 1, #out do reply[#reply + 1] = out[i] end
return reply
`;

/**
 * KEYS: active, global, rates, weights. ARGV: tenant key prefix, global rate ('' = none), global burst,
 * tenant burst seconds, then (tenant, delta units)…
 */
const settleLua = `
${luaHelpers}
local active, global, rates, weights = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local tp = ARGV[1]
local grate = tonumber(ARGV[2])
local gburst = tonumber(ARGV[3])
local tburstSeconds = tonumber(ARGV[4])
local V = tonumber(redis.call('HGET', global, 'V')) or 0
local total = 0
for i = 5, #ARGV, 2 do
  local t, delta = ARGV[i], tonumber(ARGV[i + 1])
  total = total + delta
  local key = tp .. t
  local exists = redis.call('EXISTS', key) == 1
  local rate = tonumber(redis.call('HGET', rates, t))
  if rate and exists then
    local tburst = math.max(1, rate * tburstSeconds)
    local tk = tonumber(redis.call('HGET', key, 'tk')) or tburst
    redis.call('HSET', key, 'tk', num(math.min(tburst, tk - delta)))
    if not redis.call('HGET', key, 'ts') then redis.call('HSET', key, 'ts', num(clock(''))) end
  end
  local d = delta / (tonumber(redis.call('HGET', weights, t)) or 1)
  local score = tonumber(redis.call('ZSCORE', active, t))
  if score then
    redis.call('ZADD', active, num(math.max(score + d, math.min(score, V))), t)
  elseif exists then
    local vt = tonumber(redis.call('HGET', key, 'vt'))
    if vt then redis.call('HSET', key, 'vt', num(math.max(vt + d, math.min(vt, V)))) end
  end
end
if grate and total ~= 0 then
  local g = redis.call('HMGET', global, 'tk', 'ts')
  local gtk = tonumber(g[1]) or gburst
  if not g[2] then redis.call('HSET', global, 'ts', num(clock(''))) end
  redis.call('HSET', global, 'tk', num(math.min(gburst, gtk - total)))
end
return 0
`;

interface FairCommands {
  sendokaFairReady(active: string, blocked: string, global: string, ...args: (string | number)[]): Promise<number>;
  sendokaFairTake(
    active: string,
    blocked: string,
    global: string,
    rates: string,
    weights: string,
    ...args: (string | number)[]
  ): Promise<(string | number)[]>;
  sendokaFairSettle(active: string, global: string, rates: string, weights: string, ...args: (string | number)[]): Promise<number>;
}

function defineCommands(redis: Redis): FairCommands {
  const commands = redis as unknown as Partial<FairCommands>;
  if (!commands.sendokaFairTake) {
    redis.defineCommand('sendokaFairReady', { numberOfKeys: 3, lua: markReadyLua });
    redis.defineCommand('sendokaFairTake', { numberOfKeys: 5, lua: takeLua });
    redis.defineCommand('sendokaFairSettle', { numberOfKeys: 4, lua: settleLua });
  }
  return redis as unknown as FairCommands;
}

function positive(name: string, value: number | null | undefined) {
  if (value === null || value === undefined) return;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number`);
}

export function fairScheduler(options: FairSchedulerOptions): FairScheduler {
  const { redis, prefix } = options;
  const burstSeconds = options.burstSeconds ?? 1;
  const tenantBurstSeconds = options.tenantBurstSeconds ?? 1;
  const quantum = options.quantum ?? 10;
  const idleTtlMs = options.idleTtlMs ?? 60_000;
  let rate = options.ratePerSecond;
  positive('ratePerSecond', rate);
  const commands = defineCommands(redis);
  const keys = {
    active: `${prefix}:active`,
    blocked: `${prefix}:blocked`,
    global: `${prefix}:g`,
    rates: `${prefix}:rate`,
    weights: `${prefix}:weight`,
    tenant: `${prefix}:t:`,
  };
  const readyChannel = `${prefix}:ready`;
  const globalRate = () => (rate === null ? '' : rate);
  const globalBurst = () => (rate === null ? 0 : Math.max(1, rate * burstSeconds));

  async function ready(mode: 'add' | 'atLeast', entries: Grant[]) {
    const args: (string | number)[] = [];
    for (const { tenantId, lane, count } of entries) {
      if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
      if (count > 0 || mode === 'atLeast') args.push(tenantId, laneField[lane], count);
    }
    if (args.length === 0) return 0;
    return commands.sendokaFairReady(keys.active, keys.blocked, keys.global, keys.tenant, readyChannel, mode, ...args);
  }

  return {
    readyChannel,
    markReady: async (tenantId, lane, count) => {
      await ready('add', [{ tenantId, lane, count }]);
    },
    markReadyMany: (entries) => ready('add', entries),
    ensureReady: (entries) => ready('atLeast', entries),

    async takeGrants(maxMessages, now) {
      if (!Number.isInteger(maxMessages) || maxMessages < 1) throw new RangeError('maxMessages must be a positive integer');
      const reply = await commands.sendokaFairTake(
        keys.active,
        keys.blocked,
        keys.global,
        keys.rates,
        keys.weights,
        keys.tenant,
        now ?? '',
        maxMessages,
        globalRate(),
        globalBurst(),
        quantum,
        tenantBurstSeconds,
        idleTtlMs,
      );
      const grants: Grant[] = [];
      for (let i = 2; i < reply.length; i += 3) {
        grants.push({ tenantId: String(reply[i]), lane: reply[i + 1] === 's' ? 'single' : 'bulk', count: Number(reply[i + 2]) });
      }
      return { grants, now: Number(reply[0]), nextAt: reply[1] === '' ? null : Number(reply[1]) };
    },

    async settle(entries) {
      const args: (string | number)[] = [];
      for (const { tenantId, granted, used } of entries) if (used !== granted) args.push(tenantId, used - granted);
      if (args.length === 0) return;
      await commands.sendokaFairSettle(
        keys.active,
        keys.global,
        keys.rates,
        keys.weights,
        keys.tenant,
        globalRate(),
        globalBurst(),
        tenantBurstSeconds,
        ...args,
      );
    },

    async setTenantLimits(tenantId, limits) {
      positive('perSecond', limits.perSecond);
      positive('weight', limits.weight);
      const multi = redis.multi();
      if (limits.perSecond === null) multi.hdel(keys.rates, tenantId);
      else multi.hset(keys.rates, tenantId, limits.perSecond);
      if (limits.weight === null || limits.weight === undefined) multi.hdel(keys.weights, tenantId);
      else multi.hset(keys.weights, tenantId, limits.weight);
      // A new limit starts with a full bucket of its own.
      multi.hdel(`${keys.tenant}${tenantId}`, 'tk', 'ts');
      await multi.exec();
    },

    async tenantRates() {
      const rates = await redis.hgetall(keys.rates);
      return new Map(Object.entries(rates).map(([tenantId, perSecond]) => [tenantId, Number(perSecond)]));
    },

    async drop(tenantId) {
      await redis.multi().zrem(keys.active, tenantId).zrem(keys.blocked, tenantId).del(`${keys.tenant}${tenantId}`).exec();
    },

    setRate(perSecond) {
      positive('ratePerSecond', perSecond);
      rate = perSecond;
    },

    async backlog(tenantId) {
      const [single, bulk] = await redis.hmget(`${keys.tenant}${tenantId}`, 's', 'b');
      return { single: Number(single ?? 0), bulk: Number(bulk ?? 0) };
    },

    async stats() {
      const [active, blocked] = await Promise.all([redis.zcard(keys.active), redis.zcard(keys.blocked)]);
      return { active, blocked };
    },
  };
}
