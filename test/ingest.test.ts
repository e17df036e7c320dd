import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler, notFoundHandler } from '../src/api/middleware.js';
import { ingestRouter } from '../src/api/routes/ingest.js';
import { isSnsHostUrl } from '../src/messages/provider-events/sns.js';
import { webhooksProcessor } from '../workers/webhooks.js';
import { startApi, testContext } from './helpers.js';
import { platform, runWorkers, settled } from './sending-helpers.js';
import { documentedDeliveryNotification, fakeSns, sesEvent, testTopicArn } from './sns-fixtures.js';
import { sleep, startReceiver, verified } from './webhook-receiver.js';

// Webhook deliveries go to a receiver on 127.0.0.1 over http, which the test environment allows (vitest.config.ts).
const ctx = testContext({ SES_SNS_TOPIC_ARNS: 'arn:aws:sns:eu-west-1:123456789012:sendoka-ses-events' });

const { call, baseUrl } = startApi(ctx);
const sns = fakeSns();
const receiver = startReceiver();
runWorkers(ctx, 'email', webhooksProcessor);

// The ingest route as the app mounts it, but trusting the test certificate's host instead of
// sns.<region>.amazonaws.com (the production trust is exercised through the real app below).
let ingestServer: Server;
let ingestUrl = '';
beforeAll(async () => {
  await ctx.jobs.ready();
  const app = express();
  app.use('/api/v1/ingest', ingestRouter(ctx, sns.trust()));
  app.use(notFoundHandler);
  app.use(errorHandler(ctx.logger));
  ingestServer = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => ingestServer.once('listening', resolve));
  ingestUrl = `http://127.0.0.1:${(ingestServer.address() as AddressInfo).port}/api/v1/ingest/ses`;
});
afterAll(async () => {
  await new Promise((resolve) => ingestServer.close(resolve));
});

