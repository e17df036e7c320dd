import { beforeAll, describe, expect, it } from 'vitest';
import type { PlatformEvent } from '../src/platform/event-types.js';
import { newId } from '../src/platform/ids.js';
import { publishEvents } from '../src/webhooks/fan-out.js';
import { webhooksProcessor } from '../workers/webhooks.js';
import { ctx, newOrg, startApi, uniqueSlug } from './helpers.js';
import { runWorkers } from './sending-helpers.js';
import { startReceiver, uniquePath, verified } from './webhook-receiver.js';

const { call } = startApi();
const receiver = startReceiver();
runWorkers(ctx, webhooksProcessor);
beforeAll(() => ctx.jobs.ready());

function delivered(orgId: string, tenantId: string): PlatformEvent {
  return { id: newId('event'), type: 'message.delivered', orgId, tenantId, createdAt: new Date(), data: { message_id: newId('message') } };
}

describe('webhook deliveries are fair between tenants', () => {
  it("a sibling's delivery goes out while another tenant's burst at slow endpoints is still queued", async () => {
    const org = await newOrg();
    const tenant = async (name: string) => {
      const created = await call('POST', '/api/v1/tenants', { key: org.rootKey, body: { name, slug: uniqueSlug(name.toLowerCase()) } });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    const acme = await tenant('Acme');
    const globex = await tenant('Globex');
    const endpoint = async (tenantId: string, path: string) => {
      const created = await call('POST', '/api/v1/webhooks/endpoints', {
        key: org.rootKey,
        body: { url: receiver.url(path), tenant_id: tenantId, events: ['message.delivered'] },
      });
      expect(created.status).toBe(201);
      return created.body.secret as string;
    };

    // Every delivery's arrival, in order, by tenant. Acme's endpoints answer slowly: its burst fills the
    // worker's slots and the rest of it waits in the queue.
    const arrivals: string[] = [];
    const acmePaths = Array.from({ length: 10 }, () => uniquePath('acme-slow'));
    for (const path of acmePaths) {
      await endpoint(acme, path);
      receiver.reply(path, () => {
        arrivals.push('acme');
        return { status: 204, delayMs: 150 };
      });
    }
    const globexPath = uniquePath('globex');
    const globexSecret = await endpoint(globex, globexPath);
    receiver.reply(globexPath, () => {
      arrivals.push('globex');
      return { status: 204 };
    });

    const burst = 200;
    await publishEvents(ctx, Array.from({ length: burst }, () => delivered(org.orgId, acme)));
    const globexEvent = delivered(org.orgId, globex);
    await publishEvents(ctx, [globexEvent]);

    const [globexWebhook] = await receiver.waitFor(globexPath, 1, 15_000);
    expect(verified(globexWebhook!, globexSecret).data.message_id).toBe(globexEvent.data.message_id);
    await Promise.all(acmePaths.map((path) => receiver.waitFor(path, burst, 15_000)));

    // Queued in order, Globex's one delivery would wait for all 2,000 of Acme's; it goes out within the first
    // half of them instead.
    const acmeAfterGlobex = arrivals.length - 1 - arrivals.indexOf('globex');
    expect(arrivals.filter((tenantName) => tenantName === 'acme')).toHaveLength(burst * acmePaths.length);
    expect(acmeAfterGlobex).toBeGreaterThanOrEqual((burst * acmePaths.length) / 2);
  });
});
