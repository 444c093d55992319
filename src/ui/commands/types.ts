import type { Answer } from '../../shared/types.js';

/** What a slash command asks the chat to do next. */
export type CommandResult =
  | { type: 'quit' }
  | { type: 'message'; text: string; tone?: 'info' | 'error' }
  /** Update the index; `full` rebuilds it from scratch. */
  | { type: 'reindex'; full: boolean }
  /** Show the full passage of citation `citationId` of the last answer. */
  | { type: 'open'; citationId: number }
  /** Show every passage of the last answer in full. */
  | { type: 'sources' }
  /** Empty the conversation on screen. */
  | { type: 'clear' };

/** What a command may read and change; built by the chat for each run. */
export interface CommandContext {
  /** Every command the chat knows, for `/help` and hints. */
  commands: readonly SlashCommand[];
  /** The last finished answer, or `null` before the first one. */
  lastAnswer: Answer | null;
  /** Passages per question chosen with `/k`, or `null` for the configured default. */
  k: number | null;
  /** The configured default, shown while no `/k` has chosen another. */
  defaultK: number;
  setK(k: number): void;
}

/**
 * A slash command as data: `/name args`. Actions never touch the terminal;
 * they return a result the chat carries out.
 *
 * @example
 * export const clearCommand: SlashCommand = {
 *   name: 'clear',
 *   description: 'Start a new conversation (clears the screen)',
 *   action: () => ({ type: 'clear' }),
 * };
 */
export interface SlashCommand {
  /** Typed after the slash, lower case. */
  name: string;
  /** Other names that run the same command (`/exit` for `/quit`). */
  aliases?: readonly string[];
  /** One line for `/help`. */
  description: string;
  /** The arguments, as shown by `/help` (`<n>`, `[full]`). */
  usage?: string;
  /**
   * Runs at once even while an answer streams or an index run goes on,
   * instead of waiting in the queue behind it (`/quit`: leaving never waits).
   */
  immediate?: boolean;
  action(context: CommandContext, args: string): CommandResult | Promise<CommandResult>;
}
