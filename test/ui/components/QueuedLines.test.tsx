import { afterEach, describe, expect, it } from 'vitest';
import { QueuedLines } from '../../../src/ui/components/QueuedLines.js';
import { cleanup, renderApp } from '../../helpers/render-app.js';

afterEach(() => {
  cleanup();
});

describe('QueuedLines', () => {
  it('shows nothing when nothing is queued', () => {
    expect(renderApp(<QueuedLines lines={[]} />).lastFrame()).toBe('');
  });

  it('shows each queued line, oldest first, on one dim line', () => {
    const frame = renderApp(<QueuedLines lines={['who led\nthe team?', '/k 3']} />).lastFrame();
    expect(frame).toBe('\nqueued: who led the team?\nqueued: /k 3');
  });

  it('shows two lines and counts the rest', () => {
    const frame = renderApp(<QueuedLines lines={['a', 'b', 'c', 'd']} />).lastFrame();
    expect(frame).toBe('\nqueued: a\nqueued: b\n+2 more');
  });

  it('cuts a long line at the edge of the terminal', () => {
    const app = renderApp(<QueuedLines lines={['where does the night train leave from?']} />, { columns: 24 });
    expect(app.lastFrame()).toBe('\nqueued: where does the …');
  });
});
