/**
 * One RFC 5322 mailbox, `address` or `Display Name <address>`: what `from` may be. Sendoka takes exactly one,
 * and writes the display name back quoted (RFC 5322) or encoded (RFC 2047), so no display name can turn the
 * From header into an address list or break it into another header.
 */
export interface Mailbox {
  /** The display name as readers see it (unquoted, unescaped), or null. */
  name: string | null;
  address: string;
}

type MailboxParse = { mailbox: Mailbox; problem?: undefined } | { mailbox?: undefined; problem: string };

const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;
const listProblem = 'must be one address, not a list or group; quote a display name with , ; or : in it, like "Acme, Inc." <a@acme.com>';
/** RFC 5322 specials a display name may hold only quoted (`,` `;` `:` separate lists and groups; `.` passes, as readers allow). */
const unquotedSpecial = /[()[\]@\\"<>]/;
/** RFC 5322 atext plus UTF-8 (RFC 6532): a display-name word that needs no quotes. */
const atom = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u00a0-\u{10ffff}]+$/u;

/** The content of the quoted-string `text` starts with, unescaped, and where it ends; null when it is not closed. */
function readQuotedString(text: string): { content: string; end: number } | null {
  let content = '';
  for (let index = 1; index < text.length; index++) {
    const character = text[index];
    if (character === '"') return { content, end: index + 1 };
    if (character === '\\') index++;
    if (index < text.length) content += text[index];
  }
  return null;
}

/**
 * Reads `address`, `<address>`, `Name <address>` or `"Quoted \"Name\"" <address>`; anything else (a list, a
 * group, a comment, unquoted specials, control characters) is a problem. The address's own syntax is the
 * caller's to check.
 */
export function parseMailbox(value: string): MailboxParse {
  const text = value.trim();
  if (controlCharacter.test(text)) return { problem: 'must not contain line breaks or other control characters' };
  if (!text.includes('<') && !text.startsWith('"')) {
    return /[,;:]/.test(text) ? { problem: listProblem } : { mailbox: { name: null, address: text } };
  }

  let name: string;
  let rest: string;
  if (text.startsWith('"')) {
    const quoted = readQuotedString(text);
    if (!quoted) return { problem: 'the display name has an opening " without a closing one' };
    name = quoted.content;
    rest = text.slice(quoted.end).trimStart();
  } else {
    const open = text.indexOf('<');
    name = text.slice(0, open);
    rest = text.slice(open);
    if (/[,;:]/.test(name)) return { problem: listProblem };
    if (unquotedSpecial.test(name)) {
      return { problem: 'a display name with ( ) [ ] @ \\ " < or > in it must be in double quotes, like "Acme (EU)" <a@acme.com>' };
    }
  }

  const close = rest.indexOf('>');
  if (!rest.startsWith('<') || close < 0) return { problem: 'must be an email address or "Name <address>"' };
  if (rest.slice(close + 1).trim() !== '') return { problem: listProblem };
  return { mailbox: { name: name.trim() || null, address: rest.slice(1, close).trim() } };
}

/** The display name as RFC 5322 (with RFC 6532's UTF-8) writes it: as is when it is words of atext, else quoted. */
export function displayNamePhrase(name: string) {
  if (name.split(' ').every((word) => atom.test(word))) return name;
  return `"${name.replace(/[\\"]/g, '\\$&')}"`;
}

/** The mailbox as Sendoka stores and shows it, e.g. `"Acme, Inc." <a@acme.com>`. */
function formatMailbox(mailbox: Mailbox) {
  return mailbox.name ? `${displayNamePhrase(mailbox.name)} <${mailbox.address}>` : mailbox.address;
}

/** RFC 2047 B encoded-words of at most 75 characters (45 bytes each), split between characters. */
function encodedWords(text: string) {
  const words: string[] = [];
  let chunk = '';
  for (const character of text) {
    if (Buffer.byteLength(chunk + character) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += character;
  }
  words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word).toString('base64')}?=`).join(' ');
}

/**
 * The mailbox of a stored sender: the address in its last `<…>` (addresses hold no `<`), the display name
 * before it, unquoted when quoted. Senders stored before display names were quoted read the same way.
 */
function storedMailbox(sender: string): Mailbox {
  const open = sender.lastIndexOf('<');
  if (open < 0 || !sender.endsWith('>')) return { name: null, address: sender.trim() };
  const phrase = sender.slice(0, open).trim();
  const quoted = phrase.startsWith('"') ? readQuotedString(phrase) : null;
  const name = quoted && quoted.end === phrase.length ? quoted.content : phrase;
  return { name: name.trim() || null, address: sender.slice(open + 1, -1).trim() };
}

/**
 * The From header's value for the provider: one mailbox, an ASCII display name quoted where RFC 5322 needs it,
 * any other encoded per RFC 2047 (SES takes only 7-bit ASCII there).
 */
export function fromHeader(sender: string) {
  const mailbox = storedMailbox(sender);
  if (!mailbox.name || /^[\x20-\x7e]*$/.test(mailbox.name)) return formatMailbox(mailbox);
  return `${encodedWords(mailbox.name)} <${mailbox.address}>`;
}
