import { BUILTIN_COMMANDS } from '../../src/ui/commands/builtin-commands.js';
import type { CommandContext } from '../../src/ui/commands/types.js';

/** A command context for tests that records every `setK` call. */
export type MockCommandContext = CommandContext & { setKCalls: number[] };

/** Builds a command context with an empty chat; override what a test needs. */
export function createMockCommandContext(
  overrides: Partial<CommandContext> = {},
): MockCommandContext {
  const setKCalls: number[] = [];
  return {
    commands: BUILTIN_COMMANDS,
    lastAnswer: null,
    k: null,
    defaultK: 5,
    setK: (k) => {
      setKCalls.push(k);
    },
    ...overrides,
    setKCalls,
  };
}
