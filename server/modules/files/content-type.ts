import { fileTypeFromBuffer } from 'file-type';

/** File types accepted as attachments, by their sniffed media type. */
export const ALLOWED_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/msword': 'doc',
  'application/x-cfb': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'text/plain': 'txt',
};

const TEXT_EXTENSIONS = new Set(['txt', 'csv', 'md']);

function looksLikeUtf8Text(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, trimIncomplete(head)));
    return true;
  } catch {
    return false;
  }
}

/** Cuts a trailing incomplete UTF-8 sequence off a prefix of a larger file. */
function trimIncomplete(b: Buffer): number {
  let end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = b[end - i]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte
    if (byte >= 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      if (i < need) end -= i;
    }
    break;
  }
  return end;
}

export type Sniffed = { mediaType: string; extension: string } | { rejected: string };

/**
 * Decides a file's type from its first bytes, never from its name: a renamed executable is refused.
 * Plain text is recognised as valid UTF-8 without NUL bytes; its extension comes from the name.
 */
export async function sniffContentType(head: Buffer, originalName: string): Promise<Sniffed> {
  const found = await fileTypeFromBuffer(head);
  if (found) {
    const mediaType = found.mime === 'application/x-cfb' ? 'application/msword' : found.mime;
    const ext = ALLOWED_TYPES[found.mime];
    if (!ext) return { rejected: found.mime };
    if (found.mime === 'application/x-cfb') {
      const named = originalName.toLowerCase().split('.').pop();
      return {
        mediaType: named === 'xls' ? 'application/vnd.ms-excel' : mediaType,
        extension: named === 'xls' ? 'xls' : 'doc',
      };
    }
    return { mediaType, extension: ext };
  }
  if (head.length > 0 && looksLikeUtf8Text(head)) {
    const named = originalName.toLowerCase().split('.').pop() ?? '';
    const extension = TEXT_EXTENSIONS.has(named) ? named : 'txt';
    return { mediaType: extension === 'csv' ? 'text/csv' : 'text/plain', extension };
  }
  return { rejected: 'application/octet-stream' };
}

/** An ASCII stand-in for a Vietnamese file name (old clients): "Báo cáo Quý 1.pdf" → "Bao cao Quy 1.pdf". */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
}

/**
 * Bidirectional formatting characters (LRM, RLM, ALM, the embeddings and overrides U+202A–U+202E, the
 * isolates U+2066–U+2069): in a file name they only serve to disguise it — "invoice\u202Efdp.exe" shows as
 * "invoiceexe.pdf".
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * `Content-Disposition` that keeps a Vietnamese file name intact (RFC 6266 / RFC 5987); bidirectional
 * formatting characters are dropped here too (names stored before uploads were cleaned of them).
 */
export function contentDisposition(raw: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const name = raw.replace(BIDI_CONTROLS, '');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${asciiFileName(name)}"; filename*=UTF-8''${encoded}`;
}

/** Keeps the base name, without folders, control or bidirectional formatting characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? 'file';
  // Control characters (C0, DEL, C1) have no place in a file name (they break headers and logs).
  const cleaned = [...base.normalize('NFC').replace(BIDI_CONTROLS, '')]
    .filter((ch) => {
      const code = ch.charCodeAt(0);
      return code > 0x1f && !(code >= 0x7f && code <= 0x9f);
    })
    .join('')
    .trim();
  return (cleaned || 'file').slice(-200);
}

/** The media type of an Excel workbook (.xlsx), as exports are sent and imports are checked. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
