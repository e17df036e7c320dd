import type { AddressObject, EmailAddress, ParsedMail } from 'mailparser';
import { reservedHeaderReason } from '../providers/email/custom-headers.js';

/** The header a client sets tags with: `X-Sendoka-Tags: name=value, name2=value2`. */
export const tagsHeader = 'x-sendoka-tags';
/** Headers mail clients add on their own; passed on they would only count against the custom-header limit. */
const clientNoise = new Set([tagsHeader, 'x-mailer', 'user-agent']);

function mailboxes(header: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const flat = (entries: EmailAddress[]): EmailAddress[] => entries.flatMap((entry) => (entry.group ? flat(entry.group) : [entry]));
  return (Array.isArray(header) ? header : header ? [header] : []).flatMap((object) => flat(object.value));
}

/** `"Name" <address>` (the name always quoted, so commas and other specials survive) or the bare address. */
function formatted(entry: EmailAddress): string {
  const address = entry.address ?? '';
  return entry.name ? `"${entry.name.replace(/["\\]/g, '\\$&')}" <${address}>` : address;
}

/** A header's value as written, unfolded (still RFC 2047-encoded where the client encoded it). */
const unfolded = (line: string) =>
  line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();

function tagsFrom(value: string) {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const separator = part.indexOf('=');
      return separator < 0 ? { name: part, value: '' } : { name: part.slice(0, separator).trim(), value: part.slice(separator + 1).trim() };
    });
}

/**
 * The body of a POST /emails for a message received over SMTP, still to be validated like one. Who receives it
 * is the envelope's RCPT TO: those the To and Cc headers name are to and cc, every other one is bcc (so a Bcc
 * header is honoured without being sent on). The From header is the sender, as in the API's `from`.
 */
export function sendInputFor(mail: ParsedMail, envelope: { mailFrom: string; rcptTo: string[] }) {
  const recipients = [...new Set(envelope.rcptTo.map((address) => address.toLowerCase()))];
  const pending = new Set(recipients);
  const take = (entries: EmailAddress[]) =>
    entries.filter((entry) => entry.address && pending.delete(entry.address.toLowerCase())).map(formatted);
  const to = take(mailboxes(mail.to));
  const cc = take(mailboxes(mail.cc));
  const bcc = [...pending];
  const from = mailboxes(mail.from)[0];
  const replyTo = mailboxes(mail.replyTo).map(formatted);

  const headers: Record<string, string> = {};
  let tags: { name: string; value: string }[] | undefined;
  for (const { key, line } of mail.headerLines) {
    if (key === tagsHeader) tags = [...(tags ?? []), ...tagsFrom(unfolded(line))];
    if (clientNoise.has(key) || reservedHeaderReason(key) !== null) continue;
    headers[line.slice(0, line.indexOf(':')).trim()] = unfolded(line);
  }

  return {
    from: from?.address ? formatted(from) : envelope.mailFrom,
    to,
    ...(cc.length > 0 && { cc }),
    ...(bcc.length > 0 && { bcc }),
    ...(replyTo.length > 0 && { reply_to: replyTo }),
    subject: mail.subject,
    ...(mail.html && { html: mail.html }),
    ...(mail.text && { text: mail.text }),
    ...(Object.keys(headers).length > 0 && { headers }),
    ...(tags && { tags }),
    ...(mail.attachments.length > 0 && {
      attachments: mail.attachments.map((attachment, index) => ({
        filename: attachment.filename ?? `attachment-${index + 1}`,
        content: attachment.content.toString('base64'),
        content_type: attachment.contentType,
        // Only an embedded part keeps its Content-ID: the html refers to it as cid:…
        ...(attachment.cid && attachment.related && { content_id: attachment.cid }),
      })),
    }),
  };
}
