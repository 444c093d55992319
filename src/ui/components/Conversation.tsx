import { Box, Static, Text } from 'ink';
import { checkExhaustive } from '../../shared/check-exhaustive.js';
import { useTerminalWidth } from '../hooks/use-terminal-width.js';
import type { HistoryItem } from '../state/history-item.js';
import { useColor } from '../terminal-context.js';
import { AnswerText } from './AnswerText.js';
import { breakAtSpaces } from '../format/wrap-words.js';
import { formatFallbackLabel, formatSearchedForNote } from '../format/format-verification-notes.js';
import { AnswerView } from './AnswerView.js';
import { IngestSummaryView } from './IngestSummaryView.js';
import { Message } from './Message.js';
import { PassageView } from './PassageView.js';
import { WrappedText } from './WrappedText.js';

/** Before each question the user asked. */
const PROMPT = '› ';

/** Props of {@link Conversation}. */
export interface ConversationProps {
  /** Finished items; each is printed once and never redrawn. */
  history: readonly HistoryItem[];
  /** The corpus folder, for links to cited files. */
  corpusDir?: string;
}

/**
 * The finished conversation. `<Static>` prints each item once above the live
 * region, so a long conversation costs nothing to re-render and does not flicker.
 */
export function Conversation({ history, corpusDir }: ConversationProps) {
  return (
    <Static items={[...history]}>
      {(item) => (
        <Box key={item.id} flexDirection="column" marginTop={startsBlock(item) ? 1 : 0}>
          <HistoryItemView item={item} corpusDir={corpusDir} />
        </Box>
      )}
    </Static>
  );
}

/** Items that begin a new block get a blank line before them; replies follow directly. */
function startsBlock(item: HistoryItem): boolean {
  return item.type === 'user-input' || item.type === 'ingest-summary';
}

function HistoryItemView({ item, corpusDir }: { item: HistoryItem; corpusDir?: string }) {
  const color = useColor();
  const columns = useTerminalWidth();
  switch (item.type) {
    case 'user-input':
      // A pasted question keeps its lines, each indented under the first.
      // The width is explicit: inside <Static> a row does not shrink to the terminal.
      return (
        <Box>
          <Text bold color={color('prompt')}>
            {PROMPT}
          </Text>
          <Box width={Math.max(10, columns - PROMPT.length)}>
            <Text bold>{breakAtSpaces(item.text, Math.max(10, columns - PROMPT.length))}</Text>
          </Box>
        </Box>
      );
    case 'answer-fallback':
      return <WrappedText color={color('warning')}>{formatFallbackLabel(item.fallback)}</WrappedText>;
    case 'answer-text':
      return (
        <Box marginBottom={1}>
          <AnswerText text={item.text} markUnsupported={item.mode === 'generative'} />
        </Box>
      );
    case 'answer':
      return (
        <Box flexDirection="column">
          <AnswerView
            text={item.text}
            citations={item.answer.citations}
            abstained={item.answer.abstained}
            abstainReason={item.abstainReason}
            markUnsupported={item.answer.mode === 'generative'}
            unsupported={item.answer.unsupported}
            invalidCitations={item.answer.invalidCitations}
            fullText={item.answer.answer}
            corpusDir={corpusDir}
          />
          {item.answer.retrievalQuestion === undefined ? null : (
            <WrappedText dimColor>{formatSearchedForNote(item.answer.retrievalQuestion)}</WrappedText>
          )}
        </Box>
      );
    case 'passage':
      return (
        <PassageView
          citation={item.citation}
          lines={item.lines}
          unreadable={item.unreadable}
          corpusDir={corpusDir}
        />
      );
    case 'sources':
      return (
        <Box flexDirection="column">
          <Text bold>{item.abstained ? 'Closest passages:' : 'Sources:'}</Text>
          {item.citations.map((citation) => (
            <Box key={citation.id} marginBottom={1}>
              <PassageView citation={citation} corpusDir={corpusDir} />
            </Box>
          ))}
        </Box>
      );
    case 'message':
      return <Message tone={item.tone} text={item.text} hint={item.hint} />;
    case 'ingest-summary':
      return <IngestSummaryView report={item.report} />;
    default:
      return checkExhaustive(item);
  }
}
