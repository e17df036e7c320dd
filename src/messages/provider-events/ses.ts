import { z } from 'zod';
import type { Config } from '../../platform/config.js';
import type { Logger } from '../../platform/logger.js';
import { applyProviderEvent, type ProviderEvent, type ProviderEventOutcome } from './apply.js';
import { countUnmatchedProviderEvent } from '../../platform/metrics.js';
import { messageIdTag } from '../../providers/email/sender.js';
import type { SnsMessage } from './sns.js';
import type { AppContext } from '../../context.js';

/*
 * SES reaches Sendoka through SNS in two formats, both handled here:
 * - configuration-set event publishing (`eventType`): every event type, with `mail.tags` carrying our
 *   `sendoka_message_id` tag;
 * - identity feedback notifications (`notificationType`: Bounce, Complaint, Delivery), which carry no tags
 *   ("if using feedback notifications directly on the identity, SES does not publish tags") and are matched by
 *   SES's `mail.messageId`, which the send stored as the message's `provider_message_id`.
 */

const at = z.string().optional();
const text = z.string().nullish();

// Only the fields we use; SES sends many more and adds fields over time.
const sesEvent = z.looseObject({
  eventType: z.string().optional(),
  notificationType: z.string().optional(),
  mail: z
    .looseObject({
      messageId: z.string().optional(),
      destination: z.array(z.string()).default([]),
      tags: z.record(z.string(), z.array(z.string())).optional(),
    })
    .optional(),
  delivery: z
    .looseObject({
      timestamp: at,
      recipients: z.array(z.string()).default([]),
      processingTimeMillis: z.number().optional(),
      smtpResponse: text,
      reportingMTA: text,
      remoteMtaIp: text,
    })
    .optional(),
  bounce: z
    .looseObject({
      timestamp: at,
      bounceType: z.string(),
      bounceSubType: text,
      bouncedRecipients: z
        .array(z.looseObject({ emailAddress: z.string(), action: text, status: text, diagnosticCode: text }))
        .default([]),
      feedbackId: text,
      reportingMTA: text,
      remoteMtaIp: text,
    })
    .optional(),
  complaint: z
    .looseObject({
      timestamp: at,
      complainedRecipients: z.array(z.looseObject({ emailAddress: z.string() })).default([]),
      complaintFeedbackType: text,
      complaintSubType: text,
      userAgent: text,
      arrivalDate: text,
      feedbackId: text,
    })
    .optional(),
  deliveryDelay: z
    .looseObject({
      timestamp: at,
      delayType: text,
      expirationTime: text,
      reportingMTA: text,
      delayedRecipients: z
        .array(z.looseObject({ emailAddress: z.string(), status: text, diagnosticCode: text }))
        .default([]),
    })
    .optional(),
  reject: z.looseObject({ reason: text }).optional(),
  failure: z.looseObject({ errorMessage: text, templateName: text }).optional(),
  open: z.looseObject({ timestamp: at, ipAddress: text, userAgent: text }).optional(),
  click: z
    .looseObject({
      timestamp: at,
      link: text,
      linkTags: z.record(z.string(), z.array(z.string())).optional(),
      ipAddress: text,
      userAgent: text,
    })
    .optional(),
});

type SesEvent = z.infer<typeof sesEvent>;
type Mail = NonNullable<SesEvent['mail']>;

/** The SES event types Sendoka records (event publishing names them all; identity notifications the first three). */
const trackedTypes = new Set(['Delivery', 'Bounce', 'Complaint', 'DeliveryDelay', 'Reject', 'Rendering Failure', 'RenderingFailure', 'Open', 'Click']);
/** Facts SES can report through both formats: keyed by SES's message id, so one configured both ways records once. */
const feedbackTypes = new Set(['Delivery', 'Bounce', 'Complaint']);
/** SES types Sendoka has no use for: dropped with a debug line (Send precedes every message). */
const untrackedTypes = new Set(['Send', 'Subscription']);

/** SES's `complaintSubType` / `bounceSubType` when it never attempted the send: the address is on the account's list. */
const onAccountSuppressionList = 'OnAccountSuppressionList';

/** Drops undefined and null values so webhook payloads carry only what SES told us. */
function defined(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined && value !== null));
}

const address = (value: string) => value.toLowerCase();

type Mapped = Pick<ProviderEvent, 'type' | 'recipients' | 'permanent' | 'details' | 'recipientDetails'> & { timestamp?: string };

