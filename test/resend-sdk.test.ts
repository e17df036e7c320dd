import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { Resend } from 'resend';
import { newId } from '../src/platform/ids.js';
import { startDnsServer } from './dns-server.js';
import { db, newOrg, startApi, testContext, uniqueSlug } from './helpers.js';
import { runWorkers, settled } from './sending-helpers.js';

// The official resend SDK, pointed at Sendoka with one option (its baseUrl), driving the running app.

const dns = await startDnsServer();
const ctx = testContext({ EMAIL_PROVIDER: 'local', DNS_SERVERS: dns.address });
const { call, baseUrl } = startApi(ctx);
runWorkers(ctx, 'email');
afterAll(() => dns.close());

const resendWith = (key: string) => new Resend(key, { baseUrl: `${baseUrl()}/api/v1` });

const tenantScopes = ['emails:send', 'messages:read', 'domains:read', 'domains:write', 'templates:write'];

/** An org with tenants Acme and Globex, each with a verified domain and a live key (and Acme a test key). */
async function platform() {
  const org = await newOrg();
  const tenant = async (name: string) => {
    const created = await call('POST', '/api/v1/tenants', { key: org.rootKey, body: { name, slug: uniqueSlug(name.toLowerCase()) } });
    const domain = `${uniqueSlug(name.toLowerCase())}.example`;
    // Verification through the SDK is the domains test's subject; here the domain is on record as verified.
    await db
      .insertInto('domains')
      .values({ id: newId('domain'), org_id: org.orgId, tenant_id: created.body.id, name: domain, status: 'verified', dkim_tokens: [], verification_token: 'x' })
      .execute();
    const mint = async (environment: 'live' | 'test') => {
      const key = await call('POST', '/api/v1/keys', { key: org.rootKey, body: { name, tenant_id: created.body.id, environment, scopes: tenantScopes } });
      expect(key.status, JSON.stringify(key.body)).toBe(201);
      return key.body.secret as string;
    };
    return { id: created.body.id as string, domain, key: await mint('live'), testKey: await mint('test') };
  };
  return { ...org, acme: await tenant('Acme'), globex: await tenant('Globex') };
}

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

