import type { CommandContext, CommandResult, SlashCommand } from './types.js';

/**
 * Runs a command, refusing words after one that takes none: `/quit later` or
 * `/clear the screen` is more likely a slip than a wish to quit or clear now,
 * and doing it anyway loses what the user was about to keep.
 *
 * @example
 * runSlashCommand(quitCommand, context, 'now');
 * // → { type: 'message', tone: 'error', text: '/quit takes no arguments (got "now")' }
 */
export function runSlashCommand(
  command: SlashCommand,
  context: CommandContext,
  args: string,
): CommandResult | Promise<CommandResult> {
  if (command.usage === undefined && args.trim() !== '') {
    return { type: 'message', tone: 'error', text: `/${command.name} takes no arguments (got "${args.trim()}")` };
  }
  return command.action(context, args);
}
