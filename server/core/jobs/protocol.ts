/** The messages between the pool (main thread) and a worker's host, and errors as they cross. */

export type SerializedError = { name: string; message: string; stack?: string };

export type ToWorker =
  | { type: 'run'; id: number; href: string; input: unknown }
  | { type: 'reply'; id: number; seq: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; seq: number; ok: false; error: SerializedError };

export type FromWorker =
  | { type: 'ask'; id: number; seq: number; message: unknown }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'fail'; id: number; error: SerializedError };

export function serializeError(err: unknown): SerializedError {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { name: 'Error', message: String(err) };
}

/** The error as the other thread threw it (its name, message and stack; its class stays behind). */
export function deserializeError(e: SerializedError): Error {
  const err = new Error(e.message);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  return err;
}
