/**
 * Solves a captcha challenge of the public forms (server/modules/captcha) in a Web Worker, so the page stays
 * responsive; where workers are unavailable (or their script cannot load), on the page itself, yielding between
 * batches. No library: public pages must stay light.
 */
import { searchNonce, type Puzzle, type WorkerMessage } from './search';

/** How far the search is: hashes tried, and how many it takes on average (2^difficulty). */
export type SolveProgress = { tried: number; expected: number };

export type SolveOptions = { signal?: AbortSignal; onProgress?: (progress: SolveProgress) => void };

const aborted = () => new DOMException('The captcha search was stopped', 'AbortError');

/** The nonce solving `puzzle`; rejects with an `AbortError` when `signal` aborts. */
export async function solveCaptcha(puzzle: Puzzle, options: SolveOptions = {}): Promise<string> {
  if (options.signal?.aborted) throw aborted();
  const worker = startWorker();
  if (worker) {
    const found = await inWorker(worker, puzzle, options);
    if (found !== null) return found;
  }
  return onPage(puzzle, options);
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** The worker's answer, or null when the worker itself failed to run (then the page searches). */
function inWorker(worker: Worker, puzzle: Puzzle, options: SolveOptions): Promise<string | null> {
  const expected = 2 ** puzzle.difficulty;
  return new Promise((resolve, reject) => {
    const stop = () => {
      worker.terminate();
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(aborted());
    };
    options.signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') return options.onProgress?.({ tried: message.tried, expected });
      stop();
      if (message.type === 'found') resolve(message.nonce);
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop();
      resolve(null);
    };
    worker.postMessage(puzzle);
  });
}

function onPage(puzzle: Puzzle, options: SolveOptions): Promise<string> {
  const expected = 2 ** puzzle.difficulty;
  return searchNonce(puzzle, async (tried) => {
    options.onProgress?.({ tried, expected });
    // Let the page paint and handle typing between batches.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (options.signal?.aborted) throw aborted();
  });
}
