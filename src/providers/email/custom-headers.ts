/**
 * Custom headers an email may carry. Those that say who sent it, where its replies or bounces go, or that
 * receiving servers, SES or Sendoka set, are refused: a header must not name another sender than `from`.
 */

/** SES takes at most 870 printable ASCII characters per header value. */
export const maxHeaderValueLength = 870;

/** Headers that have their own field in the send request. */
const ownFields = new Map([
  ['from', 'from'],
  ['to', 'to'],
  ['cc', 'cc'],
  ['bcc', 'bcc'],
  ['reply-to', 'reply_to'],
  ['subject', 'subject'],
]);

const reservedHeaders: [RegExp, string][] = [
  [/^(sender|original-from|original-sender|resent-.+)$/, 'identifies the sender; only from may'],
  [/^(return-path|errors-to|bounces-to)$/, 'routes bounces; SES sets it'],
  [/^(received|delivered-to|x-original-to|envelope-to|received-spf|authentication-results|arc-.+)$/, 'is added by receiving mail servers'],
  [/^(dkim-signature|domainkey-signature)$/, 'is added by SES when it signs the email'],
  [/^x-ses-.+$/, 'controls SES; Sendoka sets what it needs'],
  [/^(message-id|date)$/, 'is set by SES when it sends the email'],
  [/^(mime-version|content-.+)$/, 'is set by Sendoka from html, text and attachments'],
];

/** Why a custom header of this name is refused (names compare case-insensitively), or null when it may be sent. */
export function reservedHeaderReason(name: string): string | null {
  const lowerCased = name.toLowerCase();
  const field = ownFields.get(lowerCased);
  if (field) return `is set by Sendoka from ${field}`;
  return reservedHeaders.find(([pattern]) => pattern.test(lowerCased))?.[1] ?? null;
}
