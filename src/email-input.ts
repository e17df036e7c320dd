import { z } from 'zod';
import { templateVariables } from './templates.js';

const maxRecipients = 50;
const maxMessageBytes = 10 * 1024 * 1024;
const maxScheduleAheadMs = 30 * 24 * 3600 * 1000;

const email = z.email({ error: 'must be a valid email address' }).max(320);

/** `a@b.com` or `Name <a@b.com>`; the display name may be quoted. */
const mailbox = z
  .string()
  .trim()
  .max(640)
  .transform((value, ctx) => {
    const named = value.match(/^(?:"?([^"<>]*?)"?\s*)<([^<>\s]+)>$/);
    const address = named ? named[2] : value;
    const parsed = email.safeParse(address);
    if (!parsed.success || /[\r\n]/.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'must be an email address or "Name <address>"' });
      return z.NEVER;
    }
    return { name: named?.[1]?.trim() || null, address: parsed.data.toLowerCase() };
  });

const addressList = z
  .union([email, z.array(email).min(1).max(maxRecipients)])
  .transform((value) => (Array.isArray(value) ? value : [value]).map((address) => address.toLowerCase()));

const tag = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(256)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only'),
  value: z
    .string()
    .min(1)
    .max(256)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only'),
});

const base64 = z
  .string()
  .min(1)
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'must be base64');

const attachment = z.strictObject({
  filename: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^\r\n"\\/]+$/, 'no line breaks, quotes or slashes'),
  content: base64,
  content_type: z
    .string()
    .max(255)
    .regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type like application/pdf')
    .optional(),
  content_id: z
    .string()
    .max(255)
    .regex(/^[^\s<>]+$/, 'no spaces or angle brackets')
    .optional(),
});

/** Headers SES sets from the fields we send or refuses to take from us. */
const reservedHeaders = new Set(['from', 'to', 'cc', 'bcc', 'subject', 'reply-to', 'content-type', 'mime-version', 'date', 'message-id']);

const headers = z
  .record(
    z
      .string()
      .max(100)
      .regex(/^[A-Za-z0-9-]+$/, 'header names are letters, digits and -')
      .refine((name) => !reservedHeaders.has(name.toLowerCase()), 'set this through its own field'),
    z
      .string()
      .max(2000)
      .regex(/^[^\r\n]*$/, 'no line breaks'),
  )
  .refine((value) => Object.keys(value).length <= 50, 'at most 50 headers');

export const sendEmailInput = z
  .strictObject({
    from: mailbox,
    to: addressList,
    cc: addressList.optional(),
    bcc: addressList.optional(),
    reply_to: addressList.optional(),
    subject: z.string().min(1).max(998).optional(),
    html: z.string().min(1).optional(),
    text: z.string().min(1).optional(),
    headers: headers.optional(),
    tags: z.array(tag).max(20).optional(),
    attachments: z.array(attachment).max(100).optional(),
    // Instead of subject, html and text: the template renders them when the message is sent.
    template_id: z.string().min(1).max(64).optional(),
    variables: templateVariables.optional(),
    scheduled_at: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with offset' }).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.template_id) {
      for (const field of ['subject', 'html', 'text'] as const) {
        if (input[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'comes from the template; leave it out with template_id' });
      }
    } else {
      if (!input.subject) ctx.addIssue({ code: 'custom', path: ['subject'], message: 'subject is required (or a template_id)' });
      if (!input.html && !input.text) ctx.addIssue({ code: 'custom', path: ['html'], message: 'html or text is required (or a template_id)' });
      if (input.variables) ctx.addIssue({ code: 'custom', path: ['variables'], message: 'variables go with a template_id' });
    }
    const recipientCount = input.to.length + (input.cc?.length ?? 0) + (input.bcc?.length ?? 0);
    if (recipientCount > maxRecipients) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${maxRecipients} recipients across to, cc and bcc` });
    }
    const attachmentBytes = (input.attachments ?? []).reduce((sum, item) => sum + (item.content.length * 3) / 4, 0);
    const variableBytes = input.variables ? Buffer.byteLength(JSON.stringify(input.variables)) : 0;
    const size = attachmentBytes + variableBytes + Buffer.byteLength(input.html ?? '') + Buffer.byteLength(input.text ?? '');
    if (size > maxMessageBytes) ctx.addIssue({ code: 'custom', path: ['attachments'], message: 'the message exceeds 10 MB' });
    if (input.scheduled_at) {
      const at = Date.parse(input.scheduled_at);
      if (at <= Date.now()) ctx.addIssue({ code: 'custom', path: ['scheduled_at'], message: 'must be in the future' });
      if (at > Date.now() + maxScheduleAheadMs) {
        ctx.addIssue({ code: 'custom', path: ['scheduled_at'], message: 'must be at most 30 days ahead' });
      }
    }
  });

export type SendEmailInput = z.infer<typeof sendEmailInput>;

export const sendEmailBatchInput = z.array(sendEmailInput).min(1).max(100);

export const rescheduleInput = z.strictObject({
  scheduled_at: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with offset' }).refine((value) => {
    const at = Date.parse(value);
    return at > Date.now() && at <= Date.now() + maxScheduleAheadMs;
  }, 'must be in the future and at most 30 days ahead'),
});
