import { Box, Text } from 'ink';
import type { Citation } from '../../shared/types.js';
import { CitationList } from './CitationList.js';

/** What an abstaining answer says first. */
export const ABSTAIN_HEADLINE = 'The corpus does not seem to answer this question.';

/** Props of {@link AnswerView}. */
export interface AnswerViewProps {
  /** The answer text to show (for a streamed answer, the part not yet in history). */
  text: string;
  /** Shown under the text once the answer has ended. */
  citations?: readonly Citation[];
  /** The corpus does not answer; `citations` are then the closest passages. */
  abstained?: boolean;
  /** Why the answerer abstained, when it said. */
  abstainReason?: string | null;
  /** Still arriving: shows a marker instead of citations. */
  streaming?: boolean;
}

/** An answer: its text, then its citations, or an abstention with the closest passages. */
export function AnswerView({
  text,
  citations = [],
  abstained = false,
  abstainReason = null,
  streaming = false,
}: AnswerViewProps) {
  if (streaming) {
    return text === '' ? <Text dimColor>searching the corpus…</Text> : <Text>{text}▍</Text>;
  }
  if (!abstained) {
    return (
      <Box flexDirection="column">
        {text === '' ? null : <Text>{text}</Text>}
        {citations.length === 0 ? null : (
          <Box marginTop={1}>
            <CitationList citations={citations} />
          </Box>
        )}
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Text color="yellow">{ABSTAIN_HEADLINE}</Text>
      {abstainReason === null || abstainReason === '' ? null : (
        <Text dimColor>{abstainReason}</Text>
      )}
      {/* The extractive answerer's text opens with the same sentence: don't say it twice. */}
      {text === '' || text.startsWith(ABSTAIN_HEADLINE) ? null : <Text>{text}</Text>}
      {citations.length === 0 ? null : (
        <Box flexDirection="column" marginTop={1}>
          <Text>Closest passages:</Text>
          <CitationList citations={citations} />
        </Box>
      )}
    </Box>
  );
}
