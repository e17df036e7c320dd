import { GetAccountCommand, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Kysely } from 'kysely';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/schema/index.js';
import { localDeliveriesAmong, recordLocalDeliveries } from '../local-outbox.js';
import { failedOutcome, type SendOutcome } from '../outcome.js';
import { reservedHeaderReason } from './custom-headers.js';
import { type SesTenantResources, sendingIdentity } from './identities.js';
import { fromHeader } from './mailbox.js';

export interface OutboundEmail {
  messageId: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  subject: string;
  html?: string;
  text?: string;
  headers: Record<string, string>;
  attachments: { filename: string; content: string; content_type?: string; content_id?: string }[];
  tags: { name: string; value: string }[];
  /** SES tenant to send under, where tenant isolation is on. */
  sesTenantName?: string;
}

export interface EmailSender {
  /** Recipients per second the provider allows; null when unlimited. */
  maxSendRate(): Promise<number | null>;
  sendMany(emails: OutboundEmail[]): Promise<SendOutcome[]>;
  /** Which of these messages the provider has received; null when it cannot tell. */
  received(messageIds: string[]): Promise<Set<string> | null>;
}

/** The tag that lets SES events find their message again. */
export const messageIdTag = 'sendoka_message_id';

/**
 * The email as the provider gets it: From as one correctly quoted or encoded mailbox, custom headers without
 * reserved ones (the API refuses them; messages accepted before it did may still carry them).
 */
function asHandedOver(email: OutboundEmail): OutboundEmail {
  return {
    ...email,
    from: fromHeader(email.from),
    headers: Object.fromEntries(Object.entries(email.headers).filter(([name]) => reservedHeaderReason(name) === null)),
  };
}

const retryableSesErrors = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'LimitExceededException',
  'InternalFailure',
  'ServiceUnavailable',
  'SendingPausedException',
]);

/**
 * A failed tenant set-up as the send's error: the SDK error's name and status (so throttling is retried),
 * its message saying what failed. A copy: concurrent sends share the one rejected set-up.
 */
function tenantSetupError(tenantName: string, error: unknown): Error {
  const cause = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(`preparing SES tenant ${tenantName}: ${cause.message}`);
  return Object.assign(copy, { name: cause.name, $metadata: (cause as { $metadata?: unknown }).$metadata });
}

/** SES, or (development, tests) the local outbox. */
export function createEmailSender(config: Config, db: Kysely<Database>, ses: SESv2Client, sesTenants: SesTenantResources): EmailSender {
  const sesSender: EmailSender = {
    async maxSendRate() {
      if (config.SES_MAX_SEND_RATE) return config.SES_MAX_SEND_RATE;
      const account = await ses.send(new GetAccountCommand({}));
      return account.SendQuota?.MaxSendRate ?? null;
    },
    sendMany(emails) {
      return Promise.all(
        emails.map(asHandedOver).map(async (email): Promise<SendOutcome> => {
          // SES takes a send under a tenant only when everything it names (identity, configuration set) is
          // associated with that tenant: made so first, once per process for each tenant and identity.
          const tenant = email.sesTenantName;
          const identity = tenant && sendingIdentity(email.from);
          try {
            if (tenant && identity) {
              await sesTenants.ensureSesTenantResources(tenant, identity).catch((error: unknown) => {
                throw tenantSetupError(tenant, error);
              });
            }
            const result = await ses.send(
              new SendEmailCommand({
                FromEmailAddress: email.from,
                Destination: { ToAddresses: email.to, CcAddresses: email.cc, BccAddresses: email.bcc },
                ReplyToAddresses: email.replyTo.length > 0 ? email.replyTo : undefined,
                Content: {
                  Simple: {
                    Subject: { Data: email.subject, Charset: 'UTF-8' },
                    Body: {
                      Html: email.html ? { Data: email.html, Charset: 'UTF-8' } : undefined,
                      Text: email.text ? { Data: email.text, Charset: 'UTF-8' } : undefined,
                    },
                    Headers: Object.entries(email.headers).map(([Name, Value]) => ({ Name, Value })),
                    Attachments: email.attachments.map((attachment) => ({
                      FileName: attachment.filename,
                      RawContent: Buffer.from(attachment.content, 'base64'),
                      ContentType: attachment.content_type,
                      ContentId: attachment.content_id,
                      ContentDisposition: attachment.content_id ? 'INLINE' : 'ATTACHMENT',
                    })),
                  },
                },
                EmailTags: [{ Name: messageIdTag, Value: email.messageId }, ...email.tags.map((tag) => ({ Name: tag.name, Value: tag.value }))],
                ConfigurationSetName: config.SES_CONFIGURATION_SET,
                TenantName: tenant,
              }),
            );
            return { ok: true, providerMessageId: result.MessageId ?? '' };
          } catch (error) {
            const outcome = failedOutcome(error, retryableSesErrors);
            // Refused for good: perhaps an association was removed behind our back; the next send checks again.
            if (tenant && identity && !outcome.ok && !outcome.retryable) sesTenants.forgetSesTenantResources(tenant, identity);
            return outcome;
          }
        }),
      );
    },
    // SES has no lookup by our message id; its events (via the configuration set) arrive later.
    async received() {
      return null;
    },
  };

  /** Development provider: records each email in `local_outbox` instead of sending it. */
  const localSender: EmailSender = {
    async maxSendRate() {
      return config.SES_MAX_SEND_RATE ?? null;
    },
    async sendMany(emails) {
      await recordLocalDeliveries(db, 'email', emails.map((email) => ({ messageId: email.messageId, payload: asHandedOver(email) })));
      return emails.map((email) => ({ ok: true, providerMessageId: `local-${email.messageId}` }));
    },
    received: (messageIds) => localDeliveriesAmong(db, messageIds),
  };

  return config.EMAIL_PROVIDER === 'ses' ? sesSender : localSender;
}
