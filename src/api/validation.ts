import type { z } from 'zod';
import { ApiError } from '../platform/errors.js';

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

const storable = (text: string) => !text.includes('\u0000') && (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/** Deeper input is no real request, and would exhaust the stack of whatever walks it (this, zod, JSON.stringify). */
const maxInputDepth = 32;

interface InputProblem {
  path: PropertyKey[];
  message: string;
}

/** The path of the first value `problemOf` objects to, walking objects and arrays no deeper than maxInputDepth. */
function findProblem(value: unknown, problemOf: (value: unknown) => string | undefined, depth = 0): InputProblem | undefined {
  const problem = problemOf(value);
  if (problem) return { path: [], message: problem };
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth === maxInputDepth) return { path: [], message: `is nested deeper than ${maxInputDepth} levels` };
  for (const [key, item] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const keyProblem = typeof key === 'string' ? problemOf(key) : undefined;
    if (keyProblem) return { path: [key], message: keyProblem };
    const inner = findProblem(item, problemOf, depth + 1);
    if (inner) return { ...inner, path: [key, ...inner.path] };
  }
  return undefined;
}

/**
 * Text Postgres and the providers cannot carry: a NUL, or half of a UTF-16 pair (JSON lets "\ud800" through).
 * Refused per request, so that no shared commit fails for it; judged on what the schema kept, so a parameter an
 * endpoint ignores is no reason to refuse it.
 */
const unstorable = (value: unknown) =>
  typeof value === 'string' && !storable(value) ? 'contains a NUL character or an unpaired UTF-16 surrogate' : undefined;

const failure = (code: string, problem: InputProblem, input: unknown) =>
  new ApiError(422, 'invalid_request_error', code, describeIssue({ code: 'custom', input, ...problem } as Issue));

/** Parses external input; failures become a 422 whose message names each offending field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, code = 'VALIDATION_ERROR'): z.output<S> {
  const tooDeep = findProblem(input, () => undefined);
  if (tooDeep) throw failure(code, tooDeep, input);
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.flatMap(matchedOptionIssues);
    throw new ApiError(422, 'invalid_request_error', issueCode(issues) ?? code, issues.slice(0, 5).map(describeIssue).join('; '));
  }
  const cannotStore = findProblem(result.data, unstorable);
  if (cannotStore) throw failure(code, cannotStore, input);
  return result.data;
}
