import { describe, expect, it } from 'vitest';
import { detectTerminal } from '../../src/cli/detect-terminal.js';

const tty = { isTTY: true };

describe('detectTerminal', () => {
  it('turns colours off for a non-empty NO_COLOR only', () => {
    expect(detectTerminal({ NO_COLOR: '1' }, tty, 'linux').colors).toBe(false);
    expect(detectTerminal({ NO_COLOR: '' }, tty, 'linux').colors).toBe(true);
    expect(detectTerminal({}, tty, 'linux').colors).toBe(true);
  });

  it('keeps hyperlinks under NO_COLOR: a link is not a colour', () => {
    expect(detectTerminal({ NO_COLOR: '1', TERM: 'xterm-kitty' }, tty, 'linux').hyperlinks).toBe(true);
  });

  it('offers hyperlinks in terminals known to support them', () => {
    const supported = [
      { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.1.0' },
      { TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.72.0' },
      { TERM_PROGRAM: 'WezTerm', TERM_PROGRAM_VERSION: '20230712-072601-f4abf8fd' },
      { VTE_VERSION: '6003' },
      { WT_SESSION: 'abc' },
      { TERM: 'xterm-kitty' },
    ];
    for (const env of supported) expect(detectTerminal(env, tty, 'linux').hyperlinks, JSON.stringify(env)).toBe(true);
  });

  it('keeps plain text elsewhere: old versions, CI, a pipe, unknown terminals', () => {
    const unsupported: [NodeJS.ProcessEnv, { isTTY?: boolean }][] = [
      [{ TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.0.9' }, tty],
      [{ TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.71.2' }, tty],
      [{ VTE_VERSION: '0.50.0' }, tty],
      [{ VTE_VERSION: '4803' }, tty],
      [{ TERM: 'xterm-kitty', CI: 'true' }, tty],
      [{ TERM: 'xterm-kitty' }, {}],
      [{ TERM: 'xterm-256color', TERM_PROGRAM: 'tmux' }, tty],
    ];
    for (const [env, stream] of unsupported) {
      expect(detectTerminal(env, stream, 'linux').hyperlinks, JSON.stringify(env)).toBe(false);
    }
  });

  it('lets FORCE_HYPERLINK decide, 0 meaning off', () => {
    expect(detectTerminal({ FORCE_HYPERLINK: '1' }, {}, 'linux').hyperlinks).toBe(true);
    expect(detectTerminal({ FORCE_HYPERLINK: '0', TERM: 'xterm-kitty' }, tty, 'linux').hyperlinks).toBe(false);
  });
});
