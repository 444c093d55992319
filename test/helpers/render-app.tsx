import { EventEmitter } from 'node:events';
import { render as renderInk } from 'ink';
import { cleanup as cleanupInkTests, render as renderInTest } from 'ink-testing-library';
import type { ReactElement } from 'react';
import {
  DEFAULT_TERMINAL,
  TerminalContext,
  type TerminalCapabilities,
} from '../../src/ui/terminal-context.js';
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
  ctrlD: '\u0004',
  home: '\u001B[H',
  end: '\u001B[F',
  forwardDelete: '\u001B[3~',
  pasteStart: '\u001B[200~',
  pasteEnd: '\u001B[201~',
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
  /** Changes the terminal width, as a resize does (only with `columns`). */
  resize(columns: number): void;
  unmount(): void;
}

/** Options of {@link renderApp}. */
export interface RenderAppOptions {
  /** `false` gives a stdin without raw mode (like a pipe). */
  interactive?: boolean;
  /** Terminal width; without it, ink-testing-library's 100 columns. */
  columns?: number;
  /** Terminal height (only with `columns`); default 40. */
  rows?: number;
  /** Colours and hyperlinks, given to components through `TerminalContext`. */
  terminal?: Partial<TerminalCapabilities>;
  /**
   * Keys typed before the app started: a terminal holds them and delivers
   * them a tick after the app starts to listen, as a real stdin does.
   */
  typedAhead?: string;
}

const mounted: { unmount(): void }[] = [];

/** Unmounts everything rendered by {@link renderApp}; call it in `afterEach`. */
export function cleanup(): void {
  cleanupInkTests();
  for (const instance of mounted.splice(0)) instance.unmount();
}

/**
 * Renders an Ink tree the way the tests see it: ink-testing-library's fake
 * terminal, 100 columns wide. `interactive: false` gives a stdin without raw
 * mode (like a pipe), which ink-testing-library cannot.
 */
export function renderApp(tree: ReactElement, options: RenderAppOptions = {}): RenderedApp {
  if (options.terminal !== undefined) {
    const terminal = { ...DEFAULT_TERMINAL, ...options.terminal };
    tree = <TerminalContext.Provider value={terminal}>{tree}</TerminalContext.Provider>;
  }
  if (options.interactive === false) return renderWithoutRawMode(tree);
  if (options.columns !== undefined || options.typedAhead !== undefined) {
    return renderWithColumns(tree, { columns: options.columns ?? 100, rows: options.rows ?? 40 }, options.typedAhead);
  }
  const { lastFrame, frames, stdin, unmount } = renderInTest(tree);
  return {
    ...driveKeys(stdin),
    lastFrame: () => lastFrame() ?? '',
    frames: () => frames,
    resize: () => {
      throw new Error('renderApp: pass `columns` to resize');
    },
    unmount,
  };
}

/** `write` and `submit` over a raw-mode stdin, once the app reads keys. */
function driveKeys(stdin: EventEmitter & { write(data: string): void }): Pick<
  RenderedApp,
  'write' | 'submit'
> {
  const write = async (data: string): Promise<void> => {
    await waitFor(() => {
      if (stdin.listenerCount('readable') === 0) throw new Error('the app does not read keys yet');
    });
    stdin.write(data);
  };
  return {
    write,
    submit: async (text) => {
      await write(text);
      await write(KEYS.enter);
    },
  };
}

class CapturingStdout extends EventEmitter {
  columns = 100;
  rows = 40;
  readonly frames: string[] = [];
  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };
}

/** The stream calls Ink makes on stdin, as no-ops. */
class QuietStdin extends EventEmitter {
  setEncoding(): void {}
  setRawMode(): void {}
  ref(): void {}
  unref(): void {}
  pause(): void {}
  resume(): void {}
}

class PipeStdin extends QuietStdin {
  readonly isTTY = false;
  read = (): null => null;
}

/** Ink on a captured stdout, in debug mode so every frame is written whole. */
function renderOnFakeTerminal(
  tree: ReactElement,
  stdout: CapturingStdout,
  stdin: EventEmitter,
): ReturnType<typeof renderInk> {
  return renderInk(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new CapturingStdout() as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
}

function renderWithoutRawMode(tree: ReactElement): RenderedApp {
  const stdout = new CapturingStdout();
  const instance = renderOnFakeTerminal(tree, stdout, new PipeStdin());
  return {
    lastFrame: () => stdout.frames.at(-1) ?? '',
    frames: () => stdout.frames,
    write: () => Promise.reject(new Error('renderApp: this stdin is not interactive')),
    submit: () => Promise.reject(new Error('renderApp: this stdin is not interactive')),
    resize: () => {
      throw new Error('renderApp: pass `columns` to resize');
    },
    unmount: () => instance.unmount(),
  };
}

/** A raw-mode stdin like ink-testing-library's: `write` is read as typed input. */
class KeyboardStdin extends QuietStdin {
  readonly isTTY = true;
  private data: string | null = null;
  constructor(typedAhead?: string) {
    super();
    if (typedAhead === undefined) return;
    this.data = typedAhead;
    // Node's stdin announces data it already holds on the tick after a 'readable' listener is added.
    const announce = (event: string): void => {
      if (event !== 'readable') return;
      this.off('newListener', announce);
      process.nextTick(() => this.emit('readable'));
    };
    this.on('newListener', announce);
  }
  write(data: string): void {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }
  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };
}

function renderWithColumns(
  tree: ReactElement,
  { columns, rows }: { columns: number; rows: number },
  typedAhead?: string,
): RenderedApp {
  const stdout = new CapturingStdout();
  stdout.columns = columns;
  stdout.rows = rows;
  const stdin = new KeyboardStdin(typedAhead);
  const instance = renderOnFakeTerminal(tree, stdout, stdin);
  mounted.push(instance);
  return {
    ...driveKeys(stdin),
    lastFrame: () => stdout.frames.at(-1) ?? '',
    frames: () => stdout.frames,
    resize: (next) => {
      stdout.columns = next;
      stdout.emit('resize');
    },
    unmount: () => instance.unmount(),
  };
}
