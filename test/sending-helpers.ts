import { afterAll, beforeAll, expect } from 'vitest';
import type { AppContext } from '../src/context.js';
import { startDispatcher } from '../src/messages/send/dispatcher.js';
import type { Channel } from '../src/platform/schema/index.js';
import { newId } from '../src/platform/ids.js';
import { type AnyQueueProcessor, startWorker } from '../workers/runtime.js';
import { type Call, db, newOrg, uniqueSlug } from './helpers.js';

/**
 * Runs the given queue processors, and the send loops of the given channels, in this test file's process with
 * the context's queues and providers (no job schedulers: a test asks for what it wants run).
 */
export function runWorkers(context: AppContext, ...workersToRun: (AnyQueueProcessor | Channel)[]) {
  let workers: { close(): Promise<void> }[] = [];
  beforeAll(() => {
    const channels = workersToRun.filter((worker): worker is Channel => typeof worker === 'string');
    const processors = workersToRun.filter((worker): worker is AnyQueueProcessor => typeof worker !== 'string');
    workers = [startDispatcher(context, channels), ...processors.map((processor) => startWorker(context, processor))];
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
  });
}

/** An org with tenants Acme and Globex, each with a verified domain and a tenant-bound key scoped to it. */
export async function platform(call: Call, options: { environment?: 'live' | 'test' } = {}) {
  const org = await newOrg();
  const tenant = async (name: string) => {
    const created = await call('POST', '/api/v1/tenants', { key: org.rootKey, body: { name, slug: uniqueSlug(name.toLowerCase()) } });
    const domainName = `${uniqueSlug(name.toLowerCase())}.example`;
    // Domain creation and verification are the domains suites' subject (the SES emulator has no identity
    // calls); here the domain is simply on record as verified.
    const domainId = newId('domain');
    await db
      .insertInto('domains')
      .values({ id: domainId, org_id: org.orgId, tenant_id: created.body.id, name: domainName, status: 'verified', dkim_tokens: [], verification_token: 'x' })
      .execute();
    const key = await call('POST', '/api/v1/keys', {
      key: org.rootKey,
      body: {
        name: `${name} primary`,
        tenant_id: created.body.id,
        environment: options.environment ?? 'live',
        scopes: ['emails:send', 'messages:read', 'usage:read', 'suppressions:read', 'suppressions:write'],
        allowed_domain_ids: [domainId],
      },
    });
    expect(key.status, JSON.stringify(key.body)).toBe(201);
    return { id: created.body.id as string, domain: domainName, domainId, key: key.body.secret as string };
  };
  return { ...org, acme: await tenant('Acme'), globex: await tenant('Globex') };
}

/** An org with tenants Acme and Globex and a tenant-bound key each for SMS (no domains needed). */
export async function smsTenants(call: Call, environment: 'live' | 'test' = 'live') {
  const org = await newOrg();
  const tenant = async (name: string) => {
    const created = await call('POST', '/api/v1/tenants', { key: org.rootKey, body: { name, slug: uniqueSlug(name.toLowerCase()) } });
    const key = await call('POST', '/api/v1/keys', {
      key: org.rootKey,
      body: { name, tenant_id: created.body.id, environment, scopes: ['sms:send', 'messages:read', 'usage:read', 'suppressions:read', 'suppressions:write'] },
    });
    return { id: created.body.id as string, key: key.body.secret as string };
  };
  return { ...org, acme: await tenant('Acme'), globex: await tenant('Globex') };
}

const pendingStatuses = new Set(['queued', 'scheduled', 'sending']);

/**
 * Polls a message until it leaves the queue (or `until` says so), as a client would. Whenever it is read,
 * its timeline already holds the event of the status it shows.
 */
export async function settled(call: Call, key: string, messageId: string, until = (message: any) => !pendingStatuses.has(message.status)) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await call('GET', `/api/v1/messages/${messageId}`, { key });
    if (response.status === 200 && response.body.status !== 'sending') {
      expect(response.body.events.map((event: { type: string }) => event.type)).toContain(response.body.status);
    }
    if (response.status === 200 && until(response.body)) return response.body;
    if (Date.now() > deadline) throw new Error(`message ${messageId} did not settle: ${JSON.stringify(response.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
