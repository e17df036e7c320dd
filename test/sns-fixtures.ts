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

/** An SES configuration-set event as SES publishes it, tagged with our message id. */
export function sesEvent(eventType: string, messageId: string, recipients: string[], body: Record<string, unknown>) {
  return {
    eventType,
    mail: {
      timestamp: new Date().toISOString(),
      source: 'welcome@acme.example',
      messageId: `0100018c-${randomUUID()}-000000`,
      destination: recipients,
      tags: { sendoka_message_id: [messageId], 'ses:configuration-set': ['sendoka'] },
    },
    ...body,
  };
}
