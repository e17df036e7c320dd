import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registry } from '../src/platform/metrics.js';
import { ingestSesNotification, sesSetupWarnings } from '../src/messages/provider-events/ses.js';
import { webhooksProcessor } from '../workers/webhooks.js';
import { ctx, db, startApi } from './helpers.js';
import { platform, runWorkers, settled } from './sending-helpers.js';
import {
  documentedBounceEvent,
  documentedBounceNotificationWithDsn,
  documentedBounceNotificationWithoutDsn,
  documentedComplaintEvent,
  documentedComplaintNotification,
  documentedDeliveryDelayEvent,
  documentedDeliveryEvent,
  documentedDeliveryNotification,
  documentedSendEvent,
  snsNotification,
} from './sns-fixtures.js';
import { sleep, startReceiver, verified } from './webhook-receiver.js';

// Notifications go straight to ingestSesNotification, as the ingest route hands them over once their
// signature is verified (test/ingest.test.ts covers the route and the signatures). Webhook deliveries go to a
// receiver on 127.0.0.1 over http, which the test environment allows (vitest.config.ts).

const { call } = startApi();
const receiver = startReceiver();
runWorkers(ctx, 'email', webhooksProcessor);
beforeAll(async () => {
  await ctx.jobs.ready();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const messageEvents = [
  'message.delivered',
  'message.delivery_delayed',
  'message.bounced',
  'message.complained',
  'message.suppressed',
  'message.opened',
  'message.clicked',
  'message.failed',
];

/** An org with Acme and Globex, a webhook endpoint each, and an email sent by each to the same addresses. */
async function sentEmails(to: string[]) {
  const tenants = await platform(call);
  const { acme, globex, rootKey } = tenants;
  const send = async (tenant: typeof acme) => {
    const accepted = await call('POST', '/api/v1/emails', {
      key: tenant.key,
      body: { from: `news@${tenant.domain}`, to, subject: 'Hello', text: 'Hello' },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    const sent = await settled(call, tenant.key, accepted.body.id);
    expect(sent.status).toBe('sent');
    return { id: sent.id as string, providerMessageId: sent.provider_message_id as string };
  };
  const endpoint = async (tenantId: string, path: string) => {
    const created = await call('POST', '/api/v1/webhooks/endpoints', {
      key: rootKey,
      body: { url: receiver.url(path), tenant_id: tenantId, events: messageEvents },
    });
    expect(created.status).toBe(201);
    return { path, secret: created.body.secret as string };
  };
  const suffix = Math.random().toString(36).slice(2);
  return {
    ...tenants,
    acmeMessage: await send(acme),
    globexMessage: await send(globex),
    acmeHook: await endpoint(acme.id, `/acme-${suffix}`),
    globexHook: await endpoint(globex.id, `/globex-${suffix}`),
  };
}

const messageOf = async (key: string, id: string) => (await call('GET', `/api/v1/messages/${id}`, { key })).body;
const eventsOf = (message: { events: { type: string }[] }, type: string) => message.events.filter((event) => event.type === type);
const suppressionsOf = async (key: string, address: string) =>
  (await call('GET', `/api/v1/suppressions?address=${encodeURIComponent(address)}`, { key })).body.data as { address: string; reason: string; tenant_id: string }[];
const ingest = (sesEvent: unknown, overrides: Record<string, string> = {}) => ingestSesNotification(ctx, snsNotification(sesEvent, overrides));

/** The counter's value for these labels (0 when never counted). */
async function unmatched(type: string, reason: string): Promise<number> {
  const metric = await registry.getSingleMetric('sendoka_provider_events_unmatched_total')?.get();
  return metric?.values.find((value) => value.labels.type === type && value.labels.reason === reason && value.labels.provider === 'ses')?.value ?? 0;
}

/** Webhooks a path received, verified, after giving stragglers a moment. */
async function webhooksAt(hook: { path: string; secret: string }, atLeast: number) {
  if (atLeast > 0) await receiver.waitFor(hook.path, atLeast);
  await sleep(300);
  return receiver.at(hook.path).map((webhook) => verified(webhook, hook.secret));
}

describe('identity notifications (notificationType; no tags): matched by mail.messageId', () => {
  it('Delivery: the message is delivered, and only its own tenant hears of it', async () => {
    const { acme, globex, acmeMessage, globexMessage, acmeHook, globexHook } = await sentEmails(['jane@example.com']);
    // Source: "Amazon SNS notification examples for Amazon SES" (notification-examples.html), "Amazon SNS delivery notification example".
    const outcome = await ingest(documentedDeliveryNotification(acmeMessage.providerMessageId));
    expect(outcome).toEqual({ matched: true, messageId: acmeMessage.id, by: 'provider_message_id' });

    const message = await messageOf(acme.key, acmeMessage.id);
    expect(message.status).toBe('delivered');
    expect(eventsOf(message, 'delivered')).toEqual([
      expect.objectContaining({
        recipient: 'jane@example.com',
        data: { smtp_response: '250 ok:  Message 64111812 accepted', processing_time_ms: 546, reporting_mta: 'a8-70.smtp-out.amazonses.com', remote_mta_ip: '127.0.2.0' },
      }),
    ]);
    const [webhook] = await webhooksAt(acmeHook, 1);
    expect(webhook).toMatchObject({ type: 'message.delivered', data: { message_id: acmeMessage.id, tenant_id: acme.id, recipient: 'jane@example.com' } });
    // Globex sent to the same address: its message and its endpoint are untouched.
    expect((await messageOf(globex.key, globexMessage.id)).status).toBe('sent');
    expect(receiver.at(globexHook.path)).toEqual([]);
  });

  it('Bounce without a DSN: each bounced recipient is bounced and suppressed for the tenant; the others are not', async () => {
    const to = ['jane@example.com', 'mary@example.com', 'richard@example.com'];
    const { acme, globex, acmeMessage, acmeHook, globexHook } = await sentEmails(to);
    // Source: "Amazon SNS notification examples for Amazon SES" (notification-examples.html), "Bounce notification without a DSN".
    await ingest(documentedBounceNotificationWithoutDsn(acmeMessage.providerMessageId));

    const message = await messageOf(acme.key, acmeMessage.id);
    expect(message.status).toBe('bounced');
    expect(eventsOf(message, 'bounced').map((event: any) => [event.recipient, event.data]).sort()).toEqual([
      ['jane@example.com', { bounce_type: 'Permanent', bounce_sub_type: 'General', feedback_id: '00000137860315fd-869464a4-8680-4114-98d3-716fe35851f9-000000', remote_mta_ip: '127.0.2.0' }],
      ['richard@example.com', { bounce_type: 'Permanent', bounce_sub_type: 'General', feedback_id: '00000137860315fd-869464a4-8680-4114-98d3-716fe35851f9-000000', remote_mta_ip: '127.0.2.0' }],
    ]);
    expect(await suppressionsOf(acme.key, 'jane@example.com')).toEqual([expect.objectContaining({ tenant_id: acme.id, reason: 'bounce' })]);
    expect(await suppressionsOf(acme.key, 'richard@example.com')).toEqual([expect.objectContaining({ tenant_id: acme.id, reason: 'bounce' })]);
    expect(await suppressionsOf(acme.key, 'mary@example.com')).toEqual([]);
    expect(await suppressionsOf(globex.key, 'jane@example.com')).toEqual([]);

    const webhooks = await webhooksAt(acmeHook, 2);
    expect(webhooks.map((webhook) => [webhook.type, webhook.data.recipient]).sort()).toEqual([
      ['message.bounced', 'jane@example.com'],
      ['message.bounced', 'richard@example.com'],
    ]);
    expect(receiver.at(globexHook.path)).toEqual([]);
  });

  it('Bounce with a DSN and a Complaint with a feedback report', async () => {
    const to = ['jane@example.com', 'mary@example.com', 'richard@example.com'];
    const { acme, acmeMessage, acmeHook } = await sentEmails(to);
    // Source: "Amazon SNS notification examples for Amazon SES" (notification-examples.html), "Bounce notification with a DSN".
    await ingest(documentedBounceNotificationWithDsn(acmeMessage.providerMessageId));
    // Source: same page, "Complaint notification with a feedback report".
    await ingest(documentedComplaintNotification(acmeMessage.providerMessageId));

    const message = await messageOf(acme.key, acmeMessage.id);
    // One status per message: a complaint does not replace a bounce (each recipient's own outcome is in the timeline).
    expect(message.status).toBe('bounced');
    expect(eventsOf(message, 'bounced')).toEqual([
      expect.objectContaining({
        recipient: 'jane@example.com',
        data: expect.objectContaining({ action: 'failed', smtp_status: '5.1.1', diagnostic_code: 'smtp; 550 5.1.1 <jane@example.com>... User', reporting_mta: 'dns; email.example.com' }),
      }),
    ]);
    expect(eventsOf(message, 'complained')).toEqual([
      expect.objectContaining({
        recipient: 'richard@example.com',
        data: expect.objectContaining({ complaint_feedback_type: 'abuse', user_agent: 'AnyCompany Feedback Loop (V0.01)', arrival_date: '2016-01-27T14:59:38.237Z' }),
      }),
    ]);
    expect((await suppressionsOf(acme.key, 'richard@example.com')).map((row) => row.reason)).toEqual(['complaint']);
    const webhooks = await webhooksAt(acmeHook, 2);
    expect(webhooks.map((webhook) => webhook.type).sort()).toEqual(['message.bounced', 'message.complained']);
  });
});

describe('per-recipient details', () => {
  it('a bounce of several recipients records each one its own status and diagnostic code', async () => {
    const to = ['recipient1@example.com', 'recipient2@example.com'];
    const { acme, acmeMessage } = await sentEmails(to);
    // Source: "Amazon SNS notification contents for Amazon SES" (notification-contents.html), the example `bounce`
    // object (two recipients, one with a diagnostic code), in the "Bounce record" of "Examples of event data that
    // Amazon SES publishes to Amazon SNS" (event-publishing-retrieving-sns-examples.html).
    await ingest(
      documentedBounceEvent(acmeMessage, {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [
          { status: '5.0.0', action: 'failed', diagnosticCode: 'smtp; 550 user unknown', emailAddress: 'recipient1@example.com' },
          { status: '4.0.0', action: 'delayed', emailAddress: 'recipient2@example.com' },
        ],
        reportingMTA: 'example.com',
        timestamp: '2012-05-25T14:59:38.605Z',
        feedbackId: '000001378603176d-5a4b5ad9-6f30-4198-a8c3-b1eb0c270a1d-000000',
        remoteMtaIp: '127.0.2.0',
      }),
    );
    const message = await messageOf(acme.key, acmeMessage.id);
    const byRecipient = Object.fromEntries(eventsOf(message, 'bounced').map((event: any) => [event.recipient, event.data]));
    expect(byRecipient['recipient1@example.com']).toEqual({
      bounce_type: 'Permanent',
      bounce_sub_type: 'General',
      feedback_id: '000001378603176d-5a4b5ad9-6f30-4198-a8c3-b1eb0c270a1d-000000',
      reporting_mta: 'example.com',
      remote_mta_ip: '127.0.2.0',
      action: 'failed',
      smtp_status: '5.0.0',
      diagnostic_code: 'smtp; 550 user unknown',
    });
    // Its own status, and no diagnostic code borrowed from recipient1.
    expect(byRecipient['recipient2@example.com']).toEqual({
      bounce_type: 'Permanent',
      bounce_sub_type: 'General',
      feedback_id: '000001378603176d-5a4b5ad9-6f30-4198-a8c3-b1eb0c270a1d-000000',
      reporting_mta: 'example.com',
      remote_mta_ip: '127.0.2.0',
      action: 'delayed',
      smtp_status: '4.0.0',
    });
  });

  it('a DeliveryDelay keeps each delayed recipient’s status and diagnostic code', async () => {
    const to = ['recipient@example.com', 'other@example.com'];
    const { acme, acmeMessage, acmeHook } = await sentEmails(to);
    // Source: "Examples of event data that Amazon SES publishes to Amazon SNS" (event-publishing-retrieving-sns-examples.html),
    // "DeliveryDelay record", with a second delayed recipient as "Contents of event data that Amazon SES publishes to
    // Amazon SNS" (event-publishing-retrieving-sns-contents.html), "Delayed recipients", describes it.
    await ingest(
      documentedDeliveryDelayEvent(acmeMessage, [
        { emailAddress: 'recipient@example.com', status: '4.4.1', diagnosticCode: 'smtp; 421 4.4.1 Unable to connect to remote host' },
        { emailAddress: 'other@example.com', status: '4.2.2', diagnosticCode: 'smtp; 452 4.2.2 Mailbox full' },
      ]),
    );
    const message = await messageOf(acme.key, acmeMessage.id);
    expect(message.status).toBe('delivery_delayed');
    const common = { delay_type: 'TransientCommunicationFailure', expiration_time: '2020-06-16T00:25:40.914Z' };
    expect(Object.fromEntries(eventsOf(message, 'delivery_delayed').map((event: any) => [event.recipient, event.data]))).toEqual({
      'recipient@example.com': { ...common, smtp_status: '4.4.1', diagnostic_code: 'smtp; 421 4.4.1 Unable to connect to remote host' },
      'other@example.com': { ...common, smtp_status: '4.2.2', diagnostic_code: 'smtp; 452 4.2.2 Mailbox full' },
    });
    const webhooks = await webhooksAt(acmeHook, 2);
    expect(webhooks.find((webhook) => webhook.data.recipient === 'other@example.com')?.data).toMatchObject({ smtp_status: '4.2.2', diagnostic_code: 'smtp; 452 4.2.2 Mailbox full' });
  });
});

describe('soft bounces are final', () => {
  it('a Transient bounce after a delay ends the message bounced, says so in its webhook, and suppresses nobody', async () => {
    const { acme, acmeMessage, acmeHook } = await sentEmails(['recipient@example.com']);
    // Source: "Examples of event data that Amazon SES publishes to Amazon SNS" (event-publishing-retrieving-sns-examples.html), "DeliveryDelay record".
    await ingest(documentedDeliveryDelayEvent(acmeMessage));
    expect((await messageOf(acme.key, acmeMessage.id)).status).toBe('delivery_delayed');
    // Source: same page, "Bounce record", as the Transient/MailboxFull bounce that "Amazon SNS notification contents for
    // Amazon SES" (notification-contents.html), "Bounce types", lists: SES sends it once it has stopped retrying.
    await ingest(
      documentedBounceEvent(acmeMessage, {
        bounceType: 'Transient',
        bounceSubType: 'MailboxFull',
        bouncedRecipients: [{ emailAddress: 'recipient@example.com', action: 'failed', status: '5.2.2', diagnosticCode: 'smtp; 552 5.2.2 Mailbox full' }],
      }),
    );

    const message = await messageOf(acme.key, acmeMessage.id);
    expect(message.status).toBe('bounced');
    expect(eventsOf(message, 'bounced')).toEqual([
      expect.objectContaining({
        recipient: 'recipient@example.com',
        data: expect.objectContaining({ bounce_type: 'Transient', bounce_sub_type: 'MailboxFull', smtp_status: '5.2.2', diagnostic_code: 'smtp; 552 5.2.2 Mailbox full' }),
      }),
    ]);
    expect(await suppressionsOf(acme.key, 'recipient@example.com')).toEqual([]);
    const webhooks = await webhooksAt(acmeHook, 2);
    expect(webhooks.map((webhook) => webhook.type)).toEqual(['message.delivery_delayed', 'message.bounced']);
    expect(webhooks[1]?.data).toMatchObject({ recipient: 'recipient@example.com', bounce_type: 'Transient', bounce_sub_type: 'MailboxFull' });
  });

  it('an Undetermined bounce is final too; repeated soft bounces of one address never suppress it', async () => {
    const { acme, acmeMessage } = await sentEmails(['recipient@example.com']);
    // Source: "Examples of event data that Amazon SES publishes to Amazon SNS" (event-publishing-retrieving-sns-examples.html),
    // "Bounce record", as the Undetermined/Undetermined bounce of "Amazon SNS notification contents for Amazon SES"
    // (notification-contents.html), "Bounce types".
    await ingest(
      documentedBounceEvent(acmeMessage, {
        bounceType: 'Undetermined',
        bounceSubType: 'Undetermined',
        bouncedRecipients: [{ emailAddress: 'recipient@example.com' }],
      }),
    );
    expect((await messageOf(acme.key, acmeMessage.id)).status).toBe('bounced');

    for (let attempt = 0; attempt < 3; attempt++) {
      const again = await call('POST', '/api/v1/emails', {
        key: acme.key,
        body: { from: `news@${acme.domain}`, to: ['recipient@example.com'], subject: 'Again', text: 'Again' },
      });
      const sent = await settled(call, acme.key, again.body.id);
      expect(sent.status, 'a soft-bounced address is still sent to').toBe('sent');
      await ingest(
        documentedBounceEvent({ id: sent.id, providerMessageId: sent.provider_message_id }, { bounceType: 'Transient', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: 'recipient@example.com' }] }),
      );
      expect((await messageOf(acme.key, sent.id)).status).toBe('bounced');
    }
    expect(await suppressionsOf(acme.key, 'recipient@example.com')).toEqual([]);
  });
});

describe('OnAccountSuppressionList: SES never attempted the send', () => {
  it('a complaint with that subtype is recorded as suppressed, not as a complaint, and adds no suppression', async () => {
    const { acme, acmeMessage, acmeHook } = await sentEmails(['recipient@example.com']);
    // Source: "Examples of event data that Amazon SES publishes to Amazon SNS" (event-publishing-retrieving-sns-examples.html),
    // "Complaint record", with the complaintSubType that "Contents of event data that Amazon SES publishes to Amazon SNS"
    // (event-publishing-retrieving-sns-contents.html), "Complaint subtypes", describes.
    await ingest(documentedComplaintEvent(acmeMessage, { complaintSubType: 'OnAccountSuppressionList' }));

    const message = await messageOf(acme.key, acmeMessage.id);
    expect(message.status).toBe('suppressed');
    expect(eventsOf(message, 'complained')).toEqual([]);
    expect(eventsOf(message, 'suppressed')).toEqual([
      expect.objectContaining({
        recipient: 'recipient@example.com',
        data: expect.objectContaining({ reason: 'on_account_suppression_list', complaint_sub_type: 'OnAccountSuppressionList' }),
      }),
    ]);
    expect(await suppressionsOf(acme.key, 'recipient@example.com')).toEqual([]);
    const webhooks = await webhooksAt(acmeHook, 1);
    expect(webhooks.map((webhook) => webhook.type)).toEqual(['message.suppressed']);
    expect(webhooks[0]?.data).toMatchObject({ recipient: 'recipient@example.com', reason: 'on_account_suppression_list' });
  });

  it('a bounce with that subtype likewise; the message’s other recipients still get their outcome', async () => {
    const { acme, acmeMessage } = await sentEmails(['recipient@example.com', 'other@example.com']);
    // Source: "Examples of event data that Amazon SES publishes to Amazon SNS" (event-publishing-retrieving-sns-examples.html),
    // "Bounce record", as the Permanent/OnAccountSuppressionList bounce of "Amazon SNS notification contents for Amazon SES"
    // (notification-contents.html), "Bounce types".
    await ingest(
      documentedBounceEvent(acmeMessage, {
        bounceType: 'Permanent',
        bounceSubType: 'OnAccountSuppressionList',
        bouncedRecipients: [{ emailAddress: 'recipient@example.com', action: 'failed', status: '5.1.1', diagnosticCode: 'Amazon SES has suppressed sending to this address because it is on the account-level suppression list.' }],
      }),
    );
    let message = await messageOf(acme.key, acmeMessage.id);
    expect(message.status).toBe('suppressed');
    expect(eventsOf(message, 'bounced')).toEqual([]);
    expect(eventsOf(message, 'suppressed')[0]).toMatchObject({ recipient: 'recipient@example.com', data: { reason: 'on_account_suppression_list', bounce_sub_type: 'OnAccountSuppressionList' } });
    expect(await suppressionsOf(acme.key, 'recipient@example.com')).toEqual([]);

    // Source: same page, "Delivery record", for the other recipient.
    await ingest(documentedDeliveryEvent(acmeMessage, ['other@example.com']));
    message = await messageOf(acme.key, acmeMessage.id);
    expect(message.status).toBe('delivered');
  });
});

describe('idempotency', () => {
  it('the same notification twice, or the same bounce from a configuration set and from identity notifications, records once', async () => {
    const { acme, acmeMessage, acmeHook } = await sentEmails(['jane@example.com', 'mary@example.com', 'richard@example.com']);
    // Source: "Amazon SNS notification examples for Amazon SES" (notification-examples.html), "Bounce notification without a DSN".
    const notification = snsNotification(documentedBounceNotificationWithoutDsn(acmeMessage.providerMessageId));
    await ingestSesNotification(ctx, notification);
    await ingestSesNotification(ctx, notification);
    // The same bounce as a configuration-set event (tagged): "Examples of event data that Amazon SES publishes to Amazon SNS"
    // (event-publishing-retrieving-sns-examples.html), "Bounce record", with that bounce's recipients.
    await ingest(
      documentedBounceEvent(acmeMessage, { bouncedRecipients: [{ emailAddress: 'jane@example.com' }, { emailAddress: 'richard@example.com' }] }),
    );

    const message = await messageOf(acme.key, acmeMessage.id);
    expect(eventsOf(message, 'bounced').map((event: any) => event.recipient).sort()).toEqual(['jane@example.com', 'richard@example.com']);
    expect(await suppressionsOf(acme.key, 'jane@example.com')).toHaveLength(1);
    const webhooks = await webhooksAt(acmeHook, 2);
    expect(webhooks).toHaveLength(2);
  });
});

describe('no event is dropped silently', () => {
  it('an event for no known message is logged and counted; another tenant’s message is never touched', async () => {
    const { acme, globex, acmeMessage, globexMessage, globexHook } = await sentEmails(['jane@example.com']);
    const warn = vi.spyOn(ctx.logger, 'warn');

    // Source: "Amazon SNS notification examples for Amazon SES" (notification-examples.html), "Amazon SNS delivery notification example".
    const notFoundBefore = await unmatched('Delivery', 'not_found');
    expect(await ingest(documentedDeliveryNotification('0000014644fe5ef6-9a483358-9170-4cb4-a269-f5dcdf415321-000000'))).toEqual({ matched: false, reason: 'not_found' });
    expect(await unmatched('Delivery', 'not_found')).toBe(notFoundBefore + 1);
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'Delivery', reason: 'not_found', sesMessageId: '0000014644fe5ef6-9a483358-9170-4cb4-a269-f5dcdf415321-000000' }),
      'SES event matched no message; not recorded',
    );

    // Neither a tag nor a message id.
    const bare = documentedDeliveryNotification('');
    const noIdBefore = await unmatched('Delivery', 'no_identifier');
    expect(await ingest(bare)).toEqual({ matched: false, reason: 'no_identifier' });
    expect(await unmatched('Delivery', 'no_identifier')).toBe(noIdBefore + 1);

    // A tag naming Globex's message on an event SES reports for Acme's: the SES id decides, Globex hears nothing.
    // Source: "Examples of event data that Amazon SES publishes to Amazon SNS" (event-publishing-retrieving-sns-examples.html), "Delivery record".
    const crossed = await ingest(documentedDeliveryEvent({ id: globexMessage.id, providerMessageId: acmeMessage.providerMessageId }, ['jane@example.com']));
    expect(crossed).toEqual({ matched: true, messageId: acmeMessage.id, by: 'provider_message_id' });
    // A tag naming Globex's message with an SES id nobody sent under: recorded nowhere, counted as a mismatch.
    const mismatchBefore = await unmatched('Delivery', 'id_mismatch');
    expect(await ingest(documentedDeliveryEvent({ id: globexMessage.id, providerMessageId: 'EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000' }, ['jane@example.com']))).toEqual({
      matched: false,
      reason: 'id_mismatch',
    });
    expect(await unmatched('Delivery', 'id_mismatch')).toBe(mismatchBefore + 1);
    expect((await messageOf(acme.key, acmeMessage.id)).status).toBe('delivered');
    expect((await messageOf(globex.key, globexMessage.id)).status).toBe('sent');
    await sleep(300);
    expect(receiver.at(globexHook.path)).toEqual([]);
  });

  it('two messages under one SES id: the event is ambiguous and recorded on neither', async () => {
    const { acme, globex, acmeMessage, globexMessage } = await sentEmails(['jane@example.com']);
    await db.updateTable('messages').set({ provider_message_id: acmeMessage.providerMessageId }).where('id', '=', globexMessage.id).execute();
    const before = await unmatched('Bounce', 'ambiguous');
    // Source: "Amazon SNS notification examples for Amazon SES" (notification-examples.html), "Bounce notification with a DSN".
    expect(await ingest(documentedBounceNotificationWithDsn(acmeMessage.providerMessageId))).toEqual({ matched: false, reason: 'ambiguous' });
    expect(await unmatched('Bounce', 'ambiguous')).toBe(before + 1);
    expect((await messageOf(acme.key, acmeMessage.id)).status).toBe('sent');
    expect((await messageOf(globex.key, globexMessage.id)).status).toBe('sent');
    expect(await suppressionsOf(acme.key, 'jane@example.com')).toEqual([]);
  });

  it('set-up messages and types Sendoka does not record each leave a log line', async () => {
    const { acmeMessage } = await sentEmails(['recipient@example.com']);
    const info = vi.spyOn(ctx.logger, 'info');
    const warn = vi.spyOn(ctx.logger, 'warn');
    const debug = vi.spyOn(ctx.logger, 'debug');

    expect(await ingest({ notificationType: 'AmazonSnsSubscriptionSucceeded', message: "You have successfully subscribed your Amazon SNS topic 'arn:aws:sns:eu-west-1:123456789012:sendoka-ses-events' to receive 'Bounce' notifications from Amazon SES for identity 'example.com'." })).toBeUndefined();
    expect(info).toHaveBeenCalledWith(expect.objectContaining({ snsMessageId: expect.any(String) }), 'SES confirmed identity notifications to this topic');
    expect(await ingest('Successfully validated SNS topic for Amazon SES event publishing.')).toBeUndefined();
    expect(info).toHaveBeenCalledWith(expect.any(Object), 'SES validated this topic as an event destination');
    // Source: "Examples of event data that Amazon SES publishes to Amazon SNS" (event-publishing-retrieving-sns-examples.html), "Send record".
    expect(await ingest(documentedSendEvent(acmeMessage))).toBeUndefined();
    expect(debug).toHaveBeenCalledWith(expect.objectContaining({ type: 'Send' }), 'SES event type not recorded; ignored');
    expect(await ingest({ eventType: 'Teleport', mail: { messageId: acmeMessage.providerMessageId } })).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ type: 'Teleport' }), 'unknown SES event type; ignored');
    expect(await ingest('not json')).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.any(Object), 'SNS notification does not carry JSON; ignored');
    expect(await ingest({ notificationType: 'Bounce', mail: { messageId: acmeMessage.providerMessageId } })).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ type: 'Bounce' }), 'SES Bounce event without its bounce object; ignored');
  });
});

