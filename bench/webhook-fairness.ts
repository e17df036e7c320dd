// Webhook fairness from one worker process: tenant A bursts N events (default 20,000) at its endpoint while
// tenant B publishes one event every 100 ms; reports the latency from B's publish to its receipt (p50/p99/max)
// and A's deliveries (or attempts) per second. Three phases, each with A's endpoint answering differently:
// at once (fast; until A's burst is delivered), after 2 s (slow) and with a 500 (failing), the last two for a
// fixed window (their backlog would take minutes).
// B's publish time (event and delivery rows committed, job queued) is part of its latency, and shown alone too.
//   npx tsx bench/webhook-fairness.ts [events] [windowSeconds] [phases, e.g. fast,slow,failing]
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchEnv, stop } from './support.js';
import { prepareDatabase } from '../src/platform/setup.js';
import { newId } from '../src/platform/ids.js';
import { createOrg } from '../src/orgs/orgs.js';
import { createTenant } from '../src/tenants/tenants.js';
import { allScopes } from '../src/access/scopes.js';
import { queueNames } from '../src/platform/jobs.js';
import type { PlatformEvent } from '../src/platform/event-types.js';
import { closeContext, createContext } from '../src/context.js';
import { loadConfig } from '../src/platform/config.js';
import { createEndpoint } from '../src/webhooks/endpoints.js';
import { publishEvents } from '../src/webhooks/fan-out.js';

const burst = Number(process.argv[2] ?? 20_000);
const windowMs = Number(process.argv[3] ?? 30) * 1000;
const phases = (process.argv[4] ?? 'fast,slow,failing').split(',') as Behaviour[];
const fastPhaseTimeoutMs = 300_000;
const slowReplyMs = 2_000;
const bIntervalMs = 100;
// Its own database and queue prefix: the run obliterates its queue, and other benches may run meanwhile.
const name = 'sendoka_bench_webhook_fairness';
const env = {
  ...benchEnv,
  DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}`,
  QUEUE_PREFIX: name,
  WEBHOOKS_ALLOW_PRIVATE: 'true',
  WEBHOOKS_ALLOW_INSECURE: 'true',
};

const ctx = createContext(loadConfig({ ...process.env, ...env }));
const { db } = ctx;
await prepareDatabase(ctx.config, db);
await ctx.jobs.ready();
const webhookQueue = ctx.jobs.queue(queueNames.webhooks);

type Behaviour = 'fast' | 'slow' | 'failing';
// The receiver: A's path answers per its phase's behaviour; B's records when each event (webhook-id) arrived.
const aBehaviour = new Map<string, Behaviour>();
const aReceived = new Map<string, number>();
const bArrivals = new Map<string, number>();
const receiver = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const path = req.url ?? '/';
    const behaviour = aBehaviour.get(path);
    if (!behaviour) {
      bArrivals.set(String(req.headers['webhook-id']), performance.now());
      res.writeHead(204).end();
      return;
    }
    aReceived.set(path, (aReceived.get(path) ?? 0) + 1);
    if (behaviour === 'slow') setTimeout(() => res.writeHead(204).end(), slowReplyMs);
    else res.writeHead(behaviour === 'failing' ? 500 : 204).end();
  });
});
receiver.listen(0, '127.0.0.1');
await new Promise((resolve) => receiver.once('listening', resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function startWorker(): ChildProcess {
  // Node itself (not npx), so the signal that stops it reaches the worker.
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
    env: { ...env, WORKER_QUEUES: 'webhooks', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function phase(behaviour: Behaviour) {
  await webhookQueue.obliterate({ force: true });
  const worker = startWorker();
  await sleep(3_000);

  const org = await createOrg(db, `Webhook fairness ${behaviour}`);
  const principal = { orgId: org.id, keyId: 'key_bench', tenantId: null, environment: 'live' as const, scopes: new Set(allScopes), allowedDomainIds: null, limits: null };
  const policy = { allowInsecure: true, allowPrivate: true };
  const tenantA = await createTenant(ctx, org.id, { name: 'A', slug: `a-${behaviour}` });
  const tenantB = await createTenant(ctx, org.id, { name: 'B', slug: `b-${behaviour}` });
  const aPath = `/${behaviour}/a`;
  aBehaviour.set(aPath, behaviour);
  for (const [tenant, path] of [[tenantA, aPath], [tenantB, `/${behaviour}/b`]] as const) {
    await createEndpoint(ctx, principal, { url: receiverUrl + path, tenant_id: tenant.id, events: ['message.delivered'] }, policy);
  }
  const event = (tenantId: string): PlatformEvent => ({
    id: newId('event'),
    type: 'message.delivered',
    orgId: org.id,
    tenantId,
    createdAt: new Date(),
    data: { message_id: newId('message'), recipient: 'new-customer@example.com', smtp_response: '250 2.0.0 OK' },
  });

  // B publishes one event every 100 ms from the start of A's burst until the phase ends.
  const bPublished = new Map<string, number>();
  const bPublishMs: number[] = [];
  let running = true;
  const bPublisher = (async () => {
    while (running) {
      const next = event(tenantB.id);
      const publishing = performance.now();
      bPublished.set(next.id, publishing);
      await publishEvents(ctx, [next]);
      bPublishMs.push(performance.now() - publishing);
      await sleep(bIntervalMs);
    }
  })();

  const started = performance.now();
  for (let start = 0; start < burst; start += 200) {
    await publishEvents(ctx, Array.from({ length: Math.min(200, burst - start) }, () => event(tenantA.id)));
  }
  const publishSeconds = (performance.now() - started) / 1000;
  const aCount = () => aReceived.get(aPath) ?? 0;
  if (behaviour === 'fast') {
    while (aCount() < burst) {
      if (performance.now() - started > fastPhaseTimeoutMs) throw new Error(`fast: ${aCount()} of ${burst} after ${fastPhaseTimeoutMs} ms`);
      await sleep(20);
    }
  } else {
    await sleep(Math.max(0, windowMs - (performance.now() - started)));
  }
  const seconds = (performance.now() - started) / 1000;
  const aRequests = aCount();
  running = false;
  await bPublisher;
  // B's last events are still on their way: give them a moment before counting what arrived.
  await sleep(1_000);
  await stop(worker);

  const latencies = [...bPublished].map(([id, at]) => (bArrivals.get(id) ?? Number.POSITIVE_INFINITY) - at).sort((x, y) => x - y);
  const late = latencies.filter((latency) => !Number.isFinite(latency)).length;
  const round = (ms: number) => (Number.isFinite(ms) ? Math.round(ms) : 'never');
  return {
    phase: behaviour,
    aBurst: burst,
    aPublishSeconds: Number(publishSeconds.toFixed(1)),
    seconds: Number(seconds.toFixed(1)),
    aRequestsPerSecond: Math.round(aRequests / seconds),
    bEvents: latencies.length,
    bNotArrived: late,
    bP50Ms: round(quantile(latencies, 0.5)),
    bP99Ms: round(quantile(latencies, 0.99)),
    bMaxMs: round(latencies[latencies.length - 1] ?? Number.NaN),
    bPublishP99Ms: Math.round(quantile(bPublishMs.sort((x, y) => x - y), 0.99)),
  };
}

const results = [];
for (const behaviour of phases) results.push(await phase(behaviour));
console.table(results);

// A's backlog and retries would otherwise wait in the bench queue for the next run.
await webhookQueue.obliterate({ force: true });
receiver.closeAllConnections();
receiver.close();
await closeContext(ctx);
