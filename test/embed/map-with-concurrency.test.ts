import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from '../../src/embed/map-with-concurrency.js';

/** A task per item that finishes only when the test says so, recording which ones are running. */
function controllableTasks() {
  const running = new Set<number>();
  const started: number[] = [];
  const finishers = new Map<number, () => void>();
  const mapper = (item: number) =>
    new Promise<number>((resolve) => {
      running.add(item);
      started.push(item);
      finishers.set(item, () => {
        running.delete(item);
        resolve(item * 10);
      });
    });
  const finish = async (item: number) => {
    finishers.get(item)?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { running, started, mapper, finish };
}

describe('mapWithConcurrency', () => {
  it('runs at most `concurrency` calls at once and keeps results in input order', async () => {
    const tasks = controllableTasks();
    const done = mapWithConcurrency([1, 2, 3, 4], 2, tasks.mapper);
    await new Promise((resolve) => setImmediate(resolve));
    expect([...tasks.running]).toEqual([1, 2]);
    await tasks.finish(2);
    expect([...tasks.running]).toEqual([1, 3]);
    await tasks.finish(1);
    await tasks.finish(4);
    await tasks.finish(3);
    expect(await done).toEqual([10, 20, 30, 40]);
    expect(tasks.started).toEqual([1, 2, 3, 4]);
  });

  it('starts nothing new after a failure', async () => {
    const started: number[] = [];
    const failing = mapWithConcurrency([1, 2, 3], 1, (item) => {
      started.push(item);
      return item === 1 ? Promise.reject(new Error('boom')) : Promise.resolve(item);
    });
    await expect(failing).rejects.toThrow('boom');
    expect(started).toEqual([1]);
  });
});
