/**
 * A worker thread of the pool: runs one task at a time — imports its module (once), calls its `task` with the
 * input and a port whose `ask` is answered by the main thread — and posts the result or the error. An error
 * thrown outside a task (a crash) ends the thread; the pool rejects the task and replaces the worker.
 */
import { parentPort } from 'node:worker_threads';
import { deserializeError, serializeError, type FromWorker, type ToWorker } from './protocol.js';
import { unwrapTransfer, type Task, type TaskPort } from './task.js';

const port = parentPort;
if (!port) throw new Error('worker-host runs in a worker thread');

const modules = new Map<string, Promise<{ task?: unknown }>>();
/** The asks of the current task waiting for the main thread's reply, by sequence number. */
const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
let seq = 0;

const post = (message: FromWorker, transfer: Parameters<typeof port.postMessage>[1] = []) =>
  port.postMessage(message, transfer);

async function run(id: number, href: string, input: unknown) {
  try {
    let loading = modules.get(href);
    if (!loading) modules.set(href, (loading = import(href) as Promise<{ task?: unknown }>));
    const { task } = await loading;
    if (typeof task !== 'function') throw new Error(`${href} exports no task`);
    const taskPort: TaskPort<unknown, unknown> = {
      ask(message) {
        const { value, transfer } = unwrapTransfer(message);
        const n = ++seq;
        return new Promise((resolve, reject) => {
          pending.set(n, { resolve, reject });
          post({ type: 'ask', id, seq: n, message: value }, transfer);
        });
      },
    };
    const value = await (task as Task<unknown, unknown, unknown, unknown>)(input, taskPort);
    post({ type: 'done', id, value });
  } catch (err) {
    post({ type: 'fail', id, error: serializeError(err) });
  } finally {
    pending.clear();
  }
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'run') {
    void run(m.id, m.href, m.input);
    return;
  }
  const waiting = pending.get(m.seq);
  if (!waiting) return;
  pending.delete(m.seq);
  if (m.ok) waiting.resolve(m.value);
  else waiting.reject(deserializeError(m.error));
});
