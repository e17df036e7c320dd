import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppContext } from '../../context.js';
import { tenantActive } from '../../access/tenant-scope.js';
import { sql } from 'kysely';
import type { Channel, KeyEnvironment, Lane } from '../../platform/schema/index.js';
import { emailUnits, sendEmails } from '../email/send.js';
import { sendSms } from '../sms/send.js';
import type { FairScheduler, Grant } from './fair-scheduler.js';
import { type ClaimedMessage, claimantBeatMs, claimantKey, claimantTtlMs, claimGrants } from './handover.js';
import { environments, markReady, senderOf, sendScheduler } from './schedulers.js';

// The send path's workers: every worker process runs these loops (no central process, no job per message).
// Each round takes the scheduler's grants (fair shares of the provider's rate), claims them in one statement,
// sends them and records the outcomes; a round carries whatever is ready, so its fixed cost is shared.

/** Enough to amortise a round's statements, few enough that one round's provider calls finish quickly. */
const maxMessagesPerRound = 500;
/** Rounds in flight per scheduler and process: one claims and records while another waits on the provider. */
const loopsPerScheduler = 2;
/**
 * How long a loop with nothing to do waits for its scheduler's ready nudge before asking anyway: only a nudge
 * lost while the subscription reconnects waits this long.
 */
const idleFallbackMs = 1_000;
const errorPauseMs = 1_000;
/** How often some worker moves due scheduled messages and due retries into the ready queue. */
const promoteEveryMs = 250;
const promoteBatch = 5_000;

const sendersOf: Record<Channel, (ctx: AppContext, claimed: ClaimedMessage[]) => Promise<void>> = { email: sendEmails, sms: sendSms };
/** What a message counts against the provider's rate: SES counts recipients, SNS messages. */
const unitsOf: Record<Channel, (message: ClaimedMessage) => number> = { email: emailUnits, sms: () => 1 };

export interface Dispatcher {
  close(): Promise<void>;
}

/** Starts the send loops of the given channels in this process, and the promoter. */
export function startDispatcher(ctx: AppContext, channelsServed: readonly Channel[]): Dispatcher {
  let stopping = false;
  let closed!: () => void;
  const closing = new Promise<void>((resolve) => (closed = resolve));
  // This process's name on its claims; its heartbeat tells the reconciler it is alive.
  const claimant = `${hostname()}-${process.pid}-${randomUUID()}`;
  // A sleeping loop wakes at its time, on close, or when the channel it waits on (a scheduler's ready channel) is nudged.
  const sleepers = new Map<() => void, string | undefined>();
  const sleep = (ms: number, channel?: string) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.set(wake, channel);
    });
  // Nudges seen per ready channel: a nudge that arrives while a round is under way skips the pause after it.
  const nudges = new Map<string, number>();
  const subscriber = channelsServed.length > 0 ? ctx.jobs.workerConnection() : undefined;
  subscriber?.on('error', (error) => ctx.logger.debug({ err: error }, 'send loop nudges interrupted'));
  subscriber?.on('message', (channel: string) => {
    nudges.set(channel, (nudges.get(channel) ?? 0) + 1);
    for (const [wake, waitsOn] of [...sleepers]) if (waitsOn === channel) wake();
  });

  async function loop(name: string, step: () => Promise<number>, readyChannel?: string) {
    while (!stopping) {
      try {
        const seen = readyChannel === undefined ? undefined : nudges.get(readyChannel);
        const pauseMs = await step();
        if (pauseMs > 0 && (!readyChannel || nudges.get(readyChannel) === seen)) await sleep(pauseMs, readyChannel);
      } catch (error) {
        ctx.logger.error({ err: error, loop: name }, 'send loop failed; retrying shortly');
        await sleep(errorPauseMs);
      }
    }
  }

  const schedulers = channelsServed.flatMap((channel) =>
    environments.map((environment) => ({ channel, environment, scheduler: sendScheduler(ctx, channel, environment) })),
  );
  // Subscribed before the loops start, so no nudge goes unheard; failing, the loops fall back to polling.
  const subscribed = subscriber
    ?.subscribe(...schedulers.map(({ scheduler }) => scheduler.readyChannel))
    .catch((error: unknown) => ctx.logger.warn({ err: error }, 'subscribing to send loop nudges failed; idle loops poll'));

  const loops: Promise<void>[] = [];
  for (const { channel, environment, scheduler } of schedulers) {
    loops.push(
      (async () => {
        await Promise.race([subscribed, closing]);
        if (channel === 'email' && environment === 'live') await learnEmailRate(ctx, scheduler, () => stopping, sleep);
        await Promise.all(
          Array.from({ length: loopsPerScheduler }, (_, index) =>
            loop(`${channel}/${environment}/${index}`, () => round(ctx, claimant, scheduler, channel, environment), scheduler.readyChannel),
          ),
        );
      })(),
    );
  }
  if (channelsServed.length > 0) {
    loops.push(loop('promoter', () => promote(ctx, channelsServed)));
    loops.push(
      loop('heartbeat', async () => {
        await ctx.jobs.producerConnection().set(claimantKey(ctx, claimant), '1', 'PX', claimantTtlMs);
        return claimantBeatMs;
      }),
    );
  }

  return {
    async close() {
      stopping = true;
      closed();
      for (const wake of [...sleepers.keys()]) wake();
      await Promise.all(loops);
      subscriber?.disconnect();
      // Every round has finished: nothing is held under this name any more.
      if (channelsServed.length > 0) await ctx.jobs.producerConnection().del(claimantKey(ctx, claimant)).catch(() => undefined);
    },
  };
}

