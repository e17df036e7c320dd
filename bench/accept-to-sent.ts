// Accept to sent at a steady rate of single sends (issue #17 target 3), as README runs Sendoka: one process with
// the API and every worker (`node dist/src/main.js`, what `npm start` execs), a live key on a verified domain,
// the local provider, no provider rate limit.
//   npx tsx bench/accept-to-sent.ts [--rates=400,1000] [--duration=60] [--connections=100] [--drain=120]
// Each rate is offered with autocannon's overallRate for --duration seconds (POST /api/v1/emails). Reports the
// API's latency and errors, then from the rows (created_at = accepted, sent_at = sent) accept-to-sent p50/p99/max,
// how many were not yet sent 2 s after the load stopped, and when the last was sent; it waits up to --drain
// seconds for them before the next rate. CPU is the Sendoka process's (API and workers) per accepted send.
// Target: p99 accept→sent ≤ 1 s, nothing unsent 2 s after the load stops.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { loadConfig } from '../src/platform/config.js';
import { createDb } from '../src/platform/db.js';
import { benchEnvFor, buildDist, clearQueuePrefix, cpuSeconds, freshFixture, numberOption, offerSingleSends, spawnSendoka, stop, waitForReady } from './support.js';

const ratesArg = process.argv.slice(2).find((arg) => arg.startsWith('--rates='));
const rates = (ratesArg?.slice('--rates='.length) ?? '400,1000').split(',').map(Number);
if (rates.some((rate) => !Number.isInteger(rate) || rate <= 0)) throw new Error(`--rates takes positive integers, got ${ratesArg}`);
const duration = numberOption('duration', 60);
const connections = numberOption('connections', 100);
const drainSeconds = numberOption('drain', 120);
const port = 3922;
const baseUrl = `http://127.0.0.1:${port}`;

const { SES_MAX_SEND_RATE: _unlimited, ...inherited } = benchEnvFor('accept_to_sent');
const env = { ...inherited, EMAIL_PROVIDER: 'local', PORT: String(port) };
buildDist();
const fixture = freshFixture(env);
const db = createDb(loadConfig(env));
const sendoka = spawnSendoka('all', env);
await waitForReady(baseUrl);

const offer = (rate: number, seconds: number, subject: string) =>
  offerSingleSends({ baseUrl, fixture, rate, seconds, connections, subject });

const unsent = async (subject: string) =>
  (
    await db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', fixture.orgId)
      .where('subject', '=', subject)
      .where('sent_at', 'is', null)
      .executeTakeFirstOrThrow()
  ).n;

/** Waits until every message with this subject is sent (or the deadline); the time of the last send. */
async function drained(subject: string, deadline: number): Promise<boolean> {
  while ((await unsent(subject)) > 0) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

// Warm-up (JIT, pools, caches), then let it drain so the first rate starts from empty queues.
await offer(100, 3, 'warm-up');
await drained('warm-up', Date.now() + drainSeconds * 1_000);

const results: Record<string, Record<string, string | number>> = {};
for (const rate of rates) {
  const subject = `Your receipt (${rate}/s)`;
  const cpuBefore = cpuSeconds(sendoka.pid!);
  const load = await offer(rate, duration, subject);
  const loadStopped = Date.now();
  await sleep(2_000);
  const unsentAfter2s = await unsent(subject);
  const allSent = await drained(subject, loadStopped + drainSeconds * 1_000);
  const cpu = cpuSeconds(sendoka.pid!) - cpuBefore;
  const figures = (
    await sql<{ accepted: number; sent: number; p50: number; p99: number; max: number; last_sent_ms: number }>`
      select count(*)::int as accepted, count(sent_at)::int as sent,
             percentile_disc(0.5) within group (order by ms) as p50,
             percentile_disc(0.99) within group (order by ms) as p99,
             max(ms) as max,
             (extract(epoch from max(sent_at)) * 1000)::float8 as last_sent_ms
      -- One still unsent counts with its age now, so the percentiles are lower bounds then (shown as "> x").
      from (select sent_at, (extract(epoch from coalesce(sent_at, clock_timestamp()) - created_at) * 1000)::float8 as ms
            from messages where org_id = ${fixture.orgId} and subject = ${subject}) m`.execute(db)
  ).rows[0]!;
  const ms = (value: number | null) => (value === null ? '-' : `${allSent ? '' : '> '}${Math.round(value)} ms`);
  results[`${rate}/s for ${duration} s`] = {
    'offered req/s': rate,
    'answered req/s': Math.round(load.requests.total / duration),
    accepted: figures.accepted,
    'non-2xx': load.non2xx,
    errors: load.errors + load.timeouts,
    'API p50': `${load.latency.p50} ms`,
    'API p99': `${load.latency.p99} ms`,
    'accept→sent p50': ms(figures.p50),
    'accept→sent p99': ms(figures.p99),
    'accept→sent max': ms(figures.max),
    'unsent 2 s after': unsentAfter2s,
    'last sent after load': allSent ? `${((figures.last_sent_ms - loadStopped) / 1000).toFixed(1)} s` : `not all within ${drainSeconds} s`,
    'CPU ms per send': Number(((cpu * 1000) / Math.max(1, figures.accepted)).toFixed(2)),
  };
  console.log(`${rate}/s done`, results[`${rate}/s for ${duration} s`]);
}
console.table(results);
for (const [name, row] of Object.entries(results)) {
  const p99 = Number.parseInt(String(row['accept→sent p99']).replace('> ', ''), 10);
  console.log(
    `${name}: p99 accept→sent ≤ 1 s ${p99 <= 1_000 ? 'met' : 'NOT MET'}; nothing unsent 2 s after ${row['unsent 2 s after'] === 0 ? 'met' : 'NOT MET'}`,
  );
}

await stop(sendoka);
await db.destroy();
await clearQueuePrefix(env);
