import { describe, expect, it } from 'vitest';
import { tenantsProcessor } from '../workers/tenants.js';
import { ctx, db, startApi } from './helpers.js';
import { platform, runWorkers, smsTenants } from './sending-helpers.js';
import { isEmpty, rowCounts } from './tenant-lifecycle-helpers.js';
import { eventually } from './webhook-receiver.js';

const { call } = startApi();
runWorkers(ctx, 'email', tenantsProcessor);

const orgMessageCount = async (orgId: string) =>
  (await db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow()).n;

/** The same object with its keys in reverse order, at every depth (arrays keep their order). */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reversedKeys(inner)]));
  }
  return value;
}

const sendWithKey = (key: string, body: unknown, idempotencyKey: string, path = '/api/v1/emails') =>
  call('POST', path, { key, body, headers: { 'idempotency-key': idempotencyKey } });

describe('Idempotency-Key compares meaning, not bytes', () => {
  it('replays the same body written with its keys in another order, for emails, batches and SMS', async () => {
    const { orgId, acme } = await platform(call);
    const email = {
      from: `Acme <a@${acme.domain}>`,
      to: ['b@example.com'],
      subject: 'order',
      text: 'x',
      headers: { 'X-First': '1', 'X-Second': '2' },
      tags: [{ name: 'kind', value: 'receipt' }],
    };
    expect(JSON.stringify(reversedKeys(email))).not.toBe(JSON.stringify(email));

    const first = await sendWithKey(acme.key, email, 'reordered-1');
    expect(first.status).toBe(202);
    const again = await sendWithKey(acme.key, reversedKeys(email), 'reordered-1');
    expect(again.status, JSON.stringify(again.body)).toBe(202);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const batch = [email, { ...email, subject: 'second' }];
    const batchFirst = await sendWithKey(acme.key, batch, 'reordered-2', '/api/v1/emails/batch');
    const batchAgain = await sendWithKey(acme.key, reversedKeys(batch), 'reordered-2', '/api/v1/emails/batch');
    expect(batchAgain.status).toBe(202);
    expect(batchAgain.body).toEqual(batchFirst.body);
    expect(await orgMessageCount(orgId)).toBe(3);

    // Array order is meaning: the same batch in another order is another request.
    const batchReordered = await sendWithKey(acme.key, [...batch].reverse(), 'reordered-2', '/api/v1/emails/batch');
    expect(batchReordered.status).toBe(409);
    expect(batchReordered.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const sms = await smsTenants(call);
    const text = { to: '+14155550100', body: 'Your code is 1234', tags: [{ name: 'kind', value: 'otp' }] };
    const smsFirst = await sendWithKey(sms.acme.key, text, 'reordered-3', '/api/v1/sms');
    const smsAgain = await sendWithKey(sms.acme.key, reversedKeys(text), 'reordered-3', '/api/v1/sms');
    expect(smsAgain.status).toBe(202);
    expect(smsAgain.body).toEqual(smsFirst.body);
  });

  it('lets one of concurrent duplicates through however each writes the body', async () => {
    const { orgId, acme } = await platform(call);
    const body = { from: `a@${acme.domain}`, to: 'b@example.com', subject: 'race', text: 'x', headers: { 'X-A': '1', 'X-B': '2' } };
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) => sendWithKey(acme.key, index % 2 === 0 ? body : reversedKeys(body), 'race-reordered')),
    );
    for (const response of responses) {
      if (response.status === 202) continue;
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('IDEMPOTENCY_REQUEST_IN_PROGRESS');
    }
    const ids = new Set(responses.filter((response) => response.status === 202).map((response) => response.body.id));
    expect(ids.size).toBe(1);
    expect(await orgMessageCount(orgId)).toBe(1);
  });
});

