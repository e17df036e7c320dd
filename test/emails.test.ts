import { describe, expect, it } from 'vitest';
import { reconcileMessages } from '../src/messages/reconciler.js';
import { claimantKey, markHandedOver } from '../src/messages/send/handover.js';
import { dropSender } from '../src/messages/send/schedulers.js';
import { maintenanceProcessor } from '../workers/maintenance.js';
import { ctx, db, startApi, testContext } from './helpers.js';
import { platform, runWorkers, settled } from './sending-helpers.js';

const { call } = startApi();
runWorkers(ctx, 'email', maintenanceProcessor);

const orgMessageCount = async (orgId: string) =>
  (await db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow()).n;

describe('POST /api/v1/emails (walkthrough step 5)', () => {
  it("sends Acme's welcome email end to end and shows its timeline", async () => {
    const { acme } = await platform(call);
    const sent = await call('POST', '/api/v1/emails', {
      key: acme.key,
      body: { from: `Acme <welcome@${acme.domain}>`, to: ['new-customer@example.com'], subject: 'Welcome to Acme', html: '<p>Hello <b>there</b></p>' },
    });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ id: expect.stringMatching(/^msg_/), status: 'queued' });

    const message = await settled(call, acme.key, sent.body.id);
    expect(message).toMatchObject({
      status: 'sent',
      channel: 'email',
      tenant_id: acme.id,
      from: `Acme <welcome@${acme.domain}>`,
      to: ['new-customer@example.com'],
      subject: 'Welcome to Acme',
    });
    expect(message.events.map((event: { type: string }) => event.type)).toEqual(['queued', 'sent']);
    const outbox = await db.selectFrom('local_outbox').selectAll().where('message_id', '=', sent.body.id).executeTakeFirstOrThrow();
    expect(outbox.deliveries).toBe(1);
    // A plain-text part is derived from the HTML.
    expect(outbox.payload).toMatchObject({ subject: 'Welcome to Acme', text: 'Hello there' });
  });

  it('refuses a from-domain outside the key, including a sibling tenant\'s domain', async () => {
    const { acme, globex } = await platform(call);
    for (const from of ['foo@not-acme.com', `hi@${globex.domain}`]) {
      const refused = await call('POST', '/api/v1/emails', {
        key: acme.key,
        body: { from, to: 'a@example.com', subject: 'x', text: 'x' },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ type: 'authentication_error', code: 'DOMAIN_NOT_ALLOWED_FOR_KEY' });
    }
  });

  it('rejects bad input with a 422 naming the field and writes nothing', async () => {
    const { orgId, acme } = await platform(call);
    const valid = { from: `a@${acme.domain}`, to: 'b@example.com', subject: 'Hi', text: 'Hello' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, subject: 42 }, 'subject'],
      [{ ...valid, to: Array.from({ length: 51 }, (_, index) => `r${index}@example.com`) }, 'to'],
      [{ ...valid, to: ['not-an-address'] }, 'to.0'],
      [{ ...valid, from: 'nobody' }, 'from'],
      [{ ...valid, attachments: [{ filename: 'a.pdf', content: 'not base64!' }] }, 'attachments.0.content'],
      [{ ...valid, scheduled_at: '2020-01-01T00:00:00Z' }, 'scheduled_at'],
      [{ ...valid, text: undefined }, 'html'],
      [{ ...valid, tags: [{ name: 'bad tag', value: 'x' }] }, 'tags.0.name'],
      [{ ...valid, headers: { Subject: 'override' } }, 'headers.Subject'],
      [{ ...valid, surprise: true }, 'surprise'],
    ];
    for (const [body, field] of cases) {
      const response = await call('POST', '/api/v1/emails', { key: acme.key, body });
      expect(response.status, field).toBe(422);
      expect(response.body.error.message).toContain(field);
    }
    expect(await orgMessageCount(orgId)).toBe(0);
  });

  it('sends batches and answers ids in order; a bad item rejects the whole batch', async () => {
    const { orgId, acme } = await platform(call);
    const body = [1, 2, 3].map((n) => ({ from: `a@${acme.domain}`, to: `r${n}@example.com`, subject: `#${n}`, text: 'x' }));
    const sent = await call('POST', '/api/v1/emails/batch', { key: acme.key, body });
    expect(sent.status).toBe(202);
    expect(sent.body.data).toHaveLength(3);
    for (const [index, accepted] of sent.body.data.entries()) {
      const message = await settled(call, acme.key, accepted.id);
      expect(message.subject).toBe(`#${index + 1}`);
    }
    const bad = await call('POST', '/api/v1/emails/batch', { key: acme.key, body: [...body, { ...body[0], from: 'x@elsewhere.com' }] });
    expect(bad.status).toBe(403);
    expect(bad.body.error.message).toMatch(/^\[3\]/);
    expect(await orgMessageCount(orgId)).toBe(3);
  });
});

