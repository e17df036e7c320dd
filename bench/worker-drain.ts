// One worker process drains 20,000 queued emails against the local provider, with suppression
// filtering and status/event recording on.
//   npx tsx bench/worker-drain.ts [count]
// BENCH_DATABASE_URL and BENCH_QUEUE_PREFIX override the bench database and queue prefix (bench/support.ts).
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { closeContext, createContext } from '../src/context.js';
import { newId } from '../src/platform/ids.js';
import { loadConfig } from '../src/platform/config.js';
import { commitMessages } from '../src/messages/send/writer.js';
import { addSuppressions } from '../src/suppressions/suppressions.js';
import { benchEnv, spawnTsx, stop } from './support.js';

const count = Number(process.argv[2] ?? 20_000);
const env = {
  ...benchEnv,
  DATABASE_URL: process.env.BENCH_DATABASE_URL ?? benchEnv.DATABASE_URL,
  QUEUE_PREFIX: process.env.BENCH_QUEUE_PREFIX ?? benchEnv.QUEUE_PREFIX,
};
const fixture = JSON.parse(execFileSync('npx', ['tsx', 'bench/fixtures.ts'], { env }).toString()) as {
  domain: string;
  domainId: string;
  orgId: string;
  tenantId: string;
};
const ctx = createContext(loadConfig(env));
const { db } = ctx;
// As main does before serving: the writer tells the send scheduler over a connection that does not queue offline.
await ctx.jobs.ready();

// A few suppressions, so the filter has something to find: every 100th recipient is suppressed.
await addSuppressions(
  db,
  Array.from({ length: count / 100 }, (_, index) => ({
    orgId: fixture.orgId,
    tenantId: fixture.tenantId,
    environment: 'live' as const,
    address: `r${index * 100}@example.com`,
    reason: 'manual' as const,
  })),
);

// Committed as the API commits them (the writer marks them ready in the send scheduler); with no worker
// running, nothing sends them yet.
const ids: string[] = [];
for (let start = 0; start < count; start += 1_000) {
  const messages = Array.from({ length: Math.min(1_000, count - start) }, (_, offset) => {
    const id = newId('message');
    ids.push(id);
    return {
      id,
      org_id: fixture.orgId,
      tenant_id: fixture.tenantId,
      key_id: null,
      channel: 'email' as const,
      environment: 'live' as const,
      status: 'queued' as const,
      sender: `welcome@${fixture.domain}`,
      recipients: [`r${start + offset}@example.com`],
      subject: 'Welcome to Acme',
      // As the API stores it: the send worker checks the domain again before sending.
      domain_id: fixture.domainId,
      content: JSON.stringify({ cc: [], bcc: [], reply_to: [], html: '<p>Hello <b>there</b></p>', headers: {}, attachments: [] }),
      tags: '[]',
      scheduled_at: null,
    };
  });
  await commitMessages(ctx, messages);
}
console.log(`${count} messages queued`);

const spawnedAt = Date.now();
const worker = spawnTsx(['src/main.ts', 'worker'], { ...env, WORKER_QUEUES: 'send-email' });
try {
  const countWhere = async (statuses: ('queued' | 'scheduled' | 'sending')[]) =>
    Number(
      (
        await db
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', fixture.orgId)
          .where('status', 'in', statuses)
          .executeTakeFirstOrThrow()
      ).n,
    );
  // The clock starts when the worker claims its first messages, not at its start-up (as when the queue was resumed).
  while ((await countWhere(['queued'])) === count) {
    if (Date.now() - spawnedAt > 60_000) throw new Error('the worker claimed nothing within 60 s');
    await sleep(10);
  }
  const started = Date.now();
  console.log(`worker claimed its first messages ${started - spawnedAt} ms after it was spawned`);
  const pendingCount = () => countWhere(['queued', 'scheduled', 'sending']);
  while ((await pendingCount()) > 0) {
    if (Date.now() - started > 120_000) throw new Error('drain did not finish within 120 s');
    await sleep(100);
  }
  const seconds = (Date.now() - started) / 1000;
  const outcome = await db
    .selectFrom('messages')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', fixture.orgId)
    .groupBy('status')
    .execute();
  console.log({ messages: count, seconds, messagesPerSecond: Math.round(count / seconds), outcome });
} finally {
  // Also when the drain failed: an orphaned worker would drain the next run's messages.
  await stop(worker);
}
await closeContext(ctx);
