import { beforeAll, describe, expect, it } from 'vitest';
import { maxSecretsInForce } from '../src/webhooks/endpoints.js';
import { webhooksProcessor } from '../workers/webhooks.js';
import { ctx, db, newOrg, startApi } from './helpers.js';
import { runWorkers } from './sending-helpers.js';
import { type ReceivedWebhook, startReceiver, uniquePath, verified } from './webhook-receiver.js';

// Every secret a rotation hands out keeps verifying deliveries for its 24 h, however many rotations follow
// and however many run at once.

const { call } = startApi();
const receiver = startReceiver();
runWorkers(ctx, webhooksProcessor);
beforeAll(() => ctx.jobs.ready());

async function endpointOf(key: string) {
  const path = uniquePath('rotation');
  const created = await call('POST', '/api/v1/webhooks/endpoints', { key, body: { url: receiver.url(path), events: ['message.delivered'] } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id as string, secret: created.body.secret as string, path };
}

const rotate = (key: string, endpointId: string) => call('POST', `/api/v1/webhooks/endpoints/${endpointId}/rotate-secret`, { key });

/** Asks for a webhook.test delivery and returns it as received. */
async function nextDelivery(key: string, endpoint: { id: string; path: string }): Promise<ReceivedWebhook> {
  const already = receiver.at(endpoint.path).length;
  const requested = await call('POST', `/api/v1/webhooks/endpoints/${endpoint.id}/test`, { key });
  expect(requested.status).toBe(202);
  return (await receiver.waitFor(endpoint.path, already + 1))[already] as ReceivedWebhook;
}

describe('rotating a webhook secret', () => {
  it('two rotations in a row: the original, the first and the second secret all verify the next delivery', async () => {
    const { rootKey } = await newOrg();
    const endpoint = await endpointOf(rootKey);
    const first = await rotate(rootKey, endpoint.id);
    const second = await rotate(rootKey, endpoint.id);
    expect([first.status, second.status]).toEqual([200, 200]);
    const secrets = [endpoint.secret, first.body.secret, second.body.secret];
    expect(new Set(secrets).size).toBe(3);

    const webhook = await nextDelivery(rootKey, endpoint);
    expect(String(webhook.headers['webhook-signature']).split(' ')).toHaveLength(3);
    for (const secret of secrets) expect(verified(webhook, secret).type).toBe('webhook.test');
    // Each replaced secret keeps its own 24 h, counted from its replacement.
    for (const rotated of [first, second]) {
      const overlap = Date.parse(rotated.body.previous_secret_expires_at) - Date.now();
      expect(overlap).toBeGreaterThan(23.9 * 3_600_000);
      expect(overlap).toBeLessThanOrEqual(24 * 3_600_000);
    }
  });

  it('4 concurrent rotations all answer 200, and all 5 secrets verify the next delivery', async () => {
    const { rootKey } = await newOrg();
    const endpoint = await endpointOf(rootKey);
    const rotations = await Promise.all(Array.from({ length: 4 }, () => rotate(rootKey, endpoint.id)));
    expect(rotations.map((rotation) => rotation.status)).toEqual([200, 200, 200, 200]);
    const secrets = [endpoint.secret, ...rotations.map((rotation) => rotation.body.secret as string)];
    expect(new Set(secrets).size).toBe(5);

    const webhook = await nextDelivery(rootKey, endpoint);
    expect(String(webhook.headers['webhook-signature']).split(' ')).toHaveLength(5);
    for (const secret of secrets) expect(verified(webhook, secret).type).toBe('webhook.test');
  });

  it('a secret stops signing when its 24 h are up, and the next rotation drops it', async () => {
    const { rootKey } = await newOrg();
    const endpoint = await endpointOf(rootKey);
    const first = await rotate(rootKey, endpoint.id);
    // As if the original secret had been replaced a day ago.
    const expired = [{ secret: endpoint.secret, expires_at: new Date(Date.now() - 1).toISOString() }];
    await db.updateTable('webhook_endpoints').set({ previous_secrets: JSON.stringify(expired) }).where('id', '=', endpoint.id).execute();

    const webhook = await nextDelivery(rootKey, endpoint);
    expect(verified(webhook, first.body.secret).type).toBe('webhook.test');
    expect(() => verified(webhook, endpoint.secret)).toThrow();

    const second = await rotate(rootKey, endpoint.id);
    const stored = await db.selectFrom('webhook_endpoints').select('previous_secrets').where('id', '=', endpoint.id).executeTakeFirstOrThrow();
    expect(stored.previous_secrets.map((previous) => previous.secret)).toEqual([first.body.secret]);
    const later = await nextDelivery(rootKey, endpoint);
    for (const secret of [first.body.secret, second.body.secret]) expect(verified(later, secret).type).toBe('webhook.test');
  });

  it(`refuses a rotation that would put more than ${maxSecretsInForce} secrets in force, naming when one frees up`, async () => {
    const { rootKey } = await newOrg();
    const endpoint = await endpointOf(rootKey);
    for (let rotation = 1; rotation < maxSecretsInForce; rotation++) expect((await rotate(rootKey, endpoint.id)).status).toBe(200);
    const refused = await rotate(rootKey, endpoint.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ type: 'conflict_error', code: 'TOO_MANY_SECRETS' });
    expect(refused.body.error.message).toContain(`${endpoint.id} already has ${maxSecretsInForce} secrets in force; the oldest expires at`);
    const webhook = await nextDelivery(rootKey, endpoint);
    expect(String(webhook.headers['webhook-signature']).split(' ')).toHaveLength(maxSecretsInForce);
    expect(verified(webhook, endpoint.secret).type).toBe('webhook.test');
  });

  it("a sibling tenant's key and another org's cannot rotate the secret", async () => {
    const { rootKey } = await newOrg();
    const other = await newOrg();
    const tenant = async (name: string) =>
      (await call('POST', '/api/v1/tenants', { key: rootKey, body: { name, slug: `${name.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}` } })).body.id as string;
    const [acme, globex] = [await tenant('Acme'), await tenant('Globex')];
    const keyOf = async (tenantId: string) =>
      (await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'k', tenant_id: tenantId, scopes: ['webhooks:read', 'webhooks:write'] } })).body.secret as string;
    const acmeKey = await keyOf(acme);
    const endpoint = await endpointOf(acmeKey);
    for (const outsider of [await keyOf(globex), other.rootKey]) expect((await rotate(outsider, endpoint.id)).status).toBe(404);
    const webhook = await nextDelivery(acmeKey, endpoint);
    expect(String(webhook.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verified(webhook, endpoint.secret).type).toBe('webhook.test');
  });
});