describe('suppressions on the send path', () => {
  it("applies the tenant's and org-wide suppressions, never a sibling's", async () => {
    const { rootKey, acme, globex } = await platform(call);
    await call('POST', '/api/v1/suppressions', { key: rootKey, body: { address: 'org-wide@example.com' } });
    await call('POST', '/api/v1/suppressions', { key: globex.key, body: { address: 'globex-only@example.com' } });
    await call('POST', '/api/v1/suppressions', { key: acme.key, body: { address: 'acme-only@example.com' } });

    const send = (key: string, domain: string, to: string[]) =>
      call('POST', '/api/v1/emails', { key, body: { from: `a@${domain}`, to, subject: 's', text: 't' } });

    const allSuppressed = await send(acme.key, acme.domain, ['org-wide@example.com', 'acme-only@example.com']);
    expect((await settled(call, acme.key, allSuppressed.body.id)).status).toBe('suppressed');

    const partly = await settled(call, acme.key, (await send(acme.key, acme.domain, ['globex-only@example.com', 'org-wide@example.com'])).body.id);
    expect(partly.status).toBe('sent');
    expect(partly.events.filter((event: { type: string }) => event.type === 'suppressed').map((event: { recipient: string }) => event.recipient)).toEqual([
      'org-wide@example.com',
    ]);
    const outbox = await db.selectFrom('local_outbox').select('payload').where('message_id', '=', partly.id).executeTakeFirstOrThrow();
    expect(outbox.payload.to).toEqual(['globex-only@example.com']);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response for the same body and refuses a different body', async () => {
    const { orgId, acme } = await platform(call);
    const body = { from: `a@${acme.domain}`, to: 'b@example.com', subject: 'once', text: 'x' };
    const headers = { 'idempotency-key': 'order-42' };
    const first = await call('POST', '/api/v1/emails', { key: acme.key, body, headers });
    const again = await call('POST', '/api/v1/emails', { key: acme.key, body, headers });
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const different = await call('POST', '/api/v1/emails', { key: acme.key, body: { ...body, subject: 'twice' }, headers });
    expect(different.status).toBe(409);
    expect(different.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await orgMessageCount(orgId)).toBe(1);
  });

  it('lets exactly one of concurrent duplicates through', async () => {
    const { orgId, acme } = await platform(call);
    const body = { from: `a@${acme.domain}`, to: 'b@example.com', subject: 'race', text: 'x' };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => call('POST', '/api/v1/emails', { key: acme.key, body, headers: { 'idempotency-key': 'race-1' } })),
    );
    const accepted = responses.filter((response) => response.status === 202);
    expect(new Set(accepted.map((response) => response.body.id)).size).toBe(1);
    for (const response of responses.filter((r) => r.status !== 202)) {
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('IDEMPOTENCY_REQUEST_IN_PROGRESS');
    }
    expect(await orgMessageCount(orgId)).toBe(1);
  });
});

