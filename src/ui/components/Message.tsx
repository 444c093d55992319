import { Box, Text } from 'ink';
import { breakAtSpaces } from '../format/wrap-words.js';
import { useTerminalWidth } from '../hooks/use-terminal-width.js';
import type { MessageTone } from '../state/history-item.js';
import { useColor } from '../terminal-context.js';

/** Props of {@link Message}. */
export interface MessageProps {
  /** `error` shows the text red, prefixed with "error:"; `info` shows it plain. */
  tone: MessageTone;
  /** May span lines (`/help` lists one command a line). */
  text: string;
  /** What to do about an error, shown dim under it. */
  hint?: string | null;
}

/** A line from the chat itself: command output, or an error and its hint. */
export function Message({ tone, text, hint = null }: MessageProps) {
  const color = useColor();
  const columns = useTerminalWidth();
  if (text === '') return null;
  return (
    <Box flexDirection="column">
      {tone === 'error' ? (
        <Text color={color('error')}>{breakAtSpaces(`error: ${text}`, columns)}</Text>
      ) : (
        <Text>{breakAtSpaces(text, columns)}</Text>
      )}
      {hint === null ? null : <Text dimColor>{breakAtSpaces(`hint: ${hint}`, columns)}</Text>}
    </Box>
  );
}
