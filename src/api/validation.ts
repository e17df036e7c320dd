import type { z } from 'zod';
import { ApiError } from '../errors.js';

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
      if (issue.code === 'unrecognized_keys') {
        return `${issue.keys.map((key) => (field === 'body' ? key : `${field}.${key}`)).join(', ')}: unknown field`;
      }
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}

/** Parses external input; failures become a 422 whose message names each offending field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, code = 'VALIDATION_ERROR'): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiError(422, 'invalid_request_error', code, describe(result.error));
  return result.data;
}
