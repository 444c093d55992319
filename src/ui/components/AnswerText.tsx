import { Box, Text } from 'ink';
import { terminalSafeText } from '../../shared/terminal-safe.js';
import { checkExhaustive } from '../../shared/check-exhaustive.js';
import { segmentAnswer, type AnswerSegment } from '../format/segment-answer.js';
import { plural } from '../../shared/plural.js';
import { breakLines, offsetInBroken, visualLineStarts } from '../format/wrap-words.js';
import { useTerminalWidth } from '../hooks/use-terminal-width.js';
import { useColor } from '../terminal-context.js';

/** Follows a sentence that no citation supports: it cites nothing, or its passage does not back it. */
export const UNSUPPORTED_MARK = '[?]';
/** Explains {@link UNSUPPORTED_MARK} under an answer that uses it; one legend for both reasons. */
export const UNSUPPORTED_LEGEND = `${UNSUPPORTED_MARK} no citation, or not supported by the cited passage`;

/** Props of {@link AnswerText}. */
export interface AnswerTextProps {
  text: string;
  /** Dim sentences without a citation and flag them with "[?]" (off while streaming). */
  markUnsupported: boolean;
  /**
   * Cited sentences, as written in `text`, that their passages do not seem to
   * support (`Answer.unsupported`): dimmed and flagged with "[?]" too.
   */
  unbackedSentences?: readonly string[];
  /** Drawn after the text, inside the same line (the streaming cursor). */
  suffix?: string;
  /** Columns the text wraps at (default: the terminal's width). */
  width?: number;
  /**
   * Rows the text may take: a taller text shows its last lines under a note
   * of how many are above (a streaming paragraph taller than the terminal).
   */
  maxLines?: number;
}

/** Answer text with its `[n]` markers highlighted and unsupported sentences flagged. */
export function AnswerText({
  text,
  markUnsupported,
  unbackedSentences = [],
  suffix = '',
  width,
  maxLines,
}: AnswerTextProps) {
  const color = useColor();
  const columns = useTerminalWidth();
  const segments = segmentAnswer(terminalSafeText(text), { markUnsupported, unbackedSentences: unbackedSentences.map(terminalSafeText) });
  // Each piece is drawn from the wrapped whole, so the flags count toward the lines they end.
  const lines = breakLines(displayedText(segments, suffix), width ?? columns);
  const wrapped = lines.text;
  const starts = maxLines === undefined ? [] : visualLineStarts(wrapped, width ?? columns);
  // The note takes one of the rows: at least one line of text stays in view.
  const hiddenLines = maxLines === undefined || starts.length <= maxLines ? 0 : starts.length - Math.max(1, maxLines - 1);
  const shownFrom = starts[hiddenLines] ?? 0;
  let offset = 0;
  // Each piece keeps its offsets in the whole (moved past any line break added
  // before them); what lies above `shownFrom` is drawn as nothing.
  const take = (piece: string): string => {
    const start = offsetInBroken(lines, offset);
    offset += piece.length;
    return wrapped.slice(Math.max(start, shownFrom), Math.max(offsetInBroken(lines, offset), shownFrom));
  };
  const flag = <Text color={color('warning')}>{UNSUPPORTED_MARK}</Text>;
  const body = (
    <Text>
      {segments.map((segment, index) => {
        switch (segment.type) {
          case 'marker':
            return <Marker key={index} text={take(segment.text)} />;
          case 'unsupported':
            return (
              <Text key={index}>
                <Text dimColor>{take(segment.text)}</Text>{take(' ')}{take(UNSUPPORTED_MARK) && flag}
              </Text>
            );
          case 'unbacked':
            // Its markers keep their colour, to say which passage fails to back
            // it, but not bold: ending bold (SGR 22) would end the dim too.
            return (
              <Text key={index}>
                <Text dimColor>
                  {segmentAnswer(segment.text, { markUnsupported: false }).map((part, partIndex) =>
                    part.type === 'marker' ? (
                      <Text key={partIndex} color={color('accent')}>
                        {take(part.text)}
                      </Text>
                    ) : (
                      take(part.text)
                    ),
                  )}
                </Text>
                {take(' ')}
                {take(UNSUPPORTED_MARK) && flag}
              </Text>
            );
          case 'text':
            return take(segment.text);
          default:
            return checkExhaustive(segment);
        }
      })}
      {take(suffix)}
    </Text>
  );
  if (hiddenLines === 0) return body;
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate-end">
        ↑ {plural(hiddenLines, 'line')}, shown when the answer ends
      </Text>
      {body}
    </Box>
  );
}

/** The text as drawn: each flagged sentence followed by " [?]", then the suffix. */
function displayedText(segments: readonly AnswerSegment[], suffix: string): string {
  const flagged = (segment: AnswerSegment): boolean => segment.type === 'unsupported' || segment.type === 'unbacked';
  return segments.map((segment) => (flagged(segment) ? `${segment.text} ${UNSUPPORTED_MARK}` : segment.text)).join('') + suffix;
}

function Marker({ text }: { text: string }) {
  const color = useColor();
  return (
    <Text bold color={color('accent')}>
      {text}
    </Text>
  );
}

/** True when {@link AnswerText} would flag a sentence of `text` for lacking a marker. */
export function hasUnsupportedSentence(text: string): boolean {
  return segmentAnswer(text, { markUnsupported: true }).some(
    (segment) => segment.type === 'unsupported',
  );
}
