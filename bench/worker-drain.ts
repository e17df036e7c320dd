// One worker process drains 20,000 queued emails against the local provider, with suppression
// filtering and status/event recording on.
//   npx tsx bench/worker-drain.ts [count]
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { closeContext, createContext } from '../src/context.js';
import { newId } from '../src/platform/ids.js';
import { loadConfig } from '../src/platform/config.js';
import { queueNames } from '../src/platform/jobs.js';
import { assignJobs, commitMessages } from '../src/messages/send/writer.js';
import { addSuppressions } from '../src/suppressions/suppressions.js';
import { benchEnv, spawnTsx, stop } from './support.js';

const count = Number(process.argv[2] ?? 20_000);
const fixture = JSON.parse(execFileSync('npx', ['tsx', 'bench/fixtures.ts'], { env: benchEnv }).toString()) as {
  domain: string;
  domainId: string;
  orgId: string;
  tenantId: string;
};
const ctx = createContext(loadConfig({ ...process.env, ...benchEnv }));
const { db } = ctx;

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

const sendQueue = ctx.jobs.queue(queueNames.sendEmail);
await sendQueue.pause();
const ids: string[] = [];
for (let start = 0; start < count; start += 1_000) {
  const messages = assignJobs(
    Array.from({ length: Math.min(1_000, count - start) }, (_, offset) => {
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
    }),
  );
  await commitMessages(ctx, messages);
}
console.log(`${count} messages queued`);

const worker = spawnTsx(['src/main.ts', 'worker'], { ...benchEnv, WORKER_QUEUES: 'send-email' });
await sleep(3_000);
const started = Date.now();
await sendQueue.resume();
const pendingCount = async () =>
  (
    await db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', fixture.orgId)
      .where('status', 'in', ['queued', 'sending'])
      .executeTakeFirstOrThrow()
  ).n;
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
await stop(worker);
await closeContext(ctx);