describe('usage', () => {
  it('counts every accepted message exactly once under concurrent sends', async () => {
    const { acme, globex } = await platform(call);
    const sends = Array.from({ length: 60 }, (_, index) =>
      call('POST', '/api/v1/emails', {
        key: index % 3 === 0 ? globex.key : acme.key,
        body: { from: `a@${index % 3 === 0 ? globex.domain : acme.domain}`, to: 'b@example.com', subject: 's', text: 't' },
      }),
    );
    expect((await Promise.all(sends)).every((response) => response.status === 202)).toBe(true);
    const period = new Date().toISOString().slice(0, 7);
    const usage = await call('GET', `/api/v1/tenants/${acme.id}/usage?period=${period}`, { key: acme.key });
    expect(usage.body).toMatchObject({ tenant_id: acme.id, period, email_live: 40, email_test: 0, sms_live: 0, sms_test: 0 });
    expect((await call('GET', `/api/v1/tenants/${globex.id}/usage?period=${period}`, { key: acme.key })).status).toBe(404);
  });
});

describe('test mode', () => {
  it('never reaches the provider, simulates outcomes and counts as email_test', async () => {
    const { acme } = await platform(call, { environment: 'test' });
    const send = (to: string) =>
      call('POST', '/api/v1/emails', { key: acme.key, body: { from: `a@${acme.domain}`, to, subject: 's', text: 't' } });
    const delivered = await settled(call, acme.key, (await send('someone@example.com')).body.id, (m) => m.status === 'delivered');
    expect(delivered.status).toBe('delivered');
    expect(delivered.environment).toBe('test');
    const bounced = await settled(call, acme.key, (await send('bounced@simulator.sendoka.com')).body.id, (m) => m.status === 'bounced');
    expect(bounced.events.map((event: { type: string }) => event.type)).toEqual(['queued', 'sent', 'bounced']);
    const complained = await settled(call, acme.key, (await send('complained@simulator.sendoka.com')).body.id, (m) => m.status === 'complained');
    expect(complained.status).toBe('complained');
    const delayed = await settled(call, acme.key, (await send('delayed@simulator.sendoka.com')).body.id, (m) => m.status === 'delivery_delayed');
    expect(delayed.status).toBe('delivery_delayed');

    const outbox = await db.selectFrom('local_outbox').select('message_id').where('message_id', '=', delivered.id).execute();
    expect(outbox).toEqual([]);
    const period = new Date().toISOString().slice(0, 7);
    const usage = await call('GET', `/api/v1/tenants/${acme.id}/usage?period=${period}`, { key: acme.key });
    expect(usage.body).toMatchObject({ email_live: 0, email_test: 4 });
    // A simulated hard bounce suppresses the address for the tenant.
    const suppressions = await call('GET', '/api/v1/suppressions?address=bounced@simulator.sendoka.com', { key: acme.key });
    expect(suppressions.body.data).toHaveLength(1);
  });

  it("keeps test keys out of the tenant's live messages; live keys see both", async () => {
    const { rootKey, acme } = await platform(call);
    const testKey = await call('POST', '/api/v1/keys', {
      key: rootKey,
      body: { name: 'ci', tenant_id: acme.id, environment: 'test', scopes: ['emails:send', 'messages:read'], allowed_domain_ids: [acme.domainId] },
    });
    const send = (key: string) => call('POST', '/api/v1/emails', { key, body: { from: `a@${acme.domain}`, to: 'b@example.com', subject: 's', text: 't' } });
    const live = (await send(acme.key)).body.id;
    const test = (await send(testKey.body.secret)).body.id;

    expect((await call('GET', `/api/v1/messages/${live}`, { key: testKey.body.secret })).status).toBe(404);
    expect((await call('GET', '/api/v1/messages', { key: testKey.body.secret })).body.data.map((m: { id: string }) => m.id)).toEqual([test]);
    expect((await call('GET', '/api/v1/messages', { key: acme.key })).body.data.map((m: { id: string }) => m.id)).toEqual([test, live]);
  });
});

