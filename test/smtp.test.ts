import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServers, type SmtpServers } from '../src/smtp/server.js';
import { db, startApi, testContext } from './helpers.js';
import { platform } from './sending-helpers.js';

const smtpCtx = testContext({ SMTP_PORT: '0' });
const { call } = startApi(smtpCtx);
/** As behind a TLS-terminating proxy: AUTH in clear text allowed, and an implicit-TLS port as well. */
const plainCtx = testContext({ SMTP_PORT: '0', SMTPS_PORT: '0', SMTP_ALLOW_INSECURE_AUTH: 'true' });
let servers: SmtpServers;
let plainServers: SmtpServers;
beforeAll(async () => {
  servers = await startSmtpServers(smtpCtx);
  plainServers = await startSmtpServers(plainCtx);
});
afterAll(() => Promise.all([servers.close(), plainServers.close()]));

/** A bare SMTP client for what nodemailer will not do: hang up in the middle of DATA. */
async function rawSession(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  let buffered = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (buffered += chunk));
  /** Waits for a final reply line (`250 …`, not `250-…`) and returns it. */
  const reply = async () => {
    for (;;) {
      const line = buffered.split('\r\n').find((candidate) => /^\d{3} /.test(candidate));
      if (line) {
        buffered = buffered.slice(buffered.indexOf(line) + line.length + 2);
        return line;
      }
      await once(socket, 'data');
    }
  };
  const command = async (text: string) => {
    socket.write(`${text}\r\n`);
    return reply();
  };
  await reply();
  return { socket, command };
}

const transport = (password: string, options: { ignoreTLS?: boolean } = {}) =>
  nodemailer.createTransport({
    host: '127.0.0.1',
    port: servers.ports.smtp,
    secure: false,
    ...(options.ignoreTLS ? { ignoreTLS: true } : { requireTLS: true }),
    // The server's certificate is the self-signed one it generated at start.
    tls: { rejectUnauthorized: false },
    auth: { user: 'sendoka', pass: password },
  });

/** The message id the 250 reply names. */
const idIn = (response: string) => /queued as (msg_\S+)/.exec(response)?.[1];

const orgMessages = (orgId: string) => db.selectFrom('messages').selectAll().where('org_id', '=', orgId).execute();

/** What the SMTP client was told when the server refused. */
async function refusal(send: Promise<unknown>) {
  const error = (await send.then(
    () => undefined,
    (caught: unknown) => caught,
  )) as { responseCode?: number; response?: string } | undefined;
  expect(error, 'the server should have refused').toBeDefined();
  return { code: error?.responseCode, response: error?.response ?? '' };
}

