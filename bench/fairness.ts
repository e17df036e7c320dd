// Fair sharing of the provider rate (issue #16): tenant A queues a large batch backlog, then tenant B sends
// single emails; B's must not wait behind A's backlog, and A must still use the whole rate while alone.
//   npx tsx bench/fairness.ts [backlog] [--rate=100] [--alone=10] [--shared=20] [--singles=50] [--workers=2]
//                             [--grace=10] [--own-singles]
// backlog (default 100,000) is queued by A through POST /api/v1/emails/batch, 100 a request. Then A's rate is
// measured alone for --alone seconds, then B sends --singles POST /api/v1/emails spread over --shared seconds
// (one every 400 ms by default). --own-singles: A sends as many singles too, interleaved with B's, to check that
// a tenant's own singles are not held behind its own batch backlog. After the last single, it waits up to --grace
// seconds for the singles to be sent; a single still unsent counts with its age then (shown as "> x").
// Runs one API process and --workers worker processes (0: one process with both, as `npm start`) of dist/ with
// EMAIL_PROVIDER=local and SES_MAX_SEND_RATE=--rate. Reads statuses and times from Postgres: the rate from
// messages.sent_at, 202→sent from the client's 202 to sent_at (one clock: all on this machine).
// Target: B's p99 ≤ 2 s, A alone ≥ 90 % of the rate, the rate never exceeded.
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { loadConfig } from '../src/platform/config.js';
import { createDb } from '../src/platform/db.js';
import {
  addSendingTenant,
  benchEnvFor,
  buildDist,
  clearQueuePrefix,
  flag,
  freshFixture,
  numberOption,
  positionalNumber,
  sendRatePeaks,
  spawnSendoka,
  stop,
  waitForReady,
} from './support.js';

const backlog = positionalNumber(100_000);
const rate = numberOption('rate', 100);
const aloneSeconds = numberOption('alone', 10);
const sharedSeconds = numberOption('shared', 20);
const singles = numberOption('singles', 50);
const workers = numberOption('workers', 2);
const graceSeconds = numberOption('grace', 10);
const ownSingles = flag('own-singles');
const port = 3921;
const baseUrl = `http://127.0.0.1:${port}`;

const env = { ...benchEnvFor('fairness'), EMAIL_PROVIDER: 'local', SES_MAX_SEND_RATE: String(rate), PORT: String(port) };
buildDist();
const a = freshFixture(env);
const b = await addSendingTenant(env, a.orgId, 'Globex');
const db = createDb(loadConfig(env));

const processes =
  workers === 0 ? [spawnSendoka('all', env)] : [spawnSendoka('api', env), ...Array.from({ length: workers }, () => spawnSendoka('worker', env))];
await waitForReady(baseUrl);

// ---- A's backlog, 100 emails a request.
const newsletter = { from: `Acme <news@${a.domain}>`, to: ['subscriber@example.com'], subject: 'Acme newsletter', html: '<p>News</p>' };
let started = Date.now();
const accepted = await autocannon({
  url: `${baseUrl}/api/v1/emails/batch`,
  method: 'POST',
  connections: 8,
  amount: Math.ceil(backlog / 100),
  body: JSON.stringify(Array.from({ length: 100 }, () => newsletter)),
  headers: { 'content-type': 'application/json', authorization: `Bearer ${a.key}` },
});
const backlogAccepted = accepted['2xx'] * 100;
console.log(
  `A's backlog: ${backlogAccepted} emails accepted in ${((Date.now() - started) / 1000).toFixed(1)} s` +
    ` (${accepted.non2xx} non-2xx, ${accepted.errors} errors)`,
);
if (backlogAccepted < backlog) throw new Error('A\'s backlog was not fully accepted');

// ---- A alone.
await sleep(1_000); // the backlog's last requests are committed and picked up
const aloneFrom = new Date();
await sleep(aloneSeconds * 1_000);
const aloneTo = new Date();

// ---- B's singles (and A's, with --own-singles), each fired at its time without waiting for the previous answer.
interface Single {
  tenant: 'A' | 'B';
  id?: string;
  acceptedAt?: number;
  status?: number;
}
const single = (tenant: 'A' | 'B', index: number) => {
  const { key, domain } = tenant === 'A' ? a : b;
  return {
    from: `${tenant === 'A' ? 'Acme' : 'Globex'} <security@${domain}>`,
    to: [`user${index}@example.com`],
    subject: 'Your password reset link',
    html: '<p>Reset your password</p>',
    key,
  };
};
const sendSingle = async (tenant: 'A' | 'B', index: number): Promise<Single> => {
  const { key, ...email } = single(tenant, index);
  const response = await fetch(`${baseUrl}/api/v1/emails`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(email),
  });
  const acceptedAt = Date.now();
  const body = (await response.json()) as { id?: string };
  return { tenant, id: body.id, acceptedAt, status: response.status };
};
const intervalMs = (sharedSeconds * 1_000) / singles;
const sharedFrom = new Date();
const sends: Promise<Single>[] = [];
for (let index = 0; index < singles; index++) {
  const at = sharedFrom.getTime() + index * intervalMs;
  await sleep(Math.max(0, at - Date.now()));
  sends.push(sendSingle('B', index));
  if (ownSingles) {
    await sleep(intervalMs / 2);
    sends.push(sendSingle('A', index));
  }
}
const sent = await Promise.all(sends);
await sleep(Math.max(0, sharedFrom.getTime() + sharedSeconds * 1_000 - Date.now()));
const sharedTo = new Date();
const refused = sent.filter((each) => each.status !== 202);
if (refused.length > 0) console.log(`${refused.length} singles not accepted:`, refused.slice(0, 5));
const singleIds = sent.flatMap((each) => (each.id ? [each.id] : []));