async function postToIngest(message: Record<string, string>, url = ingestUrl) {
  const response = await fetch(url, {
    method: 'POST',
    // What SNS sends: JSON in a text/plain body.
    headers: { 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-type': message.Type ?? '' },
    body: JSON.stringify(message),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** An org with Acme and Globex, a sent email from Acme, and a webhook endpoint per tenant. */
async function sentEmail(to = 'new-customer@example.com') {
  const tenants = await platform(call);
  const { acme, globex, rootKey } = tenants;
  const accepted = await call('POST', '/api/v1/emails', {
    key: acme.key,
    body: { from: `welcome@${acme.domain}`, to: [to], subject: 'Welcome to Acme', text: 'Hello' },
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  const messageId = accepted.body.id as string;
  const sent = await settled(call, acme.key, messageId);
  // What SES events name the message by: our tag, and SES's own id, which the send stored.
  const target = { id: messageId, providerMessageId: sent.provider_message_id as string };
  const events = ['message.delivered', 'message.bounced', 'message.complained', 'message.delivery_delayed', 'message.opened', 'message.clicked', 'message.failed'];
  const acmePath = `/acme-${messageId}`;
  const globexPath = `/globex-${messageId}`;
  const endpoint = async (tenantId: string, path: string) => {
    const created = await call('POST', '/api/v1/webhooks/endpoints', { key: rootKey, body: { url: receiver.url(path), tenant_id: tenantId, events } });
    expect(created.status).toBe(201);
    return created.body.secret as string;
  };
  return {
    ...tenants,
    messageId,
    target,
    to,
    acmeHook: { path: acmePath, secret: await endpoint(acme.id, acmePath) },
    globexHook: { path: globexPath, secret: await endpoint(globex.id, globexPath) },
  };
}

const messageOf = async (key: string, id: string) => (await call('GET', `/api/v1/messages/${id}`, { key })).body;

describe('SES events through SNS (POST /api/v1/ingest/ses)', () => {
  it('confirms a subscription by visiting its SubscribeURL', async () => {
    const confirmation = sns.subscriptionConfirmation();
    const response = await postToIngest(sns.sign(confirmation));
    expect(response.status).toBe(200);
    expect(sns.subscribeVisits).toContain(new URL(confirmation.SubscribeURL as string).pathname + new URL(confirmation.SubscribeURL as string).search);
  });

  it('never visits a SubscribeURL off the SNS hosts', async () => {
    const confirmation = { ...sns.subscriptionConfirmation(), SubscribeURL: 'https://attacker.example/confirm?Token=x' };
    const response = await postToIngest(sns.sign(confirmation));
    expect(response.status).toBe(403);
  });

  it('a delivery notification marks the message delivered and fires message.delivered to the tenant only; twice is once', async () => {
    const { acme, messageId, target, to, acmeHook, globexHook } = await sentEmail();
    const notification = sns.sign(
      sns.notification(
        sesEvent('Delivery', target, [to], {
          delivery: { timestamp: new Date().toISOString(), recipients: [to], processingTimeMillis: 812, smtpResponse: '250 2.0.0 OK', reportingMTA: 'a8-1.smtp-out.amazonses.com' },
        }),
      ),
      { version: '2' },
    );
    expect((await postToIngest(notification)).status).toBe(200);
    expect((await postToIngest(notification)).status).toBe(200);

    const message = await messageOf(acme.key, messageId);
    expect(message.status).toBe('delivered');
    const delivered = message.events.filter((event: { type: string }) => event.type === 'delivered');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ recipient: to, data: { smtp_response: '250 2.0.0 OK', processing_time_ms: 812 } });

    const [webhook] = await receiver.waitFor(acmeHook.path, 1);
    expect(verified(webhook!, acmeHook.secret)).toMatchObject({
      type: 'message.delivered',
      data: { message_id: messageId, tenant_id: acme.id, recipient: to, smtp_response: '250 2.0.0 OK' },
    });
    await sleep(500);
    expect(receiver.at(acmeHook.path)).toHaveLength(1);
    expect(receiver.at(globexHook.path)).toEqual([]);
  });

  it('an identity notification (no tags) is matched by SES\'s message id', async () => {
    const { acme, messageId, target, acmeHook } = await sentEmail('jane@example.com');
    // Source: "Amazon SNS notification examples for Amazon SES" (notification-examples.html), "Amazon SNS delivery notification example".
    const notification = sns.sign(sns.notification(documentedDeliveryNotification(target.providerMessageId)), { version: '2' });
    expect((await postToIngest(notification)).status).toBe(200);
    expect((await messageOf(acme.key, messageId)).status).toBe('delivered');
    const [webhook] = await receiver.waitFor(acmeHook.path, 1);
    expect(verified(webhook!, acmeHook.secret)).toMatchObject({ type: 'message.delivered', data: { message_id: messageId, recipient: 'jane@example.com' } });
  });

  it('a permanent bounce marks the message bounced and suppresses the recipient for the tenant', async () => {
    const { acme, messageId, target, to, acmeHook } = await sentEmail('gone@example.com');
    const bounce = sesEvent('Bounce', target, [to], {
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [{ emailAddress: to, action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
        timestamp: new Date().toISOString(),
        feedbackId: 'feedback-1',
      },
    });
    expect((await postToIngest(sns.sign(sns.notification(bounce)))).status).toBe(200);

    expect((await messageOf(acme.key, messageId)).status).toBe('bounced');
    const suppressions = await call('GET', `/api/v1/suppressions?address=${to}`, { key: acme.key });
    expect(suppressions.body.data).toEqual([expect.objectContaining({ address: to, tenant_id: acme.id, reason: 'bounce' })]);
    const [webhook] = await receiver.waitFor(acmeHook.path, 1);
    expect(verified(webhook!, acmeHook.secret)).toMatchObject({
      type: 'message.bounced',
      data: { message_id: messageId, recipient: to, bounce_type: 'Permanent', bounce_sub_type: 'General', diagnostic_code: 'smtp; 550 5.1.1 user unknown' },
    });
  });

  it('maps delays, opens, clicks, complaints and rejects (soft bounces: test/ses-events.test.ts)', async () => {
    const { acme, messageId, target, to, acmeHook } = await sentEmail();
    const now = new Date().toISOString();
    const notifications = [
      sesEvent('DeliveryDelay', target, [to], {
        deliveryDelay: { delayType: 'MailboxFull', delayedRecipients: [{ emailAddress: to }], expirationTime: now, timestamp: now },
      }),
      sesEvent('Open', target, [to], { open: { ipAddress: '192.0.2.1', userAgent: 'Mail/1.0', timestamp: now } }),
      sesEvent('Click', target, [to], {
        click: { link: 'https://acme.example/welcome', linkTags: { campaign: ['onboarding'] }, ipAddress: '192.0.2.1', userAgent: 'Mail/1.0', timestamp: now },
      }),
      sesEvent('Complaint', target, [to], {
        complaint: { complainedRecipients: [{ emailAddress: to }], complaintFeedbackType: 'abuse', userAgent: 'Yahoo', timestamp: now },
      }),
      sesEvent('Send', target, [to], { send: {} }),
    ];
    for (const event of notifications) expect((await postToIngest(sns.sign(sns.notification(event)))).status).toBe(200);

    const message = await messageOf(acme.key, messageId);
    expect(message.status).toBe('complained');
    const byType = Object.fromEntries(message.events.map((event: { type: string; data: unknown }) => [event.type, event.data]));
    expect(Object.keys(byType).sort()).toEqual(['clicked', 'complained', 'delivery_delayed', 'opened', 'queued', 'sent']);
    expect(byType.clicked).toMatchObject({ link: 'https://acme.example/welcome', link_tags: { campaign: ['onboarding'] } });
    expect(byType.complained).toMatchObject({ complaint_feedback_type: 'abuse' });
    expect(byType.delivery_delayed).toMatchObject({ delay_type: 'MailboxFull' });
    const suppressions = await call('GET', `/api/v1/suppressions?address=${to}`, { key: acme.key });
    expect(suppressions.body.data.map((suppression: { reason: string }) => suppression.reason)).toEqual(['complaint']);

    const received = await receiver.waitFor(acmeHook.path, 4);
    expect(received.map((webhook) => verified(webhook, acmeHook.secret).type).sort()).toEqual([
      'message.clicked',
      'message.complained',
      'message.delivery_delayed',
      'message.opened',
    ]);

    const rejected = await sentEmail();
    const reject = sesEvent('Reject', rejected.target, [rejected.to], { reject: { reason: 'Bad content' } });
    expect((await postToIngest(sns.sign(sns.notification(reject)))).status).toBe(200);
    const failed = await messageOf(rejected.acme.key, rejected.messageId);
    expect(failed.status).toBe('failed');
    expect(failed.events.at(-1)).toMatchObject({ type: 'failed', data: { reason: 'rejected', provider_reason: 'Bad content' } });
  });

  it('refuses forged, tampered, unsigned, untrusted and foreign-topic messages with a 403 and changes nothing', async () => {
    const { acme, messageId, target, to, acmeHook } = await sentEmail();
    const before = await messageOf(acme.key, messageId);
    const delivery = () =>
      sns.notification(sesEvent('Delivery', target, [to], { delivery: { timestamp: new Date().toISOString(), recipients: [to] } }));

    const forged = sns.sign(delivery(), { forged: true });
    const tampered = { ...sns.sign(delivery()), Message: JSON.stringify(sesEvent('Bounce', target, [to], { bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: to }] } })) };
    const { Signature: _dropped, ...unsigned } = sns.sign(delivery());
    const elsewhere = sns.sign({ ...delivery(), SigningCertURL: 'https://attacker.example/SimpleNotificationService-x.pem' });
    const foreignTopic = sns.sign({ ...delivery(), TopicArn: 'arn:aws:sns:eu-west-1:999999999999:other' });
    const wrongVersion = { ...sns.sign(delivery(), { version: '1' }), SignatureVersion: '2' };
    const cases = { forged, tampered, unsigned, elsewhere, foreignTopic, wrongVersion };
    for (const [name, message] of Object.entries(cases)) {
      const response = await postToIngest(message);
      expect(response.status, name).toBe(403);
      expect(response.body.error, name).toMatchObject({ type: 'permission_error', code: 'SNS_SIGNATURE_INVALID' });
    }
    expect((await postToIngest({ nonsense: 'true' })).status).toBe(403);
    const notJson = await fetch(ingestUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(notJson.status).toBe(400);

    await sleep(300);
    expect(await messageOf(acme.key, messageId)).toEqual(before);
    expect(receiver.at(acmeHook.path)).toEqual([]);
  });

  it('the mounted route (no API key) takes certificates only from sns.<region>.amazonaws.com and topics from SES_SNS_TOPIC_ARNS', async () => {
    const route = `${baseUrl()}/api/v1/ingest/ses`;
    const notification = sns.notification(sesEvent('Delivery', { id: 'msg_unknown', providerMessageId: 'unknown' }, ['a@example.com'], {}));
    const testCertificate = await postToIngest(sns.sign(notification), route);
    expect(testCertificate.status).toBe(403);
    expect(testCertificate.body.error).toMatchObject({ code: 'SNS_SIGNATURE_INVALID', message: 'SigningCertURL is not an SNS certificate URL' });
    const foreignTopic = await postToIngest(sns.sign({ ...notification, TopicArn: `${testTopicArn}-other` }), route);
    expect(foreignTopic.status).toBe(403);
    expect(foreignTopic.body.error.message).toContain('is not in SES_SNS_TOPIC_ARNS');

    const trusted = (url: string) => isSnsHostUrl(new URL(url));
    expect(trusted('https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-abc.pem')).toBe(true);
    expect(trusted('https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem')).toBe(true);
    for (const url of [
      'http://sns.eu-west-1.amazonaws.com/x.pem',
      'https://sns.eu-west-1.amazonaws.com.attacker.example/x.pem',
      'https://attacker.example/sns.eu-west-1.amazonaws.com/x.pem',
      'https://sns.eu-west-1.amazonaws.com:8443/x.pem',
      'https://s3.amazonaws.com/x.pem',
    ]) {
      expect(trusted(url), url).toBe(false);
    }
  });
});
