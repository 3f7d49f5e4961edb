/**
 * One e-mail to the hotline address, whatever brought it (the SMTP listener or the mailbox poller), as the
 * triage sink receives it. Everything a person reads is Unicode NFC: Vietnamese written in windows-1258
 * (base letter + combining tone mark) or by a client that decomposes comes out the same as UTF-8, so
 * search and comparison see one spelling. C0 control characters other than tab and line break are removed
 * (PostgreSQL refuses NUL in text, and a message the sink can never store would be retried for days).
 */
import type { Readable } from 'node:stream';
import { convert } from 'html-to-text';
import { simpleParser, type AddressObject, type Attachment, type EmailAddress } from 'mailparser';

export type InboundMail = {
  /** Message-ID header, without <>; null if absent. The sink keys the case by it (a mail read twice). */
  messageId: string | null;
  from: { name: string; address: string };
  /** Envelope recipients (SMTP) or To/Cc (mailbox). */
  to: string[];
  subject: string;
  /** Plain text; from HTML (tags stripped, entities decoded, links kept as "text (url)") when no text part. */
  text: string;
  receivedAt: Date;
  /** Inline images included; detached signatures (smime.p7s, signature.asc) dropped. */
  attachments: { filename: string; contentType: string; content: Buffer }[];
};

/** Records the mail as a case (or finds the one already made from the same Message-ID). */
export type MailSink = (mail: InboundMail) => Promise<{ code: string; created: boolean }>;

/** Where the mail sources report: a line, and the error when something failed. */
export type MailLog = (msg: string, err?: unknown) => void;

/** Detached signatures: proof for a mail client, noise for the officer who triages. */
const SIGNATURE_TYPES = new Set([
  'application/pkcs7-signature',
  'application/x-pkcs7-signature',
  'application/pgp-signature',
]);

/** HTML beyond this many characters is not converted (it would hold the event loop); the rest is cut. */
const MAX_HTML_CHARS = 2_000_000;

const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/heic': '.heic',
  'text/plain': '.txt',
  'text/calendar': '.ics',
  'message/rfc822': '.eml',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.ms-excel': '.xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/zip': '.zip',
  'audio/mpeg': '.mp3',
  'video/mp4': '.mp4',
};

/** Removes C0 controls but tab, LF and CR, and DEL (CR is folded into LF by `cleanText`). */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const cleanLine = (s: string | undefined): string =>
  (s ?? '').normalize('NFC').replace(CONTROLS, '').replace(/\s+/g, ' ').trim();

const cleanText = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** Mailboxes of address headers, groups flattened. */
function mailboxes(header: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const out: EmailAddress[] = [];
  const walk = (list: EmailAddress[]) => {
    for (const a of list) {
      if (a.group) walk(a.group);
      else if (a.address) out.push(a);
    }
  };
  for (const h of Array.isArray(header) ? header : header ? [header] : []) walk(h.value);
  return out;
}

/** Distinct addresses (case-insensitive), in order. */
export function distinctAddresses(addresses: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of addresses) {
    const a = raw.trim();
    const key = a.toLowerCase();
    if (!a || seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

/** Plain text of an HTML body: block structure kept as lines, links as "text (url)", images left out. */
export function htmlToPlainText(html: string): string {
  const source = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html;
  try {
    return convert(source, {
      wordwrap: false,
      limits: { maxDepth: 200 },
      selectors: [
        { selector: 'a', options: { linkBrackets: ['(', ')'], hideLinkHrefIfSameAsText: true } },
        { selector: 'img', format: 'skip' },
        { selector: 'h1', options: { uppercase: false } },
        { selector: 'h2', options: { uppercase: false } },
        { selector: 'h3', options: { uppercase: false } },
        { selector: 'h4', options: { uppercase: false } },
        { selector: 'h5', options: { uppercase: false } },
        { selector: 'h6', options: { uppercase: false } },
        { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
      ],
    });
  } catch {
    // The converter gave up (pathological markup): tags out, nothing else.
    return source
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ');
  }
}

function attachmentName(a: Attachment, index: number): string {
  const given = cleanLine(a.filename)
    .replace(/^.*[\\/]/, '')
    .slice(0, 200);
  if (given && given !== '.' && given !== '..') return given;
  return `attachment-${index + 1}${EXTENSIONS[a.contentType.toLowerCase()] ?? '.bin'}`;
}

const isSignature = (a: Attachment): boolean =>
  SIGNATURE_TYPES.has(a.contentType.toLowerCase()) || /^smime\.p7s$/i.test(a.filename ?? '');

/**
 * Reads one raw RFC 5322 message. `receivedAt` is when it reached the province (the mailbox's internal
 * date, the SMTP transaction), never the sender's Date header; default now.
 */
export async function parseMail(
  raw: Buffer | Readable,
  options: { receivedAt?: Date } = {},
): Promise<InboundMail> {
  const parsed = await simpleParser(raw, {
    // Our own conversion below (links as "text (url)"); no data: URLs, no text-as-HTML.
    skipHtmlToText: true,
    keepCidLinks: true,
    skipImageLinks: true,
    skipTextToHtml: true,
    checksumAlgo: false,
  });
  const sender = mailboxes(parsed.from)[0];
  const plain = typeof parsed.text === 'string' ? cleanText(parsed.text) : '';
  const html = typeof parsed.html === 'string' ? parsed.html : '';
  const messageId = (parsed.messageId ?? '')
    .trim()
    .replace(/^<+|>+$/g, '')
    .trim();
  return {
    messageId: messageId || null,
    from: { name: cleanLine(sender?.name), address: (sender?.address ?? '').trim() },
    to: distinctAddresses([...mailboxes(parsed.to), ...mailboxes(parsed.cc)].map((a) => a.address ?? '')),
    subject: cleanLine(parsed.subject),
    text: plain || (html ? cleanText(htmlToPlainText(html)) : ''),
    receivedAt: options.receivedAt ?? new Date(),
    attachments: parsed.attachments
      .filter((a) => !isSignature(a))
      .map((a, i) => ({
        filename: attachmentName(a, i),
        contentType: a.contentType.toLowerCase(),
        content: a.content,
      })),
  };
}
