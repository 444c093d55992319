import { Box, Text } from 'ink';
import { terminalSafeName, terminalSafeText } from '../../shared/terminal-safe.js';
import type { NumberedLine } from '../../chunk/slice-lines.js';
import type { Citation } from '../../shared/types.js';
import { breakAtSpaces } from '../format/wrap-words.js';
import { useTerminalWidth } from '../hooks/use-terminal-width.js';
import { useColor } from '../terminal-context.js';
import { SourceHeading } from './SourceHeading.js';

/** Spaces before the passage text when it is shown without line numbers. */
const PASSAGE_INDENT = 2;
/** Gutter rule beside a cited line, and beside a line of context. */
const CITED_RULE = '┃';
const CONTEXT_RULE = '│';

/** Props of {@link PassageView}. */
export interface PassageViewProps {
  citation: Citation;
  /**
   * The passage's lines with context, as the file reads now (`/open n`), or
   * `null` to show the indexed quote alone (`/sources`, or a file that is gone).
   */
  lines?: readonly NumberedLine[] | null;
  /** Say why the lines are missing (set by `/open` when the file could not be read). */
  unreadable?: boolean;
  corpusDir?: string;
}

/**
 * One cited passage in full. With `lines`, the file's numbered lines around
 * it, cited lines ruled `┃`, the lines an extractive answer quotes bold and
 * context dim; when the file no longer says what
 * was indexed there, a note says to re-index.
 */
export function PassageView({ citation, lines = null, unreadable = false, corpusDir }: PassageViewProps) {
  const color = useColor();
  const columns = useTerminalWidth();
  const header = <SourceHeading citation={citation} corpusDir={corpusDir} />;
  if (lines === null || lines.length === 0) {
    return (
      <Box flexDirection="column">
        {header}
        {unreadable ? (
          <Text color={color('warning')}>
            {terminalSafeName(citation.source)} can no longer be read; this is the passage as indexed
          </Text>
        ) : null}
        <Box paddingLeft={PASSAGE_INDENT}>
          <Text>{breakAtSpaces(terminalSafeText(citation.text), columns - PASSAGE_INDENT)}</Text>
        </Box>
      </Box>
    );
  }
  const digits = String(lines.at(-1)?.number ?? 0).length;
  // "12 ┃ ": the number, a space, the rule, a space. The text gets an explicit
  // width: inside <Static> (absolutely positioned) a row does not shrink its
  // children to the terminal, and a long line would spill past the edge.
  const textWidth = Math.max(10, columns - digits - 3);
  const cited = lines.filter((line) => line.inRange);
  const first = cited[0]?.number;
  const last = cited.at(-1)?.number;
  // readPassage follows a passage that lines added above it moved down.
  const movedTo = first === undefined || last === undefined || (first === citation.startLine && last === citation.endLine)
    ? null
    : first === last ? `line ${first}` : `lines ${first}-${last}`;
  const quoted = quotedLines(citation, first);
  return (
    <Box flexDirection="column">
      {header}
      {quoteMatches(citation, cited) ? (
        movedTo === null ? null : (
          <Text color={color('warning')}>
            {terminalSafeName(citation.source)} changed since it was indexed: the passage is now at {movedTo};
            /reindex to update the citations
          </Text>
        )
      ) : (
        <Text color={color('warning')}>
          {terminalSafeName(citation.source)} changed since it was indexed; /reindex to update the citations
        </Text>
      )}
      {lines.map((line) => (
        <Box key={line.number}>
          <Box flexShrink={0}>
            <Text dimColor={!line.inRange}>
              {String(line.number).padStart(digits)}{' '}
              <Text color={line.inRange ? color('accent') : undefined}>
                {line.inRange ? CITED_RULE : CONTEXT_RULE}
              </Text>{' '}
            </Text>
          </Box>
          <Box width={textWidth}>
            <Text dimColor={!line.inRange} bold={quoted.has(line.number)}>
              {breakAtSpaces(terminalSafeText(line.text), textWidth)}
            </Text>
          </Box>
        </Box>
      ))}
    </Box>
  );
}

/** The line numbers, as the file reads now, of the sentences the answer quotes; the passage starts at `first` now. */
function quotedLines(citation: Citation, first: number | undefined): Set<number> {
  const shift = (first ?? citation.startLine) - citation.startLine;
  const numbers = new Set<number>();
  for (const quote of citation.quotes ?? []) {
    for (let line = quote.startLine; line <= quote.endLine; line++) numbers.add(line + shift);
  }
  return numbers;
}

/** The cited lines still hold the quoted text (whitespace aside). */
function quoteMatches(citation: Citation, cited: readonly NumberedLine[]): boolean {
  const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
  return squash(cited.map((line) => line.text).join('\n')).includes(squash(citation.text));
}
