import { Box, Text } from 'ink';
import type { IndexStatus } from '../../footnote-types.js';
import { checkExhaustive } from '../../shared/check-exhaustive.js';
import type { ChatStatus } from '../state/chat-reducer.js';

/** Props of {@link StatusLine}. */
export interface StatusLineProps {
  /** The facade's description of the answerer ("offline · extractive answers …"). */
  modeLabel: string;
  /** `null` until the first status read finishes. */
  index: IndexStatus | null;
  /** Passages per question set with `/k`, or `null` for the default. */
  k: number | null;
  status: ChatStatus;
}

/** The bottom line: how answers are made, what is indexed, and the keys. */
export function StatusLine({ modeLabel, index, k, status }: StatusLineProps) {
  return (
    <Box marginTop={1} justifyContent="space-between">
      <Box flexShrink={1}>
        <Text dimColor wrap="truncate-end">
          {modeLabel}
          {index === null ? '' : ` · ${describeIndex(index)}`}
          {k === null ? '' : ` · k ${k}`}
        </Text>
      </Box>
      <Box flexShrink={0} marginLeft={2}>
        <Text dimColor>{describeKeys(status)}</Text>
      </Box>
    </Box>
  );
}

function describeIndex(index: IndexStatus): string {
  if (!index.exists) return 'no index yet (/reindex)';
  const size = `${index.files} files, ${index.chunks} chunks`;
  if (index.embedderMismatch) return `${size} (other embedder: /reindex full)`;
  if (index.stale) return `${size} (corpus changed: /reindex)`;
  return size;
}

function describeKeys(status: ChatStatus): string {
  switch (status) {
    case 'idle':
      return '/help · Ctrl+C quit';
    case 'answering':
      return 'Ctrl+C cancel';
    case 'indexing':
      return 'Ctrl+C cancel';
    default:
      return checkExhaustive(status);
  }
}
