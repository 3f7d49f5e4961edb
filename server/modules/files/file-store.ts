import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';

export type StoredObject = { key: string; size: number; sha256: string };

/**
 * Where file contents live. Local disk by default; an S3-compatible store implements the same five
 * operations. Keys are opaque to callers.
 */
export interface FileStore {
  /** Streams content in, counting size and SHA-256; throws `SizeLimitError` past `maxBytes`. */
  put(content: Readable, maxBytes: number): Promise<StoredObject>;
  get(key: string): Readable;
  /** Whether the content is there (checked before a download sends its headers). */
  exists(key: string): Promise<boolean>;
  /** Reads the first bytes (type sniffing). */
  head(key: string, bytes: number): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

export class SizeLimitError extends Error {
  constructor(readonly maxBytes: number) {
    super(`content exceeds ${maxBytes} bytes`);
  }
}

function hashingCounter(maxBytes: number) {
  const hash = createHash('sha256');
  let size = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new SizeLimitError(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { transform, result: () => ({ size, sha256: hash.digest('hex') }) };
}

/** Content-addressed local store: `<root>/<sha[0..2]>/<sha[2..4]>/<sha>`; equal files are kept once. */
export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!/^[a-f0-9]{64}$/.test(key)) throw new Error(`invalid file key ${key}`);
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(content: Readable, maxBytes: number): Promise<StoredObject> {
    const tmpDir = path.join(this.root, 'tmp');
    await fs.promises.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    const counter = hashingCounter(maxBytes);
    try {
      await pipeline(content, counter.transform, fs.createWriteStream(tmp, { flags: 'wx' }));
      const { size, sha256 } = counter.result();
      const final = this.pathOf(sha256);
      await fs.promises.mkdir(path.dirname(final), { recursive: true });
      await fs.promises.rename(tmp, final);
      return { key: sha256, size, sha256 };
    } catch (err) {
      await fs.promises.rm(tmp, { force: true });
      throw err;
    }
  }

  get(key: string): Readable {
    return fs.createReadStream(this.pathOf(key));
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await fs.promises.stat(this.pathOf(key))).isFile();
    } catch {
      return false;
    }
  }

  async head(key: string, bytes: number): Promise<Buffer> {
    const handle = await fs.promises.open(this.pathOf(key), 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }
}

export type FileStoreConfig = { kind: 'local'; root: string };

export function createFileStore(config: FileStoreConfig): FileStore {
  return new LocalFileStore(config.root);
}
