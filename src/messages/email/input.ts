import { z } from 'zod';
import {
  maxAttachmentsPerEmail,
  maxEmailsPerBatch,
  maxHeadersPerEmail,
  maxMessageBytes,
  maxRecipientsPerEmail,
  maxScheduleAheadDays,
  maxSubjectLength,
  maxTagPartLength,
  maxTagsPerMessage,
  megabytes,
} from '../../platform/limits.js';
import { messageIdTag } from '../../providers/email/sender.js';
import { isUnsupportedAttachment, maxHeaderLength, maxHeaderValueLength, reservedHeaderReason } from '../../providers/email/custom-headers.js';
import { displayNamePhrase, parseMailbox } from '../../providers/email/mailbox.js';
import { templateVariables } from '../../templates/templates.js';

const maxScheduleAheadMs = maxScheduleAheadDays * 24 * 3600 * 1000;

const email = z.email({ error: 'must be a valid email address' }).max(320);

/**
 * `a@b.com` or `Name <a@b.com>` (the name in double quotes when it has specials): exactly one mailbox.
 * `name` is the display name as RFC 5322 writes it (quoted where needed), so `name <address>` is the one
 * mailbox the sender is stored and shown as.
 */
const mailbox = z
  .string()
  .trim()
  .max(640)
  .transform((value, ctx) => {
    const parsed = parseMailbox(value);
    const address = parsed.mailbox && email.safeParse(parsed.mailbox.address);
    if (!parsed.mailbox || !address?.success) {
      ctx.addIssue({ code: 'custom', message: parsed.problem ?? 'must be an email address or "Name <address>"' });
      return z.NEVER;
    }
    return { name: parsed.mailbox.name && displayNamePhrase(parsed.mailbox.name), address: address.data.toLowerCase() };
  });

/**
 * A mailbox or an array of them (`a@b.com` or `Name <a@b.com>`, as the resend SDK sends them); `noun` names
 * what the limit counts.
 */
const mailboxList = (noun: 'recipients' | 'addresses') =>
  z
    .union(
      [
        mailbox,
        z
          .array(mailbox)
          .min(1, 'at least one address')
          .max(maxRecipientsPerEmail, `at most ${maxRecipientsPerEmail} ${noun}`),
      ],
      { error: 'must be an email address or an array of them' },
    )
    .transform((value) => (Array.isArray(value) ? value : [value]));

type ParsedMailbox = z.output<typeof mailbox>;

const addressesOf = (mailboxes: ParsedMailbox[]) => mailboxes.map((item) => item.address);
const formatMailbox = (item: ParsedMailbox) => (item.name ? `${item.name} <${item.address}>` : item.address);

const tagPart = z
  .string()
  .min(1)
  .max(maxTagPartLength)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

/** Tags of an email or an SMS. */
export const messageTags = z
  .array(
    z.strictObject({
      // SES events find their message by this tag: a tenant's own would only confuse that.
      name: tagPart.refine((name) => name.toLowerCase() !== messageIdTag, `${messageIdTag} is set by Sendoka`),
      value: tagPart,
    }),
  )
  .max(maxTagsPerMessage, `at most ${maxTagsPerMessage} tags`);

/** An ISO date-time in the future, within the scheduling horizon. */
export const scheduledAt = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time with offset' })
  .refine((value) => Date.parse(value) > Date.now(), 'must be in the future')
  .refine((value) => Date.parse(value) <= Date.now() + maxScheduleAheadMs, `must be at most ${maxScheduleAheadDays} days ahead`)
  .meta({ description: `in the future, at most ${maxScheduleAheadDays} days ahead` });

const base64 = z
  .string()
  .min(1)
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'must be base64');

const attachment = z.strictObject({
  filename: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^\r\n"\\/]+$/, 'no line breaks, quotes or slashes')
    .refine((name) => !isUnsupportedAttachment(name), 'SES refuses attachments of this type (executables and scripts)'),
  content: base64,
  // The resend SDK's remote attachments: Sendoka does not fetch URLs on a sender's behalf.
  path: z
    .unknown()
    .refine(() => false, 'remote attachments are not fetched; send the file base64-encoded in content')
    .optional()
    .meta({ description: 'not supported: send content instead' }),
  content_type: z
    .string()
    .max(255)
    .regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type like application/pdf')
    .optional(),
  content_id: z
    .string()
    .max(78)
    .regex(/^[^\s<>]+$/, 'no spaces or angle brackets')
    .optional(),
});

const headerName = z
  .string()
  .max(100)
  .regex(/^[A-Za-z0-9-]+$/, 'header names are letters, digits and -')
  .superRefine((name, ctx) => {
    const reason = reservedHeaderReason(name);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  });

const headerValue = z
  .string()
  .min(1, 'must not be empty')
  .max(maxHeaderValueLength)
  .regex(/^[\x20-\x7e]*$/, 'printable ASCII only: no line breaks or control characters (encode other text per RFC 2047)');

