import { z } from 'zod';
import type { Principal } from '../../access/principal.js';
import type { Db } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { getMessage, listMessages, listMessagesQuery } from '../read.js';

// Reading emails under /emails (as the resend SDK does): the messages API narrowed to the email channel.

const pagesForwardOnly = 'not supported: lists page forwards, with after (the next_cursor)';

/** `before` (which the resend SDK can send) is refused rather than ignored: ignoring it would answer the wrong page. */
export const listEmailsQuery = listMessagesQuery.omit({ channel: true }).extend({
  before: z
    .string()
    .optional()
    .refine((value) => value === undefined, pagesForwardOnly)
    .meta({ description: pagesForwardOnly }),
});

export function listEmails(db: Db, principal: Principal, query: z.infer<typeof listEmailsQuery>) {
  const { before: _before, ...filters } = query;
  return listMessages(db, principal, { ...filters, channel: 'email' });
}

/** An SMS id is no email: a 404 here, as an id the key cannot see. */
export async function getEmail(db: Db, principal: Principal, messageId: string) {
  const message = await getMessage(db, principal, messageId);
  if (message.channel !== 'email') throw notFound('message', messageId);
  return message;
}
