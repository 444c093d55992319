import { Text } from 'ink';
import { breakAtSpaces } from '../format/wrap-words.js';
import { useTerminalWidth } from '../hooks/use-terminal-width.js';

/** Props of {@link WrappedText}. */
export interface WrappedTextProps {
  children: string;
  dimColor?: boolean;
  color?: string | undefined;
}

/**
 * A line of prose (a note, a label) wrapped at spaces to the terminal's width,
 * so no wrapped line starts with the space Ink would carry over to it.
 */
export function WrappedText({ children, dimColor = false, color }: WrappedTextProps) {
  const columns = useTerminalWidth();
  return (
    <Text dimColor={dimColor} color={color}>
      {breakAtSpaces(children, columns)}
    </Text>
  );
}
