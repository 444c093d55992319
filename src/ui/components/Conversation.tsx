import { Box, Static, Text } from 'ink';
import { checkExhaustive } from '../../shared/check-exhaustive.js';
import { formatIngestSummary } from '../format/format-ingest-summary.js';
import type { HistoryItem } from '../state/history-item.js';
import { AnswerView } from './AnswerView.js';
import { Message } from './Message.js';
import { PassageView } from './PassageView.js';

/** Props of {@link Conversation}. */
export interface ConversationProps {
  /** Finished items; each is printed once and never redrawn. */
  history: readonly HistoryItem[];
}

/**
 * The finished conversation. `<Static>` prints each item once above the live
 * region, so a long conversation costs nothing to re-render and does not flicker.
 */
export function Conversation({ history }: ConversationProps) {
  return (
    <Static items={[...history]}>
      {(item) => (
        <Box key={item.id} flexDirection="column" marginTop={startsBlock(item) ? 1 : 0}>
          <HistoryItemView item={item} />
        </Box>
      )}
    </Static>
  );
}

/** Items that begin a new block get a blank line before them; replies follow directly. */
function startsBlock(item: HistoryItem): boolean {
  return item.type === 'user-input' || item.type === 'ingest-summary';
}

function HistoryItemView({ item }: { item: HistoryItem }) {
  switch (item.type) {
    case 'user-input':
      return (
        <Text bold>
          <Text color="green">› </Text>
          {item.text}
        </Text>
      );
    case 'answer-text':
      return (
        <Box marginBottom={1}>
          <Text>{item.text}</Text>
        </Box>
      );
    case 'answer':
      return (
        <AnswerView
          text={item.text}
          citations={item.answer.citations}
          abstained={item.answer.abstained}
          abstainReason={item.abstainReason}
        />
      );
    case 'passage':
      return <PassageView citation={item.citation} />;
    case 'message':
      return <Message tone={item.tone} text={item.text} hint={item.hint} />;
    case 'ingest-summary':
      return <Text color="green">{formatIngestSummary(item.report)}</Text>;
    default:
      return checkExhaustive(item);
  }
}
