import { createSign, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { afterAll, beforeAll } from 'vitest';

export const testTopicArn = 'arn:aws:sns:eu-west-1:123456789012:sendoka-ses-events';

type Fields = Record<string, string>;

/** SNS's documented string to sign, written independently of src/sns.ts so a shared mistake would not pass. */
function canonical(message: Fields): string {
  const keys =
    message.Type === 'Notification'
      ? ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type']
      : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
  return keys
    .filter((key) => message[key] !== undefined)
    .map((key) => `${key}\n${message[key]}\n`)
    .join('');
}

/**
 * Plays SNS for one test file: a self-signed certificate served over local HTTP (the trusted
 * "AWS host" of the tests), a SubscribeURL that records visits, and signing of messages.
 */
export function fakeSns() {
  let server: Server;
  let origin = '';
  let privateKey = '';
  let otherPrivateKey = '';
  const subscribeVisits: string[] = [];

  beforeAll(async () => {
    const [ours, impostor] = await Promise.all([
      generate([{ name: 'commonName', value: 'sns.eu-west-1.amazonaws.com' }], { keySize: 2048, algorithm: 'sha256' }),
      generate([{ name: 'commonName', value: 'impostor' }], { keySize: 2048, algorithm: 'sha256' }),
    ]);
    privateKey = ours.private;
    otherPrivateKey = impostor.private;
    server = createServer((req, res) => {
      if (req.url === '/SimpleNotificationService-test.pem') return res.writeHead(200).end(ours.cert);
      if (req.url?.startsWith('/confirm')) {
        subscribeVisits.push(req.url);
        return res.writeHead(200, { 'content-type': 'text/xml' }).end('<ConfirmSubscriptionResponse/>');
      }
      return res.writeHead(404).end();
    });
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Signs with the test certificate's key, or with an impostor's key while naming the test certificate. */
  function sign(message: Fields, options: { version?: '1' | '2'; forged?: boolean } = {}): Fields {
    const version = options.version ?? '1';
    const unsigned = {
      ...message,
      SignatureVersion: version,
      SigningCertURL: message.SigningCertURL ?? `${origin}/SimpleNotificationService-test.pem`,
    };
    const signer = createSign(version === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
    signer.update(canonical(unsigned));
    return { ...unsigned, Signature: signer.sign(options.forged ? otherPrivateKey : privateKey, 'base64') };
  }

  return {
    trust: () => ({ topicArns: [testTopicArn], isTrustedAwsUrl: (url: URL) => url.origin === origin }),
    origin: () => origin,
    subscribeVisits,
    sign,
    notification(sesEvent: unknown, overrides: Fields = {}): Fields {
      return {
        Type: 'Notification',
        MessageId: randomUUID(),
        TopicArn: testTopicArn,
        Message: JSON.stringify(sesEvent),
        Timestamp: new Date().toISOString(),
        UnsubscribeURL: `${origin}/unsubscribe`,
        ...overrides,
      };
    },
    subscriptionConfirmation(): Fields {
      const token = randomUUID();
      return {
        Type: 'SubscriptionConfirmation',
        MessageId: randomUUID(),
        Token: token,
        TopicArn: testTopicArn,
        Message: `You have chosen to subscribe to the topic ${testTopicArn}.`,
        SubscribeURL: `${origin}/confirm?Action=ConfirmSubscription&Token=${token}`,
        Timestamp: new Date().toISOString(),
      };
    },
  };
}

/** The message an SES event is about: Sendoka's id (the tag) and SES's id (`mail.messageId`, stored as provider_message_id). */
export interface SesTarget {
  id: string;
  providerMessageId: string;
}

/** An SES configuration-set event as SES publishes it, tagged with our message id. */
export function sesEvent(eventType: string, target: SesTarget, recipients: string[], body: Record<string, unknown>) {
  return {
    eventType,
    mail: {
      timestamp: new Date().toISOString(),
      source: 'welcome@acme.example',
      messageId: target.providerMessageId,
      destination: recipients,
      tags: { sendoka_message_id: [target.id], 'ses:configuration-set': ['sendoka'] },
    },
    ...body,
  };
}

/** An SNS notification carrying an SES event, as src/sns.ts hands it over once verified (the signature is ingest.test.ts's subject). */
export function snsNotification(sesEventOrText: unknown, overrides: Fields = {}) {
  return {
    Type: 'Notification' as const,
    MessageId: randomUUID(),
    TopicArn: testTopicArn,
    Message: typeof sesEventOrText === 'string' ? sesEventOrText : JSON.stringify(sesEventOrText),
    Timestamp: new Date().toISOString(),
    SignatureVersion: '1' as const,
    Signature: 'verified-elsewhere',
    SigningCertURL: 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem',
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// SES's documented examples. Each is copied from the page named above it (headers and commonHeaders left out:
// Sendoka reads neither); only the ids that tie it to a message, and the recipients where a test says so, differ.

/** The AWS pages the examples come from. */
export const awsPages = {
  eventExamples: 'https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-examples.html',
  eventContents: 'https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html',
  notificationExamples: 'https://docs.aws.amazon.com/ses/latest/dg/notification-examples.html',
  notificationContents: 'https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html',
} as const;

/** `mail` of a configuration-set event: tags include ours. */
function eventMail(target: SesTarget, destination: string[], timestamp: string) {
  return {
    timestamp,
    source: 'Sender Name <sender@example.com>',
    sourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/sender@example.com',
    sendingAccountId: '123456789012',
    messageId: target.providerMessageId,
    destination,
    headersTruncated: false,
    tags: {
      'ses:configuration-set': ['ConfigSet'],
      'ses:source-ip': ['192.0.2.0'],
      'ses:from-domain': ['example.com'],
      'ses:caller-identity': ['ses_user'],
      sendoka_message_id: [target.id],
    },
  };
}

/** `mail` of an identity notification: no tags ("if using feedback notifications directly on the identity, SES does not publish tags"). */
function notificationMail(sesMessageId: string, destination: string[]) {
  return {
    timestamp: '2016-01-27T14:59:38.237Z',
    messageId: sesMessageId,
    source: 'john@example.com',
    sourceArn: 'arn:aws:ses:us-east-1:888888888888:identity/example.com',
    sourceIp: '127.0.3.0',
    sendingAccountId: '123456789012',
    destination,
  };
}

/** eventExamples, "Bounce record"; `bounce` overrides fields (bounceType, bounceSubType, bouncedRecipients) as a test says. */
export function documentedBounceEvent(target: SesTarget, bounce: Record<string, unknown> = {}) {
  return {
    eventType: 'Bounce',
    bounce: {
      bounceType: 'Permanent',
      bounceSubType: 'General',
      bouncedRecipients: [{ emailAddress: 'recipient@example.com', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
      timestamp: '2017-08-05T00:41:02.669Z',
      feedbackId: '01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000',
      reportingMTA: 'dsn; mta.example.com',
      ...bounce,
    },
    mail: eventMail(target, ['recipient@example.com'], '2017-08-05T00:40:02.012Z'),
  };
}

/** eventExamples, "Complaint record"; `complaint` overrides fields (complaintSubType) as a test says. */
export function documentedComplaintEvent(target: SesTarget, complaint: Record<string, unknown> = {}, destination = ['recipient@example.com']) {
  return {
    eventType: 'Complaint',
    complaint: {
      complainedRecipients: [{ emailAddress: 'recipient@example.com' }],
      timestamp: '2017-08-05T00:41:02.669Z',
      feedbackId: '01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/60.0.3112.90 Safari/537.36',
      complaintFeedbackType: 'abuse',
      arrivalDate: '2017-08-05T00:41:02.669Z',
      ...complaint,
    },
    mail: eventMail(target, destination, '2017-08-05T00:40:01.123Z'),
  };
}

/** eventExamples, "Delivery record". */
export function documentedDeliveryEvent(target: SesTarget, recipients = ['recipient@example.com']) {
  return {
    eventType: 'Delivery',
    mail: eventMail(target, recipients, '2016-10-19T23:20:52.240Z'),
    delivery: {
      timestamp: '2016-10-19T23:21:04.133Z',
      processingTimeMillis: 11893,
      recipients,
      smtpResponse: '250 2.6.0 Message received',
      reportingMTA: 'mta.example.com',
    },
  };
}

/** eventExamples, "DeliveryDelay record"; `delayedRecipients` replaces the list as a test says. */
export function documentedDeliveryDelayEvent(target: SesTarget, delayedRecipients?: Record<string, unknown>[]) {
  const recipients = delayedRecipients ?? [
    { emailAddress: 'recipient@example.com', status: '4.4.1', diagnosticCode: 'smtp; 421 4.4.1 Unable to connect to remote host' },
  ];
  return {
    eventType: 'DeliveryDelay',
    mail: eventMail(target, recipients.map((recipient) => recipient.emailAddress as string), '2020-06-16T00:15:40.641Z'),
    deliveryDelay: {
      timestamp: '2020-06-16T00:25:40.095Z',
      delayType: 'TransientCommunicationFailure',
      expirationTime: '2020-06-16T00:25:40.914Z',
      delayedRecipients: recipients,
    },
  };
}

/** eventExamples, "Send record" (Sendoka records the send itself). */
export function documentedSendEvent(target: SesTarget) {
  return { eventType: 'Send', mail: eventMail(target, ['recipient@example.com'], '2016-10-14T05:02:16.645Z'), send: {} };
}

/** notificationExamples, "Bounce notification with a DSN". */
export function documentedBounceNotificationWithDsn(sesMessageId: string) {
  return {
    notificationType: 'Bounce',
    bounce: {
      bounceType: 'Permanent',
      reportingMTA: 'dns; email.example.com',
      bouncedRecipients: [{ emailAddress: 'jane@example.com', status: '5.1.1', action: 'failed', diagnosticCode: 'smtp; 550 5.1.1 <jane@example.com>... User' }],
      bounceSubType: 'General',
      timestamp: '2016-01-27T14:59:38.237Z',
      feedbackId: '00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa068a-000000',
      remoteMtaIp: '127.0.2.0',
    },
    mail: notificationMail(sesMessageId, ['jane@example.com', 'mary@example.com', 'richard@example.com']),
  };
}

/** notificationExamples, "Bounce notification without a DSN". */
export function documentedBounceNotificationWithoutDsn(sesMessageId: string) {
  return {
    notificationType: 'Bounce',
    bounce: {
      bounceType: 'Permanent',
      bounceSubType: 'General',
      bouncedRecipients: [{ emailAddress: 'jane@example.com' }, { emailAddress: 'richard@example.com' }],
      timestamp: '2016-01-27T14:59:38.237Z',
      feedbackId: '00000137860315fd-869464a4-8680-4114-98d3-716fe35851f9-000000',
      remoteMtaIp: '127.0.2.0',
    },
    mail: notificationMail(sesMessageId, ['jane@example.com', 'mary@example.com', 'richard@example.com']),
  };
}

/** notificationExamples, "Complaint notification with a feedback report". */
export function documentedComplaintNotification(sesMessageId: string) {
  return {
    notificationType: 'Complaint',
    complaint: {
      userAgent: 'AnyCompany Feedback Loop (V0.01)',
      complainedRecipients: [{ emailAddress: 'richard@example.com' }],
      complaintFeedbackType: 'abuse',
      arrivalDate: '2016-01-27T14:59:38.237Z',
      timestamp: '2016-01-27T14:59:38.237Z',
      feedbackId: '000001378603177f-18c07c78-fa81-4a58-9dd1-fedc3cb8f49a-000000',
    },
    mail: notificationMail(sesMessageId, ['jane@example.com', 'mary@example.com', 'richard@example.com']),
  };
}

/** notificationExamples, "Amazon SNS delivery notification example". */
export function documentedDeliveryNotification(sesMessageId: string) {
  return {
    notificationType: 'Delivery',
    mail: notificationMail(sesMessageId, ['jane@example.com']),
    delivery: {
      timestamp: '2016-01-27T14:59:38.237Z',
      recipients: ['jane@example.com'],
      processingTimeMillis: 546,
      reportingMTA: 'a8-70.smtp-out.amazonses.com',
      smtpResponse: '250 ok:  Message 64111812 accepted',
      remoteMtaIp: '127.0.2.0',
    },
  };
}
