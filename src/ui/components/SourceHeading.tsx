import { Text } from 'ink';
import type { Citation } from '../../shared/types.js';
import { fitSourceHeading } from '../format/fit-source-heading.js';
import { useTerminalWidth } from '../hooks/use-terminal-width.js';
import { useColor, useTerminal } from '../terminal-context.js';
import { formatSourceLabel } from './CitationList.js';

/** Props of {@link SourceHeading}. */
export interface SourceHeadingProps {
  citation: Citation;
  /** The corpus folder, for `file://` links on terminals that show them. */
  corpusDir?: string | undefined;
  /** Terminal width the line fits (see `fitSourceHeading`); defaults to the output's width. */
  columns?: number | undefined;
}

/**
 * The line that names a passage, `[n] source:lines › Section · score 0.87`,
 * the same under an answer and in `/sources` or `/open`, so the two never
 * drift apart. It stays on one line: the section, then the path's middle
 * folders, then the score give way (`fitSourceHeading`); a link still opens the whole path.
 */
export function SourceHeading({ citation, corpusDir, columns }: SourceHeadingProps) {
  const color = useColor();
  const { hyperlinks } = useTerminal();
  const terminalWidth = useTerminalWidth();
  const { source, section, score } = fitSourceHeading(citation, columns ?? terminalWidth);
  return (
    <Text>
      <Text color={color('accent')}>{formatSourceLabel(citation, hyperlinks ? corpusDir : undefined, source)}</Text>
      <Text>{section}</Text>
      {score === '' ? null : <Text dimColor>{score}</Text>}
    </Text>
  );
}
