import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';

/**
 * Sendoka reports `segments` and `encoding` for an SMS as acceptSms (src/messages/sms/accept.ts) computes
 * them: `new SegmentedMessage(body)` with the library's defaults. These pin the GSM-7 / UCS-2 boundaries.
 */
const count = (body: string) => {
  const message = new SegmentedMessage(body);
  return { segments: message.segmentsCount, encoding: message.encodingName };
};

const gsm = (segments: number) => ({ segments, encoding: 'GSM-7' });
const ucs2 = (segments: number) => ({ segments, encoding: 'UCS-2' });

describe('GSM-7', () => {
  it('fits 160 characters in one segment, 161 in two', () => {
    expect(count('a'.repeat(1))).toEqual(gsm(1));
    expect(count('a'.repeat(160))).toEqual(gsm(1));
    expect(count('a'.repeat(161))).toEqual(gsm(2));
  });

  it('fits 153 characters per segment once concatenated', () => {
    expect(count('a'.repeat(306))).toEqual(gsm(2));
    expect(count('a'.repeat(307))).toEqual(gsm(3));
    expect(count('a'.repeat(459))).toEqual(gsm(3));
    expect(count('a'.repeat(460))).toEqual(gsm(4));
    expect(count('a'.repeat(1_530))).toEqual(gsm(10));
  });

  it('keeps the basic set in GSM-7, accented letters included', () => {
    expect(count('Hello, World! 0123456789 @£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà')).toEqual(gsm(1));
    expect(count('line one\nline two\r\n')).toEqual(gsm(1));
    expect(count(`é${'a'.repeat(159)}`)).toEqual(gsm(1));
  });

  it('counts each extension character (^ { } \\ [ ~ ] | €) as two', () => {
    for (const extension of ['^', '{', '}', '\\', '[', '~', ']', '|', '€']) {
      expect(count(extension.repeat(80)), extension).toEqual(gsm(1));
      expect(count(extension.repeat(81)), extension).toEqual(gsm(2));
    }
    expect(count(`${'a'.repeat(158)}€`)).toEqual(gsm(1));
    expect(count(`${'a'.repeat(159)}€`)).toEqual(gsm(2));
  });

  it('does not split an extension character across segments', () => {
    // 306 septets would fit two segments of 153, but the € (escape + code) would straddle them.
    expect(count(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual(gsm(3));
    expect(count(`${'a'.repeat(153)}€${'a'.repeat(151)}`)).toEqual(gsm(2));
  });
});

describe('UCS-2', () => {
  it('switches the whole message to UCS-2 for one character outside GSM-7', () => {
    expect(count(`${'a'.repeat(69)}ć`)).toEqual(ucs2(1));
    expect(count(`${'a'.repeat(70)}ć`)).toEqual(ucs2(2));
    expect(count('ç')).toEqual(ucs2(1)); // Only the capital Ç is in the GSM-7 basic set.
    expect(count('Привет')).toEqual(ucs2(1));
    expect(count('你好')).toEqual(ucs2(1));
  });

  it('fits 70 characters in one segment, 67 per segment once concatenated', () => {
    expect(count('ć'.repeat(70))).toEqual(ucs2(1));
    expect(count('ć'.repeat(71))).toEqual(ucs2(2));
    expect(count('ć'.repeat(134))).toEqual(ucs2(2));
    expect(count('ć'.repeat(135))).toEqual(ucs2(3));
    expect(count('ć'.repeat(201))).toEqual(ucs2(3));
    expect(count('ć'.repeat(202))).toEqual(ucs2(4));
  });

  it('counts characters outside the BMP (emoji) as two code units', () => {
    expect(count('😀'.repeat(35))).toEqual(ucs2(1));
    expect(count('😀'.repeat(36))).toEqual(ucs2(2));
    expect(count(`${'a'.repeat(68)}😀`)).toEqual(ucs2(1));
    expect(count(`${'a'.repeat(69)}😀`)).toEqual(ucs2(2));
  });

  it('does not split a surrogate pair across segments', () => {
    // 134 code units would fit two segments of 67, but the emoji would straddle them.
    expect(count(`${'ć'.repeat(66)}😀${'ć'.repeat(66)}`)).toEqual(ucs2(3));
  });

  it('does not replace typographic quotes or non-breaking spaces with GSM-7 ones (no smart encoding)', () => {
    expect(count('“quoted”')).toEqual(ucs2(1));
    expect(count('it’s')).toEqual(ucs2(1));
    expect(count('a\u00a0b')).toEqual(ucs2(1));
    expect(count('tab\there')).toEqual(ucs2(1));
    expect(count(`“${'a'.repeat(100)}`)).toEqual(ucs2(2));
  });
});

describe('edge cases', () => {
  it('an empty body is one GSM-7 segment (the API refuses it before counting)', () => {
    expect(count('')).toEqual(gsm(1));
  });

  it('a body at the 1,600-byte limit in UCS-2 is many segments', () => {
    // 800 two-byte UTF-8 characters: 1,600 bytes, 800 UCS-2 code units.
    expect(count('ć'.repeat(800))).toEqual(ucs2(12));
  });
});
