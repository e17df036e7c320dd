import { type AppContext, contextCache } from '../context.js';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { batched } from '../platform/batched.js';
import { type Jobs, queueNames } from '../platform/jobs.js';

// Fair shares of the webhook workers between tenants: start-time fair queuing written as BullMQ job
// priorities (lower runs first), so no queue or worker per tenant and any number of worker processes. Each
// tenant has a tag (deliveries it has been given); the virtual time V is how far the workers have got (the
// highest tag they have started). A delivery starts at max(V, its tenant's tag): a tenant that bursts 100,000
// deliveries queues them one after another from V on, while a sibling's next delivery starts at V, ahead of
// all but the burst's first few. A job going back to the queue (a retry, or set aside at its endpoint's limit)
// is tagged again, behind what its tenant was given meanwhile rather than ahead of everyone.
// Redis holds V, the base priorities count from, the last tag given and one short-lived tag per tenant:
// O(active tenants). Limits: BullMQ's priorities end at 2^21, so the base moves up only when no prioritized
// job waits (a retry waiting through that keeps an old, higher priority: it runs once the queue is idle or V
// has passed it again); a queue that never empties for ~20 million deliveries ends at the last priority, first
// come, first served. A delayed job keeps the tag it was given when it went back, which V may pass before it
// is due: a wave of retries coming due together runs ahead of newer work.

/** Deliveries of one tenant that share a priority: keeps 2^21 priorities enough for ~20 million deliveries. */
const quantum = 10;
const maxPriority = 2 ** 21 - 1;
/** Once V is this far past the base, the base moves up to V as soon as no prioritized job waits. */
const rebaseAfter = 2 ** 20 * quantum;
/** A tenant idle this long starts at V again: its tag cannot be ahead of V by then. */
const tagTtlSeconds = 3_600;
/** How often a worker process tells Redis how far it has got. */
const advanceEveryMs = 20;

const tagScript = `
local v = tonumber(redis.call('GET', KEYS[1]) or '0')
local base = tonumber(redis.call('GET', KEYS[2]) or '0')
-- Waiting jobs keep the priorities they were given: move the base only when none waits.
if v - base >= tonumber(ARGV[2]) and redis.call('ZCARD', KEYS[3]) == 0 then
  base = v
  redis.call('SET', KEYS[2], base)
end
local starts = {}
local top = tonumber(redis.call('GET', KEYS[4]) or '0')
for i = 4, #ARGV, 2 do
  local key = ARGV[1] .. ARGV[i]
  local start = math.max(v, tonumber(redis.call('GET', key) or '0'))
  local finish = start + tonumber(ARGV[i + 1])
  redis.call('SET', key, finish, 'EX', ARGV[3])
  if finish > top then top = finish end
  starts[#starts + 1] = start - base
end
redis.call('SET', KEYS[4], top)
return starts`;

const advanceScript = `
-- Never past the last tag given: a job given its priority before the base moved would otherwise carry V far ahead.
local reached = math.min(tonumber(redis.call('GET', KEYS[2]) or '0') + tonumber(ARGV[1]), tonumber(redis.call('GET', KEYS[3]) or '0'))
if reached > tonumber(redis.call('GET', KEYS[1]) or '0') then redis.call('SET', KEYS[1], reached) end`;

function keysOf(jobs: Jobs) {
  const queue = jobs.queue(queueNames.webhooks);
  return {
    v: queue.toKey('fair:v'),
    base: queue.toKey('fair:base'),
    top: queue.toKey('fair:top'),
    tagPrefix: queue.toKey('fair:tag:'),
    prioritized: queue.keys.prioritized as string,
  };
}

/** The fairness key of a delivery: its tenant, or the org for events of the org itself. */
export function tenantKeyOf(delivery: { tenant_id: string | null; org_id: string }): string {
  return delivery.tenant_id ?? delivery.org_id;
}

/**
 * Priorities for deliveries about to be queued (or re-queued by a retry), one per tenant key given, in order;
 * advances each tenant's tag by its deliveries. One round trip.
 */
export async function fairPriorities(jobs: Jobs, tenantKeys: readonly string[]): Promise<number[]> {
  if (tenantKeys.length === 0) return [];
  const counts = new Map<string, number>();
  for (const key of tenantKeys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const keys = keysOf(jobs);
  const starts = (await jobs
    .producerConnection()
    .eval(tagScript, 4, keys.v, keys.base, keys.prioritized, keys.top, keys.tagPrefix, rebaseAfter, tagTtlSeconds, ...[...counts].flat())) as number[];
  const next = new Map([...counts.keys()].map((key, index) => [key, starts[index] as number]));
  return tenantKeys.map((key) => {
    const tag = next.get(key) as number;
    next.set(key, tag + 1);
    return Math.min(maxPriority, Math.floor(tag / quantum) + 1);
  });
}

const requeueBatchers = contextCache(({ jobs }) => batched((tenantKeys: string[]) => fairPriorities(jobs, tenantKeys)));

/**
 * The priority for a job going back to the queue (a retry, or set aside at its endpoint's limit): its tenant's
 * next, as for a new delivery. The worker's calls in one turn share a round trip.
 */
function nextFairPriority(ctx: AppContext, tenantKey: string): Promise<number> {
  return requeueBatchers(ctx)(tenantKey);
}

const progress = contextCache((): { reached: number; timer: NodeJS.Timeout | undefined } => ({ reached: 0, timer: undefined }));

/**
 * Records that a worker started a delivery of this priority: V moves up to it. Batched per process (one
 * round trip per 20 ms at most); a lost update only lets newcomers start a little earlier.
 */
export function noteStarted(ctx: AppContext, priority: number): void {
  if (priority <= 0) return;
  const { jobs } = ctx;
  const state = progress(ctx);
  state.reached = Math.max(state.reached, priority);
  if (state.timer) return;
  const flushing = state;
  flushing.timer = setTimeout(() => {
    const reached = flushing.reached;
    // Only what started since the last flush: a priority from before a rebase must not carry V past the new base.
    flushing.reached = 0;
    flushing.timer = undefined;
    const keys = keysOf(jobs);
    const connection: Redis = jobs.producerConnection();
    connection.eval(advanceScript, 3, keys.v, keys.base, keys.top, (reached - 1) * quantum).catch(() => undefined);
  }, advanceEveryMs);
  flushing.timer.unref();
}

/**
 * Gives a job going back to the queue its tenant's next fair priority. Best effort: if Redis refuses, the job
 * keeps the priority it had, which only lets it run sooner.
 */
export async function requeueFairly(ctx: AppContext, job: Job, tenantKey: string | undefined): Promise<void> {
  // Jobs queued before fair shares (no tenant key, no priority) stay as they are.
  if (!tenantKey || job.priority === 0) return;
  try {
    await job.changePriority({ priority: await nextFairPriority(ctx, tenantKey) });
  } catch (error) {
    ctx.logger.warn({ err: error, jobId: job.id }, 'could not re-prioritise a webhook job; it keeps its priority');
  }
}
