/**
 * A streaming CSV reader (RFC 4180): quoted fields with "" escapes and line breaks, any one-character
 * delimiter, CRLF or LF, a UTF-8 byte-order mark. It yields one record at a time and holds only the
 * record being read, so a file of a million rows never sits in memory.
 */
import { StringDecoder } from 'node:string_decoder';

export type CsvRecord = { cells: string[]; /** 1-based record number (the header is 1). */ row: number };

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

export async function* csvRecords(
  source: AsyncIterable<Buffer | string>,
  delimiter = ',',
): AsyncGenerator<CsvRecord> {
  if (delimiter.length !== 1) throw new Error('delimiter must be one character');
  const sep = delimiter.charCodeAt(0);
  const decoder = new StringDecoder('utf8');
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  /** Inside quotes, a quote was just read: either an escaped quote or the closing one. */
  let quotePending = false;
  /** Nothing of the current field read yet (a quote here opens a quoted field). */
  let atFieldStart = true;
  let first = true;
  let row = 0;
  const ready: string[][] = [];

  const endField = () => {
    record.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    ready.push(record);
    record = [];
  };

  const consume = (text: string) => {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (inQuotes) {
        const c = text.charCodeAt(i);
        if (quotePending) {
          quotePending = false;
          if (c === QUOTE) {
            field += '"';
            i++;
            continue;
          }
          inQuotes = false;
          continue; // re-read c outside the quotes
        }
        if (c === QUOTE) {
          quotePending = true;
          i++;
          continue;
        }
        // Copy up to the next quote in one slice.
        const q = text.indexOf('"', i);
        const end = q === -1 ? n : q;
        field += text.slice(i, end);
        i = end;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE && atFieldStart) {
        inQuotes = true;
        atFieldStart = false;
        i++;
        continue;
      }
      if (c === sep) {
        endField();
        i++;
        continue;
      }
      if (c === LF) {
        endRecord();
        i++;
        continue;
      }
      if (c === CR) {
        i++;
        continue;
      }
      // Plain run up to the next special character.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === sep || d === LF || d === CR || d === QUOTE) break;
        j++;
      }
      field += text.slice(i, j);
      atFieldStart = false;
      i = j;
    }
  };

  const feed = (text: string) => {
    if (first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    consume(text);
  };

  for await (const chunk of source) {
    feed(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    for (const cells of ready) yield { cells, row: ++row };
    ready.length = 0;
  }
  feed(decoder.end());
  if (quotePending) {
    quotePending = false;
    inQuotes = false;
  }
  if (field !== '' || record.length > 0 || !atFieldStart) endRecord();
  for (const cells of ready) yield { cells, row: ++row };
}

/** True for a record with no content (a blank line, or only delimiters). */
export const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');
