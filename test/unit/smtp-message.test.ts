import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { sendInputFor } from '../../src/smtp/message.js';
import { smtpReplyFor } from '../../src/smtp/replies.js';
import { ApiError } from '../../src/platform/errors.js';

const raw = [
  'From: "Acme, Inc." <hello@acme.example>',
  'To: Ann <ann@example.com>, stranger@example.com',
  'Cc: cat@example.com',
  'Bcc: hidden@example.com',
  'Reply-To: support@acme.example',
  'Subject: Hi',
  'Message-ID: <1@client.example>',
  'X-Mailer: SomeClient 1.0',
  'X-Sendoka-Tags: campaign=spring, source = smtp',
  'List-Unsubscribe: <https://acme.example/u/1>',
  'X-Folded: one',
  ' two',
  'Content-Type: text/plain',
  '',
  'Body',
].join('\r\n');

describe('an SMTP message as the input of POST /emails', () => {
  it('takes recipients from the envelope: To and Cc as named, the rest Bcc; custom headers kept, client noise dropped', async () => {
    const input = sendInputFor(await simpleParser(raw), {
      mailFrom: 'bounce@acme.example',
      rcptTo: ['ANN@example.com', 'cat@example.com', 'hidden@example.com'],
    });
    expect(input).toEqual({
      from: '"Acme, Inc." <hello@acme.example>',
      to: ['"Ann" <ann@example.com>'],
      cc: ['cat@example.com'],
      bcc: ['hidden@example.com'],
      reply_to: ['support@acme.example'],
      subject: 'Hi',
      text: 'Body',
      headers: { 'List-Unsubscribe': '<https://acme.example/u/1>', 'X-Folded': 'one two' },
      tags: [
        { name: 'campaign', value: 'spring' },
        { name: 'source', value: 'smtp' },
      ],
    });
  });

  it('names the Sendoka code in every refusal and keeps what a client may retry temporary', () => {
    const reply = (status: number, code: string) => smtpReplyFor(new ApiError(status, 'invalid_request_error', code, 'why'));
    expect(reply(403, 'DOMAIN_NOT_ALLOWED_FOR_KEY')).toEqual({ code: 550, text: '5.7.1 DOMAIN_NOT_ALLOWED_FOR_KEY: why' });
    expect(reply(429, 'QUOTA_EXCEEDED')).toEqual({ code: 552, text: '5.2.2 QUOTA_EXCEEDED: why' });
    expect(reply(429, 'RATE_LIMITED').code).toBe(451);
    expect(reply(503, 'SERVICE_UNAVAILABLE').code).toBe(451);
    expect(reply(422, 'MESSAGE_TOO_LARGE')).toEqual({ code: 552, text: '5.3.4 MESSAGE_TOO_LARGE: why' });
    expect(smtpReplyFor(new Error('boom')).code).toBe(451);
  });
});