describe('SMTP submission', () => {
  it('accepts a plain-text message as POST /emails would, visible via the API with its Bcc honoured', async () => {
    const { acme } = await platform(call);
    const info = await transport(acme.key).sendMail({
      from: `Acme <hello@${acme.domain}>`,
      to: 'Ann <ann@example.com>',
      cc: 'cat@example.com',
      bcc: 'hidden@example.com',
      subject: 'Hello over SMTP',
      text: 'Plain hello\n',
      headers: { 'X-Sendoka-Tags': 'campaign=welcome, source=smtp', 'X-Custom': 'kept' },
    });
    const id = idIn(info.response);
    expect(info.response).toMatch(/^250 2\.0\.0 queued as msg_/);

    const read = await call('GET', `/api/v1/emails/${id}`, { key: acme.key });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, tenant_id: acme.id, from: `Acme <hello@${acme.domain}>`, to: ['ann@example.com'], subject: 'Hello over SMTP' });
    const row = await db.selectFrom('messages').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
    expect(row.tags).toEqual([
      { name: 'campaign', value: 'welcome' },
      { name: 'source', value: 'smtp' },
    ]);
    expect(row.content).toMatchObject({
      cc: ['cat@example.com'],
      bcc: ['hidden@example.com'],
      text: 'Plain hello\n',
      headers: { 'X-Custom': 'kept' },
      display_names: { 'ann@example.com': 'Ann' },
    });
  });

  it('keeps html, attachments and inline cid: images', async () => {
    const { acme } = await platform(call);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const info = await transport(acme.key).sendMail({
      from: `news@${acme.domain}`,
      to: 'ann@example.com',
      subject: 'With pictures',
      html: '<p>Logo: <img src="cid:logo@acme"></p>',
      attachments: [
        { filename: 'report.pdf', content: Buffer.from('%PDF-1.4 report'), contentType: 'application/pdf' },
        { filename: 'logo.png', content: png, contentType: 'image/png', cid: 'logo@acme' },
      ],
    });
    const row = await db.selectFrom('messages').selectAll().where('id', '=', idIn(info.response)!).executeTakeFirstOrThrow();
    const content = row.content as { html: string; attachments: Record<string, string>[] };
    expect(content.html).toContain('cid:logo@acme');
    expect(content.attachments).toHaveLength(2);
    expect(content.attachments).toEqual(expect.arrayContaining([
      { filename: 'report.pdf', content: Buffer.from('%PDF-1.4 report').toString('base64'), content_type: 'application/pdf' },
      { filename: 'logo.png', content: png.toString('base64'), content_type: 'image/png', content_id: 'logo@acme' },
    ]));
  });

  it('refuses a wrong key with 535 5.7.8, and a key without emails:send naming the scope', async () => {
    const { orgId, rootKey, acme } = await platform(call);
    const wrong = await refusal(transport('sk_live_not_a_key').verify());
    expect(wrong.code).toBe(535);
    expect(wrong.response).toMatch(/^535 5\.7\.8 INVALID_API_KEY/);

    const readOnly = await call('POST', '/api/v1/keys', {
      key: rootKey,
      body: { name: 'reader', tenant_id: acme.id, environment: 'live', scopes: ['messages:read'] },
    });
    expect(readOnly.status, JSON.stringify(readOnly.body)).toBe(201);
    const scoped = await refusal(transport(readOnly.body.secret).verify());
    expect(scoped.response).toMatch(/^535 5\.7\.8 MISSING_SCOPE/);
    expect(await orgMessages(orgId)).toEqual([]);
  });

  it("refuses a from-domain outside the key, a sibling tenant's included, with 550 5.7.1", async () => {
    const { orgId, acme, globex } = await platform(call);
    for (const from of ['someone@not-acme.example', `hi@${globex.domain}`]) {
      const refused = await refusal(transport(acme.key).sendMail({ from, to: 'a@example.com', subject: 'x', text: 'x' }));
      expect(refused.code).toBe(550);
      expect(refused.response).toMatch(/^550 5\.7\.1 DOMAIN_NOT_ALLOWED_FOR_KEY/);
    }
    expect(await orgMessages(orgId)).toEqual([]);
  });

  it('refuses a message over 10 MB with 552 and writes nothing', async () => {
    const { orgId, acme } = await platform(call);
    const refused = await refusal(
      transport(acme.key).sendMail({ from: `a@${acme.domain}`, to: 'b@example.com', subject: 'big', text: 'x'.repeat(11 * 1024 * 1024) }),
    );
    expect(refused.code).toBe(552);
    expect(await orgMessages(orgId)).toEqual([]);
  });

  it('refuses recipients beyond 50 with 452 4.5.3, so the client sends them in another message', async () => {
    const { orgId, acme } = await platform(call);
    const to = Array.from({ length: 51 }, (_, index) => `r${index}@example.com`);
    const info = await transport(acme.key).sendMail({ from: `a@${acme.domain}`, to, subject: 'many', text: 'x' });
    expect(info.rejected).toEqual(['r50@example.com']);
    expect(info.rejectedErrors?.[0]).toMatchObject({ responseCode: 452, response: expect.stringMatching(/^452 4\.5\.3/) });
    const [message] = await orgMessages(orgId);
    expect(message?.recipients).toEqual(to.slice(0, 50));
  });

  it('refuses AUTH before STARTTLS', async () => {
    const { acme } = await platform(call);
    const refused = await refusal(transport(acme.key, { ignoreTLS: true }).verify());
    expect(refused.code).toBe(538);
  });

  it('accepts the same Message-ID from the same key once and answers the retry with the first id', async () => {
    const { orgId, acme } = await platform(call);
    const mail = { from: `a@${acme.domain}`, to: 'b@example.com', subject: 'once', text: 'x', messageId: `<retry-${orgId}@client.example>` };
    const first = await transport(acme.key).sendMail(mail);
    const second = await transport(acme.key).sendMail(mail);
    expect(idIn(second.response)).toBe(idIn(first.response));
    expect(await orgMessages(orgId)).toHaveLength(1);
  });

  it('leaves nothing behind when the client hangs up in the middle of DATA', async () => {
    const { orgId, acme } = await platform(call);
    const session = await rawSession(plainServers.ports.smtp);
    await session.command('EHLO client.example');
    expect(await session.command(`AUTH PLAIN ${Buffer.from(`\0sendoka\0${acme.key}`).toString('base64')}`)).toMatch(/^235/);
    await session.command(`MAIL FROM:<a@${acme.domain}>`);
    await session.command('RCPT TO:<b@example.com>');
    expect(await session.command('DATA')).toMatch(/^354/);
    session.socket.write(`From: a@${acme.domain}\r\nTo: b@example.com\r\nSubject: cut off\r\n\r\nhalf a mess`);
    session.socket.destroy();

    // A whole message on the implicit-TLS port afterwards: accepted, and the only row.
    const secure = nodemailer.createTransport({
      host: '127.0.0.1',
      port: plainServers.ports.smtps,
      secure: true,
      tls: { rejectUnauthorized: false },
      auth: { user: 'sendoka', pass: acme.key },
    });
    const info = await secure.sendMail({ from: `a@${acme.domain}`, to: 'b@example.com', subject: 'whole', text: 'all of it' });
    expect((await orgMessages(orgId)).map((message) => [message.id, message.subject])).toEqual([[idIn(info.response), 'whole']]);
  });
});
