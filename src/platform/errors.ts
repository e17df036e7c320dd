export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'conflict_error'
  | 'rate_limit_error'
  | 'service_unavailable'
  | 'api_error';

/** The one error every module throws; the API's error middleware turns it into `{error:{type,code,message}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    readonly code: string,
    message: string,
    /** Response headers that belong with this error (Retry-After, RateLimit-*). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody() {
    return { error: { type: this.type, code: this.code, message: this.message } };
  }
}

export const notFound = (what: string, id: string) =>
  new ApiError(404, 'not_found_error', 'NOT_FOUND', `${what} ${id} not found`);

export const invalid = (field: string, message: string, code = 'VALIDATION_ERROR') =>
  new ApiError(422, 'invalid_request_error', code, `${field}: ${message}`);

export const conflict = (code: string, message: string) => new ApiError(409, 'conflict_error', code, message);
