/**
 * What a task module (`*.task.ts`) is made of, on the worker's side: a handler of one input that may ask the
 * thread that started it for more (the next piece of a file, a page of rows, a write) and returns one output.
 * Inputs, messages and outputs are copied between threads (structured clone); an `ArrayBuffer` wrapped with
 * `transferring` is moved instead (the sender loses it).
 */
import type { TransferListItem } from 'node:worker_threads';

const TRANSFER: unique symbol = Symbol('chidao.transfer');

/** A value sent with the buffers it moves rather than copies. */
export type Transferring<T> = { readonly [TRANSFER]: readonly TransferListItem[]; readonly value: T };

/** `value`, moving `list` (ArrayBuffers inside it) to the other thread instead of copying them. */
export function transferring<T>(value: T, list: readonly TransferListItem[]): Transferring<T> {
  return { [TRANSFER]: list, value };
}

/** A value and what it moves (nothing for a plain value). */
export function unwrapTransfer<T>(v: T | Transferring<T>): { value: T; transfer: TransferListItem[] } {
  if (v !== null && typeof v === 'object' && TRANSFER in v)
    return { value: v.value, transfer: [...v[TRANSFER]] };
  return { value: v as T, transfer: [] };
}

export type TaskPort<Ask, Reply> = {
  /** Asks the thread that started the task; its answer, or its error. */
  ask(message: Ask | Transferring<Ask>): Promise<Reply>;
};

export type Task<In, Out, Ask = never, Reply = never> = (
  input: In,
  port: TaskPort<Ask, Reply>,
) => Promise<Out>;

/** A task module's handler: `export const task = defineTask(async (input: In, port: TaskPort<Ask, Reply>) => …)`. */
export function defineTask<In, Out, Ask = never, Reply = never>(
  handler: Task<In, Out, Ask, Reply>,
): Task<In, Out, Ask, Reply> {
  return handler;
}
