import { Text } from 'ink';
import { checkExhaustive } from '../../shared/check-exhaustive.js';
import { segmentAnswer } from '../format/segment-answer.js';
import { useColor } from '../terminal-context.js';

/** Follows a sentence that no citation supports. */
export const UNSUPPORTED_MARK = '[?]';
/** Explains {@link UNSUPPORTED_MARK} under an answer that uses it. */
export const UNSUPPORTED_LEGEND = `${UNSUPPORTED_MARK} no cited passage supports this sentence`;

/** Props of {@link AnswerText}. */
export interface AnswerTextProps {
  text: string;
  /** Dim sentences without a citation and flag them with "[?]" (off while streaming). */
  markUnsupported: boolean;
  /** Drawn after the text, inside the same line (the streaming cursor). */
  suffix?: string;
}

/** Answer text with its `[n]` markers highlighted and unsupported sentences flagged. */
export function AnswerText({ text, markUnsupported, suffix = '' }: AnswerTextProps) {
  const color = useColor();
  const segments = segmentAnswer(text, { markUnsupported });
  return (
    <Text>
      {segments.map((segment, index) => {
        switch (segment.type) {
          case 'marker':
            return (
              <Text key={index} bold color={color('accent')}>
                {segment.text}
              </Text>
            );
          case 'unsupported':
            return (
              <Text key={index}>
                <Text dimColor>{segment.text}</Text>{' '}
                <Text color={color('warning')}>{UNSUPPORTED_MARK}</Text>
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

/** True when {@link AnswerText} would flag a sentence of `text`. */
export function hasUnsupportedSentence(text: string): boolean {
  return segmentAnswer(text, { markUnsupported: true }).some(
    (segment) => segment.type === 'unsupported',
  );
}
