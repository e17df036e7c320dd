import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSender,
  type PrivatePostgres,
  type PrivateRedis,
  providerCounts,
  type Sender,
  type SendokaProcess,
  sleep,
  startCluster,
  startSendoka,
  statusCounts,
  until,
} from './cluster.js';

/**
 * SIGTERM in the middle of 64-connection send load: every request the process had read is answered as
 * usual (202, its message durable and enqueued), none with a 5xx, and after a restart every accepted
 * message is sent exactly once.
 */
const connections = 64;
const loadBeforeSignalMs = 3_000;

let redis: PrivateRedis;
let postgres: PrivatePostgres;
let pool: pg.Pool;
let sendoka: SendokaProcess | undefined;
let apiUrl = '';
let env: Record<string, string>;
let sender: Sender;

beforeAll(async () => {
  ({ redis, postgres, pool, apiUrl, env } = await startCluster('sendoka_shutdown', { SHUTDOWN_GRACE_MS: '10000' }));
  sendoka = await startReady();
  sender = await createSender(apiUrl, pool, env);
}, 120_000);

afterAll(async () => {
  sendoka?.child.kill('SIGKILL');
  await pool?.end().catch(() => undefined);
  postgres?.stop();
  redis?.stop();
});

async function startReady(): Promise<SendokaProcess> {
  const started = startSendoka('all', env);
  await until(() => fetch(`${apiUrl}/readyz`).then((response) => response.ok, () => false), 30_000, () => started.output());
  return started;
}

interface Outcome {
  subject: string;
  startedAt: number;
  finishedAt: number;
  status: number | 'network';
  id?: string;
}

describe('fault suite: SIGTERM under send load', () => {
  it(`answers every request read before SIGTERM during ${connections}-connection load, none with a 5xx; each accepted message is sent exactly once after a restart`, async () => {
    const running = sendoka as SendokaProcess;
    const outcomes: Outcome[] = [];
    const inFlight = new Set<string>();
    let signalledAt = 0;
    let next = 0;
    const loop = async () => {
      // Each connection sends until the server is gone: then a request fails at the network level.
      for (;;) {
        const subject = `shutdown #${next++}`;
        const startedAt = Date.now();
        inFlight.add(subject);
        try {
          const response = await fetch(`${apiUrl}/api/v1/emails`, {
            method: 'POST',
            headers: { authorization: `Bearer ${sender.key}`, 'content-type': 'application/json' },
            body: JSON.stringify({ from: `a@${sender.domain}`, to: 'r@example.com', subject, text: 'x' }),
            signal: AbortSignal.timeout(30_000),
          });
          const body = (await response.json()) as { id?: string };
          outcomes.push({ subject, startedAt, finishedAt: Date.now(), status: response.status, id: body.id });
        } catch {
          outcomes.push({ subject, startedAt, finishedAt: Date.now(), status: 'network' });
          if (signalledAt > 0) return;
        } finally {
          inFlight.delete(subject);
        }
      }
    };
    const load = Promise.all(Array.from({ length: connections }, loop));
    await sleep(loadBeforeSignalMs);
    const inFlightAtSignal = new Set(inFlight);
    signalledAt = Date.now();
    running.child.kill('SIGTERM');
    const exitCode = await running.exited;
    const stoppedMs = Date.now() - signalledAt;
    await load;

    const accepted = outcomes.filter((outcome) => outcome.status === 202);
    const serverErrors = outcomes.filter((outcome) => typeof outcome.status === 'number' && outcome.status >= 500);
    const others = outcomes.filter((outcome) => outcome.status !== 202 && outcome.status !== 'network');
    const answeredInFlight = outcomes.filter((outcome) => inFlightAtSignal.has(outcome.subject) && outcome.status === 202).length;
    // What the process committed: every message in the database must be one its client was told about.
    const committed = await pool.query<{ subject: string }>("select subject from messages where org_id = $1", [sender.orgId]);
    const acceptedSubjects = new Set(accepted.map((outcome) => outcome.subject));
    const committedUnanswered = committed.rows.filter((row) => !acceptedSubjects.has(row.subject));

    sendoka = await startReady();
    const ids = accepted.map((outcome) => outcome.id as string);
    let statuses: Record<string, number> = {};
    await until(
      async () => {
        statuses = await statusCounts(pool, ids);
        return statuses.sent === ids.length;
      },
      120_000,
      () => `not all sent after the restart: ${JSON.stringify(statuses)}`,
    );
    const outbox = await providerCounts(pool, ids);

    console.log(
      [
        '\nShutdown under load',
        `  ${outcomes.length} requests over ${connections} connections; SIGTERM after ${loadBeforeSignalMs} ms with ${inFlightAtSignal.size} in flight, ${answeredInFlight} of them answered 202`,
        `  process exited ${exitCode} ${stoppedMs} ms after SIGTERM; ${outcomes.filter((outcome) => outcome.finishedAt > signalledAt && outcome.status === 202).length} answered 202 after the signal, ${outcomes.filter((outcome) => outcome.status === 'network').length} refused at the network level`,
        `  5xx: ${serverErrors.length}; other answers: ${others.length}; committed without a 202: ${committedUnanswered.length}`,
        `  after restart: ${JSON.stringify(statuses)}; provider saw ${outbox.rows} of ${ids.length}, ${outbox.twice} more than once\n`,
      ].join('\n'),
    );
    expect(exitCode, running.output().slice(-4_000)).toBe(0);
    expect(inFlightAtSignal.size).toBeGreaterThan(0);
    expect(serverErrors).toEqual([]);
    expect(others).toEqual([]);
    expect(committedUnanswered).toEqual([]);
    expect(committed.rows).toHaveLength(accepted.length);
    expect(outbox).toEqual({ rows: ids.length, twice: 0, most: 1 });
  }, 5 * 60_000);
});
