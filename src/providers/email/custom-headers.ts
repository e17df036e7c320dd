/**
 * Custom headers an email may carry. Those that say who sent it, where its replies or bounces go, or that
 * receiving servers, SES or Sendoka set, are refused: a header must not name another sender than `from`.
 */

/** SES v2 MessageHeader (the pinned SDK's model): a value of at most 995 printable ASCII characters, name and value together at most 996. */
export const maxHeaderValueLength = 995;
export const maxHeaderLength = 996;

/**
 * Attachment file extensions SES refuses to send ("Unsupported attachment types", SES developer guide):
 * executables and scripts.
 */
const unsupportedAttachmentExtensions = new Set(
  (
    'ade adp app asp bas bat cer chm cmd com cpl crt csh der exe fxp gadget hlp hta inf ins isp its js jse ksh lib lnk ' +
    'mad maf mag mam maq mar mas mat mau mav maw mda mdb mde mdt mdw mdz msc msh msh1 msh2 mshxml msh1xml msh2xml msi ' +
    'msp mst ops pcd pif plg prf prg reg scf scr sct shb shs sys ps1 ps1xml ps2 ps2xml psc1 psc2 tmp url vb vbe vbs ' +
    'vps vsmacros vss vst vsw vxd ws wsc wsf wsh xnk'
  ).split(' '),
);

/** Whether SES would refuse an attachment of this name for its extension. */
export function isUnsupportedAttachment(filename: string): boolean {
  const extension = /\.([^.]+)$/.exec(filename)?.[1]?.toLowerCase();
  return extension !== undefined && unsupportedAttachmentExtensions.has(extension);
}

/** Headers that have their own field in the send request. */
const ownFields = new Map([
  ['from', 'from'],
  ['to', 'to'],
  ['cc', 'cc'],
  ['bcc', 'bcc'],
  ['reply-to', 'reply_to'],
  ['subject', 'subject'],
]);

const reservedHeaders: [RegExp, string][] = [
  [/^(sender|original-from|original-sender|resent-.+)$/, 'identifies the sender; only from may'],
  [/^(return-path|errors-to|bounces-to)$/, 'routes bounces; SES sets it'],
  [/^(received|delivered-to|x-original-to|envelope-to|received-spf|authentication-results|arc-.+)$/, 'is added by receiving mail servers'],
  [/^(dkim-signature|domainkey-signature)$/, 'is added by SES when it signs the email'],
  [/^x-ses-.+$/, 'controls SES; Sendoka sets what it needs'],
  [/^(message-id|date)$/, 'is set by SES when it sends the email'],
  [/^(mime-version|content-.+)$/, 'is set by Sendoka from html, text and attachments'],
];

/** Why a custom header of this name is refused (names compare case-insensitively), or null when it may be sent. */
export function reservedHeaderReason(name: string): string | null {
  const lowerCased = name.toLowerCase();
  const field = ownFields.get(lowerCased);
  if (field) return `is set by Sendoka from ${field}`;
  return reservedHeaders.find(([pattern]) => pattern.test(lowerCased))?.[1] ?? null;
}
