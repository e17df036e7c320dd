import {
  type ClaimedMessage,
  filterSuppressed,
  markHandedOver,
  type MessageResult,
  recordResults,
  releaseClaims,
} from '../send/handover.js';
import type { OutboundSms } from '../../providers/sms/sender.js';
import { unregisteredSmsSenders } from './senders.js';
import { addSuppressions } from '../../suppressions/suppressions.js';
import { type AppContext, contextCache } from '../../context.js';

interface SmsContent {
  body: string;
  type: OutboundSms['type'];
  sender_id?: string;
  origination_number?: string;
}

/** Opt-out answers are cached: asking SNS for every message would halve throughput for a rare event. */
const optOutTtlMs = 10 * 60 * 1000;
const optOutCaches = contextCache(() => new Map<string, { optedOut: boolean; expiresAt: number }>());

async function isOptedOut(ctx: AppContext, phoneNumber: string): Promise<boolean> {
  const optOutCache = optOutCaches(ctx);
  const cached = optOutCache.get(phoneNumber);
  if (cached && cached.expiresAt > Date.now()) return cached.optedOut;
  const optedOut = await ctx.providers.sms.isOptedOut(phoneNumber);
  if (optOutCache.size >= 100_000) optOutCache.clear();
  optOutCache.set(phoneNumber, { optedOut, expiresAt: Date.now() + optOutTtlMs });
  return optedOut;
}

/**
 * Sends claimed SMS (the scheduler granted them their share of the provider's rate) and records each outcome;
 * a provider's "retry later" puts a message back in the queue after its backoff.
 */
export async function sendSms(ctx: AppContext, claimed: ClaimedMessage[]): Promise<void> {
  // The sender was checked at acceptance; a scheduled message must not go out under one unregistered since.
  const senderRefusals = await unregisteredSmsSenders(ctx.db, claimed);
  const results: MessageResult[] = claimed.flatMap((message) => {
    const error = senderRefusals.get(message.id);
    return error ? [{ message, status: 'failed' as const, error }] : [];
  });
  const sendable = claimed.filter((message) => !senderRefusals.has(message.id));
  const { suppressed } = await filterSuppressed(ctx, sendable, (message) => message.recipients);

  try {
    await sendEach(ctx, sendable, suppressed, results);
  } catch (error) {
    // Messages the provider has not seen go back to the queue; those it has are recorded below.
    const done = new Set(results.map((result) => result.message.id));
    await releaseClaims(ctx, claimed.filter((message) => !done.has(message.id)));
    await recordResults(ctx, results, suppressed);
    throw error;
  }
  await recordResults(ctx, results, suppressed);
}

async function sendEach(ctx: AppContext, claimed: ClaimedMessage[], suppressed: Map<string, string[]>, results: MessageResult[]) {
  for (const message of claimed) {
    const to = message.recipients[0] as string;
    if (suppressed.has(message.id)) {
      results.push({ message, status: 'suppressed' });
      continue;
    }
    if (message.environment === 'test') {
      results.push({ message, status: 'sent', providerMessageId: `test-${message.id}` });
      continue;
    }
    if (await isOptedOut(ctx, to)) {
      await addSuppressions(ctx.db, [{ orgId: message.org_id, tenantId: message.tenant_id, environment: message.environment, address: to, reason: 'unsubscribe', source: 'sns-opt-out' }]);
      suppressed.set(message.id, [to]);
      results.push({ message, status: 'suppressed' });
      continue;
    }
    // Taken over meanwhile: the message is its new holder's to send.
    if (!(await markHandedOver(ctx, [message])).has(message.id)) continue;
    const outcome = await ctx.providers.sms.send(outbound(message, to));
    if (outcome.ok) results.push({ message, status: 'sent', providerMessageId: outcome.providerMessageId });
    else results.push({ message, status: outcome.retryable ? 'retry' : 'failed', error: outcome.error });
  }
}

function outbound(message: ClaimedMessage, to: string): OutboundSms {
  const content = message.content as unknown as SmsContent;
  return {
    messageId: message.id,
    to,
    body: content.body,
    type: content.type,
    senderId: content.sender_id,
    originationNumber: content.origination_number,
  };
}
