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

  it('listens only while the run goes on, and stops when it ends or fails', async () => {
    let listening = 0;
    const listen = (): (() => void) => {
      listening += 1;
      return () => {
        listening -= 1;
      };
    };
    async function* failing(): AsyncGenerator<string, string> {
      yield 'only';
      throw new Error('broken');
    }
    async function* ending(): AsyncGenerator<string, string> {
      yield 'only';
      return 'done';
    }
    const failed = withNotices(failing(), listen);
    expect(listening).toBe(0);
    expect(await failed.next()).toEqual({ value: 'only', done: false });
    expect(listening).toBe(1);
    await expect(failed.next()).rejects.toThrow('broken');
    expect(listening).toBe(0);
    const ended = withNotices(ending(), listen);
    await ended.next();
    expect(await ended.next()).toEqual({ value: 'done', done: true });
    expect(listening).toBe(0);
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
