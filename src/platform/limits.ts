/**
 * The API's limits, each stated once: the validation enforces these constants, and the OpenAPI document and
 * the error messages quote them.
 */

const mebibyte = 1024 * 1024;

/** Request bodies as sent: JSON text, attachments base64-encoded. */
export const maxEmailRequestBytes = 40 * mebibyte;
/** A contact import: up to its maximum of contacts, with names and metadata. */
export const maxContactImportRequestBytes = 10 * mebibyte;
export const maxRequestBytes = 1 * mebibyte;

/** Per email: to, cc and bcc together (and reply_to on its own). */
export const maxRecipientsPerEmail = 50;
/** An email's content: html, text, attachments (decoded) and template variables together. */
export const maxMessageBytes = 10 * mebibyte;
/** RFC 5322's line length: a longer subject cannot be a single header line. */
export const maxSubjectLength = 998;
export const maxAttachmentsPerEmail = 100;
/** SES v2 takes at most 15 custom headers on a message (MessageHeader list); more would fail at send. */
export const maxHeadersPerEmail = 15;
export const maxEmailsPerBatch = 100;

export const maxTagsPerMessage = 20;
/** A tag's name, and its value. */
export const maxTagPartLength = 256;
export const maxScheduleAheadDays = 30;
export const maxSmsBodyBytes = 1_600;

export const maxIdempotencyKeyLength = 256;
/** How long an Idempotency-Key replays its first response. */
export const idempotencyWindowHours = 24;

export const maxPageSize = 100;
export const defaultPageSize = 20;

/** The months usage can be asked for, as YYYY-MM (strings in this form sort as the months do). */
export const usagePeriods = { first: '2000-01', last: '2100-12' } as const;

/** The usage and quota period a moment falls in: its UTC month, YYYY-MM. */
export function periodOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** `10 MB`, `1.5 MB`: sizes in the units the limits are stated in. */
export function megabytes(bytes: number): string {
  return `${Number((bytes / mebibyte).toFixed(1))} MB`;
}
