import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSender,
  providerCounts,
  type PrivatePostgres,
  type PrivateRedis,
  type SendokaProcess,
  type Sender,
  sleep,
  startCluster,
  startSendoka,
  statusCounts,
  until,
} from './cluster.js';

/**
 * The sending pipeline under faults, on a private Postgres and Redis: sends through the API while a
 * worker process is SIGKILLed every few seconds and Redis is flushed, then a Postgres restart in the
 * middle of more sends. Every accepted message must end sent, exactly once at the provider.
 */
const sendCount = Number(process.env.FAULT_SENDS ?? 10_000);
const outageSendCount = Number(process.env.FAULT_OUTAGE_SENDS ?? 2_000);
const settleTimeoutMs = 5 * 60_000;

let redis: PrivateRedis;
let postgres: PrivatePostgres;
let pool: pg.Pool;
let api: SendokaProcess;
let workers: SendokaProcess[] = [];
let apiUrl = '';
let env: Record<string, string>;
let sender: Sender;
const figures: string[] = [];

interface Response {
  at: number;
  status: number | 'network';
  code?: string;
  ms: number;
}

/** Sends `count` emails, `concurrency` at a time, each retried under its Idempotency-Key until accepted. */
async function sendMany(phase: string, count: number, concurrency: number, onAccepted: (accepted: number) => Promise<void> | void) {
  const accepted: string[] = [];
  const responses: Response[] = [];
  let next = 0;
  const sendOne = async (index: number) => {
    const body = JSON.stringify({ from: `a@${sender.domain}`, to: `r${index}@example.com`, subject: `${phase} #${index}`, text: 'x' });
    for (;;) {
      const started = performance.now();
      try {
        const response = await fetch(`${apiUrl}/api/v1/emails`, {
          method: 'POST',
          headers: { authorization: `Bearer ${sender.key}`, 'content-type': 'application/json', 'idempotency-key': `${phase}-${index}` },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        const answer = (await response.json()) as { id?: string; error?: { code: string } };
        responses.push({ at: Date.now(), status: response.status, code: answer.error?.code, ms: performance.now() - started });
        if (response.status === 202 && answer.id) {
          accepted.push(answer.id);
          await onAccepted(accepted.length);
          return;
        }
        // Unavailable, or an earlier attempt of this key still counts as running: retry as a client would.
        if (response.status !== 503 && answer.error?.code !== 'IDEMPOTENCY_REQUEST_IN_PROGRESS') {
          throw new Error(`${phase} #${index}: ${response.status} ${JSON.stringify(answer)}`);
        }
      } catch (error) {
        if (error instanceof Error && error.message.startsWith(`${phase} #`)) throw error;
        responses.push({ at: Date.now(), status: 'network', ms: performance.now() - started });
      }
      await sleep(250);
    }
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await sendOne(next++);
    }),
  );
  return { accepted, responses };
}

const count = (responses: Response[]) => {
  const byStatus: Record<string, number> = {};
  for (const response of responses) {
    const label = response.code ? `${response.status} ${response.code}` : String(response.status);
    byStatus[label] = (byStatus[label] ?? 0) + 1;
  }
  return byStatus;
};

/** Fails at once, with its last output, when a Sendoka process died without being killed by the suite. */
function assertAlive() {
  for (const sendoka of [api, ...workers]) {
    if (sendoka.child.exitCode !== null) throw new Error(`a Sendoka process exited with ${sendoka.child.exitCode}:\n${sendoka.output().slice(-4_000)}`);
  }
}

/** Waits until no accepted message is still queued, scheduled or sending; returns how long that took. */
async function settle(ids: string[]): Promise<number> {
  const started = Date.now();
  let counts: Record<string, number> | undefined;
  await until(
    async () => {
      assertAlive();
      counts = await statusCounts(pool, ids).catch(() => undefined);
      return counts !== undefined && !counts.queued && !counts.sending && !counts.scheduled;
    },
    settleTimeoutMs,
    () => `messages did not settle: ${JSON.stringify(counts)}`,
  );
  return Date.now() - started;
}

/**
 * Messages the reconciler settled as sent after a killed worker's hand-over (their `sent` event says so). What it
 * gave back to the queue, and the ready counts it restored after the flush, leave no trace on the rows.
 */
async function settledByReconciler(ids: string[]): Promise<number> {
  const result = await pool.query<{ n: number }>(
    "select count(*)::int as n from message_events where message_id = any($1) and type = 'sent' and (data->>'after_worker_loss')::boolean",
    [ids],
  );
  return result.rows[0]?.n ?? 0;
}

beforeAll(async () => {
  ({ redis, postgres, pool, apiUrl, env } = await startCluster('sendoka_faults', { RECONCILE_INTERVAL_MS: '1000', SHUTDOWN_GRACE_MS: '5000' }));
  api = startSendoka('api', env);
  await until(() => fetch(`${apiUrl}/readyz`).then((response) => response.ok, () => false), 30_000, () => api.output());
  workers = [startSendoka('worker', env), startSendoka('worker', env)];

  sender = await createSender(apiUrl, pool, env);
}, 120_000);

afterAll(async () => {
  for (const sendoka of [api, ...workers]) sendoka?.child.kill('SIGKILL');
  await pool?.end().catch(() => undefined);
  postgres?.stop();
  redis?.stop();
  console.log(`\nFault suite figures\n${figures.map((line) => `  ${line}`).join('\n')}\n`);
});

