import { clearCommand } from './clear-command.js';
import { helpCommand } from './help-command.js';
import { kCommand } from './k-command.js';
import { openCommand } from './open-command.js';
import { quitCommand } from './quit-command.js';
import { reindexCommand } from './reindex-command.js';
import { sourcesCommand } from './sources-command.js';
import type { SlashCommand } from './types.js';

/** The chat's commands, in the order `/help` lists them. */
export const BUILTIN_COMMANDS: readonly SlashCommand[] = [
  helpCommand,
  openCommand,
  sourcesCommand,
  kCommand,
  reindexCommand,
  clearCommand,
  quitCommand,
];
