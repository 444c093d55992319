import { Box, Text, useStdout } from 'ink';
import type { Citation } from '../../shared/types.js';
import { formatCitationLabel } from '../format/format-citation-label.js';
import { truncateQuote } from '../format/truncate-quote.js';

/** Citations listed under an answer before the rest are counted. */
export const MAX_CITATIONS_SHOWN = 5;
/** Terminal lines a quote preview may fill; `/open n` shows the whole passage. */
export const QUOTE_MAX_LINES = 3;
/** Spaces before a quote preview. */
export const QUOTE_INDENT = 4;
/** Width used when the output stream does not report one (a pipe). */
const FALLBACK_COLUMNS = 80;

/** Props of {@link CitationList}. */
export interface CitationListProps {
  citations: readonly Citation[];
  /** How many to list; the rest show as "… (+n more)". */
  maxShown?: number;
  /** Terminal width the quote previews fit; defaults to the output's width. */
  columns?: number;
}

/**
 * The passages an answer cites: `[n] source:start-end (p. N)` and a dim,
 * indented preview of the quote, at most three lines.
 */
export function CitationList({
  citations,
  maxShown = MAX_CITATIONS_SHOWN,
  columns,
}: CitationListProps) {
  const { stdout } = useStdout();
  if (citations.length === 0) return null;
  const width = columns ?? stdout.columns ?? FALLBACK_COLUMNS;
  const quoteFit = { width: Math.max(1, width - QUOTE_INDENT), maxLines: QUOTE_MAX_LINES };
  const shown = citations.slice(0, maxShown);
  const hidden = citations.length - shown.length;
  return (
    <Box flexDirection="column">
      {shown.map((citation) => (
        <Box key={citation.id} flexDirection="column">
          <Text color="cyan">{formatCitationLabel(citation)}</Text>
          <Box paddingLeft={QUOTE_INDENT}>
            <Text dimColor>{truncateQuote(citation.text, quoteFit)}</Text>
          </Box>
        </Box>
      ))}
      {hidden > 0 ? <Text dimColor>… (+{hidden} more)</Text> : null}
    </Box>
  );
}
