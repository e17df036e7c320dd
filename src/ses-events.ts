import { z } from 'zod';
import { logger } from './logger.js';
import { applyProviderEvent, type ProviderEvent } from './messages.js';
import { messageIdTag } from './providers/email/sender.js';
import type { SnsMessage } from './sns.js';


const addressList = z.array(z.looseObject({ emailAddress: z.string() })).default([]);
const at = z.string().optional();

// Only the fields we use; SES sends many more (configuration-set event publishing and identity notifications alike).
const sesEvent = z.looseObject({
  eventType: z.string().optional(),
  notificationType: z.string().optional(),
  mail: z.looseObject({
    messageId: z.string().optional(),
    destination: z.array(z.string()).default([]),
    tags: z.record(z.string(), z.array(z.string())).optional(),
  }),
  delivery: z
    .looseObject({
      timestamp: at,
      recipients: z.array(z.string()).default([]),
      processingTimeMillis: z.number().optional(),
      smtpResponse: z.string().optional(),
      reportingMTA: z.string().optional(),
    })
    .optional(),
  bounce: z
    .looseObject({
      timestamp: at,
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: z
        .array(z.looseObject({ emailAddress: z.string(), status: z.string().optional(), diagnosticCode: z.string().optional() }))
        .default([]),
      feedbackId: z.string().optional(),
    })
    .optional(),
  complaint: z
    .looseObject({
      timestamp: at,
      complainedRecipients: addressList,
      complaintFeedbackType: z.string().optional(),
      complaintSubType: z.string().nullish(),
      userAgent: z.string().optional(),
      feedbackId: z.string().optional(),
    })
    .optional(),
  deliveryDelay: z
    .looseObject({
      timestamp: at,
      delayType: z.string().optional(),
      expirationTime: z.string().optional(),
      delayedRecipients: addressList,
    })
    .optional(),
  reject: z.looseObject({ reason: z.string().optional() }).optional(),
  failure: z.looseObject({ errorMessage: z.string().optional(), templateName: z.string().optional() }).optional(),
  open: z.looseObject({ timestamp: at, ipAddress: z.string().optional(), userAgent: z.string().optional() }).optional(),
  click: z
    .looseObject({
      timestamp: at,
      link: z.string().optional(),
      linkTags: z.record(z.string(), z.array(z.string())).optional(),
      ipAddress: z.string().optional(),
      userAgent: z.string().optional(),
    })
    .optional(),
});

type SesEvent = z.infer<typeof sesEvent>;

/** Drops undefined values so webhook payloads carry only what SES told us. */
function defined(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined && value !== null));
}

type Mapped = Pick<ProviderEvent, 'type' | 'recipients' | 'permanent' | 'details'> & { timestamp?: string };

/** SES event type → our provider event; undefined for the types we do not track (Send, Subscription, …). */
function mapEvent(event: SesEvent): Mapped | undefined {
  const kind = event.eventType ?? event.notificationType;
  // SES cannot say which recipient opened or clicked; with a single recipient it is unambiguous.
  const soleRecipient = event.mail.destination.length === 1 ? event.mail.destination : [];
  switch (kind) {
    case 'Delivery':
      return {
        type: 'delivered',
        recipients: event.delivery?.recipients ?? [],
        timestamp: event.delivery?.timestamp,
        details: defined({
          smtp_response: event.delivery?.smtpResponse,
          processing_time_ms: event.delivery?.processingTimeMillis,
          reporting_mta: event.delivery?.reportingMTA,
        }),
      };
    case 'Bounce':
      if (!event.bounce) return undefined;
      return {
        type: 'bounced',
        // Transient and Undetermined bounces may succeed later: they are delays, not suppressions.
        permanent: event.bounce.bounceType === 'Permanent',
        recipients: event.bounce.bouncedRecipients.map((recipient) => recipient.emailAddress),
        timestamp: event.bounce.timestamp,
        details: defined({
          bounce_type: event.bounce.bounceType,
          bounce_sub_type: event.bounce.bounceSubType,
          diagnostic_code: event.bounce.bouncedRecipients[0]?.diagnosticCode,
          feedback_id: event.bounce.feedbackId,
        }),
      };
    case 'Complaint':
      return {
        type: 'complained',
        recipients: event.complaint?.complainedRecipients.map((recipient) => recipient.emailAddress) ?? [],
        timestamp: event.complaint?.timestamp,
        details: defined({
          complaint_feedback_type: event.complaint?.complaintFeedbackType,
          complaint_sub_type: event.complaint?.complaintSubType,
          user_agent: event.complaint?.userAgent,
          feedback_id: event.complaint?.feedbackId,
        }),
      };
    case 'DeliveryDelay':
      return {
        type: 'delivery_delayed',
        recipients: event.deliveryDelay?.delayedRecipients.map((recipient) => recipient.emailAddress) ?? [],
        timestamp: event.deliveryDelay?.timestamp,
        details: defined({ delay_type: event.deliveryDelay?.delayType, expiration_time: event.deliveryDelay?.expirationTime }),
      };
    case 'Reject':
      return {
        type: 'failed',
        recipients: event.mail.destination,
        details: defined({ reason: 'rejected', provider_reason: event.reject?.reason }),
      };
    case 'Rendering Failure':
      return {
        type: 'failed',
        recipients: event.mail.destination,
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

/** Reads the SES event an SNS notification carries; events we cannot use are logged and dropped. */
export function toProviderEvent(notification: SnsMessage): ProviderEvent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(notification.Message);
  } catch {
    logger.warn({ snsMessageId: notification.MessageId }, 'SNS notification does not carry JSON; ignored');
    return undefined;
  }
  const parsed = sesEvent.safeParse(json);
  if (!parsed.success) {
    logger.warn({ snsMessageId: notification.MessageId }, 'SNS notification is not an SES event; ignored');
    return undefined;
  }
  const messageId = parsed.data.mail.tags?.[messageIdTag]?.[0];
  const mapped = mapEvent(parsed.data);
  if (!messageId || !mapped) return undefined;
  return {
    messageId,
    type: mapped.type,
    recipients: mapped.recipients,
    occurredAt: dateOr(mapped.timestamp, notification.Timestamp),
    providerEventId: notification.MessageId,
    ...(mapped.permanent !== undefined ? { permanent: mapped.permanent } : {}),
    details: mapped.details,
  };
}

/** Applies one verified SNS notification carrying an SES event; idempotent by the SNS MessageId. */
export async function ingestSesNotification(notification: SnsMessage): Promise<void> {
  const event = toProviderEvent(notification);
  if (event) await applyProviderEvent(event);
}
