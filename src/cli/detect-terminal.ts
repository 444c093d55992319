import type { TerminalCapabilities } from '../ui/terminal-context.js';

/**
 * What the terminal on `stream` can show, from the environment.
 *
 * Colours: off when `NO_COLOR` is set to anything but the empty string
 * (https://no-color.org); bold, dim and inverse are not colours and stay.
 *
 * Hyperlinks follow chalk/supports-hyperlinks: `FORCE_HYPERLINK` decides when
 * set (`0` turns them off); otherwise only a TTY outside CI, in a terminal
 * known to understand OSC 8 (Windows Terminal, iTerm 3.1+, WezTerm, VS Code
 * 1.72+, ghostty, VTE 0.50+, kitty, alacritty). Call it before the chat drops
 * `CI` from the environment (see leave-ink-ci-mode.ts).
 *
 * @see https://github.com/chalk/supports-hyperlinks/blob/main/index.js
 */
export function detectTerminal(
  env: NodeJS.ProcessEnv,
  stream: { isTTY?: boolean },
  platform: NodeJS.Platform = process.platform,
): TerminalCapabilities {
  const noColor = env['NO_COLOR'];
  return {
    colors: noColor === undefined || noColor === '',
    hyperlinks: supportsHyperlinks(env, stream, platform),
  };
}

function supportsHyperlinks(
  env: NodeJS.ProcessEnv,
  stream: { isTTY?: boolean },
  platform: NodeJS.Platform,
): boolean {
  const force = env['FORCE_HYPERLINK'];
  if (force !== undefined) return !(force.length > 0 && Number.parseInt(force, 10) === 0);
  if (env['NETLIFY']) return true;
  if (stream.isTTY !== true) return false;
  if ('WT_SESSION' in env) return true;
  if (platform === 'win32') return false;
  if (env['CI'] || env['TEAMCITY_VERSION']) return false;
  const program = env['TERM_PROGRAM'];
  if (program !== undefined) {
    const version = parseVersion(env['TERM_PROGRAM_VERSION']);
    switch (program) {
      case 'iTerm.app':
        return version.major === 3 ? version.minor >= 1 : version.major > 3;
      case 'WezTerm':
        return version.major >= 20200620;
      case 'vscode':
        return version.major > 1 || (version.major === 1 && version.minor >= 72);
      case 'ghostty':
        return true;
    }
  }
  const vte = env['VTE_VERSION'];
  if (vte !== undefined) {
    // 0.50.0 draws the link text but crashes on some links.
    if (vte === '0.50.0') return false;
    const version = parseVersion(vte);
    return version.major > 0 || version.minor >= 50;
  }
  return env['TERM'] === 'alacritty' || env['TERM'] === 'xterm-kitty';
}

/** `3.1.2` → 3, 1; VTE's `5402` (no dots) → 0, 54. */
function parseVersion(text = ''): { major: number; minor: number } {
  const undotted = /^(\d{1,2})(\d{2})$/.exec(text);
  if (undotted !== null) return { major: 0, minor: Number(undotted[1]) };
  const [major = 0, minor = 0] = text.split('.').map((part) => Number.parseInt(part, 10) || 0);
  return { major, minor };
}
