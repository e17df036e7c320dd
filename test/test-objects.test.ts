import { beforeAll, describe, expect, it } from 'vitest';
import { webhooksProcessor } from '../workers/webhooks.js';
import { ctx, db, newOrg, startApi } from './helpers.js';
import { platform, runWorkers, settled } from './sending-helpers.js';
import { sleep, startReceiver, uniquePath, verified } from './webhook-receiver.js';

// A test key (sok_test_…) must never change what live sends do nor see live recipients: what it creates is a
// test object acting on test sends only; live objects are invisible to it (404) and refused to its changes (403).

const { call } = startApi();
const receiver = startReceiver();
runWorkers(ctx, 'email', webhooksProcessor);
beforeAll(() => ctx.jobs.ready());

/**
 * An org with tenants Acme and Globex (verified domains), a live and a test key with every tenant scope for each,
 * a test root key, and a second org with a test root key of its own.
 */
async function world() {
  const org = await platform(call);
  const mint = async (rootKey: string, body: Record<string, unknown>) => {
    const created = await call('POST', '/api/v1/keys', { key: rootKey, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.secret as string;
  };
  const keysOf = async (tenant: { id: string; domainId: string }, name: string) => ({
    live: await mint(org.rootKey, { name: `${name} live`, tenant_id: tenant.id, allowed_domain_ids: [tenant.domainId] }),
    test: await mint(org.rootKey, { name: `${name} ci`, tenant_id: tenant.id, environment: 'test', allowed_domain_ids: [tenant.domainId] }),
  });
  const other = await newOrg('Other SaaS');
  return {
    ...org,
    acmeKeys: await keysOf(org.acme, 'Acme'),
    globexKeys: await keysOf(org.globex, 'Globex'),
    rootTest: await mint(org.rootKey, { name: 'platform ci', environment: 'test' }),
    other: { ...other, rootTest: await mint(other.rootKey, { name: 'other ci', environment: 'test' }) },
  };
}

const refusedAsLive = (response: { status: number; body: any }, resource: string) => {
  expect(response.status, JSON.stringify(response.body)).toBe(403);
  expect(response.body.error).toEqual({
    type: 'permission_error',
    code: 'TEST_KEY_CANNOT_CHANGE_LIVE',
    message: expect.stringContaining(`a test key cannot change live ${resource}; use a live key`),
  });
};

const notFound = (response: { status: number; body: any }) => {
  expect(response.status, JSON.stringify(response.body)).toBe(404);
  expect(response.body.error.code).toBe('NOT_FOUND');
};

/** A test send has settled once the simulator has given its outcome (after `sent`). */
const simulated = (message: { status: string }) => !['queued', 'scheduled', 'sending', 'sent'].includes(message.status);

const outboxOf = (messageId: string) =>
  db.selectFrom('local_outbox').select('payload').where('message_id', '=', messageId).executeTakeFirst();

describe('suppressions made by test keys', () => {
  it('a test key’s suppression never suppresses a live send; it filters test sends only', async () => {
    const { acme, globex, acmeKeys, globexKeys, rootTest, other } = await world();
    const tenantWide = await call('POST', '/api/v1/suppressions', { key: acmeKeys.test, body: { address: 'real@example.com' } });
    expect(tenantWide.status).toBe(201);
    const orgWide = await call('POST', '/api/v1/suppressions', { key: rootTest, body: { address: 'everyone@example.com' } });
    expect(orgWide.status).toBe(201);
    await call('POST', '/api/v1/suppressions', { key: other.rootTest, body: { address: 'real@example.com' } });

    const send = (key: string, domain: string, to: string[]) =>
      call('POST', '/api/v1/emails', { key, body: { from: `a@${domain}`, to, subject: 'Your receipt', text: 'Thanks' } });
    const recipients = ['real@example.com', 'everyone@example.com'];
    for (const [key, domain] of [[acmeKeys.live, acme.domain], [globexKeys.live, globex.domain]] as const) {
      const live = await send(key, domain, recipients);
      expect(live.status).toBe(202);
      const message = await settled(call, key, live.body.id);
      expect(message.status).toBe('sent');
      expect(message.events.map((event: { type: string }) => event.type)).toEqual(['queued', 'sent']);
      expect((await outboxOf(live.body.id))?.payload.to).toEqual(recipients);
    }
    expect(tenantWide.body).toMatchObject({ tenant_id: acme.id, environment: 'test' });
    expect(orgWide.body).toMatchObject({ tenant_id: null, environment: 'test' });

    // The test objects do what they are for: Acme's test sends skip both addresses, Globex's the org-wide one.
    const acmeTestSend = await send(acmeKeys.test, acme.domain, recipients);
    expect((await settled(call, acmeKeys.test, acmeTestSend.body.id)).status).toBe('suppressed');
    const globexTestSend = await settled(call, globexKeys.test, (await send(globexKeys.test, globex.domain, recipients)).body.id, simulated);
    expect(globexTestSend.events.filter((event: { type: string }) => event.type === 'suppressed').map((event: { recipient: string }) => event.recipient)).toEqual([
      'everyone@example.com',
    ]);
  });

  it('live suppressions filter live sends only: a test send does not learn which real addresses are suppressed', async () => {
    const { acme, acmeKeys } = await world();
    await call('POST', '/api/v1/suppressions', { key: acmeKeys.live, body: { address: 'complainer@example.com', reason: 'complaint' } });
    const send = (key: string) =>
      call('POST', '/api/v1/emails', { key, body: { from: `a@${acme.domain}`, to: 'complainer@example.com', subject: 's', text: 't' } });
    expect((await settled(call, acmeKeys.live, (await send(acmeKeys.live)).body.id)).status).toBe('suppressed');
    expect((await settled(call, acmeKeys.test, (await send(acmeKeys.test)).body.id, simulated)).status).toBe('delivered');
  });

  it('a test key neither lists, reads nor deletes a live complaint suppression (tenant or org-wide)', async () => {
    const { rootKey, acme, acmeKeys, globexKeys, rootTest, other } = await world();
    const tenantComplaint = await call('POST', '/api/v1/suppressions', {
      key: acmeKeys.live,
      body: { address: 'angry@example.com', reason: 'complaint' },
    });
    const orgComplaint = await call('POST', '/api/v1/suppressions', { key: rootKey, body: { address: 'furious@example.com', reason: 'complaint' } });
    const testOwn = await call('POST', '/api/v1/suppressions', { key: acmeKeys.test, body: { address: 'ci@example.com' } });

    for (const testKey of [acmeKeys.test, rootTest]) {
      const listed = await call('GET', '/api/v1/suppressions', { key: testKey });
      expect(listed.body.data.map((row: { id: string }) => row.id)).toEqual([testOwn.body.id]);
      expect((await call('GET', '/api/v1/suppressions?address=angry%40example.com', { key: testKey })).body.data).toEqual([]);
      expect((await call('GET', '/api/v1/suppressions?reason=complaint', { key: testKey })).body.data).toEqual([]);
      for (const live of [tenantComplaint.body, orgComplaint.body]) {
        notFound(await call('GET', `/api/v1/suppressions/${live.id}`, { key: testKey }));
        refusedAsLive(await call('DELETE', `/api/v1/suppressions/${live.id}`, { key: testKey }), 'suppressions');
      }
    }
    // Suppressing the same address again makes the test key's own row; the live one is not answered back.
    const again = await call('POST', '/api/v1/suppressions', { key: acmeKeys.test, body: { address: 'angry@example.com' } });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ environment: 'test', reason: 'manual' });
    expect(again.body.id).not.toBe(tenantComplaint.body.id);

    // A sibling's keys and another org's, test or live, see none of them.
    for (const outsider of [globexKeys.test, globexKeys.live, other.rootTest, other.rootKey]) {
      for (const id of [tenantComplaint.body.id, testOwn.body.id]) {
        notFound(await call('GET', `/api/v1/suppressions/${id}`, { key: outsider }));
        notFound(await call('DELETE', `/api/v1/suppressions/${id}`, { key: outsider }));
      }
    }
    for (const outsider of [other.rootTest, other.rootKey]) notFound(await call('DELETE', `/api/v1/suppressions/${orgComplaint.body.id}`, { key: outsider }));

    // The live ones are still there; live keys see both environments and may change both.
    expect(tenantComplaint.body).toMatchObject({ tenant_id: acme.id, environment: 'live', reason: 'complaint' });
    expect(orgComplaint.body).toMatchObject({ tenant_id: null, environment: 'live' });
    const liveList = await call('GET', '/api/v1/suppressions', { key: acmeKeys.live });
    expect(liveList.body.data.map((row: { id: string; environment: string }) => [row.id, row.environment])).toEqual([
      [again.body.id, 'test'],
      [testOwn.body.id, 'test'],
      [orgComplaint.body.id, 'live'],
      [tenantComplaint.body.id, 'live'],
    ]);
    expect((await call('DELETE', `/api/v1/suppressions/${testOwn.body.id}`, { key: acmeKeys.live })).status).toBe(200);
    expect((await call('DELETE', `/api/v1/suppressions/${tenantComplaint.body.id}`, { key: acmeKeys.live })).status).toBe(200);
  });
});

