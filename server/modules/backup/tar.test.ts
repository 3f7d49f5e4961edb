import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeHeader, encodeHeader, readTar, TarFormatError, TarWriter } from './tar.js';

async function archive(entries: { name: string; data: Buffer }[]): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  const tar = new TarWriter(out);
  for (const e of entries) await tar.addBuffer(e.name, e.data);
  await tar.finish();
  out.end();
  return Buffer.concat(parts);
}

async function entriesOf(data: Buffer, chunkSize = 7_000) {
  const chunks = [];
  for (let i = 0; i < data.length; i += chunkSize) chunks.push(data.subarray(i, i + chunkSize));
  const out: { name: string; data: Buffer }[] = [];
  for await (const e of readTar(Readable.from(chunks))) out.push({ name: e.name, data: await e.read() });
  return out;
}

const sample = [
  { name: 'chidao-backup.json', data: Buffer.from('{"format":"chidao-backup"}') },
  { name: 'db/units/000001.jsonl', data: Buffer.alloc(0) },
  { name: 'db/trường hợp/000001.jsonl', data: Buffer.from('["Nghệ An","Xã \\"Anh\\" Sơn"]\n') },
  { name: 'files/a', data: Buffer.alloc(511, 1) },
  { name: 'files/b', data: Buffer.alloc(512, 2) },
  { name: 'files/c', data: Buffer.alloc(513, 3) },
  { name: 'files/d', data: Buffer.from(Array.from({ length: 100_000 }, (_, i) => i % 251)) },
];

describe('tar archives', () => {
  it('reads back every entry, name and byte, whatever the chunking of the stream', async () => {
    const data = await archive(sample);
    expect(data.length % 512).toBe(0);
    // Compared by digest: a deep comparison of 100 kB buffers byte by byte is slow in the test runner.
    const digests = (list: { name: string; data: Buffer }[]) =>
      list.map((e) => [e.name, e.data.length, createHash('sha256').update(e.data).digest('hex')]);
    for (const size of [100, 512, 7_000, 1 << 20])
      expect(digests(await entriesOf(data, size))).toEqual(digests(sample));
  });

  it('skips what a reader leaves unread, and reads a body as a stream', async () => {
    const data = await archive(sample);
    const seen: string[] = [];
    for await (const e of readTar(Readable.from([data]))) {
      seen.push(e.name);
      if (e.name === 'files/d') {
        let n = 0;
        for await (const piece of e.body) {
          n += piece.length;
          break; // stop early: the rest is skipped
        }
        expect(n).toBeGreaterThan(0);
      }
    }
    expect(seen).toEqual(sample.map((e) => e.name));
  });

  it('encodes sizes past 8 GiB in base-256 and reads them back', () => {
    for (const size of [0, 1, 8 ** 11 - 1, 8 ** 11, 5 * 2 ** 40])
      expect(decodeHeader(encodeHeader('files/big', size)).size).toBe(size);
  });

  it('refuses a damaged header, a truncated archive and one without an end marker', async () => {
    const data = await archive(sample);
    const damaged = Buffer.from(data);
    damaged[520 + 512 * 2] = damaged[520 + 512 * 2]! ^ 0xff; // inside the second header
    await expect(entriesOf(damaged)).rejects.toBeInstanceOf(TarFormatError);
    await expect(entriesOf(damaged)).rejects.toThrow(/damaged header/);
    await expect(entriesOf(data.subarray(0, 3000))).rejects.toThrow(/truncated/);
    await expect(entriesOf(data.subarray(0, data.length - 1024))).rejects.toThrow(/no end marker/);
  });

  it('refuses names too long for a header and content of another size than announced', async () => {
    expect(() => encodeHeader('x'.repeat(101), 1)).toThrow(TarFormatError);
    const tar = new TarWriter(new PassThrough());
    await expect(tar.addStream('files/x', 10, Readable.from([Buffer.alloc(5)]))).rejects.toThrow(/shrank/);
    await expect(tar.addStream('files/y', 3, Readable.from([Buffer.alloc(5)]))).rejects.toThrow(/grew/);
  });

  const hasTar = (() => {
    try {
      execFileSync('tar', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasTar)('is read by the system tar, and reads what it writes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-tar-'));
    try {
      fs.writeFileSync(path.join(dir, 'ours.tar'), await archive(sample));
      const listed = execFileSync('tar', ['-tf', path.join(dir, 'ours.tar')], { encoding: 'utf8' });
      expect(listed.trim().split('\n')).toEqual(sample.map((e) => e.name));
      fs.mkdirSync(path.join(dir, 'src/db'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'src/db/one.jsonl'), 'x'.repeat(1000));
      fs.writeFileSync(path.join(dir, 'src/two'), '');
      execFileSync('tar', [
        '--format=ustar',
        '-cf',
        path.join(dir, 'theirs.tar'),
        '-C',
        path.join(dir, 'src'),
        'db/one.jsonl',
        'two',
      ]);
      const theirs = await entriesOf(fs.readFileSync(path.join(dir, 'theirs.tar')));
      expect(theirs.map((e) => [e.name, e.data.length])).toEqual([
        ['db/one.jsonl', 1000],
        ['two', 0],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
