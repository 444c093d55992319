import { Box, Text } from 'ink';

/**
 * Queued lines shown under the live answer; the rest are counted. Few, so the
 * live region stays short (Ink redraws it whole, and flickers once it is
 * taller than the screen).
 */
export const MAX_QUEUED_LINES_SHOWN = 2;

/** What the input line suggests while the chat is busy. */
export const QUEUE_PLACEHOLDER = 'Type the next question; Enter queues it';

/** Props of {@link QueuedLines}. */
export interface QueuedLinesProps {
  /** Lines waiting their turn, oldest (next) first. */
  lines: readonly string[];
}

/**
 * The lines waiting to run once the answer or index run ends, one dim line
 * each, cut at the terminal's edge; a multi-line question shows on one line.
 */
export function QueuedLines({ lines }: QueuedLinesProps) {
  if (lines.length === 0) return null;
  const hidden = lines.length - MAX_QUEUED_LINES_SHOWN;
  return (
    <Box flexDirection="column" marginTop={1}>
      {lines.slice(0, MAX_QUEUED_LINES_SHOWN).map((line, index) => (
        // Two queued lines may read the same: their places tell them apart.
        <Text key={index} dimColor wrap="truncate-end">
          queued: {line.replace(/\s+/g, ' ')}
        </Text>
      ))}
      {hidden > 0 ? <Text dimColor>+{hidden} more</Text> : null}
    </Box>
  );
}
