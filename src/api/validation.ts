import type { z } from 'zod';
import { ApiError } from '../errors.js';

type Issue = z.core.$ZodIssue;

/**
 * A union's issues as those of the one option the input's type matched, when just one did: an array of 51
 * addresses reads "to: at most 50 recipients" instead of "to: Invalid input".
 */
function matchedOptionIssues(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const typeMatched = issue.errors.filter((option) => !option.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  if (typeMatched.length !== 1) return [issue];
  return (typeMatched[0] ?? []).flatMap((inner) => matchedOptionIssues({ ...inner, path: [...issue.path, ...inner.path] }));
}

function describeIssue(issue: Issue): string {
  // A batch item leads with its index, as the batch's other errors do: "[3] to: …".
  const [first, ...rest] = issue.path;
  const [item, path] = typeof first === 'number' ? [`[${first}] `, rest] : ['', issue.path];
  const field = path.join('.');
  if (issue.code === 'unrecognized_keys') {
    return `${item}${issue.keys.map((key) => (field ? `${field}.${key}` : key)).join(', ')}: unknown field`;
  }
  const subject = field || (item ? '' : 'body');
  return `${item}${subject ? `${subject}: ` : ''}${issue.message}`;
}

/** The code an issue asks for (a custom issue's `params.code`, e.g. MESSAGE_TOO_LARGE), if any does. */
function issueCode(issues: Issue[]): string | undefined {
  for (const issue of issues) {
    if (issue.code === 'custom' && typeof issue.params?.code === 'string') return issue.params.code;
  }
  return undefined;
}

/** Parses external input; failures become a 422 whose message names each offending field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, code = 'VALIDATION_ERROR'): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.flatMap(matchedOptionIssues);
    throw new ApiError(422, 'invalid_request_error', issueCode(issues) ?? code, issues.slice(0, 5).map(describeIssue).join('; '));
  }
  return result.data;
}
