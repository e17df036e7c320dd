import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { simpleParser } from 'mailparser';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { generate } from 'selfsigned';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import { keyAuthenticator } from '../access/authenticate.js';
import type { Principal } from '../access/principal.js';
import type { AppContext } from '../context.js';
import { acceptEmails } from '../messages/email/accept.js';
import { sendEmailInput } from '../messages/email/input.js';
import type { Db } from '../platform/db.js';
import { ApiError } from '../platform/errors.js';
import { idempotencyKeyHeader, startIdempotent } from '../idempotency/records.js';
import { maxMessageBytes, maxRecipientsPerEmail, megabytes } from '../platform/limits.js';
import { countSmtpMessage, countSmtpSession } from '../platform/metrics.js';
import { parse } from '../api/validation.js';
import { sendInputFor } from './message.js';
import { authReplyFor, reply, SmtpRefusal, type SmtpReply, smtpReplyFor } from './replies.js';

/** The one username; the password is the API key. */
export const smtpUsername = 'sendoka';
/** A connection idle this long is closed; one open this long is closed whatever it does. */
const idleTimeoutMs = 60_000;
const connectionTimeoutMs = 10 * 60_000;
/** Failed AUTH attempts one client address may make in failedAuthWindowSeconds before it is refused. */
const failedAuthLimit = 10;
const failedAuthWindowSeconds = 300;

interface SessionUser {
  /** Resolved again for every message, so a key revoked or a tenant suspended mid-session stops its sends. */
  secret: string;
  keyId: string;
}

export interface SmtpServers {
  /** The ports listened on: STARTTLS, and implicit TLS when configured (0 in the settings picks a free one). */
  ports: { smtp: number; smtps?: number };
  close(): Promise<void>;
}

async function tlsCredentials(ctx: AppContext) {
  const { SMTP_TLS_CERT, SMTP_TLS_KEY } = ctx.config;
  if (SMTP_TLS_CERT && SMTP_TLS_KEY) return { cert: await readFile(SMTP_TLS_CERT), key: await readFile(SMTP_TLS_KEY) };
  ctx.logger.warn('SMTP_TLS_CERT and SMTP_TLS_KEY are not set: SMTP uses a self-signed certificate generated now, which clients will not trust');
  const pems = await generate([{ name: 'commonName', value: 'sendoka-smtp' }], { keySize: 2048, algorithm: 'sha256' });
  return { cert: pems.cert, key: pems.private };
}

/** The idempotency key of a message: its Message-ID, hashed when it is no valid key as it stands (too long, spaces). */
function idempotencyKeyOf(messageId: string): string {
  return idempotencyKeyHeader.safeParse(messageId).success ? messageId : `sha256:${createHash('sha256').update(messageId).digest('hex')}`;
}

async function readMessage(stream: SMTPServerDataStream): Promise<Buffer | 'too_large'> {
  const chunks: Buffer[] = [];
  // Throws when the client hangs up mid-DATA: nothing has been written by then.
  for await (const chunk of stream) {
    if (!stream.sizeExceeded) chunks.push(chunk as Buffer);
  }
  return stream.sizeExceeded ? 'too_large' : Buffer.concat(chunks);
}