describe('fault suite: the sending pipeline', () => {
  let phaseOne: string[] = [];

  it(`${sendCount} sends with a worker SIGKILLed every few seconds and Redis flushed midway: none lost, none sent twice`, async () => {
    let killing = true;
    let kills = 0;
    const killer = (async () => {
      while (killing) {
        await sleep(2_000 + Math.random() * 2_000);
        if (!killing) break;
        const victim = workers[1] as SendokaProcess;
        victim.child.kill('SIGKILL');
        await victim.exited;
        kills++;
        workers[1] = startSendoka('worker', env);
      }
    })();

    let flushedAt = 0;
    const started = Date.now();
    const { accepted, responses } = await sendMany('one', sendCount, 32, async (acceptedSoFar) => {
      if (acceptedSoFar === Math.floor(sendCount / 2)) {
        flushedAt = Date.now();
        await redis.flushAll();
      }
    });
    const sendingMs = Date.now() - started;
    // Keep killing a little after the last send, while the workers drain.
    await sleep(5_000);
    killing = false;
    await killer;
    phaseOne = accepted;

    const settleMs = await settle(accepted);
    const statuses = await statusCounts(pool, accepted);
    const outbox = await providerCounts(pool, accepted);
    const afterWorkerLoss = await settledByReconciler(accepted);
    figures.push(
      `phase 1: ${accepted.length}/${sendCount} accepted in ${(sendingMs / 1000).toFixed(1)} s (${Math.round((accepted.length / sendingMs) * 1000)}/s), responses ${JSON.stringify(count(responses))}`,
      `phase 1: worker SIGKILLed ${kills} times; Redis FLUSHALL at ${((flushedAt - started) / 1000).toFixed(1)} s; reconciler settled ${afterWorkerLoss} hand-overs of killed workers as sent`,
      `phase 1: settled ${((settleMs + 5_000) / 1000).toFixed(1)} s after the last send: ${JSON.stringify(statuses)}; provider saw ${outbox.rows} messages, ${outbox.twice} more than once (max deliveries ${outbox.most})`,
    );
    expect(accepted).toHaveLength(sendCount);
    expect(new Set(accepted).size).toBe(sendCount);
    expect(statuses).toEqual({ sent: sendCount });
    expect(outbox).toEqual({ rows: sendCount, twice: 0, most: 1 });
    expect(flushedAt).toBeGreaterThan(0);
    expect(kills).toBeGreaterThan(2);
  }, 15 * 60_000);

  // Last, and once: the restart drops every connection of every process.
  it(`a Postgres restart in the middle of ${outageSendCount} sends: 503 while it is down, recovery by itself, nothing lost`, async () => {
    const probes: Response[] = [];
    let probing = true;
    const prober = (async () => {
      while (probing) {
        const started = performance.now();
        const status = await fetch(`${apiUrl}/readyz`, { signal: AbortSignal.timeout(10_000) }).then((response) => response.status, () => 'network' as const);
        probes.push({ at: Date.now(), status, ms: performance.now() - started });
        await sleep(100);
      }
    })();

    let outage: { from: number; to: number; downMs: number } | undefined;
    let restart: Promise<void> | undefined;
    const { accepted, responses } = await sendMany('two', outageSendCount, 16, (acceptedSoFar) => {
      if (acceptedSoFar === Math.floor(outageSendCount / 4)) {
        const from = Date.now();
        restart = postgres.restart(2_000).then((downMs) => {
          outage = { from, to: Date.now(), downMs };
        });
      }
    });
    await restart;
    probing = false;
    await prober;
    if (!outage) throw new Error('the restart did not happen');
    const { from, to } = outage;

    const settleMs = await settle(accepted);
    const statuses = await statusCounts(pool, accepted);
    const outbox = await providerCounts(pool, accepted);
    const during = responses.filter((response) => response.at >= from && response.at <= to + 1_000);
    const afterOutage = responses.filter((response) => response.at > to);
    const firstAccepted = afterOutage.find((response) => response.status === 202);
    const probesDuring = probes.filter((probe) => probe.at >= from && probe.at <= to);
    const firstReady = probes.find((probe) => probe.at > to && probe.status === 200);
    figures.push(
      `phase 2: Postgres stopped, away 2 s, started: down ${outage.downMs} ms after ${Math.floor(outageSendCount / 4)} accepted; API answers while it restarted: ${JSON.stringify(count(during))}, slowest ${Math.round(Math.max(...during.map((response) => response.ms), 0))} ms`,
      `phase 2: /readyz during the restart ${JSON.stringify(count(probesDuring))}; ready again ${firstReady ? firstReady.at - to : '?'} ms after it; first send accepted ${firstAccepted ? firstAccepted.at - to : '?'} ms after it`,
      `phase 2: ${accepted.length}/${outageSendCount} accepted, all responses ${JSON.stringify(count(responses))}; settled in ${(settleMs / 1000).toFixed(1)} s: ${JSON.stringify(statuses)}; provider saw ${outbox.rows}, ${outbox.twice} more than once`,
    );

    expect(responses.filter((response) => response.status !== 202 && response.status !== 503 && response.code !== 'IDEMPOTENCY_REQUEST_IN_PROGRESS')).toEqual([]);
    expect(during.some((response) => response.status === 503)).toBe(true);
    expect(Math.max(...responses.map((response) => response.ms))).toBeLessThan(10_000);
    expect(probesDuring.every((probe) => probe.status === 200 || probe.status === 503)).toBe(true);
    expect(firstReady).toBeDefined();
    expect(accepted).toHaveLength(outageSendCount);
    expect(statuses).toEqual({ sent: outageSendCount });
    expect(outbox).toEqual({ rows: outageSendCount, twice: 0, most: 1 });
    // Nothing accepted before the restart was lost either, and no process died of it.
    expect(await statusCounts(pool, phaseOne)).toEqual({ sent: phaseOne.length });
    expect([api, ...workers].map((sendoka) => sendoka.child.exitCode)).toEqual([null, null, null]);
  }, 15 * 60_000);
});