/** SES event → our provider event; undefined for the types we do not track. */
function mapEvent(kind: string, event: SesEvent, mail: Mail): Mapped | undefined {
  // SES cannot say which recipient opened or clicked; with a single recipient it is unambiguous.
  const soleRecipient = mail.destination.length === 1 ? mail.destination.map(address) : [];
  switch (kind) {
    case 'Delivery':
      return {
        type: 'delivered',
        recipients: (event.delivery?.recipients ?? []).map(address),
        timestamp: event.delivery?.timestamp,
        details: defined({
          smtp_response: event.delivery?.smtpResponse,
          processing_time_ms: event.delivery?.processingTimeMillis,
          reporting_mta: event.delivery?.reportingMTA,
          remote_mta_ip: event.delivery?.remoteMtaIp,
        }),
      };
    case 'Bounce': {
      const bounce = event.bounce;
      if (!bounce) return undefined;
      // SES sends a Transient or Undetermined bounce only once it has stopped retrying: a final outcome, like a
      // Permanent one, but the address may work later, so only Permanent ones suppress it.
      const suppressedBySes = bounce.bounceSubType === onAccountSuppressionList;
      return {
        type: suppressedBySes ? 'suppressed' : 'bounced',
        permanent: bounce.bounceType === 'Permanent',
        recipients: bounce.bouncedRecipients.map((recipient) => address(recipient.emailAddress)),
        recipientDetails: Object.fromEntries(
          bounce.bouncedRecipients.map((recipient) => [
            address(recipient.emailAddress),
            defined({ action: recipient.action, smtp_status: recipient.status, diagnostic_code: recipient.diagnosticCode }),
          ]),
        ),
        timestamp: bounce.timestamp,
        details: defined({
          reason: suppressedBySes ? 'on_account_suppression_list' : undefined,
          bounce_type: bounce.bounceType,
          bounce_sub_type: bounce.bounceSubType,
          feedback_id: bounce.feedbackId,
          reporting_mta: bounce.reportingMTA,
          remote_mta_ip: bounce.remoteMtaIp,
        }),
      };
    }
    case 'Complaint': {
      const complaint = event.complaint;
      // SES accepted the message but never sent it: nobody complained, and the tenant's reputation owes nothing.
      const suppressedBySes = complaint?.complaintSubType === onAccountSuppressionList;
      return {
        type: suppressedBySes ? 'suppressed' : 'complained',
        recipients: (complaint?.complainedRecipients ?? []).map((recipient) => address(recipient.emailAddress)),
        timestamp: complaint?.timestamp,
        details: defined({
          reason: suppressedBySes ? 'on_account_suppression_list' : undefined,
          complaint_feedback_type: complaint?.complaintFeedbackType,
          complaint_sub_type: complaint?.complaintSubType,
          user_agent: complaint?.userAgent,
          arrival_date: complaint?.arrivalDate,
          feedback_id: complaint?.feedbackId,
        }),
      };
    }
    case 'DeliveryDelay': {
      const delay = event.deliveryDelay;
      const delayed = delay?.delayedRecipients ?? [];
      return {
        type: 'delivery_delayed',
        recipients: delayed.map((recipient) => address(recipient.emailAddress)),
        recipientDetails: Object.fromEntries(
          delayed.map((recipient) => [
            address(recipient.emailAddress),
            defined({ smtp_status: recipient.status, diagnostic_code: recipient.diagnosticCode }),
          ]),
        ),
        timestamp: delay?.timestamp,
        details: defined({ delay_type: delay?.delayType, expiration_time: delay?.expirationTime, reporting_mta: delay?.reportingMTA }),
      };
    }
    case 'Reject':
      return {
        type: 'failed',
        recipients: mail.destination.map(address),
        details: defined({ reason: 'rejected', provider_reason: event.reject?.reason }),
      };
    case 'Rendering Failure':
    case 'RenderingFailure':
      return {
        type: 'failed',
        recipients: mail.destination.map(address),
        details: defined({
          reason: 'rendering_failure',
          error_message: event.failure?.errorMessage,
          template_name: event.failure?.templateName,
        }),
      };
    case 'Open':
      return {
        type: 'opened',
        recipients: soleRecipient,
        timestamp: event.open?.timestamp,
        details: defined({ ip_address: event.open?.ipAddress, user_agent: event.open?.userAgent }),
      };
    case 'Click':
      return {
        type: 'clicked',
        recipients: soleRecipient,
        timestamp: event.click?.timestamp,
        details: defined({
          link: event.click?.link,
          link_tags: event.click?.linkTags,
          ip_address: event.click?.ipAddress,
          user_agent: event.click?.userAgent,
        }),
      };
    default:
      return undefined;
  }
}

function dateOr(value: string | undefined, fallback: string): Date {
  const parsed = Date.parse(value ?? '');
  if (!Number.isNaN(parsed)) return new Date(parsed);
  const second = Date.parse(fallback);
  return Number.isNaN(second) ? new Date() : new Date(second);
}

/** What SES sends a topic when an event destination is set up: plain text, not an event. */
const destinationValidated = 'Successfully validated SNS topic for Amazon SES event publishing.';

export interface SesNotification {
  /** SES's event type (`eventType`, or `notificationType` for identity notifications). */
  kind: string;
  event: ProviderEvent;
}

