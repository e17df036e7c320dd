import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { db, startApi, testContext } from './helpers.js';
import { obliterateQueues } from './ops-helpers.js';
import { useLocalSes } from './ses-local.js';
import { platform, runWorkers, settled } from './sending-helpers.js';

// Who an email says it is from, as SES receives it: this file runs the SES provider against a local SES v2
// endpoint, on its own queue prefix so no other file's workers take its jobs.
const ses = await useLocalSes();
const ctx = testContext({ ...ses.settings, QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_identity_${process.pid}` });

const { call } = startApi(ctx);
runWorkers(ctx, 'email');

afterAll(async () => {
  await ses.close();
  await obliterateQueues(ctx.config.QUEUE_PREFIX);
});

interface SesEmail {
  messageId: string;
  from: string;
  headers?: { name: string; value: string }[];
}

/** Sends through the API; returns the message as the API reads it back and the email as SES received it. */
async function sentToSes(key: string, body: Record<string, unknown>) {
  const sent = await call('POST', '/api/v1/emails', { key, body: { to: 'reader@example.com', subject: 'Hello', text: 'x', ...body } });
  expect(sent.status, JSON.stringify(sent.body)).toBe(202);
  const message = await settled(call, key, sent.body.id);
  expect(message.status, message.last_error).toBe('sent');
  const store = (await (await fetch(`${ses.url}/store`)).json()) as { emails: SesEmail[] };
  const email = store.emails.find((item) => item.messageId === message.provider_message_id);
  if (!email) throw new Error(`SES has no email ${message.provider_message_id}`);
  return { message, email };
}

const orgMessageCount = async (orgId: string) =>
  (await db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow()).n;

const encodedWord = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;

describe('from is one mailbox', () => {
  it('refuses a from that is more than one address or hides one in its display name, naming from', async () => {
    const { orgId, acme } = await platform(call);
    const own = `x@${acme.domain}`;
    const refused = [
      `evil@other.example, Y <${own}>`,
      `${own}, evil@other.example`,
      `Y <${own}>, evil@other.example`,
      `Y <${own}> <evil@other.example>`,
      `<${own}> evil@other.example`,
      `"Y" <${own}>, evil@other.example`,
      `Team: evil@other.example, ${own};`,
      `ceo@bank.example <${own}>`,
      `Y (evil@other.example) <${own}>`,
      `Y\r\nBcc: victim@example.com <${own}>`,
      `"Y\r\nBcc: victim@example.com" <${own}>`,
      `"Y\u0000" <${own}>`,
      `"unterminated <${own}>`,
    ];
    for (const from of refused) {
      const response = await call('POST', '/api/v1/emails', { key: acme.key, body: { from, to: 'reader@example.com', subject: 's', text: 't' } });
      expect(response.status, from).toBe(422);
      expect(response.body.error.code, from).toBe('VALIDATION_ERROR');
      expect(response.body.error.message, from).toMatch(/^from: /);
    }
    // reply_to takes bare addresses only, so it cannot carry a list in one string either.
    const replyToList = await call('POST', '/api/v1/emails', {
      key: acme.key,
      body: { from: own, reply_to: `evil@other.example, ${own}`, to: 'reader@example.com', subject: 's', text: 't' },
    });
    expect(replyToList.status).toBe(422);
    expect(replyToList.body.error.message).toMatch(/^reply_to: /);
    expect(await orgMessageCount(orgId)).toBe(0);
  });

  it("checks the key's domains on the one address, whatever the display name says", async () => {
    const { acme, globex } = await platform(call);
    const response = await call('POST', '/api/v1/emails', {
      key: acme.key,
      body: { from: `"x@${acme.domain}" <x@${globex.domain}>`, to: 'reader@example.com', subject: 's', text: 't' },
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('DOMAIN_NOT_ALLOWED_FOR_KEY');
  });

  it('hands SES a single From, its display name quoted or encoded per RFC 5322 and RFC 2047', async () => {
    const { acme } = await platform(call);
    const own = `x@${acme.domain}`;
    const cases: [string, string, string][] = [
      // [from as sent, from as read back from the API, From as SES receives it]
      [`Acme <${own}>`, `Acme <${own}>`, `Acme <${own}>`],
      [`"Acme" <${own}>`, `Acme <${own}>`, `Acme <${own}>`],
      [own, own, own],
      [`<${own}>`, own, own],
      [`"evil@other.example, Y" <${own}>`, `"evil@other.example, Y" <${own}>`, `"evil@other.example, Y" <${own}>`],
      [`"Say \\"hi\\" \\\\o/" <${own}>`, `"Say \\"hi\\" \\\\o/" <${own}>`, `"Say \\"hi\\" \\\\o/" <${own}>`],
      [`J. Smith <${own}>`, `"J. Smith" <${own}>`, `"J. Smith" <${own}>`],
      [`Zoë Müller <${own}>`, `Zoë Müller <${own}>`, `${encodedWord('Zoë Müller')} <${own}>`],
      [`"Zoë, \\"Z\\"" <${own}>`, `"Zoë, \\"Z\\"" <${own}>`, `${encodedWord('Zoë, "Z"')} <${own}>`],
    ];
    for (const [from, readBack, atSes] of cases) {
      const { message, email } = await sentToSes(acme.key, { from });
      expect(email.from, from).toBe(atSes);
      expect(message.from, from).toBe(readBack);
    }
  });

  it('splits a long non-ASCII display name into encoded-words of at most 75 characters', async () => {
    const { acme } = await platform(call);
    const name = 'Ünïcödé Ñame '.repeat(8).trim();
    const { email } = await sentToSes(acme.key, { from: `${name} <x@${acme.domain}>` });
    const phrase = email.from.slice(0, email.from.lastIndexOf(' <'));
    const words = phrase.split(' ');
    expect(words.length).toBeGreaterThan(1);
    for (const word of words) {
      expect(word.length).toBeLessThanOrEqual(75);
      expect(word).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    }
    const decoded = words.map((word) => Buffer.from(word.slice(10, -2), 'base64').toString('utf8')).join('');
    expect(decoded).toBe(name);
  });
});

