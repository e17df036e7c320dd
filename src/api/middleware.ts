import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { isUnavailable, pgCode } from '../platform/db-errors.js';
import { ApiError, type ErrorType } from '../platform/errors.js';
import { assertLiveKey } from '../access/object-environment.js';
import { megabytes } from '../platform/limits.js';
import type { Principal } from '../access/principal.js';
import type { Scope } from '../access/scopes.js';
import type { Logger } from '../platform/logger.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The request id, also sent back as x-request-id. */
    id?: string;
    principal?: Principal;
  }
}

/** The authenticated caller; only routes behind `authenticate` call this. */
export function principalOf(req: Request): Principal {
  if (!req.principal) throw new Error('principalOf called on a route without authentication');
  return req.principal;
}

export function authenticate(resolve: (secret: string) => Promise<Principal>): RequestHandler {
  return async (req, _res, next) => {
    const header = req.get('authorization');
    const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
    if (!match?.[1]) {
      throw new ApiError(401, 'authentication_error', 'INVALID_API_KEY', 'send the API key as Authorization: Bearer <key>');
    }
    req.principal = await resolve(match[1]);
    next();
  };
}

/** For changes a test key may not make (see assertLiveKey); `resource` names them in the plural. */
export function requireLiveKey(resource: string): RequestHandler {
  return (req, _res, next) => {
    assertLiveKey(principalOf(req), resource);
    next();
  };
}

export function requireScope(scope: Scope): RequestHandler {
  return (req, _res, next) => {
    if (!principalOf(req).scopes.has(scope)) {
      throw new ApiError(403, 'permission_error', 'MISSING_SCOPE', `this key lacks the ${scope} scope`);
    }
    next();
  };
}

/**
 * A body the JSON parser skipped (another Content-Type, or none) would reach validation as missing: say which
 * header it needs instead. On the send path the body was parsed, and that takes one property test to see.
 */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  if (req.body === undefined && (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0)) {
    const given = req.get('content-type')?.slice(0, 100) ?? 'none';
    throw new ApiError(
      415,
      'invalid_request_error',
      'UNSUPPORTED_MEDIA_TYPE',
      `send the body as JSON with Content-Type: application/json (this request's Content-Type: ${given})`,
    );
  }
  next();
};

const bodyParserErrors: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'INVALID_JSON', 'the body is not valid JSON'],
  'encoding.unsupported': [415, 'UNSUPPORTED_ENCODING', 'unsupported content encoding'],
  'charset.unsupported': [415, 'UNSUPPORTED_CHARSET', 'unsupported charset; send UTF-8'],
  'request.aborted': [400, 'REQUEST_ABORTED', 'the request was aborted'],
};

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const bodyErrorType = typeof error === 'object' && error !== null && 'type' in error ? String(error.type) : undefined;
  if (bodyErrorType === 'entity.too.large') {
    // The limit differs by endpoint: name the one this request hit.
    const { limit } = error as { limit: number };
    return new ApiError(413, 'invalid_request_error', 'PAYLOAD_TOO_LARGE', `the body is larger than the ${megabytes(limit)} this endpoint accepts`);
  }
  const bodyError = bodyErrorType ? bodyParserErrors[bodyErrorType] : undefined;
  if (bodyError) return new ApiError(bodyError[0], 'invalid_request_error', bodyError[1], bodyError[2]);
  if (isUnavailable(error)) {
    return new ApiError(503, 'service_unavailable', 'SERVICE_UNAVAILABLE', 'a backing service is unavailable; retry shortly');
  }
  // Text Postgres cannot store (a NUL byte, an invalid sequence) is the caller's input, not our failure.
  if (['22021', '22P05'].includes(pgCode(error) ?? '')) {
    return new ApiError(422, 'invalid_request_error', 'VALIDATION_ERROR', 'the request contains characters that cannot be stored (e.g. NUL)');
  }
  // Errors the HTTP layer raises about the request itself (bad percent-encoding, a corrupt gzip body).
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : NaN;
  if (status >= 400 && status < 500) {
    return new ApiError(400, 'invalid_request_error', 'MALFORMED_REQUEST', 'the request is malformed (encoding or URL)');
  }
  return new ApiError(500, 'api_error', 'INTERNAL_ERROR', 'internal error');
}

/** The resend SDK's error names (its users switch on `name`): by Sendoka's code where one fits, else by type. */
const resendNameByCode: Record<string, string> = {
  MISSING_SCOPE: 'restricted_api_key',
  IDEMPOTENCY_KEY_REUSED: 'invalid_idempotent_request',
  IDEMPOTENCY_REQUEST_IN_PROGRESS: 'concurrent_idempotent_requests',
  QUOTA_EXCEEDED: 'monthly_quota_exceeded',
  DOMAIN_NOT_ALLOWED_FOR_KEY: 'invalid_from_address',
  DOMAIN_NOT_VERIFIED: 'invalid_from_address',
};
const resendNameByType: Record<ErrorType, string> = {
  invalid_request_error: 'validation_error',
  authentication_error: 'invalid_api_key',
  permission_error: 'invalid_access',
  not_found_error: 'not_found',
  conflict_error: 'validation_error',
  rate_limit_error: 'rate_limit_exceeded',
  service_unavailable: 'application_error',
  api_error: 'internal_server_error',
};

/** Sendoka's `error` object, and beside it (additive) the top-level fields the resend SDK reads. */
export function errorBody(error: ApiError) {
  return {
    ...error.toBody(),
    statusCode: error.status,
    name: resendNameByCode[error.code] ?? resendNameByType[error.type],
    message: error.message,
  };
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500) logger.error({ err: error, requestId: req.id }, 'request failed');
    if (apiError.status === 503) res.set('Retry-After', '1');
    res.set(apiError.headers);
    res.status(apiError.status).json(errorBody(apiError));
  };
}

export const notFoundHandler: RequestHandler = (req) => {
  throw new ApiError(404, 'not_found_error', 'NOT_FOUND', `no route for ${req.method} ${req.path}`);
};