/**
 * Reads the SES event an SNS notification carries. What Sendoka does not record (set-up messages, types it does
 * not track, anything unreadable) is logged and answers undefined; nothing is dropped without a log line.
 */
export function toProviderEvent(notification: SnsMessage, logger: Logger): SesNotification | undefined {
  const where = { snsMessageId: notification.MessageId, topicArn: notification.TopicArn };
  let json: unknown;
  try {
    json = JSON.parse(notification.Message);
  } catch {
    if (notification.Message.trim() === destinationValidated) logger.info(where, 'SES validated this topic as an event destination');
    else logger.warn(where, 'SNS notification does not carry JSON; ignored');
    return undefined;
  }
  const parsed = sesEvent.safeParse(json);
  if (!parsed.success) {
    logger.warn({ ...where, issues: parsed.error.issues.slice(0, 5) }, 'SNS notification is not an SES event; ignored');
    return undefined;
  }
  const event = parsed.data;
  const kind = event.eventType ?? event.notificationType;
  if (kind === 'AmazonSnsSubscriptionSucceeded') {
    logger.info(where, 'SES confirmed identity notifications to this topic');
    return undefined;
  }
  if (!kind || !trackedTypes.has(kind)) {
    if (kind && untrackedTypes.has(kind)) logger.debug({ ...where, type: kind }, 'SES event type not recorded; ignored');
    else logger.warn({ ...where, type: kind ?? null }, 'unknown SES event type; ignored');
    return undefined;
  }
  if (!event.mail) {
    logger.warn({ ...where, type: kind }, 'SES event without a mail object; ignored');
    return undefined;
  }
  const mapped = mapEvent(kind, event, event.mail);
  if (!mapped) {
    logger.warn({ ...where, type: kind }, `SES ${kind} event without its ${kind.toLowerCase()} object; ignored`);
    return undefined;
  }
  const sesMessageId = event.mail.messageId || undefined;
  return {
    kind,
    event: {
      reference: { taggedIds: event.mail.tags?.[messageIdTag] ?? [], ...(sesMessageId ? { providerMessageId: sesMessageId } : {}) },
      type: mapped.type,
      recipients: mapped.recipients,
      occurredAt: dateOr(mapped.timestamp, notification.Timestamp),
      // SNS redelivers a notification under the same MessageId. Deliveries, bounces and complaints are keyed by
      // SES's message id instead (one per recipient and message), so the same fact from a configuration set and
      // from identity notifications records once.
      providerEventId: feedbackTypes.has(kind) && sesMessageId ? `ses:${sesMessageId}` : notification.MessageId,
      ...(mapped.permanent !== undefined ? { permanent: mapped.permanent } : {}),
      details: mapped.details,
      ...(mapped.recipientDetails ? { recipientDetails: mapped.recipientDetails } : {}),
    },
  };
}

/**
 * Applies one verified SNS notification carrying an SES event; idempotent. An event of a tracked type that
 * matches no message is logged and counted (sendoka_provider_events_unmatched_total).
 */
export async function ingestSesNotification(ctx: AppContext, notification: SnsMessage): Promise<ProviderEventOutcome | undefined> {
  const read = toProviderEvent(notification, ctx.logger);
  if (!read) return undefined;
  const outcome = await applyProviderEvent(ctx, read.event);
  if (!outcome.matched) {
    countUnmatchedProviderEvent('ses', read.kind, outcome.reason);
    ctx.logger.warn(
      {
        snsMessageId: notification.MessageId,
        type: read.kind,
        reason: outcome.reason,
        sesMessageId: read.event.reference?.providerMessageId ?? null,
        taggedMessageIds: read.event.reference?.taggedIds ?? [],
      },
      'SES event matched no message; not recorded',
    );
  }
  return outcome;
}

/** Start-up warnings about an SES set-up that cannot report what happens to messages. */
export function sesSetupWarnings(config: Pick<Config, 'EMAIL_PROVIDER' | 'SES_CONFIGURATION_SET' | 'SES_SNS_TOPIC_ARNS'>): string[] {
  if (config.EMAIL_PROVIDER !== 'ses') return [];
  const warnings: string[] = [];
  if (!config.SES_CONFIGURATION_SET) {
    warnings.push(
      'EMAIL_PROVIDER=ses without SES_CONFIGURATION_SET: delivery events need a configuration set or identity notifications ' +
        '(identity notifications report deliveries, bounces and complaints only, matched by SES message id; opens, clicks, ' +
        'delivery delays and rejects need a configuration set publishing to SNS)',
    );
  }
  if (config.SES_SNS_TOPIC_ARNS.length === 0) {
    warnings.push(
      'EMAIL_PROVIDER=ses without SES_SNS_TOPIC_ARNS: /api/v1/ingest/ses refuses every SNS notification, so no delivery, ' +
        'bounce or complaint is recorded and nothing is suppressed automatically',
    );
  }
  return warnings;
}
