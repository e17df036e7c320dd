import { createVerify, type KeyObject, X509Certificate } from 'node:crypto';
import got from 'got';
import { z } from 'zod';
import { ApiError } from '../../platform/errors.js';

/** What an SNS HTTP(S) subscription posts. Unknown fields are allowed: AWS adds some over time. */
export const snsMessage = z.looseObject({
  Type: z.enum(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation']),
  MessageId: z.string().min(1).max(128),
  TopicArn: z.string().min(1).max(512),
  Subject: z.string().optional(),
  Message: z.string(),
  Timestamp: z.string().min(1),
  SignatureVersion: z.enum(['1', '2']),
  Signature: z.string().min(1),
  SigningCertURL: z.string().min(1),
  SubscribeURL: z.string().optional(),
  Token: z.string().optional(),
});

export type SnsMessage = z.infer<typeof snsMessage>;

/** Whom to believe: the topics SES publishes to, and where their signing certificates may come from. */
export interface SnsTrust {
  topicArns: readonly string[];
  /** Also judges SubscribeURL: confirming a subscription is a GET to the same AWS hosts. */
  isTrustedAwsUrl: (url: URL) => boolean;
}

/** SNS certificates and subscription URLs are served over https from sns.<region>.amazonaws.com (or .com.cn). */
export function isSnsHostUrl(url: URL): boolean {
  return url.protocol === 'https:' && /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(url.hostname) && url.port === '';
}

const rejected = (reason: string) => new ApiError(403, 'permission_error', 'SNS_SIGNATURE_INVALID', reason);

/** The documented string to sign: "Key\nValue\n" for each signed field present, in this order. */
function stringToSign(message: SnsMessage): string {
  const fields =
    message.Type === 'Notification'
      ? (['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const)
      : (['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'] as const);
  let text = '';
  for (const field of fields) {
    const value = message[field];
    if (value !== undefined) text += `${field}\n${value}\n`;
  }
  return text;
}

const certificateCacheSize = 100;
const certificates = new Map<string, Promise<KeyObject>>();

/** AWS rotates certificates by publishing them under a new URL, so a URL's key can be cached for good. */
function signingKey(url: string): Promise<KeyObject> {
  let key = certificates.get(url);
  if (!key) {
    key = got(url, { timeout: { request: 5_000 }, retry: { limit: 0 }, followRedirect: false })
      .text()
      .then((pem) => {
        const certificate = new X509Certificate(pem);
        const now = Date.now();
        if (Date.parse(certificate.validFrom) > now || Date.parse(certificate.validTo) < now) {
          throw new Error('signing certificate is not valid now');
        }
        return certificate.publicKey;
      });
    if (certificates.size >= certificateCacheSize) certificates.delete(certificates.keys().next().value as string);
    certificates.set(url, key);
    key.catch(() => certificates.delete(url));
  }
  return key;
}

/**
 * Verifies an SNS message: shape, allowed topic, trusted certificate URL, and the RSA signature
 * (SHA1 for SignatureVersion 1, SHA256 for 2). Anything else is a 403 and nothing happens.
 */
export async function verifySnsMessage(body: unknown, trust: SnsTrust): Promise<SnsMessage> {
  const parsed = snsMessage.safeParse(body);
  if (!parsed.success) throw rejected('not a signed SNS message');
  const message = parsed.data;
  if (!trust.topicArns.includes(message.TopicArn)) throw rejected(`topic ${message.TopicArn} is not in SES_SNS_TOPIC_ARNS`);
  let certificateUrl: URL;
  try {
    certificateUrl = new URL(message.SigningCertURL);
  } catch {
    throw rejected('SigningCertURL is not a URL');
  }
  if (!trust.isTrustedAwsUrl(certificateUrl)) throw rejected('SigningCertURL is not an SNS certificate URL');
  let key: KeyObject;
  try {
    key = await signingKey(certificateUrl.href);
  } catch {
    throw rejected('the signing certificate could not be fetched');
  }
  const verifier = createVerify(message.SignatureVersion === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
  verifier.update(stringToSign(message), 'utf8');
  if (!verifier.verify(key, message.Signature, 'base64')) throw rejected('the signature does not match');
  return message;
}

/** Confirms a subscription to an allowed topic by visiting its SubscribeURL, as SNS asks. */
export async function confirmSubscription(message: SnsMessage, trust: SnsTrust): Promise<void> {
  let subscribeUrl: URL | undefined;
  try {
    subscribeUrl = message.SubscribeURL ? new URL(message.SubscribeURL) : undefined;
  } catch {
    subscribeUrl = undefined;
  }
  if (!subscribeUrl || !trust.isTrustedAwsUrl(subscribeUrl)) throw rejected('SubscribeURL is not an SNS URL');
  try {
    await got(subscribeUrl, { timeout: { request: 10_000 }, retry: { limit: 0 }, followRedirect: false });
  } catch {
    // 5xx so SNS sends the confirmation again.
    throw new ApiError(502, 'api_error', 'SUBSCRIPTION_CONFIRMATION_FAILED', 'confirming the SNS subscription failed; SNS will retry');
  }
}
