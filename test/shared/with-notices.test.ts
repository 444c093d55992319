import { describe, expect, it } from 'vitest';
import { createNoticeHub } from '../../src/shared/notice-hub.js';
import { withNotices } from '../../src/shared/with-notices.js';

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('withNotices', () => {
  it('passes a notice on while the run is still awaiting, not at its next event', async () => {
    const hub = createNoticeHub<string>();
    const released = gate();
    async function* run(): AsyncGenerator<string, string> {
      yield 'first';
      await released.opened;
      yield 'second';
      return 'done';
    }
    const merged = withNotices(run(), hub.listen);
    expect(await merged.next()).toEqual({ value: 'first', done: false });
    const next = merged.next();
    hub.emit('waiting');
    // The run is still blocked on the gate: the notice comes first.
    expect(await next).toEqual({ value: 'waiting', done: false });
    released.open();
    expect(await merged.next()).toEqual({ value: 'second', done: false });
    expect(await merged.next()).toEqual({ value: 'done', done: true });
  });

  it('stops listening when the run ends or fails', async () => {
    const hub = createNoticeHub<string>();
    async function* failing(): AsyncGenerator<string, string> {
      yield 'only';
      throw new Error('broken');
    }
    const merged = withNotices(failing(), hub.listen);
    expect(await merged.next()).toEqual({ value: 'only', done: false });
    await expect(merged.next()).rejects.toThrow('broken');
    hub.emit('late');
    expect(await merged.next()).toEqual({ value: undefined, done: true });
  });

  it('closes the run when the reader stops early', async () => {
    const hub = createNoticeHub<string>();
    let closed = false;
    async function* run(): AsyncGenerator<string, string> {
      try {
        yield 'first';
        yield 'second';
        return 'done';
      } finally {
        closed = true;
      }
    }
    const merged = withNotices(run(), hub.listen);
    await merged.next();
    await merged.return('stopped');
    expect(closed).toBe(true);
  });
});
