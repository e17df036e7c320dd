import parsePhoneNumber, { type CountryCode, isSupportedCountry } from 'libphonenumber-js';
import { SegmentedMessage } from 'sms-segments-calculator';
import { z } from 'zod';
import type { Db } from '../../platform/db.js';
import { messageTags, scheduledAt } from '../email/input.js';
import { invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { maxSmsBodyBytes } from '../../platform/limits.js';
import { commitMessages, type NewMessage } from '../send/writer.js';
import type { Principal } from '../../access/principal.js';
import { assertSmsSenderAllowed, originationNumber, senderId } from './senders.js';
import type { AppContext } from '../../context.js';
import { withinQuotas } from '../../usage/quotas.js';

export const sendSmsInput = z
  .strictObject({
    to: z.string().trim().min(3).max(32),
    default_country: z
      .string()
      .length(2)
      .transform((value) => value.toUpperCase())
      .refine(isSupportedCountry, 'must be an ISO 3166 alpha-2 country code')
      .optional(),
    body: z
      .string()
      .min(1)
      .refine((value) => Buffer.byteLength(value) <= maxSmsBodyBytes, `must be at most ${maxSmsBodyBytes} bytes (UTF-8)`)
      .meta({ description: `at most ${maxSmsBodyBytes} bytes (UTF-8)` }),
    sender_id: senderId.optional(),
    origination_number: originationNumber.optional(),
    type: z.enum(['transactional', 'promotional']).default('transactional'),
    tags: messageTags.optional(),
    scheduled_at: scheduledAt.optional(),
  })
  .refine((input) => !(input.sender_id && input.origination_number), {
    path: ['sender_id'],
    message: 'give sender_id or origination_number, not both',
  });

export type SendSmsInput = z.infer<typeof sendSmsInput>;

/** E.164 for a number given as E.164, or in national format with a default country. */
export function normalisePhoneNumber(to: string, defaultCountry?: string): string {
  const parsed = parsePhoneNumber(to, defaultCountry ? { defaultCountry: defaultCountry as CountryCode } : undefined);
  if (!parsed?.isValid()) {
    throw invalid(
      'to',
      defaultCountry ? `${to} is not a valid phone number for ${defaultCountry}` : `${to} is not an E.164 number (or give default_country)`,
      'INVALID_PHONE_NUMBER',
    );
  }
  return parsed.number;
}

export async function acceptSms(ctx: AppContext, principal: Principal,
  input: SendSmsInput,
  alsoInTransaction?: (trx: Db, body: object) => Promise<void>,
) {
  const to = normalisePhoneNumber(input.to, input.default_country);
  await assertSmsSenderAllowed(ctx.db, principal, input);
  const segmented = new SegmentedMessage(input.body);
  const scheduledAt = input.scheduled_at ? new Date(input.scheduled_at) : null;
  const message: NewMessage = {
    id: newId('message'),
    org_id: principal.orgId,
    tenant_id: principal.tenantId,
    key_id: principal.keyId,
    channel: 'sms',
    environment: principal.environment,
    status: scheduledAt ? 'scheduled' : 'queued',
    sender: input.sender_id ?? input.origination_number ?? '',
    recipients: [to],
    subject: null,
    domain_id: null,
    content: JSON.stringify({
      body: input.body,
      segments: segmented.segmentsCount,
      encoding: segmented.encodingName,
      type: input.type,
      sender_id: input.sender_id,
      origination_number: input.origination_number,
    }),
    tags: JSON.stringify(input.tags ?? []),
    scheduled_at: scheduledAt,
  };
  const body = {
    id: message.id,
    status: message.status,
    to,
    segments: segmented.segmentsCount,
    encoding: segmented.encodingName,
  };
  await withinQuotas(ctx, principal, [message], () => commitMessages(ctx, [message], alsoInTransaction && ((trx) => alsoInTransaction(trx, body))));
  return body;
}
