/**
 * A small pool of worker threads for the CPU-heavy part of background jobs (parsing and checking an import's
 * rows, writing an export's workbook, generating the demo's dossiers), so that no request waits behind them on
 * the main thread. The database stays on the main thread: a task asks it for what it needs (`TaskPort.ask`).
 *
 * - A fixed number of workers (`CHIDAO_WORKER_THREADS`), started on first use and kept; tasks beyond them wait
 *   their turn. An idle worker does not keep the process alive.
 * - A worker that dies (an uncaught error, `process.exit`, out of memory) rejects its task with
 *   `WorkerCrashedError` and is replaced by the next task that needs one: nothing waits for it forever.
 * - Size 0 runs each task inline on the calling thread, with the same messages (where threads are impossible,
 *   and for callers that pass no pool).
 * - `close()` ends the workers; tasks still queued or running are rejected.
 */
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  deserializeError,
  serializeError,
  type FromWorker,
  type SerializedError,
  type ToWorker,
} from './protocol.js';
import { unwrapTransfer, type Task, type TaskPort, type Transferring } from './task.js';

type AnyTask = Task<never, unknown, never, never>;
type PortOf<T> = T extends (input: never, port: TaskPort<infer A, infer R>) => unknown
  ? [A, R]
  : [never, never];

/** A task module, typed by its `task`: `taskRef<typeof StageTask>(new URL('./stage.task.js', import.meta.url))`. */
export type TaskRef<In, Out, Ask, Reply> = {
  readonly href: string;
  /** Types only (never set). */
  readonly types?: { in: In; out: Out; ask: Ask; reply: Reply };
};

/**
 * The module at `url`, as this build has it: the sibling `.ts` when the server runs from its sources (tsx,
 * the tests), the `.js` of the build otherwise.
 */
export function taskRef<M extends { task: AnyTask }>(
  url: URL,
): TaskRef<
  Parameters<M['task']>[0],
  Awaited<ReturnType<M['task']>>,
  PortOf<M['task']>[0],
  PortOf<M['task']>[1]
> {
  const file = fileURLToPath(url);
  const source = file.replace(/\.js$/, '.ts');
  return { href: !fs.existsSync(file) && fs.existsSync(source) ? pathToFileURL(source).href : url.href };
}

export type RunOptions<Ask, Reply> = {
  /** Answers the task's questions (required when it asks). */
  onAsk?: (message: Ask) => Reply | Transferring<Reply> | Promise<Reply | Transferring<Reply>>;
};

export type WorkerPool = {
  /** Worker threads (0: tasks run inline on the calling thread). */
  readonly size: number;
  run<In, Out, Ask, Reply>(
    task: TaskRef<In, Out, Ask, Reply>,
    input: In | Transferring<In>,
    options?: RunOptions<Ask, Reply>,
  ): Promise<Out>;
  close(): Promise<void>;
};

/** The task's worker died before it finished (the task is rejected, the worker replaced). */
export class WorkerCrashedError extends Error {
  override name = 'WorkerCrashedError';
}

async function answer<Ask, Reply>(options: RunOptions<Ask, Reply>, message: Ask) {
  if (!options.onAsk) throw new Error('the task asked, but its caller answers nothing');
  return unwrapTransfer(await options.onAsk(message));
}

class InlinePool implements WorkerPool {
  readonly size = 0;
  private closed = false;

  async run<In, Out, Ask, Reply>(
    ref: TaskRef<In, Out, Ask, Reply>,
    input: In | Transferring<In>,
    options: RunOptions<Ask, Reply> = {},
  ): Promise<Out> {
    if (this.closed) throw new Error('worker pool closed');
    const { task } = (await import(ref.href)) as { task: Task<In, Out, Ask, Reply> };
    return task(unwrapTransfer(input).value, {
      ask: async (message) => (await answer(options, unwrapTransfer(message).value)).value,
    });
  }

  async close() {
    this.closed = true;
  }
}

type Job = {
  id: number;
  href: string;
  input: unknown;
  transfer: Parameters<Worker['postMessage']>[1];
  onAsk: (message: unknown) => Promise<ReturnType<typeof unwrapTransfer>>;
  resolve(value: unknown): void;
  reject(err: Error): void;
};
type Slot = { worker: Worker; job: Job | null };

