import { ApiError } from '../platform/errors.js';

/** An SMTP reply: the basic code, and the text after it, which starts with the RFC 3463 enhanced code. */
export interface SmtpReply {
  code: number;
  text: string;
}

/** An error smtp-server sends as it is: `responseCode` is the reply code, the message the reply text. */
export class SmtpRefusal extends Error {
  readonly responseCode: number;
  constructor(reply: SmtpReply) {
    super(reply.text);
    this.responseCode = reply.code;
  }
}

export const reply = (code: number, enhanced: string, text: string): SmtpReply => ({ code, text: `${enhanced} ${text}` });

const named = (error: ApiError) => `${error.code}: ${error.message}`;

/**
 * How a refusal of the API reads in SMTP, in one place: what the client may retry is 4xx (it queues and retries),
 * what it may not is 5xx (it bounces to the sender). The Sendoka error code leads the text, so a bounce names it.
 */
export function smtpReplyFor(error: unknown): SmtpReply {
  if (!(error instanceof ApiError)) return reply(451, '4.3.0', 'INTERNAL_ERROR: the message was not accepted; retry later');
  switch (error.code) {
    case 'INVALID_API_KEY':
      return reply(535, '5.7.8', named(error));
    case 'MESSAGE_TOO_LARGE':
      return reply(552, '5.3.4', named(error));
    case 'QUOTA_EXCEEDED':
      return reply(552, '5.2.2', named(error));
    case 'IDEMPOTENCY_REQUEST_IN_PROGRESS':
      return reply(451, '4.3.0', `${named(error)} (the same Message-ID is being accepted on another connection)`);
  }
  if (error.status === 429) return reply(451, '4.7.1', named(error));
  if (error.status >= 500) return reply(451, '4.3.0', named(error));
  if (error.status === 401 || error.status === 403) return reply(550, '5.7.1', named(error));
  if (error.status === 400 || error.status === 422) return reply(550, '5.6.0', named(error));
  return reply(554, '5.0.0', named(error));
}

/** The same refusal at AUTH, where a client expects 535 for anything about its credentials and 454 for a retry. */
export function authReplyFor(error: unknown): SmtpReply {
  const general = smtpReplyFor(error);
  if (general.code < 500) return { code: 454, text: general.text.replace(/^\S+/, '4.7.0') };
  return { code: 535, text: general.text.replace(/^\S+/, '5.7.8') };
}
