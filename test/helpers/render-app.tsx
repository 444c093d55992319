import { EventEmitter } from 'node:events';
import { render as renderInk } from 'ink';
import { render as renderInTest } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { waitFor } from './wait-for.js';

/** Keys as a terminal sends them, for `stdin.write`. */
export const KEYS = {
  enter: '\r',
  backspace: '\u007F',
  up: '\u001B[A',
  down: '\u001B[B',
  left: '\u001B[D',
  right: '\u001B[C',
  ctrlC: '\u0003',
} as const;

/** A rendered Ink tree and the means to drive it. */
export interface RenderedApp {
  /** The last frame written, with `<Static>` output before the live region. */
  lastFrame(): string;
  /** Every frame written so far, oldest first. */
  frames(): readonly string[];
  /**
   * Sends raw terminal input, as if typed, once the app listens for keys
   * (Ink attaches its listener in an effect after the first render).
   */
  write(data: string): Promise<void>;
  /** Types `text` and presses Enter. */
  submit(text: string): Promise<void>;
  unmount(): void;
}

/**
 * Renders an Ink tree the way the tests see it: ink-testing-library's fake
 * terminal, 100 columns wide. `interactive: false` gives a stdin without raw
 * mode (like a pipe), which ink-testing-library cannot.
 */
export function renderApp(
  tree: ReactElement,
  options: { interactive?: boolean } = {},
): RenderedApp {
  if (options.interactive === false) return renderWithoutRawMode(tree);
  const { lastFrame, frames, stdin, unmount } = renderInTest(tree);
  const write = async (data: string): Promise<void> => {
    await waitFor(() => {
      if (stdin.listenerCount('readable') === 0) throw new Error('the app does not read keys yet');
    });
    stdin.write(data);
  };
  return {
    lastFrame: () => lastFrame() ?? '',
    frames: () => frames,
    write,
    submit: async (text) => {
      await write(text);
      await write(KEYS.enter);
    },
    unmount,
  };
}

class CapturingStdout extends EventEmitter {
  readonly columns = 100;
  readonly frames: string[] = [];
  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };
}

class PipeStdin extends EventEmitter {
  readonly isTTY = false;
  read = (): null => null;
  setEncoding(): void {}
  setRawMode(): void {}
  ref(): void {}
  unref(): void {}
  pause(): void {}
  resume(): void {}
}

function renderWithoutRawMode(tree: ReactElement): RenderedApp {
  const stdout = new CapturingStdout();
  const instance = renderInk(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new CapturingStdout() as unknown as NodeJS.WriteStream,
    stdin: new PipeStdin() as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    lastFrame: () => stdout.frames.at(-1) ?? '',
    frames: () => stdout.frames,
    write: () => Promise.reject(new Error('renderApp: this stdin is not interactive')),
    submit: () => Promise.reject(new Error('renderApp: this stdin is not interactive')),
    unmount: () => instance.unmount(),
  };
}
