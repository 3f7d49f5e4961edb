import { afterAll, describe, expect, it } from 'vitest';
import type * as Probe from '../../test/jobs/probe.task.js';
import { createWorkerPool, taskRef, WorkerCrashedError } from './pool.js';
import { transferring } from './task.js';

const PROBE = taskRef<typeof Probe>(new URL('../../test/jobs/probe.task.js', import.meta.url));
const doubled = (m: Probe.ProbeAsk) => ('n' in m ? m.n * 2 : m.buffer.byteLength);

describe('worker pool (threads)', () => {
  const pool = createWorkerPool(1);
  afterAll(() => pool.close());

  it('runs a task module (TypeScript, through tsx) in a worker thread and returns its result', async () => {
    expect(await pool.run(PROBE, { kind: 'echo', value: 'xin chào' })).toEqual({
      thread: 'worker',
      value: 'xin chào',
    });
  }, 30_000);

  it('rejects with the task’s error; the worker goes on with the next task', async () => {
    await expect(pool.run(PROBE, { kind: 'fail' })).rejects.toMatchObject({
      name: 'RangeError',
      message: 'the probe failed as told',
    });
    expect(await pool.run(PROBE, { kind: 'echo', value: 'x' })).toMatchObject({ value: 'x' });
  });

  it('answers the task’s questions, and queues tasks beyond its workers', async () => {
    const runs = [1, 2, 3].map((times) => pool.run(PROBE, { kind: 'ask', times }, { onAsk: doubled }));
    expect(await Promise.all(runs)).toEqual([
      { thread: 'worker', value: '2' },
      { thread: 'worker', value: '6' },
      { thread: 'worker', value: '12' },
    ]);
  });

  it('moves buffers instead of copying them, both ways', async () => {
    const buffer = new ArrayBuffer(1024);
    const result = await pool.run(PROBE, transferring({ kind: 'bytes', buffer }, [buffer]), {
      onAsk: doubled,
    });
    expect(buffer.byteLength).toBe(0); // moved to the worker
    expect(result.value).toBe('1024:2048:0'); // and its answer buffer moved back
  });

  it('an error of the caller’s answer fails the task, not the worker', async () => {
    const failing = () => {
      throw new Error('no answer');
    };
    await expect(pool.run(PROBE, { kind: 'ask', times: 1 }, { onAsk: failing })).rejects.toThrow('no answer');
    await expect(pool.run(PROBE, { kind: 'ask', times: 1 })).rejects.toThrow('answers nothing');
  });

  it('a crashed worker rejects its task (never hangs) and is replaced', async () => {
    await expect(pool.run(PROBE, { kind: 'crash' })).rejects.toBeInstanceOf(WorkerCrashedError);
    await expect(pool.run(PROBE, { kind: 'exit' })).rejects.toThrow(/exit code 3/);
    expect(await pool.run(PROBE, { kind: 'echo', value: 'again' })).toEqual({
      thread: 'worker',
      value: 'again',
    });
  }, 30_000);

  it('once closed, rejects the running and waiting tasks and any new one', async () => {
    const closing = createWorkerPool(1);
    const running = closing.run(
      PROBE,
      { kind: 'ask', times: 1 },
      { onAsk: () => new Promise<never>(() => {}) },
    );
    const waiting = closing.run(PROBE, { kind: 'echo', value: 'late' });
    const outcomes = Promise.allSettled([running, waiting]);
    await closing.close();
    expect((await outcomes).map((o) => o.status === 'rejected' && (o.reason as Error).message)).toEqual([
      'worker pool closed',
      'worker pool closed',
    ]);
    await expect(closing.run(PROBE, { kind: 'echo', value: 'x' })).rejects.toThrow('worker pool closed');
  }, 30_000);
});

describe('worker pool of size 0 (inline)', () => {
  const pool = createWorkerPool(0);

  it('runs the same task on the calling thread, with the same questions and errors', async () => {
    expect(await pool.run(PROBE, { kind: 'echo', value: 'x' })).toEqual({ thread: 'main', value: 'x' });
    expect(await pool.run(PROBE, { kind: 'ask', times: 3 }, { onAsk: doubled })).toEqual({
      thread: 'main',
      value: '12',
    });
    await expect(pool.run(PROBE, { kind: 'fail' })).rejects.toBeInstanceOf(RangeError);
    await pool.close();
    await expect(pool.run(PROBE, { kind: 'echo', value: 'x' })).rejects.toThrow('worker pool closed');
  });
});
