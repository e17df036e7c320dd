import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { eraseExpiredContent } from '../src/messages/content-retention.js';
import { claimGrants } from '../src/messages/send/handover.js';
import { maintenanceProcessor } from '../workers/maintenance.js';
import { ctx, db, startApi } from './helpers.js';
import { platform, runWorkers, settled, smsTenants } from './sending-helpers.js';

const { call } = startApi();
runWorkers(ctx, 'email', 'sms');

const retentionMs = ctx.config.MESSAGE_CONTENT_RETENTION_DAYS * 86_400_000;
const retentionCutoff = () => new Date(Date.now() - retentionMs);

/** Makes a message's last status change a day older than the retention. */
const backdate = (messageIds: string[]) =>
  db
    .updateTable('messages')
    .set({ updated_at: new Date(Date.now() - retentionMs - 86_400_000) })
    .where('id', 'in', messageIds)
    .execute();

const storedRow = (messageId: string) =>
  db.selectFrom('messages').select(['content', 'content_erased_at']).where('id', '=', messageId).executeTakeFirstOrThrow();

const readMessage = async (key: string, messageId: string) => {
  const response = await call('GET', `/api/v1/messages/${messageId}`, { key });
  expect(response.status).toBe(200);
  return response.body;
};

describe('message content retention', () => {
  it("erases old finished emails' bodies, attachments, headers and template variables; keeps envelope and timeline", async () => {
    const { rootKey, acme } = await platform(call);
    const template = await call('POST', '/api/v1/templates', {
      key: rootKey,
      body: { name: 'Welcome', tenant_id: acme.id, subject: 'Hi {{first_name}}', html: '<p>Hello {{first_name}}</p>', variables: [{ name: 'first_name' }] },
    });
    expect(template.status).toBe(201);
    const email = {
      from: `Acme <hello@${acme.domain}>`,
      to: ['alice@example.com'],
      cc: ['bob@example.com'],
      bcc: ['audit@example.com'],
      reply_to: ['support@example.com'],
      subject: 'Your invoice',
      html: '<p>Dear Alice, your balance is 42</p>',
      text: 'Dear Alice, your balance is 42',
      headers: { 'X-Customer-Ref': 'alice-123' },
      attachments: [{ filename: 'invoice.pdf', content: Buffer.from('%PDF alice').toString('base64') }],
      tags: [{ name: 'kind', value: 'invoice' }],
    };
    const send = async (body: Record<string, unknown>) => {
      const sent = await call('POST', '/api/v1/emails', { key: acme.key, body });
      expect(sent.status, JSON.stringify(sent.body)).toBe(202);
      return sent.body.id as string;
    };
    const old = await send(email);
    const oldTemplated = await send({ from: email.from, to: email.to, template_id: template.body.id, variables: { first_name: 'Alice' } });
    const recent = await send(email);
    const scheduled = await send({ ...email, scheduled_at: new Date(Date.now() + 86_400_000).toISOString() });
    for (const id of [old, oldTemplated, recent]) await settled(call, acme.key, id);
    await backdate([old, oldTemplated, scheduled]);
    const before = new Map<string, any>();
    for (const id of [old, oldTemplated, recent, scheduled]) before.set(id, await readMessage(acme.key, id));
    expect([...before.values()].map((message) => [message.status, message.content_erased])).toEqual([
      ['sent', false],
      ['sent', false],
      ['sent', false],
      ['scheduled', false],
    ]);

    expect(await eraseExpiredContent(db, retentionCutoff())).toBeGreaterThanOrEqual(2);

    const erased = await readMessage(acme.key, old);
    expect(erased).toEqual({ ...before.get(old), content_erased: true });
    expect(erased).toMatchObject({ to: email.to, cc: email.cc, bcc: email.bcc, reply_to: email.reply_to, subject: 'Your invoice', tags: email.tags });
    for (const field of ['html', 'text', 'headers', 'attachments', 'variables']) expect(erased).not.toHaveProperty(field);
    expect(erased.events.map((event: { type: string }) => event.type)).toEqual(['queued', 'sent']);
    const erasedRow = await storedRow(old);
    expect(erasedRow.content).toEqual({ cc: email.cc, bcc: email.bcc, reply_to: email.reply_to });
    expect(erasedRow.content_erased_at).toBeInstanceOf(Date);

    const erasedTemplated = await readMessage(acme.key, oldTemplated);
    expect(erasedTemplated).toMatchObject({ content_erased: true, template_id: template.body.id, subject: 'Hi Alice' });
    expect((await storedRow(oldTemplated)).content).toEqual({ cc: [], bcc: [], reply_to: [], template: { id: template.body.id } });

    // Neither a recent finished message nor an old one still to be sent is touched.
    for (const id of [recent, scheduled]) {
      expect(await readMessage(acme.key, id)).toEqual(before.get(id));
      expect(await storedRow(id)).toMatchObject({ content: { html: email.html, attachments: email.attachments }, content_erased_at: null });
    }
    const listed = await call('GET', '/api/v1/messages?limit=100', { key: acme.key });
    const erasedInList = listed.body.data.filter((message: { content_erased: boolean }) => message.content_erased).map((message: { id: string }) => message.id);
    expect(erasedInList.sort()).toEqual([old, oldTemplated].sort());

    // A second pass changes nothing, and a stray grant for the erased message's sender claims nothing to send.
    await eraseExpiredContent(db, retentionCutoff());
    expect(await storedRow(old)).toEqual(erasedRow);
    expect(await claimGrants(ctx, 'stray-claimant', 'email', 'live', [{ tenantId: acme.id, lane: 'single', count: 10 }])).toEqual([]);
    const outbox = await db.selectFrom('local_outbox').select('deliveries').where('message_id', '=', old).executeTakeFirstOrThrow();
    expect(outbox.deliveries).toBe(1);
    expect(await readMessage(acme.key, old)).toEqual(erased);
  });

  it('erases the body of an old finished SMS through the maintenance job; a recent one keeps it', async () => {
    const { rootKey, acme } = await smsTenants(call);
    await call('POST', '/api/v1/sms/senders', { key: rootKey, body: { tenant_id: acme.id, sender_id: 'Acme' } });
    const send = async () => {
      const sent = await call('POST', '/api/v1/sms', { key: acme.key, body: { to: '+14155550100', body: 'Your code is 123456', sender_id: 'Acme' } });
      expect(sent.status).toBe(202);
      return (await settled(call, acme.key, sent.body.id)).id as string;
    };
    const [oldId, recentId] = [await send(), await send()];
    await backdate([oldId]);
    const old = await readMessage(acme.key, oldId);

    const result = (await maintenanceProcessor.process(ctx, { name: 'erase-message-content', data: {} } as Job)) as { erased: number };
    expect(result.erased).toBeGreaterThanOrEqual(1);

    const erased = await readMessage(acme.key, oldId);
    expect(erased).toEqual({ ...old, body: null, content_erased: true });
    expect(erased).toMatchObject({ status: 'sent', from: 'Acme', to: ['+14155550100'], segments: 1 });
    expect((await storedRow(oldId)).content).toEqual({ segments: 1, encoding: 'GSM-7', type: 'transactional', sender_id: 'Acme' });
    expect(await readMessage(acme.key, recentId)).toMatchObject({ body: 'Your code is 123456', content_erased: false });
  });
});
