import { Text } from 'ink';
import stringWidth from 'string-width';
import type { Citation } from '../../shared/types.js';
import { formatCitationLabel } from '../format/format-citation-label.js';
import { formatScore } from '../format/format-score.js';
import { formatSectionLabel } from '../format/format-section-label.js';
import { useTerminalWidth } from '../hooks/use-terminal-width.js';
import { useColor, useTerminal } from '../terminal-context.js';
import { formatSourceLabel } from './CitationList.js';

/** Props of {@link SourceHeading}. */
export interface SourceHeadingProps {
  citation: Citation;
  /** The corpus folder, for `file://` links on terminals that show them. */
  corpusDir?: string | undefined;
  /** Terminal width the line fits (the section is shortened to fit); defaults to the output's width. */
  columns?: number | undefined;
}

/**
 * The line that names a passage, `[n] source:lines › Section · score 0.87`,
 * the same under an answer and in `/sources` or `/open`, so the two never
 * drift apart. The Markdown section, if any, gets the room the rest leaves on
 * one line, and is left out when there is too little.
 */
export function SourceHeading({ citation, corpusDir, columns }: SourceHeadingProps) {
  const color = useColor();
  const { hyperlinks } = useTerminal();
  const terminalWidth = useTerminalWidth();
  const score = ` · score ${formatScore(citation.score)}`;
  const room = (columns ?? terminalWidth) - stringWidth(formatCitationLabel(citation)) - stringWidth(score);
  return (
    <Text>
      <Text color={color('accent')}>{formatSourceLabel(citation, hyperlinks ? corpusDir : undefined)}</Text>
      <Text>{formatSectionLabel(citation.section, room)}</Text>
      <Text dimColor>{score}</Text>
    </Text>
  );
}