const headers = z
  // A bad name's own message ("identifies the sender; only from may"), not zod's "Invalid key in record".
  .record(headerName, headerValue, { error: (issue) => (issue.code === 'invalid_key' ? issue.issues.map((inner) => inner.message).join('; ') : undefined) })
  .superRefine((value, ctx) => {
    const names = Object.keys(value);
    if (names.length > maxHeadersPerEmail) ctx.addIssue({ code: 'custom', message: `at most ${maxHeadersPerEmail} headers` });
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name.toLowerCase())) ctx.addIssue({ code: 'custom', path: [name], message: 'given twice (header names compare case-insensitively)' });
      seen.add(name.toLowerCase());
      if (name.length + (value[name] ?? '').length > maxHeaderLength) {
        ctx.addIssue({ code: 'custom', path: [name], message: `name and value together at most ${maxHeaderLength} characters` });
      }
    }
  })
  .meta({ maxProperties: maxHeadersPerEmail });

const recipients = mailboxList('recipients');

/** What counts towards maxMessageBytes, in bytes as sent (attachments decoded). */
function messageBytes(input: { html?: string; text?: string; attachments?: { content: string }[]; variables?: unknown }) {
  const attachmentBytes = (input.attachments ?? []).reduce((sum, item) => sum + (item.content.length * 3) / 4, 0);
  const variableBytes = input.variables ? Buffer.byteLength(JSON.stringify(input.variables)) : 0;
  return attachmentBytes + variableBytes + Buffer.byteLength(input.html ?? '') + Buffer.byteLength(input.text ?? '');
}

export const sendEmailInput = z
  .strictObject({
    from: mailbox,
    to: recipients.meta({ description: `at most ${maxRecipientsPerEmail} recipients across to, cc and bcc` }),
    cc: recipients.optional(),
    bcc: recipients.optional(),
    reply_to: mailboxList('addresses').optional(),
    subject: z.string().min(1).max(maxSubjectLength).optional(),
    html: z.string().min(1).optional(),
    text: z.string().min(1).optional(),
    headers: headers.optional(),
    tags: messageTags.optional(),
    attachments: z
      .array(attachment)
      .max(maxAttachmentsPerEmail, `at most ${maxAttachmentsPerEmail} attachments`)
      .meta({ description: `html, text, attachments (decoded) and variables together: at most ${megabytes(maxMessageBytes)}` })
      .optional(),
    // Instead of subject, html and text: the template renders them when the message is sent.
    template_id: z.string().min(1).max(64).optional(),
    variables: templateVariables.optional(),
    // The resend SDK's spelling of template_id and variables.
    template: z.strictObject({ id: z.string().min(1).max(64), variables: templateVariables.optional() }).optional(),
    scheduled_at: scheduledAt.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.template && (input.template_id || input.variables)) {
      ctx.addIssue({ code: 'custom', path: ['template'], message: 'give template or template_id and variables, not both' });
    }
    if (input.template_id || input.template) {
      for (const field of ['subject', 'html', 'text'] as const) {
        if (input[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'comes from the template; leave it out with template_id' });
      }
    } else {
      if (!input.subject) ctx.addIssue({ code: 'custom', path: ['subject'], message: 'subject is required (or a template_id)' });
      if (!input.html && !input.text) ctx.addIssue({ code: 'custom', path: ['html'], message: 'html or text is required (or a template_id)' });
      if (input.variables) ctx.addIssue({ code: 'custom', path: ['variables'], message: 'variables go with a template_id' });
    }
    const recipientCount = input.to.length + (input.cc?.length ?? 0) + (input.bcc?.length ?? 0);
    if (recipientCount > maxRecipientsPerEmail) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${maxRecipientsPerEmail} recipients across to, cc and bcc (${recipientCount} given)` });
    }
    const size = messageBytes({ ...input, variables: input.template?.variables ?? input.variables });
    if (size > maxMessageBytes) {
      // The whole message, not one field: its own code, so clients need not parse the message to tell it apart.
      ctx.addIssue({
        code: 'custom',
        path: [],
        params: { code: 'MESSAGE_TOO_LARGE' },
        message: `the message is ${megabytes(size)}; html, text, attachments (decoded) and variables together may be at most ${megabytes(maxMessageBytes)}`,
      });
    }
  })
  .transform(({ to, cc, bcc, reply_to, template, ...rest }) => {
    const named = [...to, ...(cc ?? []), ...(bcc ?? [])].filter((item) => item.name);
    return {
      ...rest,
      to: addressesOf(to),
      cc: cc && addressesOf(cc),
      bcc: bcc && addressesOf(bcc),
      reply_to: reply_to?.map(formatMailbox),
      // Recipients stay plain addresses (suppressions, filters); their display names go into the headers.
      display_names: Object.fromEntries(named.map((item) => [item.address, item.name])),
      template_id: template?.id ?? rest.template_id,
      variables: template ? template.variables : rest.variables,
    };
  });

export type SendEmailInput = z.infer<typeof sendEmailInput>;

const batchOf = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(1, 'at least one email')
    .max(maxEmailsPerBatch, `at most ${maxEmailsPerBatch} emails in a batch`);

export const sendEmailBatchInput = batchOf(sendEmailInput);

/** A permissive batch's emails, each to be validated on its own. */
export const sendEmailBatchItems = batchOf(z.unknown());

export const rescheduleInput = z.strictObject({ scheduled_at: scheduledAt });