describe('webhook endpoints made by test keys', () => {
  it('a test key’s endpoint receives only test events: no live message, no tenant or org lifecycle event', async () => {
    const { rootKey, acme, globex, acmeKeys, globexKeys, rootTest, other } = await world();
    const everything = ['message.queued', 'message.sent', 'message.delivered', 'tenant.suspended', 'domain.verified'];
    const paths = {
      acmeTest: uniquePath('acme-test'),
      orgTest: uniquePath('org-test'),
      globexTest: uniquePath('globex-test'),
      otherTest: uniquePath('other-test'),
      acmeLive: uniquePath('acme-live'),
      orgLive: uniquePath('org-live'),
    };
    const endpoint = async (key: string, path: string) => {
      const created = await call('POST', '/api/v1/webhooks/endpoints', { key, body: { url: receiver.url(path), events: everything } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body as { id: string; secret: string; environment: string };
    };
    const acmeTest = await endpoint(acmeKeys.test, paths.acmeTest);
    const orgTest = await endpoint(rootTest, paths.orgTest);
    await endpoint(globexKeys.test, paths.globexTest);
    await endpoint(other.rootTest, paths.otherTest);
    const acmeLive = await endpoint(acmeKeys.live, paths.acmeLive);
    const orgLive = await endpoint(rootKey, paths.orgLive);

    const send = (key: string, to: string) =>
      call('POST', '/api/v1/emails', { key, body: { from: `a@${acme.domain}`, to, subject: 'Private', text: 'x' } });
    const live = await send(acmeKeys.live, 'real-customer@example.com');
    await settled(call, acmeKeys.live, live.body.id);
    const test = await send(acmeKeys.test, 'ci@example.com');
    await settled(call, acmeKeys.test, test.body.id, simulated);
    // Lifecycle events concern the real account: live endpoints only.
    expect((await call('PATCH', `/api/v1/tenants/${globex.id}`, { key: rootKey, body: { status: 'suspended' } })).status).toBe(200);

    const liveTypes = (await receiver.waitFor(paths.orgLive, 3)).map((webhook) => verified(webhook, orgLive.secret).type);
    await receiver.waitFor(paths.acmeLive, 2);
    await receiver.waitFor(paths.acmeTest, 3);
    await receiver.waitFor(paths.orgTest, 3);
    await sleep(500);

    const payloads = (path: string, secret: string) => receiver.at(path).map((webhook) => verified(webhook, secret));
    for (const [path, secret] of [[paths.acmeTest, acmeTest.secret], [paths.orgTest, orgTest.secret]] as const) {
      const received = payloads(path, secret);
      expect(received.map((payload) => payload.type).sort()).toEqual(['message.delivered', 'message.queued', 'message.sent']);
      for (const payload of received) expect(payload.data).toMatchObject({ message_id: test.body.id, environment: 'test' });
      expect(JSON.stringify(received)).not.toContain('real-customer@example.com');
    }
    expect(liveTypes.sort()).toEqual(['message.queued', 'message.sent', 'tenant.suspended']);
    for (const payload of payloads(paths.acmeLive, acmeLive.secret)) expect(payload.data).toMatchObject({ message_id: live.body.id, environment: 'live' });
    expect(receiver.at(paths.globexTest)).toEqual([]);
    expect(receiver.at(paths.otherTest)).toEqual([]);
    expect([acmeTest, orgTest, acmeLive, orgLive].map((created) => created.environment)).toEqual(['test', 'test', 'live', 'live']);
  });

  it('a live endpoint disabled by a 410 is announced to live endpoints only', async () => {
    const { rootKey, acme, acmeKeys, rootTest } = await world();
    const gonePath = uniquePath('gone');
    const liveWatch = uniquePath('live-watch');
    const testWatch = uniquePath('test-watch');
    receiver.reply(gonePath, () => ({ status: 410 }));
    const gone = await call('POST', '/api/v1/webhooks/endpoints', { key: acmeKeys.live, body: { url: receiver.url(gonePath), events: ['message.queued'] } });
    const watchers = ['webhook.endpoint_disabled'];
    const live = await call('POST', '/api/v1/webhooks/endpoints', { key: rootKey, body: { url: receiver.url(liveWatch), events: watchers } });
    await call('POST', '/api/v1/webhooks/endpoints', { key: rootTest, body: { url: receiver.url(testWatch), events: watchers } });
    const sent = await call('POST', '/api/v1/emails', { key: acmeKeys.live, body: { from: `a@${acme.domain}`, to: 'x@example.com', subject: 's', text: 't' } });
    expect(sent.status).toBe(202);
    const [notice] = await receiver.waitFor(liveWatch, 1);
    await sleep(500);
    expect(receiver.at(testWatch)).toEqual([]);
    expect(verified(notice!, live.body.secret)).toMatchObject({ type: 'webhook.endpoint_disabled', data: { endpoint_id: gone.body.id, environment: 'live' } });
  });

  it('a test key cannot see a live endpoint nor change it, its secret or its deliveries', async () => {
    const { rootKey, acme, acmeKeys, globexKeys, rootTest, other } = await world();
    const path = uniquePath('live-only');
    const live = await call('POST', '/api/v1/webhooks/endpoints', { key: acmeKeys.live, body: { url: receiver.url(path), events: ['message.queued'] } });
    const sent = await call('POST', '/api/v1/emails', { key: acmeKeys.live, body: { from: `a@${acme.domain}`, to: 'x@example.com', subject: 's', text: 't' } });
    await receiver.waitFor(path, 1);
    const deliveries = await call('GET', `/api/v1/webhooks/endpoints/${live.body.id}/deliveries`, { key: acmeKeys.live });
    const deliveryId = deliveries.body.data[0].id as string;
    expect(sent.status).toBe(202);

    for (const testKey of [acmeKeys.test, rootTest]) {
      expect((await call('GET', '/api/v1/webhooks/endpoints', { key: testKey })).body.data).toEqual([]);
      notFound(await call('GET', `/api/v1/webhooks/endpoints/${live.body.id}`, { key: testKey }));
      notFound(await call('GET', `/api/v1/webhooks/endpoints/${live.body.id}/deliveries`, { key: testKey }));
      const changes = [
        ['PATCH', `/api/v1/webhooks/endpoints/${live.body.id}`, { url: receiver.url('/stolen') }],
        ['DELETE', `/api/v1/webhooks/endpoints/${live.body.id}`, undefined],
        ['POST', `/api/v1/webhooks/endpoints/${live.body.id}/rotate-secret`, undefined],
        ['POST', `/api/v1/webhooks/endpoints/${live.body.id}/test`, undefined],
      ] as const;
      for (const [method, url, body] of changes) refusedAsLive(await call(method, url, { key: testKey, body }), 'webhook endpoints');
      refusedAsLive(await call('POST', `/api/v1/webhooks/deliveries/${deliveryId}/replay`, { key: testKey }), 'webhook deliveries');
    }
    for (const outsider of [globexKeys.test, globexKeys.live, other.rootTest, other.rootKey]) {
      notFound(await call('PATCH', `/api/v1/webhooks/endpoints/${live.body.id}`, { key: outsider, body: { enabled: false } }));
      notFound(await call('POST', `/api/v1/webhooks/deliveries/${deliveryId}/replay`, { key: outsider }));
    }
    const unchanged = await call('GET', `/api/v1/webhooks/endpoints/${live.body.id}`, { key: rootKey });
    expect(unchanged.body).toMatchObject({ url: receiver.url(path), enabled: true, environment: 'live' });
  });
});

describe('templates made by test keys', () => {
  const welcome = { name: 'Welcome', subject: 'Welcome aboard, {{first_name}}', text: 'Hello {{first_name}}', variables: [{ name: 'first_name' }] };

  it('a test key cannot PATCH a live template: the live scheduled email goes out as written', async () => {
    const { acme, acmeKeys, globexKeys, rootTest, other } = await world();
    const template = await call('POST', '/api/v1/templates', { key: acmeKeys.live, body: welcome });
    const scheduled = await call('POST', '/api/v1/emails', {
      key: acmeKeys.live,
      body: {
        from: `a@${acme.domain}`,
        to: 'customer@example.com',
        template_id: template.body.id,
        variables: { first_name: 'Ann' },
        scheduled_at: new Date(Date.now() + 2_000).toISOString(),
      },
    });
    expect(scheduled.body.status).toBe('scheduled');

    for (const testKey of [acmeKeys.test, rootTest]) {
      refusedAsLive(await call('PATCH', `/api/v1/templates/${template.body.id}`, { key: testKey, body: { subject: 'Your account is locked' } }), 'templates');
      refusedAsLive(await call('DELETE', `/api/v1/templates/${template.body.id}`, { key: testKey }), 'templates');
      notFound(await call('GET', `/api/v1/templates/${template.body.id}`, { key: testKey }));
      notFound(await call('POST', `/api/v1/templates/${template.body.id}/render`, { key: testKey, body: { variables: { first_name: 'x' } } }));
      expect((await call('GET', '/api/v1/templates', { key: testKey })).body.data).toEqual([]);
    }
    for (const outsider of [globexKeys.test, globexKeys.live, other.rootTest, other.rootKey]) {
      notFound(await call('PATCH', `/api/v1/templates/${template.body.id}`, { key: outsider, body: { subject: 'Your account is locked' } }));
    }

    const sent = await settled(call, acmeKeys.live, scheduled.body.id);
    expect(sent).toMatchObject({ status: 'sent', subject: 'Welcome aboard, Ann', template_id: template.body.id });
    expect((await outboxOf(scheduled.body.id))?.payload).toMatchObject({ subject: 'Welcome aboard, Ann', text: 'Hello Ann' });
    expect(template.body).toMatchObject({ tenant_id: acme.id, environment: 'live' });
  });

  it('sends use templates of their own environment: a live key naming a test template is a 422, a test key naming a live one a 404', async () => {
    const { acme, acmeKeys } = await world();
    const liveTemplate = await call('POST', '/api/v1/templates', { key: acmeKeys.live, body: welcome });
    const testTemplate = await call('POST', '/api/v1/templates', { key: acmeKeys.test, body: { ...welcome, subject: 'Test {{first_name}}' } });
    const send = (key: string, templateId: string) =>
      call('POST', '/api/v1/emails', {
        key,
        body: { from: `a@${acme.domain}`, to: 'customer@example.com', template_id: templateId, variables: { first_name: 'Ann' } },
      });

    const liveWithTest = await send(acmeKeys.live, testTemplate.body.id);
    expect(liveWithTest.status).toBe(422);
    expect(liveWithTest.body.error).toMatchObject({ type: 'invalid_request_error', code: 'VALIDATION_ERROR' });
    expect(liveWithTest.body.error.message).toContain(`template_id: ${testTemplate.body.id} is a test template`);
    notFound(await send(acmeKeys.test, liveTemplate.body.id));

    const testWithTest = await send(acmeKeys.test, testTemplate.body.id);
    expect((await settled(call, acmeKeys.test, testWithTest.body.id, simulated)).subject).toBe('Test Ann');
    expect(testTemplate.body).toMatchObject({ tenant_id: acme.id, environment: 'test' });
    // Live keys see both environments and may change a test template.
    const listed = await call('GET', '/api/v1/templates', { key: acmeKeys.live });
    expect(listed.body.data.map((row: { environment: string }) => row.environment)).toEqual(['test', 'live']);
    expect((await call('PATCH', `/api/v1/templates/${testTemplate.body.id}`, { key: acmeKeys.live, body: { name: 'CI welcome' } })).status).toBe(200);
  });
});

describe('audiences made by test keys', () => {
  it("a test key neither reads a live audience's contacts nor changes them", async () => {
    const { acmeKeys, globexKeys, rootTest, other } = await world();
    const audience = await call('POST', '/api/v1/audiences', { key: acmeKeys.live, body: { name: 'Customers' } });
    const contact = await call('POST', `/api/v1/audiences/${audience.body.id}/contacts`, { key: acmeKeys.live, body: { email: 'real@example.com' } });
    expect(contact.status).toBe(201);
    const testAudience = await call('POST', '/api/v1/audiences', { key: acmeKeys.test, body: { name: 'CI' } });

    for (const testKey of [acmeKeys.test, rootTest]) {
      expect((await call('GET', '/api/v1/audiences', { key: testKey })).body.data.map((row: { id: string }) => row.id)).toEqual([testAudience.body.id]);
      notFound(await call('GET', `/api/v1/audiences/${audience.body.id}`, { key: testKey }));
      notFound(await call('GET', `/api/v1/audiences/${audience.body.id}/contacts`, { key: testKey }));
      notFound(await call('GET', `/api/v1/audiences/${audience.body.id}/contacts/${contact.body.id}`, { key: testKey }));
      refusedAsLive(await call('PATCH', `/api/v1/audiences/${audience.body.id}/contacts/${contact.body.id}`, { key: testKey, body: { unsubscribed: true } }), 'audiences');
      refusedAsLive(await call('POST', `/api/v1/audiences/${audience.body.id}/contacts`, { key: testKey, body: { email: 'x@example.com' } }), 'audiences');
      refusedAsLive(await call('DELETE', `/api/v1/audiences/${audience.body.id}`, { key: testKey }), 'audiences');
    }
    for (const outsider of [globexKeys.test, globexKeys.live, other.rootTest, other.rootKey]) {
      notFound(await call('GET', `/api/v1/audiences/${audience.body.id}/contacts`, { key: outsider }));
      notFound(await call('DELETE', `/api/v1/audiences/${audience.body.id}`, { key: outsider }));
    }
    const contacts = await call('GET', `/api/v1/audiences/${audience.body.id}/contacts`, { key: acmeKeys.live });
    expect(contacts.body.data).toMatchObject([{ email: 'real@example.com', unsubscribed: false }]);
    expect([audience.body.environment, testAudience.body.environment]).toEqual(['live', 'test']);
  });
});