describe('Idempotency-Key belongs to one API key', () => {
  it('never replays to a sibling tenant, the root key, a test key or another org', async () => {
    const { rootKey, acme, globex } = await platform(call);
    const otherOrg = await platform(call);
    const acmeTestKey = await call('POST', '/api/v1/keys', {
      key: rootKey,
      body: { name: 'Acme CI', tenant_id: acme.id, environment: 'test', scopes: ['emails:send'], allowed_domain_ids: [acme.domainId] },
    });
    expect(acmeTestKey.status).toBe(201);

    const email = (domain: string) => ({ from: `a@${domain}`, to: 'b@example.com', subject: 'shared key', text: 'x' });
    const original = await sendWithKey(acme.key, email(acme.domain), 'shared-key');
    expect(original.status).toBe(202);

    const others: [string, string, string][] = [
      ['sibling tenant', globex.key, globex.domain],
      ['root key', rootKey, acme.domain],
      ['test key', acmeTestKey.body.secret, acme.domain],
      ['other org', otherOrg.rootKey, otherOrg.acme.domain],
    ];
    // The same body (root and test key) must not replay another key's message, another body (sibling, other org)
    // must not be refused as a reuse: either would tell one key about another's requests.
    for (const [who, key, domain] of others) {
      const response = await sendWithKey(key, email(domain), 'shared-key');
      expect(response.status, who).toBe(202);
      expect(response.headers.get('idempotent-replayed'), who).toBeNull();
      expect(response.body.id, who).not.toBe(original.body.id);
    }
    const replay = await sendWithKey(acme.key, email(acme.domain), 'shared-key');
    expect(replay.body).toEqual(original.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('Idempotency-Key replays answer as the messages stand now', () => {
  it("answers 404 for a root key's email whose tenant was deleted, from the DELETE on; other tenants' replays stay", async () => {
    const { rootKey, acme, globex } = await platform(call);
    const acmeEmail = { from: `a@${acme.domain}`, to: 'b@example.com', subject: 'before deletion', text: 'x' };
    const globexEmail = { ...acmeEmail, from: `a@${globex.domain}` };
    const sent = await sendWithKey(rootKey, acmeEmail, 'root-1');
    expect(sent.status).toBe(202);
    const batch = await sendWithKey(rootKey, [globexEmail, acmeEmail], 'root-batch', '/api/v1/emails/batch');
    expect(batch.status).toBe(202);
    const globexSent = await sendWithKey(rootKey, globexEmail, 'root-2');
    expect(globexSent.status).toBe(202);

    const deleting = await call('DELETE', `/api/v1/tenants/${acme.id}`, { key: rootKey });
    expect(deleting.status).toBe(202);

    const expectGone = async () => {
      const replay = await sendWithKey(rootKey, acmeEmail, 'root-1');
      expect(replay.status, JSON.stringify(replay.body)).toBe(404);
      expect(replay.body.error).toMatchObject({ type: 'not_found_error', code: 'NOT_FOUND' });
      expect(replay.body.error.message).toContain(sent.body.id);
      const batchReplay = await sendWithKey(rootKey, [globexEmail, acmeEmail], 'root-batch', '/api/v1/emails/batch');
      expect(batchReplay.status).toBe(404);
      expect(batchReplay.body.error.message).toContain(batch.body.data[1].id);
      expect(batchReplay.body.error.message).not.toContain(batch.body.data[0].id);
    };
    // While the deletion runs, its messages still exist in Postgres but answer 404 everywhere.
    await expectGone();
    await eventually(async () => isEmpty(await rowCounts(acme.id)) && (await db.selectFrom('tenants').select('id').where('id', '=', acme.id).executeTakeFirst()) === undefined);
    await expectGone();

    const globexReplay = await sendWithKey(rootKey, globexEmail, 'root-2');
    expect(globexReplay.status).toBe(202);
    expect(globexReplay.body).toEqual(globexSent.body);
    expect(globexReplay.headers.get('idempotent-replayed')).toBe('true');
  });
});