describe('sesSetupWarnings', () => {
  it('warns about an SES set-up that cannot hear what happens to messages', () => {
    expect(sesSetupWarnings({ EMAIL_PROVIDER: 'local', SES_CONFIGURATION_SET: undefined, SES_SNS_TOPIC_ARNS: [] })).toEqual([]);
    expect(sesSetupWarnings({ EMAIL_PROVIDER: 'ses', SES_CONFIGURATION_SET: 'sendoka', SES_SNS_TOPIC_ARNS: ['arn:aws:sns:eu-west-1:1:t'] })).toEqual([]);
    const warnings = sesSetupWarnings({ EMAIL_PROVIDER: 'ses', SES_CONFIGURATION_SET: undefined, SES_SNS_TOPIC_ARNS: [] });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^EMAIL_PROVIDER=ses without SES_CONFIGURATION_SET: delivery events need a configuration set or identity notifications/);
    expect(warnings[1]).toMatch(/^EMAIL_PROVIDER=ses without SES_SNS_TOPIC_ARNS: /);
    expect(sesSetupWarnings({ EMAIL_PROVIDER: 'ses', SES_CONFIGURATION_SET: undefined, SES_SNS_TOPIC_ARNS: ['arn:aws:sns:eu-west-1:1:t'] })).toHaveLength(1);
  });
});
