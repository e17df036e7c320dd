import { describe, expect, it } from 'vitest';
import { displayNamePhrase, fromHeader, parseMailbox } from '../../src/providers/email/mailbox.js';

const listProblem = 'must be one address, not a list or group; quote a display name with , ; or : in it, like "Acme, Inc." <a@acme.com>';
const specialsProblem = 'a display name with ( ) [ ] @ \\ " < or > in it must be in double quotes, like "Acme (EU)" <a@acme.com>';

describe('parseMailbox', () => {
  it.each([
    ['a@b.com', null, 'a@b.com'],
    ['  a@b.com  ', null, 'a@b.com'],
    // Surrounding whitespace, line breaks included, is trimmed before anything is judged.
    ['\r\na@b.com\n', null, 'a@b.com'],
    ['<a@b.com>', null, 'a@b.com'],
    ['   <a@b.com>', null, 'a@b.com'],
    ['Acme <a@b.com>', 'Acme', 'a@b.com'],
    ['Acme<a@b.com>', 'Acme', 'a@b.com'],
    ['Acme < a@b.com >', 'Acme', 'a@b.com'],
    ['  Acme   Mail   <a@b.com>', 'Acme   Mail', 'a@b.com'],
    ['A.B. Smith <a@b.com>', 'A.B. Smith', 'a@b.com'],
    ["O'Brien & Sons <a@b.com>", "O'Brien & Sons", 'a@b.com'],
    ['Jöhn Dœ <a@b.com>', 'Jöhn Dœ', 'a@b.com'],
    ['"Acme, Inc." <a@b.com>', 'Acme, Inc.', 'a@b.com'],
    ['"Acme"<a@b.com>', 'Acme', 'a@b.com'],
    ['"Acme (EU)" <a@b.com>', 'Acme (EU)', 'a@b.com'],
    ['"Group: x;" <a@b.com>', 'Group: x;', 'a@b.com'],
    ['"Say \\"hi\\"" <a@b.com>', 'Say "hi"', 'a@b.com'],
    ['"back\\\\slash" <a@b.com>', 'back\\slash', 'a@b.com'],
    ['"<a@evil.com>" <a@b.com>', '<a@evil.com>', 'a@b.com'],
    ['"" <a@b.com>', null, 'a@b.com'],
    ['"   " <a@b.com>', null, 'a@b.com'],
  ])('reads %j', (value, name, address) => {
    expect(parseMailbox(value)).toEqual({ mailbox: { name, address } });
  });

  it.each(['a@b.com, c@d.com', 'a@b.com; c@d.com', 'Group: a@b.com;', 'Acme, Inc. <a@b.com>', 'Acme; <a@b.com>', 'To: <a@b.com>', 'Acme <a@b.com>, B <c@d.com>', 'Acme <a@b.com> x', 'Acme <a@b.com>>', '"Acme" <a@b.com>, c@d.com'])(
    'refuses the list or group %j',
    (value) => {
      expect(parseMailbox(value)).toEqual({ problem: listProblem });
    },
  );

  it.each(['Acme (EU) <a@b.com>', 'a@b.com <c@d.com>', 'Acme [EU] <a@b.com>', 'Acme \\ Co <a@b.com>', 'Acme "Co" <a@b.com>', 'Acme > <a@b.com>'])(
    'refuses unquoted specials in %j',
    (value) => {
      expect(parseMailbox(value)).toEqual({ problem: specialsProblem });
    },
  );

  it.each(['Acme\r\nBcc: x@y.com <a@b.com>', 'a@b.com\r\nBcc: x@y.com', '"tab\there" <a@b.com>', 'Acme\u0000 <a@b.com>', 'Acme\u0085 <a@b.com>', 'Acme\u007f <a@b.com>'])(
    'refuses control characters in %j',
    (value) => {
      expect(parseMailbox(value)).toEqual({ problem: 'must not contain line breaks or other control characters' });
    },
  );

  it('refuses an unclosed quoted display name', () => {
    expect(parseMailbox('"Acme <a@b.com>')).toEqual({ problem: 'the display name has an opening " without a closing one' });
    expect(parseMailbox('"Acme\\" <a@b.com>')).toEqual({ problem: 'the display name has an opening " without a closing one' });
  });

  it.each(['Acme <a@b.com', '"Acme" a@b.com', '"x"y <a@b.com>', '"Acme"'])('refuses the malformed %j', (value) => {
    expect(parseMailbox(value)).toEqual({ problem: 'must be an email address or "Name <address>"' });
  });

  it("leaves the address's own syntax to the caller", () => {
    expect(parseMailbox('not-an-address')).toEqual({ mailbox: { name: null, address: 'not-an-address' } });
    expect(parseMailbox('Acme <>')).toEqual({ mailbox: { name: 'Acme', address: '' } });
    expect(parseMailbox('')).toEqual({ mailbox: { name: null, address: '' } });
  });
});

