import { createContext, useContext } from 'react';

/** What the terminal the chat draws on can show; decided by the CLI from the environment. */
export interface TerminalCapabilities {
  /** Colours are allowed (`NO_COLOR` turns them off; bold, dim and inverse stay). */
  colors: boolean;
  /** OSC 8 hyperlinks are understood, so file names can be clickable `file://` links. */
  hyperlinks: boolean;
}

/** What components assume when nobody says: colours, no hyperlinks (plain text never breaks). */
export const DEFAULT_TERMINAL: TerminalCapabilities = { colors: true, hyperlinks: false };

/** The capabilities of the terminal, provided by `App`. */
export const TerminalContext = createContext<TerminalCapabilities>(DEFAULT_TERMINAL);

/** The roles colours play in the chat, so `NO_COLOR` can drop them all in one place. */
export type ColorRole = 'accent' | 'prompt' | 'warning' | 'error' | 'success';

const ROLE_COLORS: Record<ColorRole, string> = {
  accent: 'cyan',
  prompt: 'green',
  warning: 'yellow',
  error: 'red',
  success: 'green',
};

/**
 * The colour for a role, or `undefined` when colours are off, for Ink's
 * `color` prop: `<Text color={color('accent')}>`.
 */
export function useColor(): (role: ColorRole) => string | undefined {
  const { colors } = useContext(TerminalContext);
  return (role) => (colors ? ROLE_COLORS[role] : undefined);
}

/** The terminal's capabilities (colours, hyperlinks). */
export function useTerminal(): TerminalCapabilities {
  return useContext(TerminalContext);
}
