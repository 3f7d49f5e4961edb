import { describe, expect, it } from 'vitest';
import { solveCaptcha, type SolveProgress } from './solve';

/** Leading zero bits of SHA-256(`salt:nonce`), as the server counts them (server/modules/captcha/pow.ts). */
async function zeroBits(salt: string, nonce: string): Promise<number> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}:${nonce}`)),
  );
  let bits = 0;
  for (const byte of digest) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
}

// Node has no Web Worker: these run the page's fallback, the same search the worker runs.
describe('solveCaptcha', () => {
  it('finds the first decimal nonce whose hash has the leading zero bits asked for', async () => {
    const salt = '3f9a0c21d4e5b6a7980f1e2d3c4b5a69';
    const nonce = await solveCaptcha({ salt, difficulty: 10 });
    expect(nonce).toMatch(/^\d+$/);
    expect(await zeroBits(salt, nonce)).toBeGreaterThanOrEqual(10);
    for (let n = 0; n < Number(nonce); n++) expect(await zeroBits(salt, String(n))).toBeLessThan(10);
  });
  it('reports progress against the expected 2^difficulty hashes', async () => {
    const progress: SolveProgress[] = [];
    const nonce = await solveCaptcha(
      { salt: 'progress', difficulty: 12 },
      { onProgress: (p) => progress.push(p) },
    );
    expect(progress.length).toBe(Math.floor(Number(nonce) / 256));
    for (const [i, p] of progress.entries()) expect(p).toEqual({ tried: (i + 1) * 256, expected: 4096 });
  });
  it('stops when aborted, before or during the search', async () => {
    const before = new AbortController();
    before.abort();
    await expect(solveCaptcha({ salt: 'x', difficulty: 8 }, { signal: before.signal })).rejects.toMatchObject(
      {
        name: 'AbortError',
      },
    );
    const during = new AbortController();
    const search = solveCaptcha(
      { salt: 'x', difficulty: 32 },
      { signal: during.signal, onProgress: (p) => p.tried >= 1024 && during.abort() },
    );
    await expect(search).rejects.toMatchObject({ name: 'AbortError' });
  });
});