describe('displayNamePhrase', () => {
  it.each(['Acme', 'Acme Inc', "O'Brien", 'Jöhn Dœ', '日本', 'a+b=c', 'x_y-z'])('writes the atext words %j as they are', (name) => {
    expect(displayNamePhrase(name)).toBe(name);
  });

  it.each([
    ['Acme, Inc.', '"Acme, Inc."'],
    ['A.B. Smith', '"A.B. Smith"'],
    ['Acme (EU)', '"Acme (EU)"'],
    ['Say "hi"', '"Say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['Acme  Inc', '"Acme  Inc"'],
    [' Acme', '" Acme"'],
    ['Acme ', '"Acme "'],
    ['', '""'],
    ['<a@evil.com>', '"<a@evil.com>"'],
  ])('quotes %j as %s', (name, phrase) => {
    expect(displayNamePhrase(name)).toBe(phrase);
  });

  it('round-trips through parseMailbox', () => {
    for (const name of ['Acme, Inc.', 'Say "hi"', 'back\\slash', 'Group: x;', 'Acme (EU)', 'Jöhn Dœ', '<a@evil.com>']) {
      expect(parseMailbox(`${displayNamePhrase(name)} <a@b.com>`)).toEqual({ mailbox: { name, address: 'a@b.com' } });
    }
  });
});

/** The text of RFC 2047 B encoded-words, each decoded on its own (so none may split a character). */
function decodeWords(value: string): string[] {
  return value.split(' ').map((word) => {
    const match = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=$/.exec(word);
    if (!match?.[1]) throw new Error(`not an encoded-word: ${word}`);
    const bytes = Buffer.from(match[1], 'base64');
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  });
}

describe('fromHeader', () => {
  it.each([
    ['a@b.com', 'a@b.com'],
    ['<a@b.com>', 'a@b.com'],
    ['Acme <a@b.com>', 'Acme <a@b.com>'],
    ['"Acme, Inc." <a@b.com>', '"Acme, Inc." <a@b.com>'],
    ['"Say \\"hi\\"" <a@b.com>', '"Say \\"hi\\"" <a@b.com>'],
    ['"" <a@b.com>', 'a@b.com'],
    // Senders stored before display names were quoted.
    ['Acme, Inc. <a@b.com>', '"Acme, Inc." <a@b.com>'],
    ['a <b> <c@d.com>', '"a <b>" <c@d.com>'],
  ])('writes the ASCII sender %j as %j', (sender, header) => {
    expect(fromHeader(sender)).toBe(header);
  });

  it('encodes a non-ASCII display name (RFC 2047), leaving the address as is', () => {
    expect(fromHeader('Jöhn Dœ <a@b.com>')).toBe('=?UTF-8?B?SsO2aG4gRMWT?= <a@b.com>');
    expect(fromHeader('"Jöhn, Dœ" <a@b.com>')).toBe(`=?UTF-8?B?${Buffer.from('Jöhn, Dœ').toString('base64')}?= <a@b.com>`);
  });

  it('writes only 7-bit ASCII', () => {
    for (const sender of ['Jöhn Dœ <a@b.com>', '日本語 <a@b.com>', '"Ünïcödé, \\"quoted\\"" <a@b.com>', '😀 <a@b.com>']) {
      expect(fromHeader(sender)).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('splits a long name into encoded-words of at most 75 characters, between characters', () => {
    const name = `${'日本語の名前'.repeat(8)}😀é${'x'.repeat(50)}`;
    const header = fromHeader(`${name} <a@b.com>`);
    expect(header.endsWith(' <a@b.com>')).toBe(true);
    const words = header.slice(0, -' <a@b.com>'.length);
    for (const word of words.split(' ')) expect(word.length).toBeLessThanOrEqual(75);
    const decoded = decodeWords(words);
    expect(decoded.length).toBeGreaterThan(1);
    expect(decoded.join('')).toBe(name);
  });

  it('encodes a name of exactly 45 bytes as one word, 46 bytes as two', () => {
    const fortyFive = `é${'a'.repeat(43)}`;
    expect(decodeWords(fromHeader(`${fortyFive} <a@b.com>`).replace(/ <a@b\.com>$/, ''))).toEqual([fortyFive]);
    const fortySix = `${fortyFive}a`;
    expect(decodeWords(fromHeader(`${fortySix} <a@b.com>`).replace(/ <a@b\.com>$/, ''))).toEqual([fortyFive, 'a']);
  });
});
