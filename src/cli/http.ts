import type { CliConfig } from '../platform/config.js';

/** A failure the CLI reports as `code: message` on stderr, exiting 1: the API's own error, or why there was no answer. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** No request waits longer than this: every call the CLI makes is answered in well under it. */
const requestTimeoutMs = 30_000;

export type Api = <T = any>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown) => Promise<T>;

/** Calls `SENDOKA_API_URL`/api/v1 with `SENDOKA_API_KEY`; answers the parsed body, or throws a CliError. */
export function apiClient(config: CliConfig): Api {
  const base = `${config.SENDOKA_API_URL.replace(/\/+$/, '')}/api/v1`;
  return async (method, path, body) => {
    if (!config.SENDOKA_API_KEY) throw new CliError('MISSING_API_KEY', 'SENDOKA_API_KEY is not set: export the key to call the API with');
    let response: Response;
    try {
      response = await fetch(base + path, {
        method,
        headers: {
          authorization: `Bearer ${config.SENDOKA_API_KEY}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
    } catch (error) {
      throw new CliError('NETWORK_ERROR', `${method} ${base}${path} got no answer: ${reason(error)}`);
    }
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) {
      const apiError = parsed?.error;
      if (typeof apiError?.code === 'string' && typeof apiError.message === 'string') throw new CliError(apiError.code, apiError.message);
      throw new CliError(`HTTP_${response.status}`, `${method} ${base}${path} answered ${response.status} ${response.statusText}`);
    }
    if (parsed === undefined) throw new CliError('BAD_RESPONSE', `${method} ${base}${path} answered ${response.status} without a JSON body`);
    return parsed;
  };
}

function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, a timeout) is on its cause. */
function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer within ${requestTimeoutMs / 1000} s`;
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause?.code ?? cause?.message ?? error.message;
}