// ---- Wait for the singles (up to --grace seconds).
const graceUntil = Date.now() + graceSeconds * 1_000;
const sentTimes = async () =>
  new Map(
    (await db.selectFrom('messages').select(['id', 'sent_at']).where('id', 'in', singleIds).where('sent_at', 'is not', null).execute()).map(
      (row) => [row.id, row.sent_at!.getTime()] as const,
    ),
  );
let singleSentAt = await sentTimes();
while (singleSentAt.size < singleIds.length && Date.now() < graceUntil) {
  await sleep(250);
  singleSentAt = await sentTimes();
}
const measuredAt = Date.now();

// ---- Figures.
const latencyOf = (tenant: 'A' | 'B') => {
  const rows = sent.filter((each) => each.tenant === tenant && each.id && each.acceptedAt);
  const waits = rows.map((each) => {
    const sentAt = singleSentAt.get(each.id!);
    return { ms: (sentAt ?? measuredAt) - each.acceptedAt!, unsent: sentAt === undefined };
  });
  waits.sort((x, y) => x.ms - y.ms);
  const show = (index: number) => {
    const wait = waits[index];
    if (!wait) return '-';
    return `${wait.unsent ? '> ' : ''}${(wait.ms / 1000).toFixed(2)} s`;
  };
  const rank = (p: number) => Math.min(waits.length - 1, Math.max(0, Math.ceil((p / 100) * waits.length) - 1));
  return {
    figures: { singles: waits.length, sent: waits.filter((wait) => !wait.unsent).length, p50: show(rank(50)), p99: show(rank(99)), max: show(waits.length - 1) },
    p99Ms: waits[rank(99)]?.ms ?? Number.NaN,
  };
};

const sentBetween = async (tenantId: string, from: Date, to: Date) =>
  (
    await db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('sent_at', '>=', from)
      .where('sent_at', '<', to)
      .executeTakeFirstOrThrow()
  ).n;
const perSecond = async (tenantId: string, from: Date, to: Date) =>
  Math.round(((await sentBetween(tenantId, from, to)) / ((to.getTime() - from.getTime()) / 1000)) * 10) / 10;

const aAlone = await perSecond(a.tenantId, aloneFrom, aloneTo);
const aShared = await perSecond(a.tenantId, sharedFrom, sharedTo);
const bShared = await perSecond(b.tenantId, sharedFrom, sharedTo);

// Every send of the run, for the peaks. sent_at is written once the provider has the message, so a burst the
// limiter let through at once shows as sends in one second.
const times = (
  await sql<{ ms: number }>`
    select (extract(epoch from sent_at) * 1000)::float8 as ms from messages
    where org_id = ${a.orgId} and sent_at is not null order by sent_at`.execute(db)
).rows.map((row) => row.ms);
const oneSecond = sendRatePeaks(times, 1_000);
const tenSeconds = sendRatePeaks(times, 10_000);
const calendarSecondMax = Math.max(0, ...oneSecond.calendarSeconds);
const secondsOverRate = oneSecond.calendarSeconds.filter((count) => count > rate).length;
const statuses = await db
  .selectFrom('messages')
  .select(['tenant_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
  .where('org_id', '=', a.orgId)
  .groupBy(['tenant_id', 'status'])
  .execute();

const b202ToSent = latencyOf('B');
const results: Record<string, unknown> = { "B's singles 202→sent": b202ToSent.figures };
if (ownSingles) results["A's own singles 202→sent"] = latencyOf('A').figures;
console.table(results);
console.table({
  "A's rate alone (sent/s)": { value: aAlone, window: `${aloneSeconds} s` },
  "A's rate shared (sent/s)": { value: aShared, window: `${sharedSeconds} s` },
  "B's rate shared (sent/s)": { value: bShared, window: `${sharedSeconds} s` },
  'most sends in a sliding 1 s': { value: oneSecond.slidingMax, window: 'whole run' },
  'most sends in a calendar second': { value: calendarSecondMax, window: 'whole run' },
  'calendar seconds over the rate': { value: secondsOverRate, window: `${oneSecond.calendarSeconds.length} s with sends` },
  'most sends in a sliding 10 s, per second': { value: tenSeconds.slidingMax / 10, window: 'whole run' },
});
const byTenant = (tenantId: string) => Object.fromEntries(statuses.filter((row) => row.tenant_id === tenantId).map((row) => [row.status, row.n]));
console.log({ A: byTenant(a.tenantId), B: byTenant(b.tenantId) });
console.log(
  [
    `B p99 ≤ 2 s: ${b202ToSent.p99Ms <= 2_000 ? 'met' : 'NOT MET'} (${b202ToSent.figures.p99})`,
    `A alone ≥ ${0.9 * rate}/s: ${aAlone >= 0.9 * rate ? 'met' : 'NOT MET'} (${aAlone}/s)`,
    // A limiter's one-second window lets a second's worth go at once, not aligned with any clock: any span of
    // 10 s may then hold 11 seconds' worth, and a calendar second up to twice the rate.
    `rate ${rate}/s kept: ${tenSeconds.slidingMax <= 11 * rate ? 'yes' : 'NO'} (most in any 10 s: ${tenSeconds.slidingMax}, ` +
      `allowed ${11 * rate}; ${secondsOverRate} calendar seconds over ${rate}, peak ${calendarSecondMax})`,
  ].join('\n'),
);

started = Date.now();
await Promise.all(processes.map(stop));
await db.destroy();
// The rest of A's backlog was never meant to go out: leave no jobs behind in Redis.
await clearQueuePrefix(env);
console.log(`stopped and cleaned up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