/**
 * The live email rate is the provider's (SES MaxSendRate, or SES_MAX_SEND_RATE): nothing is granted before it
 * is known, since an unlimited scheduler would be throttled by SES.
 */
async function learnEmailRate(ctx: AppContext, scheduler: FairScheduler, stopped: () => boolean, sleep: (ms: number) => Promise<void>) {
  while (!stopped()) {
    try {
      scheduler.setRate(await ctx.providers.email.maxSendRate());
      return;
    } catch (error) {
      ctx.logger.warn({ err: error }, 'the email provider did not say its send rate; asking again in 5 s');
      await sleep(5_000);
    }
  }
}

/**
 * One round; returns how long to wait before the next (0: at once, there may be more). Waiting, the loop also
 * wakes on its scheduler's ready nudge: a sender that becomes ready is granted at once.
 */
async function round(ctx: AppContext, claimant: string, scheduler: FairScheduler, channel: Channel, environment: KeyEnvironment): Promise<number> {
  const { grants, now, nextAt } = await scheduler.takeGrants(maxMessagesPerRound);
  if (grants.length === 0) return nextAt === null ? idleFallbackMs : Math.min(idleFallbackMs, Math.max(1, Math.ceil(nextAt - now)));
  let claimed: ClaimedMessage[];
  try {
    claimed = await claimGrants(ctx, claimant, channel, environment, grants);
  } catch (error) {
    // Nothing was claimed: the grants' rate goes back; their counts return with the reconciler's next pass.
    await scheduler.settle(grants.map((grant) => ({ tenantId: grant.tenantId, granted: grant.count, used: 0 }))).catch(() => undefined);
    throw error;
  }
  await scheduler.settle(settlements(grants, claimed, unitsOf[channel]));
  if (claimed.length > 0) await sendersOf[channel](ctx, claimed);
  return 0;
}

/** Per sender: what the grants charged against what was claimed (fewer rows refund, extra recipients charge). */
function settlements(grants: readonly Grant[], claimed: readonly ClaimedMessage[], units: (message: ClaimedMessage) => number) {
  const bySender = new Map<string, { granted: number; used: number }>();
  for (const grant of grants) {
    const entry = bySender.get(grant.tenantId) ?? { granted: 0, used: 0 };
    entry.granted += grant.count;
    bySender.set(grant.tenantId, entry);
  }
  for (const message of claimed) {
    const entry = bySender.get(senderOf(message));
    if (entry) entry.used += units(message);
  }
  return [...bySender].map(([tenantId, { granted, used }]) => ({ tenantId, granted, used }));
}

/**
 * Makes due scheduled messages and due retries of active tenants ready, and tells the schedulers.
 * Any worker may; a short Redis lock keeps it to one at a time. Returns the pause before the next pass.
 */
async function promote(ctx: AppContext, channelsServed: readonly Channel[]): Promise<number> {
  const lock = await ctx.jobs.producerConnection().set(`${ctx.config.QUEUE_PREFIX}:send-promoter`, '1', 'PX', promoteEveryMs, 'NX');
  if (lock !== 'OK') return promoteEveryMs;
  for (;;) {
    const { rows } = await sql<{ org_id: string; tenant_id: string | null; channel: Channel; environment: KeyEnvironment; lane: Lane }>`
      update messages as m set not_before = null, updated_at = now()
        from (select id from messages
               where status in ('queued', 'scheduled') and not_before is not null and not_before <= now()
                 and channel in (${sql.join(channelsServed)})
                 and ${tenantActive('messages.tenant_id')}
               order by not_before
               limit ${promoteBatch}
               for update skip locked) as due
       where m.id = due.id
      returning m.org_id, m.tenant_id, m.channel, m.environment, m.lane`.execute(ctx.db);
    await markReady(ctx, rows);
    if (rows.length < promoteBatch) return promoteEveryMs;
  }
}
