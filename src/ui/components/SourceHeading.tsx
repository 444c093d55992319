import { Text } from 'ink';
import type { Citation } from '../../shared/types.js';
import { formatScore } from '../format/format-score.js';
import { useColor, useTerminal } from '../terminal-context.js';
import { formatSourceLabel } from './CitationList.js';

/** Props of {@link SourceHeading}. */
export interface SourceHeadingProps {
  citation: Citation;
  /** The corpus folder, for `file://` links on terminals that show them. */
  corpusDir?: string | undefined;
}

/**
 * The line that names a passage, `[n] source:lines · score 0.87`, the same
 * under an answer and in `/sources` or `/open`, so the two never drift apart.
 */
export function SourceHeading({ citation, corpusDir }: SourceHeadingProps) {
  const color = useColor();
  const { hyperlinks } = useTerminal();
  return (
    <Text>
      <Text color={color('accent')}>{formatSourceLabel(citation, hyperlinks ? corpusDir : undefined)}</Text>
      <Text dimColor> · score {formatScore(citation.score)}</Text>
    </Text>
  );
}
