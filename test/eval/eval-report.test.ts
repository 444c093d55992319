import { describe, expect, it } from 'vitest';
import { createProgressSteps } from '../../src/eval/eval-report.js';

describe('createProgressSteps', () => {
  it('reports about once per percent, always with the first and last unit', () => {
    const progress = createProgressSteps('retrieve', 10570);

    const reported = Array.from({ length: 10571 }, (_, done) => progress(done)).filter((event) => event !== null);

    expect(reported).toHaveLength(101);
    expect(reported[0]).toEqual({ type: 'eval-progress', phase: 'retrieve', done: 0, total: 10570 });
    expect(reported[1]?.done).toBe(106);
    expect(reported.at(-1)).toEqual({ type: 'eval-progress', phase: 'retrieve', done: 10570, total: 10570 });
  });

  it('reports every unit of a small run', () => {
    const progress = createProgressSteps('answer', 3);

    expect([0, 1, 2, 3].map((done) => progress(done)?.done)).toEqual([0, 1, 2, 3]);
  });
});
