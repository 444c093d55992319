import { Box, Text } from 'ink';
import type { Citation } from '../../shared/types.js';
import { formatCitationLabel } from '../format/format-citation-label.js';
import { fileUrlOf, formatHyperlink } from '../format/format-hyperlink.js';
import { quotePreviewText } from '../format/quote-preview-text.js';
import { truncateQuote } from '../format/truncate-quote.js';
import { useTerminalWidth } from '../hooks/use-terminal-width.js';
import { SourceHeading } from './SourceHeading.js';

/** Citations listed under an answer before the rest are counted. */
export const MAX_CITATIONS_SHOWN = 5;
/** Terminal lines a quote preview may fill; `/open n` shows the whole passage. */
export const QUOTE_MAX_LINES = 1;
/** Spaces before a quote preview. */
export const QUOTE_INDENT = 4;

/** Props of {@link CitationList}. */
export interface CitationListProps {
  citations: readonly Citation[];
  /** How many to list; the rest show as "… (+n more)". */
  maxShown?: number;
  /** Terminal width the quote previews fit; defaults to the output's width. */
  columns?: number;
  /** The corpus folder, for `file://` links on terminals that show them. */
  corpusDir?: string;
}

/**
 * The passages an answer cites, compactly: `[n] source:start-end (p. N)` and
 * its score, then a dim one-line preview of the quote. The source is a
 * clickable `file://` link where the terminal supports OSC 8.
 */
export function CitationList({
  citations,
  maxShown = MAX_CITATIONS_SHOWN,
  columns,
  corpusDir,
}: CitationListProps) {
  const terminalWidth = useTerminalWidth();
  if (citations.length === 0) return null;
  const width = columns ?? terminalWidth;
  const quoteFit = { width: Math.max(1, width - QUOTE_INDENT), maxLines: QUOTE_MAX_LINES };
  const shown = citations.slice(0, maxShown);
  const hidden = citations.length - shown.length;
  return (
    <Box flexDirection="column">
      {shown.map((citation) => (
        <Box key={citation.id} flexDirection="column">
          <SourceHeading citation={citation} corpusDir={corpusDir} columns={width} />
          <Box paddingLeft={QUOTE_INDENT}>
            <Text dimColor wrap="truncate-end">
              {truncateQuote(quotePreviewText(citation), quoteFit)}
            </Text>
          </Box>
        </Box>
      ))}
      {hidden > 0 ? <Text dimColor>… (+{hidden} more)</Text> : null}
    </Box>
  );
}

/**
 * `[n] source:lines`, with `source:lines` an OSC 8 link to the file when
 * `corpusDir` is given (the caller passes it only where links are supported);
 * `source` is the path as shown, when shortened to fit.
 */
export function formatSourceLabel(citation: Citation, corpusDir?: string, source?: string): string {
  const label = formatCitationLabel(citation, source);
  if (corpusDir === undefined) return label;
  const marker = `[${citation.id}] `;
  const location = label.slice(marker.length);
  return marker + formatHyperlink(location, fileUrlOf(corpusDir, citation.source));
}
