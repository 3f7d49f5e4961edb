/** A task for the worker pool's tests: answers, fails, asks, moves buffers or kills its thread, as told. */
import { isMainThread } from 'node:worker_threads';
import { defineTask, transferring, type TaskPort } from '../../core/jobs/task.js';

export type ProbeInput =
  | { kind: 'echo'; value: string }
  | { kind: 'fail' }
  | { kind: 'crash' }
  | { kind: 'exit' }
  | { kind: 'ask'; times: number }
  | { kind: 'bytes'; buffer: ArrayBuffer };

export type ProbeAsk = { n: number } | { buffer: ArrayBuffer };

export const task = defineTask(async (input: ProbeInput, port: TaskPort<ProbeAsk, number>) => {
  const thread = isMainThread ? 'main' : 'worker';
  switch (input.kind) {
    case 'echo':
      return { thread, value: input.value };
    case 'fail':
      throw new RangeError('the probe failed as told');
    case 'crash':
      // Thrown outside the task's promise: the thread dies with it.
      setTimeout(() => {
        throw new Error('probe crash');
      });
      return new Promise<never>(() => undefined);
    case 'exit':
      return process.exit(3);
    case 'ask': {
      let sum = 0;
      for (let n = 1; n <= input.times; n++) sum += await port.ask({ n });
      return { thread, value: String(sum) };
    }
    case 'bytes': {
      const received = input.buffer.byteLength;
      const back = new ArrayBuffer(received * 2);
      const answer = await port.ask(transferring({ buffer: back }, [back]));
      return { thread, value: `${received}:${answer}:${back.byteLength}` };
    }
  }
});
