import { Box, Text } from 'ink';
import { terminalSafeText } from '../../shared/terminal-safe.js';
import type { Citation, UnsupportedSentence } from '../../shared/types.js';
import { findSentenceSpans } from '../format/segment-answer.js';
import { formatInvalidCitationsNote, formatUnsupportedNote } from '../format/format-verification-notes.js';
import { useColor } from '../terminal-context.js';
import { AnswerText, hasUnsupportedSentence, UNSUPPORTED_LEGEND } from './AnswerText.js';
import { CitationList } from './CitationList.js';
import { WrappedText } from './WrappedText.js';
import type { PendingAnswer } from '../state/chat-reducer.js';

/** What an abstaining answer says first. */
export const ABSTAIN_HEADLINE = 'The corpus does not seem to answer this question.';
/** Marks an abstention, so it reads as one without colour too. */
export const ABSTAIN_MARK = '[no answer]';
/** Follows the text of an answer still streaming. */
export const STREAMING_CURSOR = '▍';

/** What a streaming answer says before its first words, while retrieval runs. */
export const SEARCHING_TEXT = 'searching the corpus…';

/**
 * What a streaming answer with no words on screen is waiting for: the search,
 * then the model (a generated answer starts once the passages are found),
 * and between two paragraphs for nothing new, so only the marker shows.
 */
export function describeWait(pending: Pick<PendingAnswer, 'mode' | 'model' | 'committedText'>): string {
  if (pending.committedText !== '') return '';
  return pending.mode === 'generative' && pending.model !== null ? `asking ${pending.model}…` : SEARCHING_TEXT;
}

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
  /** What a streaming answer with no text yet says it is doing; default searching. '' shows the marker alone. */
  waitingText?: string;
  /**
   * Flag sentences no marker supports. Only for generated answers: an
   * extractive answer quotes each sentence from the passage it cites.
   */
  markUnsupported?: boolean;
  /**
   * Cited sentences their passages do not seem to support
   * (`Answer.unsupported`): flagged in `text`, or named in a note when they
   * showed earlier (in a paragraph printed while the answer streamed).
   */
  unsupported?: readonly UnsupportedSentence[];
  /** Markers that named no passage and were removed from the text: a note says so. */
  invalidCitations?: readonly number[];
  /**
   * The whole answer when `text` is only its last part (earlier paragraphs
   * were shown while it streamed): decides whether the "[?]" legend shows.
   */
  fullText?: string;
  /** The corpus folder, for links to cited files. */
  corpusDir?: string;
  /** Rows a streaming answer may take on screen: a taller one shows its last lines. */
  maxLines?: number | undefined;
}

/** An answer: its text, then its citations, or an abstention with the closest passages. */
export function AnswerView({
  text,
  citations = [],
  abstained = false,
  abstainReason = null,
  streaming = false,
  waitingText = SEARCHING_TEXT,
  markUnsupported = false,
  unsupported = [],
  invalidCitations = [],
  fullText = text,
  corpusDir,
  maxLines,
}: AnswerViewProps) {
  const color = useColor();
  if (streaming) {
    if (text === '' && waitingText !== '') return <Text dimColor>{waitingText}</Text>;
    return <AnswerText text={text} markUnsupported={false} suffix={STREAMING_CURSOR} maxLines={maxLines} />;
  }
  if (!abstained) {
    const sentences = unsupported.map((item) => item.sentence);
    const flagged = findSentenceSpans(text, sentences).map((span) => span.sentence);
    const notes = [
      ...(invalidCitations.length === 0 ? [] : [formatInvalidCitationsNote(invalidCitations)]),
      ...sentences.filter((sentence) => !flagged.includes(sentence)).map(formatUnsupportedNote),
    ];
    const showLegend = flagged.length > 0 || (markUnsupported && hasUnsupportedSentence(fullText));
    return (
      <Box flexDirection="column">
        {text === '' ? null : (
          <AnswerText text={text} markUnsupported={markUnsupported} unbackedSentences={flagged} />
        )}
        {showLegend ? <WrappedText dimColor>{UNSUPPORTED_LEGEND}</WrappedText> : null}
        {notes.map((note, index) => (
          <WrappedText key={index} dimColor>
            {note}
          </WrappedText>
        ))}
        {citations.length === 0 ? null : (
          <Box marginTop={1}>
            <CitationList citations={citations} corpusDir={corpusDir} />
          </Box>
        )}
      </Box>
    );
  }
  // An answerer that says in its own words why there is no answer (a model's
  // refusal, a question without words) is heard as it says it, once; the
  // extractive answerer's text opens with the headline, which then stands
  // with the reason.
  const ownWords = text !== '' && !text.startsWith(ABSTAIN_HEADLINE);
  return (
    <Box flexDirection="column">
      <Text color={color('warning')}>
        <Text bold>{ABSTAIN_MARK}</Text> {ownWords ? terminalSafeText(text) : ABSTAIN_HEADLINE}
      </Text>
      {ownWords || abstainReason === null || abstainReason === '' ? null : (
        <Text dimColor>{abstainReason}</Text>
      )}
      {citations.length === 0 ? null : (
        <Box flexDirection="column" marginTop={1}>
          <Text>Closest passages:</Text>
          <CitationList citations={citations} corpusDir={corpusDir} />
        </Box>
      )}
    </Box>
  );
}
