import { describe, expect, it } from 'vitest';
import { ctx, db, startApi } from './helpers.js';
import { runWorkers, settled, smsTenants } from './sending-helpers.js';

const { call } = startApi();
runWorkers(ctx, 'sms');

const to = '+14155550100';

describe('SMS sender ids and origination numbers', () => {
  it('a tenant sends only as a sender registered for it or org-wide: not as a sibling, another org or an unregistered one', async () => {
    const org = await smsTenants(call);
    const other = await smsTenants(call);
    const send = (key: string, sender: Record<string, string>) => call('POST', '/api/v1/sms', { key, body: { to, body: 'hi', ...sender } });

    const unregistered = await send(org.acme.key, { sender_id: 'ACMEBANK' });
    expect(unregistered.status).toBe(403);
    expect(unregistered.body.error).toMatchObject({ type: 'permission_error', code: 'SMS_SENDER_NOT_REGISTERED' });
    expect(unregistered.body.error.message).toContain('ACMEBANK');
    expect((await send(org.acme.key, { origination_number: '+14155550199' })).body.error.code).toBe('SMS_SENDER_NOT_REGISTERED');

    const registered = await call('POST', '/api/v1/sms/senders', { key: org.rootKey, body: { tenant_id: org.acme.id, sender_id: 'ACMEBANK' } });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ id: expect.stringMatching(/^snd_/), tenant_id: org.acme.id, type: 'sender_id', value: 'ACMEBANK' });
    const number = await call('POST', '/api/v1/sms/senders', { key: org.rootKey, body: { tenant_id: org.acme.id, origination_number: '+14155550199' } });
    expect(number.status).toBe(201);
    const orgWide = await call('POST', '/api/v1/sms/senders', { key: org.rootKey, body: { sender_id: 'MYSAAS' } });
    expect(orgWide.body.tenant_id).toBeNull();

    expect((await send(org.acme.key, { sender_id: 'ACMEBANK' })).status).toBe(202);
    expect((await send(org.acme.key, { sender_id: 'AcmeBank' })).status).toBe(202);
    expect((await send(org.acme.key, { origination_number: '+14155550199' })).status).toBe(202);
    expect((await send(org.acme.key, { sender_id: 'MYSAAS' })).status).toBe(202);
    expect((await send(org.globex.key, { sender_id: 'MYSAAS' })).status).toBe(202);
    expect((await send(org.globex.key, { sender_id: 'ACMEBANK' })).body.error.code).toBe('SMS_SENDER_NOT_REGISTERED');
    expect((await send(org.globex.key, { origination_number: '+14155550199' })).body.error.code).toBe('SMS_SENDER_NOT_REGISTERED');
    expect((await send(other.acme.key, { sender_id: 'ACMEBANK' })).body.error.code).toBe('SMS_SENDER_NOT_REGISTERED');
    expect((await send(other.acme.key, { sender_id: 'MYSAAS' })).body.error.code).toBe('SMS_SENDER_NOT_REGISTERED');

    // A sender id names one tenant of an org; a number one tenant of the installation.
    const taken = await call('POST', '/api/v1/sms/senders', { key: org.rootKey, body: { tenant_id: org.globex.id, sender_id: 'acmebank' } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('SMS_SENDER_TAKEN');
    expect((await call('POST', '/api/v1/sms/senders', { key: other.rootKey, body: { sender_id: 'ACMEBANK' } })).status).toBe(201);
    const numberTaken = await call('POST', '/api/v1/sms/senders', { key: other.rootKey, body: { origination_number: '+14155550199' } });
    expect(numberTaken.body.error.code).toBe('SMS_SENDER_TAKEN');

    // Tenant keys read what they may use, never register, and never see a sibling's.
    const listed = await call('GET', '/api/v1/sms/senders', { key: org.acme.key });
    expect(listed.body.data.map((sender: { value: string }) => sender.value).sort()).toEqual(['+14155550199', 'ACMEBANK', 'MYSAAS']);
    const globexList = await call('GET', '/api/v1/sms/senders', { key: org.globex.key });
    expect(globexList.body.data.map((sender: { value: string }) => sender.value)).toEqual(['MYSAAS']);
    expect((await call('GET', `/api/v1/sms/senders/${registered.body.id}`, { key: org.globex.key })).status).toBe(404);
    expect((await call('GET', `/api/v1/sms/senders/${registered.body.id}`, { key: other.rootKey })).status).toBe(404);
    const byTenant = await call('POST', '/api/v1/sms/senders', { key: org.acme.key, body: { sender_id: 'ACMEPAY' } });
    expect(byTenant.status).toBe(403);
    expect(byTenant.body.error.code).toBe('MISSING_SCOPE');
    expect((await call('DELETE', `/api/v1/sms/senders/${registered.body.id}`, { key: other.rootKey })).status).toBe(404);
  });

  it('a scheduled SMS whose sender was unregistered meanwhile fails at send time, naming why', async () => {
    const org = await smsTenants(call);
    const registered = await call('POST', '/api/v1/sms/senders', { key: org.rootKey, body: { tenant_id: org.acme.id, sender_id: 'ACMEBANK' } });
    const scheduledAt = new Date(Date.now() + 1_500).toISOString();
    const sent = await call('POST', '/api/v1/sms', { key: org.acme.key, body: { to, body: 'later', sender_id: 'ACMEBANK', scheduled_at: scheduledAt } });
    expect(sent.status).toBe(202);
    expect((await call('DELETE', `/api/v1/sms/senders/${registered.body.id}`, { key: org.rootKey })).status).toBe(200);

    const message = await settled(call, org.acme.key, sent.body.id);
    expect(message.status).toBe('failed');
    expect(message.last_error).toContain('ACMEBANK');
    expect(message.events.map((event: { type: string }) => event.type)).toContain('failed');
    const outbox = await db.selectFrom('local_outbox').select('message_id').where('message_id', '=', sent.body.id).execute();
    expect(outbox).toEqual([]);
  });
});