// The built server starts the compiled host; from the TypeScript sources, a thread first registers tsx's loader.
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const HOST = new URL(FROM_SOURCES ? './ts-worker.mjs' : './worker-host.js', import.meta.url);
const TS_HOST = new URL('./worker-host.ts', import.meta.url).href;

class ThreadPool implements WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly size: number) {}

  run<In, Out, Ask, Reply>(
    ref: TaskRef<In, Out, Ask, Reply>,
    input: In | Transferring<In>,
    options: RunOptions<Ask, Reply> = {},
  ): Promise<Out> {
    if (this.closed) return Promise.reject(new Error('worker pool closed'));
    const { value, transfer } = unwrapTransfer(input);
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({
        id: ++this.nextId,
        href: ref.href,
        input: value,
        transfer,
        onAsk: (message) => answer(options, message as Ask),
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      this.dispatch();
    });
  }

  async close() {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('worker pool closed'));
    await Promise.all([...this.slots].map((slot) => slot.worker.terminate()));
  }

  private dispatch() {
    while (this.queue.length) {
      let slot = [...this.slots].find((s) => !s.job);
      if (!slot) {
        if (this.slots.size >= this.size) return;
        try {
          slot = this.spawn();
        } catch (err) {
          // No thread can be started: the waiting tasks fail rather than wait forever.
          for (const job of this.queue.splice(0))
            job.reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
      }
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      const message: ToWorker = { type: 'run', id: job.id, href: job.href, input: job.input };
      try {
        slot.worker.postMessage(message, job.transfer);
      } catch (err) {
        // An input that cannot be cloned: the task's fault, not the worker's.
        slot.job = null;
        slot.worker.unref();
        job.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
  }

  private spawn(): Slot {
    // From the sources the thread gets no inherited flags: a loader given to this process (tsx) would be
    // registered twice.
    const worker = new Worker(HOST, FROM_SOURCES ? { workerData: { host: TS_HOST }, execArgv: [] } : {});
    const slot: Slot = { worker, job: null };
    this.slots.add(slot);
    let crash: Error | null = null;
    worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
    worker.on('error', (err) => (crash = err));
    worker.on('exit', (code) => {
      this.slots.delete(slot);
      const job = slot.job;
      slot.job = null;
      if (job)
        job.reject(
          this.closed
            ? new Error('worker pool closed')
            : new WorkerCrashedError(
                `background worker stopped (${crash ? crash.message : `exit code ${code}`}) during its task`,
              ),
        );
      if (!this.closed) this.dispatch();
    });
    return slot;
  }

  private onMessage(slot: Slot, m: FromWorker) {
    const job = slot.job;
    if (!job || job.id !== m.id) return;
    if (m.type === 'ask') {
      job.onAsk(m.message).then(
        ({ value, transfer }) => this.reply(slot, job, m.seq, { ok: true, value }, transfer),
        (err: unknown) => this.reply(slot, job, m.seq, { ok: false, error: serializeError(err) }),
      );
      return;
    }
    slot.job = null;
    slot.worker.unref();
    if (m.type === 'done') job.resolve(m.value);
    else job.reject(deserializeError(m.error));
    this.dispatch();
  }

  /** Answers an ask of a task that is still the worker's (a crashed or finished one is not answered). */
  private reply(
    slot: Slot,
    job: Job,
    seq: number,
    answer: { ok: true; value: unknown } | { ok: false; error: SerializedError },
    transfer: Parameters<Worker['postMessage']>[1] = [],
  ) {
    if (slot.job !== job) return;
    try {
      slot.worker.postMessage({ type: 'reply', id: job.id, seq, ...answer } satisfies ToWorker, transfer);
    } catch (err) {
      // An answer that cannot be cloned fails the ask, not the worker.
      const failed: ToWorker = { type: 'reply', id: job.id, seq, ok: false, error: serializeError(err) };
      slot.worker.postMessage(failed);
    }
  }
}

/** A pool of `size` worker threads, or (0) one that runs each task inline on the calling thread. */
export function createWorkerPool(size: number): WorkerPool {
  return size > 0 ? new ThreadPool(size) : new InlinePool();
}

/** Runs tasks on the calling thread (for callers that pass no pool: tests, the command line). */
export const inlinePool: WorkerPool = createWorkerPool(0);