/** Starts the SMTP submission server (and the implicit-TLS one when SMTPS_PORT is set). */
export async function startSmtpServers(ctx: AppContext): Promise<SmtpServers> {
  const { config, logger } = ctx;
  const authenticate = keyAuthenticator(ctx.db, ctx.keys, config.KEY_CACHE_TTL_MS);
  const failedAuth = new RateLimiterRedis({
    storeClient: ctx.jobs.producerConnection(),
    keyPrefix: `${config.QUEUE_PREFIX}:smtp-auth-failures`,
    points: failedAuthLimit,
    duration: failedAuthWindowSeconds,
    insuranceLimiter: new RateLimiterMemory({ points: failedAuthLimit, duration: failedAuthWindowSeconds }),
  });

  async function principalFor(user: SessionUser): Promise<Principal> {
    const principal = await authenticate(user.secret);
    if (!principal.scopes.has('emails:send')) {
      throw new ApiError(403, 'permission_error', 'MISSING_SCOPE', 'this key lacks the emails:send scope');
    }
    return principal;
  }

  const onAuth: SMTPServerOptions['onAuth'] = (auth, session, callback) => {
    const refuse = (answer: SmtpReply) => callback(new SmtpRefusal(answer));
    const client = session.remoteAddress;
    const failed = (answer: SmtpReply) => {
      failedAuth.penalty(client, 1).catch(() => undefined);
      logger.info({ smtpSession: session.id, client }, 'SMTP authentication failed');
      refuse(answer);
    };
    (async () => {
      const attempts = await failedAuth.get(client).catch(() => null);
      if (attempts && attempts.consumedPoints >= failedAuthLimit) {
        const seconds = Math.ceil(attempts.msBeforeNext / 1000);
        return refuse(reply(454, '4.7.0', `RATE_LIMITED: too many failed AUTH attempts from ${client}; retry in ${seconds} s`));
      }
      if (auth.username !== smtpUsername || !auth.password) {
        return failed(reply(535, '5.7.8', `INVALID_API_KEY: the username is ${smtpUsername} and the password an API key`));
      }
      const user: SessionUser = { secret: auth.password, keyId: '' };
      try {
        user.keyId = (await principalFor(user)).keyId;
      } catch (error) {
        const answer = authReplyFor(error);
        return error instanceof ApiError && error.code === 'INVALID_API_KEY' ? failed(answer) : refuse(answer);
      }
      callback(null, { user });
    })().catch((error: unknown) => {
      logger.error({ err: error }, 'SMTP authentication errored');
      refuse(authReplyFor(error));
    });
  };

  const onRcptTo: SMTPServerOptions['onRcptTo'] = (_address, session, callback) => {
    if (session.envelope.rcptTo.length >= maxRecipientsPerEmail) {
      return callback(new SmtpRefusal(reply(452, '4.5.3', `too many recipients: at most ${maxRecipientsPerEmail} per message`)));
    }
    callback();
  };

  /** Accepts one message as POST /emails would; answers the 250 with its id, or the refusal. */
  async function accept(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<{ id: string; replayed: boolean }> {
    const user = session.user as SessionUser;
    const raw = await readMessage(stream);
    if (raw === 'too_large') {
      throw new SmtpRefusal(reply(552, '5.3.4', `MESSAGE_TOO_LARGE: a message may be at most ${megabytes(maxMessageBytes)}`));
    }
    const principal = await principalFor(user);
    const mail = await simpleParser(raw, { keepCidLinks: true, skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
    const envelope = {
      mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
      rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
    };
    const body = sendInputFor(mail, envelope);
    if (body.to.length === 0) {
      throw new SmtpRefusal(
        reply(550, '5.6.0', 'VALIDATION_ERROR: the To header names none of the RCPT TO recipients; at least one must be in To (the others may be Cc or Bcc)'),
      );
    }
    const input = parse(sendEmailInput, body);
    const send = async (complete?: (trx: Db, accepted: unknown) => Promise<void>) => {
      const { accepted } = await acceptEmails(ctx, principal, [input], complete && ((trx, ids) => complete(trx, ids[0])));
      return accepted[0]!.id;
    };
    if (!mail.messageId) return { id: await send(), replayed: false };

    // A client that lost the 250 sends the message again with its Message-ID: it gets the first answer.
    const start = await startIdempotent(ctx.db, principal, 'smtp', idempotencyKeyOf(mail.messageId), { message_id: mail.messageId });
    if (start.replay) return { id: (start.replay.body as { id: string }).id, replayed: true };
    try {
      return { id: await send((trx, accepted) => start.complete(trx, 250, accepted)), replayed: false };
    } catch (error) {
      await start.release();
      throw error;
    }
  }

  const onData: SMTPServerOptions['onData'] = (stream, session, callback) => {
    const started = Date.now();
    const user = session.user as SessionUser;
    const recipients = session.envelope.rcptTo.length;
    accept(stream, session).then(
      ({ id, replayed }) => {
        countSmtpMessage(250);
        logger.info(
          { smtpSession: session.id, keyId: user.keyId, messageId: id, replayed, recipients, bytes: stream.byteLength, ms: Date.now() - started },
          'SMTP message accepted',
        );
        callback(null, `2.0.0 queued as ${id}`);
      },
      (error: unknown) => {
        const answer = error instanceof SmtpRefusal ? { code: error.responseCode, text: error.message } : smtpReplyFor(error);
        if (!(error instanceof SmtpRefusal) && !(error instanceof ApiError) && !stream.destroyed) {
          logger.error({ err: error, smtpSession: session.id }, 'SMTP message failed');
        }
        countSmtpMessage(answer.code);
        logger.info(
          { smtpSession: session.id, keyId: user.keyId, code: answer.code, reason: answer.text, recipients, bytes: stream.byteLength, ms: Date.now() - started },
          'SMTP message refused',
        );
        callback(new SmtpRefusal(answer));
      },
    );
  };

  const tls = await tlsCredentials(ctx);
  const options: SMTPServerOptions = {
    ...tls,
    name: 'sendoka',
    banner: 'Sendoka SMTP submission',
    size: maxMessageBytes,
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: config.SMTP_ALLOW_INSECURE_AUTH,
    disabledCommands: [],
    disableReverseLookup: true,
    socketTimeout: idleTimeoutMs,
    closeTimeout: Math.min(10_000, config.SHUTDOWN_GRACE_MS),
    onAuth,
    onRcptTo,
    onData,
    onConnect: (_session, callback) => {
      countSmtpSession();
      callback();
    },
  };

  async function listen(secure: boolean, port: number) {
    const server = new SMTPServer({ ...options, secure });
    // A session is bounded in time as well as in idleness: a client cannot hold a connection for ever.
    server.server.on('connection', (socket: Socket) => {
      const timer = setTimeout(() => socket.destroy(), connectionTimeoutMs).unref();
      socket.once('close', () => clearTimeout(timer));
    });
    server.on('error', (error) => logger.warn({ err: error }, 'SMTP connection error'));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, () => resolve());
    });
    const address = server.server.address();
    const listening = typeof address === 'object' && address ? address.port : port;
    logger.info({ port: listening, tls: secure ? 'implicit' : 'starttls' }, 'Sendoka SMTP listening');
    return { server, port: listening };
  }

  const smtp = await listen(false, config.SMTP_PORT);
  const smtps = config.SMTPS_PORT === undefined ? undefined : await listen(true, config.SMTPS_PORT);
  return {
    ports: { smtp: smtp.port, ...(smtps && { smtps: smtps.port }) },
    close: async () => {
      await Promise.all([smtp, smtps].map((running) => running && new Promise<void>((resolve) => running.server.close(() => resolve()))));
    },
  };
}
