export type SendOutcome =
  | { ok: true; providerMessageId: string }
  | { ok: false; retryable: boolean; error: string };

/**
 * An AWS SDK error as a send outcome: throttling, 5xx and network failures (no HTTP status) are retried,
 * anything else the provider refused for good.
 */
export function failedOutcome(error: unknown, retryableNames: ReadonlySet<string>): SendOutcome {
  const name = error instanceof Error ? error.name : 'Error';
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const retryable = retryableNames.has(name) || status === undefined || status >= 500 || status === 429;
  return { ok: false, retryable, error: `${name}: ${error instanceof Error ? error.message : String(error)}` };
}
