// Webhook delivery throughput from one worker process: N events (default 10,000) fanned out to 10
// endpoints on a local receiver (10 × N signed deliveries), twice: alone, then with an 11th, dead
// endpoint (connection refused) among them, to show it does not lower the others' rate.
//   npx tsx bench/webhooks.ts [events]
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Webhook } from 'standardwebhooks';
import { benchEnv, stop } from './support.js';
import { prepareDatabase } from '../src/platform/setup.js';
import { newId } from '../src/platform/ids.js';
import { createOrg } from '../src/orgs/orgs.js';
import { allScopes } from '../src/access/scopes.js';
import { queueNames } from '../src/platform/jobs.js';
import { closeContext, createContext } from '../src/context.js';
import { loadConfig } from '../src/platform/config.js';
import { createEndpoint } from '../src/webhooks/endpoints.js';
import { publishEvents } from '../src/webhooks/fan-out.js';

const events = Number(process.argv[2] ?? 10_000);
const liveEndpoints = 10;
const phaseTimeoutMs = 180_000;
// Its own queue prefix: other benches share sendoka_bench, and this one obliterates its queue when done.
const env = { ...benchEnv, QUEUE_PREFIX: 'sendoka_bench_webhooks', WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOKS_ALLOW_INSECURE: 'true' };

const ctx = createContext(loadConfig({ ...process.env, ...env }));
const { db } = ctx;

await prepareDatabase(ctx.config, db);
await ctx.jobs.ready();
const webhookQueue = ctx.jobs.queue(queueNames.webhooks);

// The receiver: counts deliveries per endpoint and verifies every 100th with the standardwebhooks library.
const received = new Map<string, number>();
const secrets = new Map<string, Webhook>();
let verified = 0;
let total = 0;
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const path = req.url ?? '/';
    received.set(path, (received.get(path) ?? 0) + 1);
    if (++total % 100 === 0) {
      secrets.get(path)?.verify(Buffer.concat(chunks).toString('utf8'), req.headers as Record<string, string>);
      verified++;
    }
    res.writeHead(204).end();
  });
});
receiver.listen(0, '127.0.0.1');
await new Promise((resolve) => receiver.once('listening', resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
// Nothing listens here: every attempt is refused at once.
const deadUrl = 'http://127.0.0.1:9/dead';

async function phase(name: string, withDeadEndpoint: boolean) {
  const org = await createOrg(db, `Webhook bench ${name}`);
  const principal = { orgId: org.id, keyId: 'key_bench', tenantId: null, environment: 'live' as const, scopes: new Set(allScopes), allowedDomainIds: null, limits: null };
  const policy = { allowInsecure: true, allowPrivate: true };
  const paths: string[] = [];
  for (let index = 0; index < liveEndpoints; index++) {
    const path = `/${name}/${index}`;
    const endpoint = await createEndpoint(ctx, principal, { url: receiverUrl + path, events: ['message.delivered'] }, policy);
    secrets.set(path, new Webhook(endpoint.secret));
    paths.push(path);
  }
  const dead = withDeadEndpoint
    ? await createEndpoint(ctx, principal, { url: deadUrl, events: ['message.delivered'] }, policy)
    : undefined;

  // Publish with the queue paused, so the measurement covers delivery only.
  await webhookQueue.pause();
  const publishStarted = Date.now();
  for (let start = 0; start < events; start += 200) {
    await publishEvents(
      ctx,
      Array.from({ length: Math.min(200, events - start) }, () => ({
        id: newId('event'),
        type: 'message.delivered' as const,
        orgId: org.id,
        tenantId: null,
        createdAt: new Date(),
        data: { message_id: newId('message'), recipient: 'new-customer@example.com', smtp_response: '250 2.0.0 OK' },
      })),
    );
  }
  const deliveries = events * (liveEndpoints + (dead ? 1 : 0));
  const publishSeconds = (Date.now() - publishStarted) / 1000;

  const expected = events * liveEndpoints;
  const liveReceived = () => paths.reduce((sum, path) => sum + (received.get(path) ?? 0), 0);
  const started = Date.now();
  await webhookQueue.resume();
  while (liveReceived() < expected) {
    if (Date.now() - started > phaseTimeoutMs) throw new Error(`${name}: ${liveReceived()} of ${expected} after ${phaseTimeoutMs} ms`);
    await sleep(20);
  }
  const seconds = (Date.now() - started) / 1000;
  const deadAttempts = dead
    ? (
        await db
          .selectFrom('webhook_attempts')
          .innerJoin('webhook_deliveries', 'webhook_deliveries.id', 'webhook_attempts.delivery_id')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('webhook_deliveries.endpoint_id', '=', dead.id)
          .executeTakeFirstOrThrow()
      ).n
    : 0;
  const perEndpoint = paths.map((path) => Math.round((received.get(path) ?? 0) / seconds));
  return {
    phase: name,
    deliveriesPublished: deliveries,
    publishPerSecond: Math.round(deliveries / publishSeconds),
    liveDelivered: expected,
    seconds,
    liveDeliveriesPerSecond: Math.round(expected / seconds),
    slowestEndpointPerSecond: Math.min(...perEndpoint),
    deadEndpointAttempts: deadAttempts,
  };
}

await webhookQueue.obliterate({ force: true });
// Node itself (not npx), so the signal that stops it reaches the worker.
const worker = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
  env: { ...env, WORKER_QUEUES: 'webhooks', LOG_LEVEL: 'error' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
await sleep(3_000);
const results = [await phase('alone', false), await phase('with-dead', true)];
console.table(results);
console.log(`verified ${verified} sampled deliveries with standardwebhooks`);

await stop(worker);
// The dead endpoint's retries would otherwise wait in the bench queue for the next run.
await webhookQueue.obliterate({ force: true });
receiver.close();
await closeContext(ctx);
