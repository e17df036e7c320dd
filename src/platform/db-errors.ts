/** Postgres SQLSTATE of a failed query, when it is one. */
export function pgCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

export const isUniqueViolation = (error: unknown, constraint?: string) =>
  pgCode(error) === '23505' &&
  (constraint === undefined || (error as { constraint?: string }).constraint === constraint);

const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03']);

/** The database (or Redis) cannot be reached right now: the caller should retry, this is no bug. */
export function isUnavailable(error: unknown): boolean {
  const code = pgCode(error);
  if (code !== undefined && (unavailableCodes.has(code) || code.startsWith('08'))) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection is closed|connect ECONNREFUSED/i.test(
    message,
  );
}
