import { describe, expect, it } from 'vitest';
import { ctx, db, startApi } from './helpers.js';
import { runWorkers, settled, smsTenants } from './sending-helpers.js';

const { call } = startApi();
runWorkers(ctx, 'sms');

const period = () => new Date().toISOString().slice(0, 7);

describe('POST /api/v1/sms', () => {
  it('sends an SMS, reports segments and lists it as an sms message', async () => {
    const { rootKey, acme, globex } = await smsTenants(call);
    await call('POST', '/api/v1/sms/senders', { key: rootKey, body: { tenant_id: acme.id, sender_id: 'Acme' } });
    const sent = await call('POST', '/api/v1/sms', { key: acme.key, body: { to: '+14155550100', body: 'Your code is 123456', sender_id: 'Acme' } });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ id: expect.stringMatching(/^msg_/), status: 'queued', to: '+14155550100', segments: 1, encoding: 'GSM-7' });
    const message = await settled(call, acme.key, sent.body.id);
    expect(message).toMatchObject({ channel: 'sms', status: 'sent', to: ['+14155550100'], body: 'Your code is 123456', segments: 1 });
    const listed = await call('GET', '/api/v1/messages?channel=sms', { key: acme.key });
    expect(listed.body.data.map((m: { id: string }) => m.id)).toEqual([sent.body.id]);
    const outbox = await db.selectFrom('local_outbox').selectAll().where('message_id', '=', sent.body.id).executeTakeFirstOrThrow();
    expect(outbox).toMatchObject({ channel: 'sms', deliveries: 1 });
    expect((await call('GET', `/api/v1/messages/${sent.body.id}`, { key: globex.key })).status).toBe(404);
    const usage = await call('GET', `/api/v1/tenants/${acme.id}/usage?period=${period()}`, { key: acme.key });
    expect(usage.body).toMatchObject({ sms_live: 1, sms_test: 0, email_live: 0 });
  });

  it('normalises national numbers with default_country and counts UCS-2 segments', async () => {
    const { acme } = await smsTenants(call);
    const national = await call('POST', '/api/v1/sms', { key: acme.key, body: { to: '020 7946 0958', default_country: 'gb', body: 'héllo 😀'.repeat(10) } });
    expect(national.status).toBe(202);
    expect(national.body).toMatchObject({ to: '+442079460958', encoding: 'UCS-2', segments: 2 });
  });

  it('rejects bad numbers, over-long bodies and bad sender ids with a 4xx naming the field', async () => {
    const { orgId, acme } = await smsTenants(call);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ to: '020 7946 0958', body: 'x' }, 'to', 'INVALID_PHONE_NUMBER'],
      [{ to: '+1415555', body: 'x' }, 'to', 'INVALID_PHONE_NUMBER'],
      [{ to: '+14155550100', body: 'x'.repeat(1_601) }, 'body', 'VALIDATION_ERROR'],
      [{ to: '+14155550100', body: 'x', sender_id: 'Way-Too-Long-Id' }, 'sender_id', 'VALIDATION_ERROR'],
      [{ to: '+14155550100', body: 'x', sender_id: '12345' }, 'sender_id', 'VALIDATION_ERROR'],
      [{ to: '+14155550100', body: 'x', origination_number: '555' }, 'origination_number', 'VALIDATION_ERROR'],
      [{ to: '+14155550100', body: 'x', type: 'marketing' }, 'type', 'VALIDATION_ERROR'],
    ];
    for (const [body, field, code] of cases) {
      const response = await call('POST', '/api/v1/sms', { key: acme.key, body });
      expect(response.status, field).toBe(422);
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.message).toContain(field);
    }
    const rows = await db.selectFrom('messages').select('id').where('org_id', '=', orgId).execute();
    expect(rows).toEqual([]);
  });

  it('test keys never reach the provider and count as sms_test', async () => {
    const { acme } = await smsTenants(call, 'test');
    const sent = await call('POST', '/api/v1/sms', { key: acme.key, body: { to: '+14155550100', body: 'test' } });
    expect((await settled(call, acme.key, sent.body.id)).status).toBe('sent');
    expect(await db.selectFrom('local_outbox').select('message_id').where('message_id', '=', sent.body.id).execute()).toEqual([]);
    const usage = await call('GET', `/api/v1/tenants/${acme.id}/usage?period=${period()}`, { key: acme.key });
    expect(usage.body).toMatchObject({ sms_live: 0, sms_test: 1 });
  });

  it("suppresses numbers on the tenant's list, not on a sibling's", async () => {
    const { acme, globex } = await smsTenants(call);
    await call('POST', '/api/v1/suppressions', { key: acme.key, body: { address: '+14155550199' } });
    const blocked = await call('POST', '/api/v1/sms', { key: acme.key, body: { to: '+14155550199', body: 'hi' } });
    expect((await settled(call, acme.key, blocked.body.id)).status).toBe('suppressed');
    const sibling = await call('POST', '/api/v1/sms', { key: globex.key, body: { to: '+14155550199', body: 'hi' } });
    expect((await settled(call, globex.key, sibling.body.id)).status).toBe('sent');
  });

  it('honours Idempotency-Key', async () => {
    const { orgId, acme } = await smsTenants(call);
    const body = { to: '+14155550100', body: 'once' };
    const first = await call('POST', '/api/v1/sms', { key: acme.key, body, headers: { 'idempotency-key': 'sms-1' } });
    const second = await call('POST', '/api/v1/sms', { key: acme.key, body, headers: { 'idempotency-key': 'sms-1' } });
    expect(second.body).toEqual(first.body);
    const rows = await db.selectFrom('messages').select('id').where('org_id', '=', orgId).execute();
    expect(rows).toHaveLength(1);
  });
});
