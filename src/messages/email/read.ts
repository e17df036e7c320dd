import type { z } from 'zod';
import type { Principal } from '../../access/principal.js';
import type { Db } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { getMessage, listMessages, listMessagesQuery } from '../read.js';

// Reading emails under /emails (as the resend SDK does): the messages API narrowed to the email channel.

export const listEmailsQuery = listMessagesQuery.omit({ channel: true });

export function listEmails(db: Db, principal: Principal, query: z.infer<typeof listEmailsQuery>) {
  return listMessages(db, principal, { ...query, channel: 'email' });
}

/** An SMS id is no email: a 404 here, as an id the key cannot see. */
export async function getEmail(db: Db, principal: Principal, messageId: string) {
  const message = await getMessage(db, principal, messageId);
  if (message.channel !== 'email') throw notFound('message', messageId);
  return message;
}