describe('scheduling', () => {
  it('schedules, reschedules and cancels', async () => {
    const { acme } = await platform(call);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const body = { from: `a@${acme.domain}`, to: 'b@example.com', subject: 'later', text: 'x', scheduled_at: at };
    const scheduled = await call('POST', '/api/v1/emails', { key: acme.key, body });
    expect(scheduled.body.status).toBe('scheduled');

    const soon = new Date(Date.now() + 1_500).toISOString();
    const moved = await call('PATCH', `/api/v1/emails/${scheduled.body.id}`, { key: acme.key, body: { scheduled_at: soon } });
    expect(moved.status).toBe(200);
    expect(moved.body.scheduled_at).toBe(soon);
    expect((await settled(call, acme.key, scheduled.body.id)).status).toBe('sent');

    const other = await call('POST', '/api/v1/emails', { key: acme.key, body });
    const canceled = await call('POST', `/api/v1/emails/${other.body.id}/cancel`, { key: acme.key });
    expect(canceled.body.status).toBe('canceled');
    const again = await call('POST', `/api/v1/emails/${other.body.id}/cancel`, { key: acme.key });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('MESSAGE_NOT_SCHEDULED');
  });
});

describe('messages API isolation', () => {
  it("a sibling tenant's key gets 404 for Acme's message and never lists it", async () => {
    const { rootKey, acme, globex } = await platform(call);
    const sent = await call('POST', '/api/v1/emails', {
      key: acme.key,
      body: { from: `a@${acme.domain}`, to: 'b@example.com', subject: 'private', text: 'x', tags: [{ name: 'kind', value: 'welcome' }] },
    });
    expect((await call('GET', `/api/v1/messages/${sent.body.id}`, { key: globex.key })).status).toBe(404);
    expect((await call('POST', `/api/v1/emails/${sent.body.id}/cancel`, { key: globex.key })).status).toBe(404);
    expect((await call('GET', '/api/v1/messages', { key: globex.key })).body.data).toEqual([]);
    const acmeList = await call('GET', '/api/v1/messages?tag=kind:welcome&to=b@example.com', { key: acme.key });
    expect(acmeList.body.data.map((m: { id: string }) => m.id)).toEqual([sent.body.id]);
    const rootList = await call('GET', `/api/v1/messages?tenant_id=${globex.id}`, { key: rootKey });
    expect(rootList.body.data).toEqual([]);
  });
});

