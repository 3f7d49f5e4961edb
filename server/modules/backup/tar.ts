import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * A minimal ustar archive writer and reader (regular files only), enough for chidao's backups and readable
 * by any `tar` (`tar tzf backup.tar.gz`). Sizes past ustar's 8 GiB use the GNU base-256 encoding, which GNU
 * tar and bsdtar read. Streaming both ways: memory does not grow with the size of an entry.
 */

const BLOCK = 512;
const ZERO_BLOCK = Buffer.alloc(BLOCK);

export class TarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarFormatError';
  }
}

function writeString(header: Buffer, value: string, offset: number, length: number) {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length) throw new TarFormatError(`name too long for a tar header: ${value}`);
  bytes.copy(header, offset);
}

function writeOctal(header: Buffer, value: number, offset: number, length: number) {
  // length - 1 octal digits and a NUL
  header.write(value.toString(8).padStart(length - 1, '0') + '\0', offset, length, 'ascii');
}

function writeSize(header: Buffer, size: number, offset: number) {
  if (!Number.isSafeInteger(size) || size < 0) throw new TarFormatError(`invalid entry size ${size}`);
  if (size < 8 ** 11) return writeOctal(header, size, offset, 12);
  // GNU base-256: high bit set, big-endian binary in the remaining bytes.
  header[offset] = 0x80;
  let rest = BigInt(size);
  for (let i = offset + 11; i > offset; i--) {
    header[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
}

function checksum(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum;
}

/** The 512-byte ustar header of a regular file. */
export function encodeHeader(name: string, size: number, mtime: Date = new Date()): Buffer {
  const header = Buffer.alloc(BLOCK);
  writeString(header, name, 0, 100);
  writeOctal(header, 0o644, 100, 8);
  writeOctal(header, 0, 108, 8);
  writeOctal(header, 0, 116, 8);
  writeSize(header, size, 124);
  writeOctal(header, Math.max(0, Math.floor(mtime.getTime() / 1000)), 136, 12);
  header.write('0', 156, 1, 'ascii');
  header.write('ustar\0', 257, 6, 'ascii');
  header.write('00', 263, 2, 'ascii');
  header.write(checksum(header).toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
  return header;
}

function readString(header: Buffer, offset: number, length: number): string {
  const field = header.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? length : end).toString('utf8');
}

function readOctal(header: Buffer, offset: number, length: number, what: string): number {
  const field = header.subarray(offset, offset + length);
  if (field[0]! & 0x80) {
    let value = 0n;
    for (let i = 1; i < length; i++) value = (value << 8n) | BigInt(field[i]!);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new TarFormatError(`${what} too large`);
    return Number(value);
  }
  const text = field.toString('ascii').replace(/\0.*$/s, '').trim();
  if (!/^[0-7]*$/.test(text)) throw new TarFormatError(`damaged header (${what})`);
  return text ? Number.parseInt(text, 8) : 0;
}

export type TarHeader = { name: string; size: number; type: string };

/** Decodes a header block, checking its checksum. */
export function decodeHeader(header: Buffer): TarHeader {
  if (header.length !== BLOCK) throw new TarFormatError('damaged header (length)');
  const stored = readOctal(header, 148, 8, 'checksum');
  if (stored !== checksum(header)) throw new TarFormatError('damaged header (checksum)');
  const prefix = header.toString('ascii', 257, 262) === 'ustar' ? readString(header, 345, 155) : '';
  const name = readString(header, 0, 100);
  return {
    name: prefix ? `${prefix}/${name}` : name,
    size: readOctal(header, 124, 12, 'size'),
    type: String.fromCharCode(header[156] || 0x30),
  };
}

const padding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

/** Writes entries to a stream (e.g. a gzip stream), waiting when it asks to (backpressure). */
export class TarWriter {
  constructor(private readonly out: Writable) {}

  private async write(chunk: Buffer) {
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  async addBuffer(name: string, data: Buffer, mtime?: Date): Promise<void> {
    await this.write(encodeHeader(name, data.length, mtime));
    if (data.length) await this.write(data);
    const pad = padding(data.length);
    if (pad) await this.write(ZERO_BLOCK.subarray(0, pad));
  }

  /** An entry whose size is known beforehand (a stored file); fails when the content is not that size. */
  async addStream(name: string, size: number, content: AsyncIterable<Buffer>, mtime?: Date): Promise<void> {
    await this.write(encodeHeader(name, size, mtime));
    let written = 0;
    for await (const chunk of content) {
      written += chunk.length;
      if (written > size) throw new TarFormatError(`${name} grew while it was being read`);
      await this.write(chunk);
    }
    if (written !== size) throw new TarFormatError(`${name} shrank while it was being read`);
    const pad = padding(size);
    if (pad) await this.write(ZERO_BLOCK.subarray(0, pad));
  }

  /** The end-of-archive marker (two zero blocks). */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
  }
}

/** Reads exact byte counts from a stream of chunks. */
class ByteReader {
  private readonly source: AsyncIterator<Buffer>;
  private buffer: Buffer = Buffer.alloc(0);
  private ended = false;

  constructor(source: AsyncIterable<Buffer>) {
    this.source = source[Symbol.asyncIterator]();
  }

  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.source.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as Uint8Array);
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    return true;
  }

  /** Exactly `n` bytes; null at a clean end of the stream (nothing left); throws when it ends mid-way. */
  async exactly(n: number): Promise<Buffer | null> {
    while (this.buffer.length < n) {
      if (!(await this.fill())) {
        if (this.buffer.length === 0) return null;
        throw new TarFormatError('the archive is truncated');
      }
    }
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    return out;
  }

  /** Between 1 and `max` bytes. */
  async some(max: number): Promise<Buffer> {
    if (!this.buffer.length && !(await this.fill())) throw new TarFormatError('the archive is truncated');
    const out = this.buffer.subarray(0, Math.min(max, this.buffer.length));
    this.buffer = this.buffer.subarray(out.length);
    return out;
  }
}

export type TarEntry = TarHeader & {
  /** The content, streamed; whatever the reader leaves unread is skipped before the next entry. */
  body: AsyncIterable<Buffer>;
  /** The whole content in memory (small entries). */
  read(): Promise<Buffer>;
};

/**
 * The entries of an archive, in order. Each entry's body must be used before asking for the next one (or
 * it is skipped). Throws `TarFormatError` on a damaged header or an archive that ends without its end marker.
 */
export async function* readTar(source: AsyncIterable<Buffer>): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(source);
  for (;;) {
    const header = await reader.exactly(BLOCK);
    if (!header) throw new TarFormatError('the archive is truncated (no end marker)');
    if (header.equals(ZERO_BLOCK)) return;
    const parsed = decodeHeader(header);
    let remaining = parsed.size;
    const body: AsyncIterable<Buffer> = {
      async *[Symbol.asyncIterator]() {
        while (remaining > 0) {
          const piece = await reader.some(remaining);
          remaining -= piece.length;
          yield piece;
        }
      },
    };
    const read = async () => {
      const parts: Buffer[] = [];
      for await (const piece of body) parts.push(piece);
      return Buffer.concat(parts);
    };
    yield { ...parsed, body, read };
    while (remaining > 0) remaining -= (await reader.some(remaining)).length;
    const pad = padding(parsed.size);
    if (pad && !(await reader.exactly(pad))) throw new TarFormatError('the archive is truncated');
  }
}
