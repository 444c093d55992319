import { Text } from 'ink';
import { terminalSafeText } from '../../shared/terminal-safe.js';
import { checkExhaustive } from '../../shared/check-exhaustive.js';
import { segmentAnswer } from '../format/segment-answer.js';
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
}

/** Answer text with its `[n]` markers highlighted and unsupported sentences flagged. */
export function AnswerText({
  text,
  markUnsupported,
  unbackedSentences = [],
  suffix = '',
}: AnswerTextProps) {
  const color = useColor();
  const segments = segmentAnswer(terminalSafeText(text), { markUnsupported, unbackedSentences: unbackedSentences.map(terminalSafeText) });
  const flag = <Text color={color('warning')}>{UNSUPPORTED_MARK}</Text>;
  return (
    <Text>
      {segments.map((segment, index) => {
        switch (segment.type) {
          case 'marker':
            return <Marker key={index} text={segment.text} />;
          case 'unsupported':
            return (
              <Text key={index}>
                <Text dimColor>{segment.text}</Text> {flag}
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
                        {part.text}
                      </Text>
                    ) : (
                      part.text
                    ),
                  )}
                </Text>{' '}
                {flag}
              </Text>
            );
          case 'text':
            return segment.text;
          default:
            return checkExhaustive(segment);
        }
      })}
      {suffix}
    </Text>
  );
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