describe('reconciler', () => {
  // The API of a context whose send scheduler no dispatcher serves: what it accepts is committed and marked
  // ready there only, so for this file's dispatcher its ready count is lost, as if Redis had lost it.
  const held = testContext({ QUEUE_PREFIX: `${ctx.config.QUEUE_PREFIX}_held_${process.pid}` });
  const heldApi = startApi(held);

  it('restores the ready count of an accepted message that Redis lost, and it is sent', async () => {
    const { acme } = await platform(call);
    const sent = await heldApi.call('POST', '/api/v1/emails', { key: acme.key, body: { from: `a@${acme.domain}`, to: 'b@example.com', subject: 'lost', text: 'x' } });
    expect(sent.status).toBe(202);
    const id: string = sent.body.id;
    try {
      expect((await call('GET', `/api/v1/messages/${id}`, { key: acme.key })).body.status).toBe('queued');
      expect(await reconcileMessages(ctx)).toBeGreaterThanOrEqual(1);
      expect((await settled(call, acme.key, id)).status).toBe('sent');
    } finally {
      await dropSender(held, acme.id);
    }
  });

  it('re-sends what a killed worker stamped as handed over but the provider never received, and only that', async () => {
    const { acme } = await platform(call);
    const ids: string[] = [];
    try {
      for (const subject of ['received', 'lost in the crash']) {
        const sent = await heldApi.call('POST', '/api/v1/emails', { key: acme.key, body: { from: `a@${acme.domain}`, to: 'b@example.com', subject, text: 'x' } });
        expect(sent.status).toBe(202);
        ids.push(sent.body.id);
      }
      // A worker claimed both, stamped the hand-over, and died after the provider took only the first.
      const longAgo = new Date(Date.now() - 10 * 60_000);
      await db
        .updateTable('messages')
        .set({ status: 'sending', claimed_at: longAgo, handed_over_at: longAgo, created_at: longAgo } as never)
        .where('id', 'in', ids)
        .execute();
      await db.insertInto('local_outbox').values({ message_id: ids[0] as string, channel: 'email', payload: '{}' }).execute();
      await reconcileMessages(ctx);
    } finally {
      await dropSender(held, acme.id);
    }
    for (const id of ids) expect((await settled(call, acme.key, id)).status).toBe('sent');
    const outbox = await db.selectFrom('local_outbox').select(['message_id', 'deliveries']).where('message_id', 'in', ids).orderBy('message_id').execute();
    expect(outbox).toEqual(ids.map((id) => ({ message_id: id, deliveries: 1 })).sort((a, b) => a.message_id.localeCompare(b.message_id)));
  });
  it("takes a dead send process's fresh claims over at once, leaves a live one's alone, and the taken-over process can no longer hand them over", async () => {
    const { acme } = await platform(call);
    const ids: string[] = [];
    try {
      for (const subject of ['claimed by a dead process', 'handed over by a dead process', 'claimed by a live process']) {
        const sent = await heldApi.call('POST', '/api/v1/emails', { key: acme.key, body: { from: `a@${acme.domain}`, to: 'b@example.com', subject, text: 'x' } });
        expect(sent.status).toBe(202);
        ids.push(sent.body.id);
      }
      const [claimedByDead, handedOverByDead, claimedByLive] = ids as [string, string, string];
      // Claims made a moment ago: only the heartbeat tells the dead process from the live one.
      const now = new Date();
      await db.updateTable('messages').set({ status: 'sending', claimed_at: now, claimed_by: 'dead-process' }).where('id', '=', claimedByDead).execute();
      await db
        .updateTable('messages')
        .set({ status: 'sending', claimed_at: now, claimed_by: 'dead-process', handed_over_at: now })
        .where('id', '=', handedOverByDead)
        .execute();
      await db.insertInto('local_outbox').values({ message_id: handedOverByDead, channel: 'email', payload: '{}' }).execute();
      await db.updateTable('messages').set({ status: 'sending', claimed_at: now, claimed_by: 'live-process' }).where('id', '=', claimedByLive).execute();
      await ctx.jobs.producerConnection().set(claimantKey(ctx, 'live-process'), '1', 'PX', 60_000);
      const liveClaim = await db.selectFrom('messages').selectAll().where('id', '=', claimedByLive).executeTakeFirstOrThrow();

      await reconcileMessages(ctx);
      expect((await settled(call, acme.key, claimedByDead)).status).toBe('sent');
      expect((await settled(call, acme.key, handedOverByDead)).status).toBe('sent');
      expect((await call('GET', `/api/v1/messages/${claimedByLive}`, { key: acme.key })).body.status).toBe('sending');

      // Once its heartbeat stops, the live process's claim is taken over too; the process, late, hands over nothing.
      await ctx.jobs.producerConnection().del(claimantKey(ctx, 'live-process'));
      await reconcileMessages(ctx);
      expect((await settled(call, acme.key, claimedByLive)).status).toBe('sent');
      expect(await markHandedOver(ctx, [liveClaim])).toEqual(new Set());
    } finally {
      await dropSender(held, acme.id);
    }
    const outbox = await db.selectFrom('local_outbox').select('deliveries').where('message_id', 'in', ids).execute();
    expect(outbox.map((row) => row.deliveries)).toEqual([1, 1, 1]);
  });
});