describe('messages accepted before these rules', () => {
  it('still reach SES with one From and without reserved headers', async () => {
    const { acme } = await platform(call);
    const own = `x@${acme.domain}`;
    const sent = await call('POST', '/api/v1/emails', {
      key: acme.key,
      body: { from: own, to: 'reader@example.com', subject: 's', text: 't', scheduled_at: new Date(Date.now() + 1_500).toISOString() },
    });
    expect(sent.status).toBe(202);
    // As the earlier API stored them: the display name unquoted, and a Sender header passed through.
    await db
      .updateTable('messages')
      .set({
        sender: `evil@other.example, Y <${own}>`,
        content: sql`jsonb_set(content, '{headers}', ${JSON.stringify({ Sender: 'evil@other.example', 'X-Ref': '7' })}::jsonb)`,
      })
      .where('id', '=', sent.body.id)
      .execute();
    const message = await settled(call, acme.key, sent.body.id);
    const store = (await (await fetch(`${ses.url}/store`)).json()) as { emails: SesEmail[] };
    const email = store.emails.find((item) => item.messageId === message.provider_message_id);
    expect(email?.from).toBe(`"evil@other.example, Y" <${own}>`);
    expect(email?.headers).toEqual([{ name: 'X-Ref', value: '7' }]);
  });
});

describe('custom headers', () => {
  it('refuses headers that name a sender, route mail or are set by Sendoka or SES, naming each', async () => {
    const { orgId, acme } = await platform(call);
    const refused: Record<string, string>[] = [
      ...[
        'Sender',
        'sender',
        'Resent-From',
        'Resent-Sender',
        'Return-Path',
        'Errors-To',
        'DKIM-Signature',
        'Received',
        'Authentication-Results',
        'ARC-Seal',
        'X-SES-CONFIGURATION-SET',
        'x-ses-source-arn',
        'From',
        'Reply-To',
        'To',
        'Bcc',
        'Subject',
        'Message-ID',
        'Date',
        'MIME-Version',
        'Content-Type',
        'Content-Transfer-Encoding',
      ].map((name) => ({ [name]: 'x@other.example' })),
      { 'X-Ok': 'a\r\nBcc: victim@example.com' },
      { 'X-Ok': 'tab\there' },
      { 'X-Ok': 'café' },
      { 'X-Ok': '' },
      { 'X-Ok': 'x'.repeat(996) },
      { 'X Bad': 'x' },
      { 'X:Bad': 'x' },
    ];
    for (const headers of refused) {
      const [name] = Object.keys(headers);
      const response = await call('POST', '/api/v1/emails', {
        key: acme.key,
        body: { from: `x@${acme.domain}`, to: 'reader@example.com', subject: 's', text: 't', headers },
      });
      expect(response.status, name).toBe(422);
      expect(response.body.error.code, name).toBe('VALIDATION_ERROR');
      expect(response.body.error.message, name).toContain(`headers.${name}: `);
    }
    const twice = await call('POST', '/api/v1/emails', {
      key: acme.key,
      body: { from: `x@${acme.domain}`, to: 'reader@example.com', subject: 's', text: 't', headers: { 'X-Ref': '1', 'x-ref': '2' } },
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error.message).toContain('headers.x-ref: ');
    expect(await orgMessageCount(orgId)).toBe(0);
  });

  it('passes every other header to SES as given', async () => {
    const { acme } = await platform(call);
    const headers = {
      'List-Unsubscribe': `<mailto:unsubscribe@${acme.domain}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'In-Reply-To': '<order-42@acme.example>',
      'X-Customer-Ref': 'alice-123',
    };
    const { email } = await sentToSes(acme.key, { from: `x@${acme.domain}`, headers });
    // In any order: Postgres keeps the request's headers as jsonb, which orders keys its own way.
    expect(email.headers).toHaveLength(4);
    expect(email.headers).toEqual(expect.arrayContaining(Object.entries(headers).map(([name, value]) => ({ name, value }))));
  });
});