describe('the resend SDK against Sendoka', () => {
  it('sends with a display-named recipient and an attachment, and reads the email back', async () => {
    const { acme, globex } = await platform();
    const resend = resendWith(acme.key);
    const sent = await resend.emails.send({
      from: `Acme <hello@${acme.domain}>`,
      to: 'Jane Doe <Jane@Example.com>',
      cc: ['"Doe, John" <john@example.com>'],
      subject: 'Your invoice',
      html: '<p>Attached.</p>',
      attachments: [{ filename: 'invoice.txt', content: Buffer.from('total: 42') }],
      tags: [{ name: 'kind', value: 'invoice' }],
    });
    expect(sent.error).toBeNull();
    expect(sent.data?.id).toMatch(/^msg_/);
    const id = sent.data!.id;

    await settled(call, acme.key, id);
    const read = await resend.emails.get(id);
    expect(read.error).toBeNull();
    expect(read.data).toMatchObject({ id, object: 'email', from: `Acme <hello@${acme.domain}>`, to: ['jane@example.com'], subject: 'Your invoice', status: 'sent' });

    // Recipients stay plain addresses; their display names reach the provider in the headers.
    const outbox = await db.selectFrom('local_outbox').select('payload').where('message_id', '=', id).executeTakeFirstOrThrow();
    expect(outbox.payload).toMatchObject({
      to: ['Jane Doe <jane@example.com>'],
      cc: ['"Doe, John" <john@example.com>'],
      attachments: [{ filename: 'invoice.txt', content: Buffer.from('total: 42').toString('base64') }],
    });

    // A sibling tenant's key sees no such email, with the error fields the SDK reads.
    const sibling = await resendWith(globex.key).emails.get(id);
    expect(sibling.data).toBeNull();
    expect(sibling.error).toMatchObject({ statusCode: 404, name: 'not_found', message: `message ${id} not found` });
  });

  it('sends a template with variables', async () => {
    const { acme } = await platform();
    const template = await call('POST', '/api/v1/templates', {
      key: acme.key,
      body: { name: 'Welcome', subject: 'Welcome, {{first_name}}', text: 'Hello {{first_name}}', variables: [{ name: 'first_name' }] },
    });
    expect(template.status).toBe(201);
    const sent = await resendWith(acme.key).emails.send({
      from: `hello@${acme.domain}`,
      to: 'jane@example.com',
      template: { id: template.body.id, variables: { first_name: 'Jane' } },
    });
    expect(sent.error).toBeNull();
    const message = await settled(call, acme.key, sent.data!.id);
    expect(message).toMatchObject({ status: 'sent', subject: 'Welcome, Jane', template_id: template.body.id });
  });

  it('answers errors the SDK can read: validation, a remote attachment, a bad key', async () => {
    const { acme } = await platform();
    const resend = resendWith(acme.key);
    const remote = await resend.emails.send({
      from: `hello@${acme.domain}`,
      to: 'jane@example.com',
      subject: 'x',
      text: 'x',
      attachments: [{ filename: 'a.pdf', path: 'https://example.com/a.pdf' }],
    });
    expect(remote.data).toBeNull();
    expect(remote.error).toMatchObject({ statusCode: 422, name: 'validation_error' });
    expect(remote.error?.message).toContain('attachments.0.path: remote attachments are not fetched');

    const foreign = await resend.emails.send({ from: 'someone@elsewhere.example', to: 'jane@example.com', subject: 'x', text: 'x' });
    expect(foreign.error).toMatchObject({ statusCode: 403, name: 'invalid_from_address' });

    const badKey = await resendWith('sok_live_not-a-key').emails.send({ from: `hello@${acme.domain}`, to: 'a@example.com', subject: 'x', text: 'x' });
    expect(badKey.error).toMatchObject({ statusCode: 401, name: 'invalid_api_key' });
  });

  it('sends batches: strict is all or nothing, permissive answers data and errors per index', async () => {
    const { orgId, acme, globex } = await platform();
    const resend = resendWith(acme.key);
    const good = (n: number) => ({ from: `hello@${acme.domain}`, to: `r${n}@example.com`, subject: `#${n}`, text: 'x' });
    const batch = [good(1), { ...good(2), to: 'not an address' }, good(3), { ...good(4), from: `hi@${globex.domain}` }];

    const strict = await resend.batch.send(batch);
    expect(strict.data).toBeNull();
    expect(strict.error).toMatchObject({ statusCode: 422, name: 'validation_error' });
    expect(strict.error?.message).toContain('[1] to');
    const written = await db.selectFrom('messages').select('id').where('org_id', '=', orgId).execute();
    expect(written).toEqual([]);

    const permissive = await resend.batch.send(batch, { batchValidation: 'permissive' });
    expect(permissive.error).toBeNull();
    expect(permissive.data?.data).toHaveLength(2);
    expect(permissive.data?.errors).toEqual([
      { index: 1, message: expect.stringContaining('to:'), code: 'VALIDATION_ERROR' },
      { index: 3, message: expect.stringContaining(globex.domain), code: 'DOMAIN_NOT_ALLOWED_FOR_KEY' },
    ]);
    const sentTo = await db.selectFrom('messages').select('recipients').where('org_id', '=', orgId).orderBy('recipients').execute();
    expect(sentTo.map((row) => row.recipients)).toEqual([['r1@example.com'], ['r3@example.com']]);
  });

  it('lists emails of its own tenant only, no SMS', async () => {
    const { acme, globex } = await platform();
    const mine = await resendWith(acme.key).emails.send({ from: `hello@${acme.domain}`, to: 'a@example.com', subject: 'mine', text: 'x' });
    await resendWith(globex.key).emails.send({ from: `hello@${globex.domain}`, to: 'a@example.com', subject: 'theirs', text: 'x' });
    const listed = await resendWith(acme.key).emails.list({ limit: 10 });
    expect(listed.error).toBeNull();
    expect(listed.data).toMatchObject({ has_more: false, data: [{ id: mine.data!.id, subject: 'mine' }] });
    expect(listed.data?.data).toHaveLength(1);

    // Sendoka pages forwards only: `before` is refused, not ignored.
    const backwards = await resendWith(acme.key).emails.list({ before: mine.data!.id });
    expect(backwards.error).toMatchObject({ statusCode: 422, name: 'validation_error' });
    expect(backwards.error?.message).toContain('before: not supported');
  });

  it("runs README's quickstart as written", async () => {
    const { acme } = await platform();
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const quickstart = /```js\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Moving from Resend')))?.[1];
    expect(quickstart).toBeDefined();
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', quickstart!], {
      // From the repository, so that `resend` resolves from its node_modules.
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { PATH: process.env.PATH, RESEND_BASE_URL: `${baseUrl()}/api/v1`, RESEND_API_KEY: acme.key, FROM: `hello@${acme.domain}` },
    });
    expect(stdout).toMatch(/\{ id: 'msg_[0-9a-z]{26}', status: 'queued' \}/);
  });

  it('reschedules and cancels a scheduled email; a sibling, another org and a test key get a 404', async () => {
    const { acme, globex } = await platform();
    const other = await newOrg();
    const resend = resendWith(acme.key);
    const sent = await resend.emails.send({ from: `hello@${acme.domain}`, to: 'a@example.com', subject: 'later', text: 'x', scheduledAt: inAnHour() });
    expect(sent.error).toBeNull();
    const id = sent.data!.id;

    const later = new Date(Date.now() + 7200_000).toISOString();
    const updated = await resend.emails.update({ id, scheduledAt: later });
    expect(updated.error).toBeNull();
    expect(updated.data).toMatchObject({ id, status: 'scheduled', scheduled_at: later });

    for (const key of [globex.key, other.rootKey, acme.testKey]) {
      for (const attempt of [resendWith(key).emails.cancel(id), resendWith(key).emails.update({ id, scheduledAt: later })]) {
        expect((await attempt).error).toMatchObject({ statusCode: 404, name: 'not_found' });
      }
    }

    const canceled = await resend.emails.cancel(id);
    expect(canceled.error).toBeNull();
    expect(canceled.data).toMatchObject({ id, status: 'canceled' });
    const again = await resend.emails.cancel(id);
    expect(again.error).toMatchObject({ statusCode: 409, name: 'validation_error' });
    expect(again.error?.message).toContain('canceled');
  });

  it('creates, reads, lists, verifies and removes a domain, with records in both shapes', async () => {
    const { acme, globex } = await platform();
    const resend = resendWith(acme.key);
    const name = `${uniqueSlug('mail')}.com`;
    const created = await resend.domains.create({ name });
    expect(created.error).toBeNull();
    const domain = created.data!;
    expect(domain).toMatchObject({ name, status: 'pending', tenant_id: acme.id });
    const records = (domain as unknown as { records: { record: string; name: string; type: 'CNAME' | 'TXT'; value: string; ttl: string; status: string }[] }).records;
    expect(records.map((record) => record.record)).toEqual(['DKIM', 'DKIM', 'DKIM', 'Verification', 'SPF', 'DMARC']);
    expect(records[0]).toMatchObject({ type: 'CNAME', ttl: 'Auto', status: 'pending' });
    expect(records.at(-1)).toMatchObject({ type: 'TXT', status: 'not_started' });
    expect(records.map(({ name: recordName, type, value }) => ({ name: recordName, type, value }))).toEqual(
      (domain as unknown as { dns_records: { name: string; type: string; value: string }[] }).dns_records.map(({ name: recordName, type, value }) => ({ name: recordName, type, value })),
    );

    expect((await resend.domains.get(domain.id)).data).toMatchObject({ id: domain.id, name });
    // Its own two (the new one and the fixture's), none of its sibling's.
    const listed = (await resend.domains.list()).data?.data ?? [];
    expect(listed.map((item) => item.id)).toContain(domain.id);
    expect(listed.map((item) => (item as unknown as { tenant_id: string }).tenant_id)).toEqual([acme.id, acme.id]);
    expect((await resendWith(globex.key).domains.get(domain.id)).error).toMatchObject({ statusCode: 404, name: 'not_found' });
    expect((await resendWith(globex.key).domains.remove(domain.id)).error).toMatchObject({ statusCode: 404 });

    for (const record of records.filter((item) => item.status !== 'not_started')) dns.publish(record.type, record.name, record.value);
    const verified = await resend.domains.verify(domain.id);
    expect(verified.error).toBeNull();
    expect(verified.data).toMatchObject({ id: domain.id, status: 'verified' });
    expect((await resend.domains.get(domain.id)).data).toMatchObject({ records: expect.arrayContaining([expect.objectContaining({ record: 'DKIM', status: 'verified' })]) });

    const removed = await resend.domains.remove(domain.id);
    expect(removed.data).toMatchObject({ id: domain.id, deleted: true });
    expect((await resend.domains.get(domain.id)).error).toMatchObject({ statusCode: 404 });
  });
});

describe('the endpoints the SDK uses, at their edges', () => {
  it('keeps Sendoka error bodies and adds the top-level fields beside them', async () => {
    const { acme } = await platform();
    const response = await call('GET', '/api/v1/emails/msg_00000000000000000000000000', { key: acme.key });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      error: { type: 'not_found_error', code: 'NOT_FOUND', message: 'message msg_00000000000000000000000000 not found' },
      statusCode: 404,
      name: 'not_found',
      message: 'message msg_00000000000000000000000000 not found',
    });
  });

  it('refuses an unknown x-batch-validation and template given twice', async () => {
    const { acme } = await platform();
    const body = [{ from: `hello@${acme.domain}`, to: 'a@example.com', subject: 'x', text: 'x' }];
    const unknownMode = await call('POST', '/api/v1/emails/batch', { key: acme.key, body, headers: { 'x-batch-validation': 'lenient' } });
    expect(unknownMode.status).toBe(422);
    expect(unknownMode.body.error.message).toBe('x-batch-validation: must be strict or permissive');

    const twice = await call('POST', '/api/v1/emails', {
      key: acme.key,
      body: { from: `hello@${acme.domain}`, to: 'a@example.com', template_id: 'tpl_x', template: { id: 'tpl_x' } },
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error.message).toContain('template: give template or template_id and variables, not both');
  });

  it('replays a permissive batch under its Idempotency-Key, and answers one wholly refused with errors only', async () => {
    const { orgId, acme } = await platform();
    const headers = { 'x-batch-validation': 'permissive', 'idempotency-key': uniqueSlug('batch') };
    const body = [{ from: `hello@${acme.domain}`, to: 'a@example.com', subject: 'x', text: 'x' }, { to: 'b@example.com' }];
    const first = await call('POST', '/api/v1/emails/batch', { key: acme.key, body, headers });
    expect(first.status).toBe(202);
    expect(first.body.errors).toEqual([{ index: 1, message: expect.stringContaining('from'), code: 'VALIDATION_ERROR' }]);
    const replay = await call('POST', '/api/v1/emails/batch', { key: acme.key, body, headers });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const count = await db.selectFrom('messages').select('id').where('org_id', '=', orgId).execute();
    expect(count).toHaveLength(1);

    const none = await call('POST', '/api/v1/emails/batch', {
      key: acme.key,
      body: [{ to: 'x@example.com' }],
      headers: { 'x-batch-validation': 'permissive', 'idempotency-key': uniqueSlug('none') },
    });
    expect(none.status).toBe(202);
    expect(none.body).toMatchObject({ data: [], errors: [{ index: 0 }] });
  });

  it('cancels a scheduled email once under concurrent requests, and not one the promoter took', async () => {
    const { acme } = await platform();
    const schedule = async () => {
      const sent = await call('POST', '/api/v1/emails', {
        key: acme.key,
        body: { from: `hello@${acme.domain}`, to: 'a@example.com', subject: 'x', text: 'x', scheduled_at: inAnHour() },
      });
      return sent.body.id as string;
    };
    const raced = await schedule();
    const answers = await Promise.all([1, 2, 3].map(() => call('POST', `/api/v1/emails/${raced}/cancel`, { key: acme.key })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
    const events = await db.selectFrom('message_events').select('type').where('message_id', '=', raced).execute();
    expect(events.map((event) => event.type).sort()).toEqual(['canceled', 'scheduled']);

    // As the promoter does when the time comes: the email is queued, no longer cancelable or reschedulable.
    const promoted = await schedule();
    await db.updateTable('messages').set({ status: 'queued' }).where('id', '=', promoted).execute();
    for (const [method, path, body] of [
      ['POST', `/api/v1/emails/${promoted}/cancel`, undefined],
      ['PATCH', `/api/v1/emails/${promoted}`, { scheduled_at: inAnHour() }],
    ] as const) {
      const refused = await call(method, path, { key: acme.key, body });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'MESSAGE_NOT_SCHEDULED' });
    }
    expect((await db.selectFrom('messages').select('status').where('id', '=', promoted).executeTakeFirstOrThrow()).status).toBe('queued');
  });

  it('reads emails with messages:read only, and an SMS id is no email', async () => {
    const { orgId, acme, rootKey } = await platform();
    const sendOnly = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'send only', tenant_id: acme.id, scopes: ['emails:send'] } });
    const refused = await call('GET', '/api/v1/emails', { key: sendOnly.body.secret });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ name: 'restricted_api_key', error: { code: 'MISSING_SCOPE' } });

    const smsId = newId('message');
    await db
      .insertInto('messages')
      .values({
        id: smsId,
        org_id: orgId,
        tenant_id: acme.id,
        key_id: null,
        channel: 'sms',
        environment: 'live',
        status: 'sent',
        sender: 'Acme',
        recipients: ['+15555550100'],
        subject: null,
        domain_id: null,
        content: JSON.stringify({ body: 'hi' }),
        tags: JSON.stringify([]),
        scheduled_at: null,
      })
      .execute();
    expect((await call('GET', `/api/v1/messages/${smsId}`, { key: acme.key })).status).toBe(200);
    expect((await call('GET', `/api/v1/emails/${smsId}`, { key: acme.key })).status).toBe(404);
    expect((await call('GET', '/api/v1/emails', { key: acme.key })).body.data).toEqual([]);
  });
});
