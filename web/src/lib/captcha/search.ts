/**
 * The search for a captcha nonce, the same in the Web Worker (./worker.ts) and, without one, on the page
 * (./solve.ts): the decimal numbers 0, 1, 2, … until SHA-256(`salt:nonce`) starts with `difficulty` zero
 * bits — the rule the server checks (server/modules/captcha/pow.ts). Hashes are asked of WebCrypto a batch at
 * a time: one call at a time spends most of its time waiting for each answer.
 */

export type Puzzle = { salt: string; difficulty: number };

/** What the worker tells the page. */
export type WorkerMessage =
  | { type: 'progress'; tried: number }
  | { type: 'found'; nonce: string }
  | { type: 'failed'; message: string };

const BATCH = 256;
const encoder = new TextEncoder();

function leadingZeroBits(digest: ArrayBuffer): number {
  let bits = 0;
  for (const byte of new Uint8Array(digest)) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
}

/**
 * The first nonce that solves the puzzle. After each batch, `afterBatch(tried)` may report progress, yield or
 * stop the search (by throwing).
 */
export async function searchNonce(
  puzzle: Puzzle,
  afterBatch: (tried: number) => void | Promise<void>,
): Promise<string> {
  if (!globalThis.crypto?.subtle)
    throw new Error('WebCrypto is not available (the page must be served over HTTPS)');
  for (let start = 0; ; start += BATCH) {
    const digests = await Promise.all(
      Array.from({ length: BATCH }, (_, i) =>
        crypto.subtle.digest('SHA-256', encoder.encode(`${puzzle.salt}:${start + i}`)),
      ),
    );
    const hit = digests.findIndex((d) => leadingZeroBits(d) >= puzzle.difficulty);
    if (hit >= 0) return String(start + hit);
    await afterBatch(start + BATCH);
  }
}
