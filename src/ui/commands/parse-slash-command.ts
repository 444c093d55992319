import type { SlashCommand } from './types.js';

/** A line that starts with `/`, matched against the known commands. */
export type ParsedSlashCommand =
  | { type: 'command'; name: string; args: string; command: SlashCommand }
  /** No command has that name; `message` says so and lists the commands. */
  | { type: 'unknown'; name: string; args: string; message: string };

/**
 * Reads a slash command from an input line; returns `null` for a line that is
 * not one (a question).
 *
 * @example
 * parseSlashCommand('/open 3', commands)
 * // → { type: 'command', name: 'open', args: '3', command: openCommand }
 */
export function parseSlashCommand(
  input: string,
  commands: readonly SlashCommand[],
): ParsedSlashCommand | null {
  const line = input.trim();
  if (!line.startsWith('/')) return null;
  const match = /^\/(\S*)\s*(.*)$/s.exec(line);
  const name = (match?.[1] ?? '').toLowerCase();
  const args = (match?.[2] ?? '').trim();
  const command = findSlashCommand(name, commands);
  if (command !== undefined) return { type: 'command', name, args, command };
  const known = commands.map((each) => `/${each.name}`).join(', ');
  const shown = name === '' ? '/' : `/${name}`;
  return {
    type: 'unknown',
    name,
    args,
    message: `unknown command ${shown}; try ${known}`,
  };
}

/** The command called `name` or known by that alias. */
export function findSlashCommand(
  name: string,
  commands: readonly SlashCommand[],
): SlashCommand | undefined {
  return commands.find(
    (command) => command.name === name || (command.aliases ?? []).includes(name),
  );
}
