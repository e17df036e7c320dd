import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/api/validation.js';
import { ApiError } from '../../src/platform/errors.js';

/** The ApiError `parse` throws for this input. */
function failure(schema: z.ZodType, input: unknown, code?: string): ApiError {
  try {
    parse(schema, input, code);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected parse to fail');
}

const send = z.strictObject({
  to: z.union([z.email(), z.array(z.email()).max(2, 'at most 2 recipients')]),
  subject: z.string().optional(),
  nested: z.object({ a: z.string() }).optional(),
});

describe('parse', () => {
  it('returns what the schema outputs', () => {
    expect(parse(send, { to: 'a@b.co' })).toEqual({ to: 'a@b.co' });
    expect(parse(z.object({ n: z.coerce.number() }), { n: '3' })).toEqual({ n: 3 });
  });

  it('answers 422 invalid_request_error VALIDATION_ERROR naming the field', () => {
    const error = failure(send, { to: 'a@b.co', nested: { a: 1 } });
    expect(error.status).toBe(422);
    expect(error.type).toBe('invalid_request_error');
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toBe('nested.a: Invalid input: expected string, received number');
  });

  it('uses the code it is given', () => {
    expect(failure(send, {}, 'INVALID_QUERY').code).toBe('INVALID_QUERY');
  });

  it('names the body when the input as a whole is wrong', () => {
    expect(failure(send, 'x').message).toBe('body: Invalid input: expected object, received string');
  });

  it('lists unknown fields together', () => {
    expect(failure(send, { to: 'a@b.co', extra: 1, other: 2 }).message).toBe('extra, other: unknown field');
    expect(failure(z.object({ nested: z.strictObject({}) }), { nested: { x: 1 } }).message).toBe('nested.x: unknown field');
  });

  it("reports a union's issues from the one option whose type matched", () => {
    expect(failure(send, { to: ['a@b.co', 'c@d.co', 'e@f.co'] }).message).toBe('to: at most 2 recipients');
    expect(failure(send, { to: 'not-an-address' }).message).toBe('to: Invalid email address');
    expect(failure(send, { to: ['a@b.co', 'nope'] }).message).toMatch(/^to\.1: /);
  });

  it('keeps the union issue when no option matched the type', () => {
    expect(failure(send, { to: 5 }).message).toBe('to: Invalid input');
  });

  it('leads a batch item with its index', () => {
    const batch = z.array(send);
    expect(failure(batch, [{ to: 'a@b.co' }, { to: 'a@b.co', x: 1 }]).message).toBe('[1] x: unknown field');
    expect(failure(batch, [{ to: 'a@b.co' }, { to: 'a@b.co' }, { to: ['a@b.co', 'c@d.co', 'e@f.co'] }]).message).toBe('[2] to: at most 2 recipients');
    expect(failure(z.array(z.string()), ['ok', 3]).message).toBe('[1] Invalid input: expected string, received number');
  });

  it('reports at most five issues, joined by "; "', () => {
    const six = z.object({ a: z.string(), b: z.string(), c: z.string(), d: z.string(), e: z.string(), f: z.string() });
    const message = failure(six, {}).message;
    expect(message.split('; ').map((part) => part.split(':')[0])).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it("takes the code a custom issue asks for (params.code)", () => {
    const big = z.string().superRefine((_, ctx) => ctx.addIssue({ code: 'custom', message: 'too big', params: { code: 'MESSAGE_TOO_LARGE' } }));
    const error = failure(z.object({ html: big }), { html: 'x' });
    expect(error.code).toBe('MESSAGE_TOO_LARGE');
    expect(error.message).toBe('html: too big');
  });

  describe('text Postgres cannot store', () => {
    it.each([
      ['a NUL', 'a\u0000b'],
      ['a lone high surrogate', 'x\ud800'],
      ['a lone low surrogate', '\udc00x'],
      ['surrogates in the wrong order', '\udc00\ud800'],
    ])('refuses %s in a value, naming the field', (_, value) => {
      const error = failure(z.object({ subject: z.string() }), { subject: value });
      expect(error.code).toBe('VALIDATION_ERROR');
      expect(error.message).toBe('subject: contains a NUL character or an unpaired UTF-16 surrogate');
    });

    it('takes a well-formed surrogate pair', () => {
      expect(parse(z.object({ s: z.string() }), { s: '😀' })).toEqual({ s: '😀' });
    });

    it('finds it deep inside arrays and objects', () => {
      const schema = z.object({ tags: z.array(z.object({ name: z.string(), value: z.string() })) });
      expect(failure(schema, { tags: [{ name: 'a', value: 'b' }, { name: 'c', value: 'd\u0000' }] }).message).toBe(
        'tags.1.value: contains a NUL character or an unpaired UTF-16 surrogate',
      );
      expect(failure(z.array(z.string()), ['ok', 'x\u0000']).message).toBe('[1] contains a NUL character or an unpaired UTF-16 surrogate');
    });

    it('refuses it in a key', () => {
      expect(failure(z.record(z.string(), z.string()), { 'k\ud800': 'v' }).message).toBe('k\ud800: contains a NUL character or an unpaired UTF-16 surrogate');
    });

    it('ignores it in fields the schema drops', () => {
      expect(parse(z.object({ t: z.string() }), { t: 'ok', ignored: 'x\u0000' })).toEqual({ t: 'ok' });
    });

    it('uses the given code', () => {
      expect(failure(z.string(), '\u0000', 'INVALID_QUERY').code).toBe('INVALID_QUERY');
      expect(failure(z.string(), '\u0000').message).toBe('body: contains a NUL character or an unpaired UTF-16 surrogate');
    });
  });

  describe('nesting', () => {
    const nested = (depth: number) => {
      let value: unknown = 1;
      for (let index = 0; index < depth; index++) value = { d: value };
      return value;
    };

    it('takes input nested 32 levels deep', () => {
      expect(parse(z.any(), nested(32))).toEqual(nested(32));
    });

    it('refuses input nested deeper, before the schema walks it', () => {
      const error = failure(z.any(), nested(33));
      expect(error.code).toBe('VALIDATION_ERROR');
      expect(error.message).toBe(`${Array.from({ length: 32 }, () => 'd').join('.')}: is nested deeper than 32 levels`);
      // Arrays count too; a schema that would recurse is never reached.
      let array: unknown = [];
      for (let index = 0; index < 10_000; index++) array = [array];
      expect(failure(z.any(), array, 'X').code).toBe('X');
    });
  });
});