describe('sending with a template', () => {
  const welcome = {
    name: 'Welcome',
    subject: 'Welcome to {{company}}, {{first_name}}',
    html: '<p>Hello {{first_name}}</p>',
    variables: [{ name: 'first_name' }, { name: 'company', default: 'Acme' }],
  };

  it('renders template_id with variables into subject, html and derived text when sent', async () => {
    const { rootKey, acme } = await platform(call);
    const template = await call('POST', '/api/v1/templates', { key: rootKey, body: { ...welcome, tenant_id: acme.id } });
    const sent = await call('POST', '/api/v1/emails', {
      key: acme.key,
      body: { from: `a@${acme.domain}`, to: 'b@example.com', template_id: template.body.id, variables: { first_name: 'Ann & <Bo>' } },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    const message = await settled(call, acme.key, sent.body.id);
    expect(message).toMatchObject({ status: 'sent', subject: 'Welcome to Acme, Ann & <Bo>', template_id: template.body.id });
    const outbox = await db.selectFrom('local_outbox').select('payload').where('message_id', '=', sent.body.id).executeTakeFirstOrThrow();
    expect(outbox.payload).toMatchObject({
      subject: 'Welcome to Acme, Ann & <Bo>',
      html: '<p>Hello Ann &amp; &lt;Bo&gt;</p>',
      text: 'Hello Ann & <Bo>',
    });
  });

  it("refuses a sibling's template, a missing variable and content beside a template, writing nothing", async () => {
    const { orgId, rootKey, acme, globex } = await platform(call);
    const template = await call('POST', '/api/v1/templates', { key: rootKey, body: { ...welcome, tenant_id: acme.id } });
    const send = (key: string, domain: string, body: object) =>
      call('POST', '/api/v1/emails', { key, body: { from: `a@${domain}`, to: 'b@example.com', template_id: template.body.id, ...body } });

    const sibling = await send(globex.key, globex.domain, { variables: { first_name: 'x' } });
    expect(sibling.status).toBe(404);
    expect(sibling.body.error.code).toBe('NOT_FOUND');
    const missing = await send(acme.key, acme.domain, { variables: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.error).toMatchObject({ code: 'MISSING_TEMPLATE_VARIABLE', message: expect.stringContaining('first_name') });
    const withSubject = await send(acme.key, acme.domain, { subject: 'mine', variables: { first_name: 'x' } });
    expect(withSubject.status).toBe(422);
    expect(withSubject.body.error.message).toContain('subject');
    const batch = await call('POST', '/api/v1/emails/batch', {
      key: acme.key,
      body: [
        { from: `a@${acme.domain}`, to: 'b@example.com', subject: 'plain', text: 'x' },
        { from: `a@${acme.domain}`, to: 'b@example.com', template_id: template.body.id },
      ],
    });
    expect(batch.status).toBe(422);
    expect(batch.body.error.message).toMatch(/^\[1\] /);
    expect(await orgMessageCount(orgId)).toBe(0);
  });

  it('fails the message, naming the template, when the template is gone by the time it is sent', async () => {
    const { rootKey, acme } = await platform(call);
    const template = await call('POST', '/api/v1/templates', { key: rootKey, body: { ...welcome, tenant_id: acme.id } });
    const sent = await call('POST', '/api/v1/emails', {
      key: acme.key,
      body: {
        from: `a@${acme.domain}`,
        to: 'b@example.com',
        template_id: template.body.id,
        variables: { first_name: 'Ann' },
        scheduled_at: new Date(Date.now() + 1_500).toISOString(),
      },
    });
    expect(sent.body.status).toBe('scheduled');
    expect((await call('DELETE', `/api/v1/templates/${template.body.id}`, { key: rootKey })).status).toBe(200);
    const message = await settled(call, acme.key, sent.body.id);
    expect(message).toMatchObject({ status: 'failed', last_error: expect.stringContaining(template.body.id) });
    expect(message.events.map((event: { type: string }) => event.type)).toEqual(['scheduled', 'failed']);
  });
});
