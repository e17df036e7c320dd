import { describe, expect, it } from 'vitest';
import { isUnsupportedAttachment, maxHeaderLength, maxHeaderValueLength, reservedHeaderReason } from '../../src/providers/email/custom-headers.js';

describe('reservedHeaderReason', () => {
  it.each([
    ['From', 'is set by Sendoka from from'],
    ['to', 'is set by Sendoka from to'],
    ['CC', 'is set by Sendoka from cc'],
    ['Bcc', 'is set by Sendoka from bcc'],
    ['Reply-To', 'is set by Sendoka from reply_to'],
    ['SUBJECT', 'is set by Sendoka from subject'],
  ])('sends %s to its own field', (name, reason) => {
    expect(reservedHeaderReason(name)).toBe(reason);
  });

  it.each([
    ['Sender', 'identifies the sender; only from may'],
    ['Original-From', 'identifies the sender; only from may'],
    ['Resent-From', 'identifies the sender; only from may'],
    ['resent-sender', 'identifies the sender; only from may'],
    ['Return-Path', 'routes bounces; SES sets it'],
    ['Errors-To', 'routes bounces; SES sets it'],
    ['Received', 'is added by receiving mail servers'],
    ['Authentication-Results', 'is added by receiving mail servers'],
    ['ARC-Seal', 'is added by receiving mail servers'],
    ['Received-SPF', 'is added by receiving mail servers'],
    ['DKIM-Signature', 'is added by SES when it signs the email'],
    ['X-SES-CONFIGURATION-SET', 'controls SES; Sendoka sets what it needs'],
    ['x-ses-tenant', 'controls SES; Sendoka sets what it needs'],
    ['Message-ID', 'is set by SES when it sends the email'],
    ['Date', 'is set by SES when it sends the email'],
    ['MIME-Version', 'is set by Sendoka from html, text and attachments'],
    ['Content-Type', 'is set by Sendoka from html, text and attachments'],
    ['content-transfer-encoding', 'is set by Sendoka from html, text and attachments'],
  ])('refuses %s', (name, reason) => {
    expect(reservedHeaderReason(name)).toBe(reason);
  });

  it.each(['X-Entity-Ref-ID', 'List-Unsubscribe', 'List-Unsubscribe-Post', 'X-Priority', 'In-Reply-To', 'References', 'X-SES', 'X-Sender', 'Senders', 'Resent', 'Content', 'Dated', 'Sender-Id'])(
    'allows %s',
    (name) => {
      expect(reservedHeaderReason(name)).toBeNull();
    },
  );

  it('matches whole names only', () => {
    expect(reservedHeaderReason('X-From')).toBeNull();
    expect(reservedHeaderReason('From-X')).toBeNull();
    expect(reservedHeaderReason('resent-')).toBeNull();
    expect(reservedHeaderReason('x-ses-')).toBeNull();
  });
});

describe('isUnsupportedAttachment', () => {
  it.each(['setup.exe', 'SETUP.EXE', 'run.bat', 'a.b.js', 'macro.vbs', 'script.ps1', 'x.jar.scr', 'file.msi', 'link.lnk'])('refuses %s', (filename) => {
    expect(isUnsupportedAttachment(filename)).toBe(true);
  });

  it.each(['report.pdf', 'photo.jpeg', 'data.json', 'archive.zip', 'notes.txt', 'exe', '.exe.txt', 'file.exe.pdf', 'noextension', 'trailingdot.', 'script.jsx'])(
    'allows %s',
    (filename) => {
      expect(isUnsupportedAttachment(filename)).toBe(false);
    },
  );

  it('judges a dotfile by its name after the dot', () => {
    expect(isUnsupportedAttachment('.exe')).toBe(true);
  });
});

describe('limits', () => {
  it("are SES v2's", () => {
    expect(maxHeaderValueLength).toBe(995);
    expect(maxHeaderLength).toBe(996);
  });
});
