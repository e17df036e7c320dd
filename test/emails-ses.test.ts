import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, testContext } from './helpers.js';
import { useLocalSes } from './ses-local.js';
import { platform, runWorkers, settled } from './sending-helpers.js';

// This file runs the SES provider against a local SES v2 endpoint. Its own queue prefix keeps its jobs
// away from the workers of other test files, which use the local provider.
const ses = await useLocalSes();
const ctx = testContext({ ...ses.settings, SES_CONFIGURATION_SET: 'sendoka-events', QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_ses_${process.pid}` });

const { call } = startApi(ctx);
runWorkers(ctx, 'email');

beforeAll(async () => {
  await fetch(`${ses.url}/clear-store`, { method: 'POST' });
});
afterAll(() => ses.close());

describe('SES provider', () => {
  it('delivers the walkthrough email to SES with from, to, subject, tags and attachments', async () => {
    const { acme } = await platform(call);
    const sent = await call('POST', '/api/v1/emails', {
      key: acme.key,
      body: {
        from: `Acme <welcome@${acme.domain}>`,
        to: ['new-customer@example.com'],
        cc: 'boss@example.com',
        subject: 'Welcome to Acme',
        html: '<p>Welcome aboard</p>',
        tags: [{ name: 'category', value: 'welcome' }],
        attachments: [{ filename: 'hello.txt', content: Buffer.from('hello').toString('base64'), content_type: 'text/plain' }],
      },
    });
    expect(sent.status).toBe(202);
    const message = await settled(call, acme.key, sent.body.id);
    expect(message.status).toBe('sent');
    expect(message.provider_message_id).toBeTruthy();

    const store = (await (await fetch(`${ses.url}/store`)).json()) as { emails: any[] };
    const email = store.emails.find((item) => item.messageId === message.provider_message_id);
    expect(email).toMatchObject({
      from: `Acme <welcome@${acme.domain}>`,
      destination: { to: ['new-customer@example.com'], cc: ['boss@example.com'] },
      subject: 'Welcome to Acme',
      body: { html: '<p>Welcome aboard</p>', text: 'Welcome aboard' },
    });
    expect(email.attachments?.[0]).toMatchObject({ filename: 'hello.txt' });
  });
});
