import { Box, Text } from 'ink';
import type { IndexStatus } from '../../footnote-types.js';
import { checkExhaustive } from '../../shared/check-exhaustive.js';
import { plural } from '../../shared/plural.js';
import type { ChatStatus } from '../state/chat-reducer.js';
import { useColor } from '../terminal-context.js';

/** Props of {@link StatusLine}. */
export interface StatusLineProps {
  /** The corpus folder as the user knows it (`corpus`, `~/notes`). */
  corpusLabel: string;
  /** The facade's description of the answerer ("offline · extractive answers …"). */
  modeLabel: string;
  /** `null` until the first status read finishes. */
  index: IndexStatus | null;
  /** Why the last status read failed, shown in place of the index's freshness. */
  indexProblem?: string | null;
  /** Passages per question set with `/k`, or `null` for the default. */
  k: number | null;
  status: ChatStatus;
  /** A Ctrl+C was just pressed: another one quits. */
  quitArmed?: boolean;
  /** Lines waiting to run once the chat is idle. */
  queued?: number;
}

/**
 * The bottom two lines: the corpus, what is indexed and whether it is fresh,
 * and the keys; then how answers are made (provider and model, or offline).
 */
export function StatusLine({
  corpusLabel,
  modeLabel,
  index,
  indexProblem = null,
  k,
  status,
  quitArmed = false,
  queued = 0,
}: StatusLineProps) {
  const color = useColor();
  const freshness = indexProblem !== null && status !== 'indexing'
    ? { text: indexProblem, stale: true }
    : describeFreshness(index, status);
  const size = index === null || !index.exists || indexProblem !== null ? null : describeSize(index);
  const freshnessText = (
    <Text color={freshness.stale ? color('warning') : undefined} dimColor={!freshness.stale}>
      {freshness.text}
    </Text>
  );
  return (
    <Box flexDirection="column" marginTop={1}>
      <Box justifyContent="space-between">
        <Box flexShrink={1}>
          <Text dimColor wrap="truncate-end">
            {corpusLabel} ·{' '}
            {/* What needs doing comes before the counts, so a narrow terminal cuts the counts. */}
            {freshness.stale ? freshnessText : null}
            {freshness.stale && size !== null ? ` · ${size}` : null}
            {!freshness.stale && size !== null ? `${size} · ` : null}
            {freshness.stale ? null : freshnessText}
            {k === null ? '' : ` · k ${k}`}
          </Text>
        </Box>
        <Box flexShrink={0} marginLeft={2}>
          {quitArmed && status === 'idle' ? (
            <Text color={color('warning')}>Ctrl+C again to quit</Text>
          ) : (
            <Text dimColor>{describeKeys(status, queued)}</Text>
          )}
        </Box>
      </Box>
      <Text dimColor wrap="truncate-end">
        {modeLabel}
      </Text>
    </Box>
  );
}

function describeSize(index: IndexStatus): string {
  return `${plural(index.files, 'file')}, ${plural(index.chunks, 'chunk')}`;
}

/** Whether the index answers for the corpus as it is now, and what to do if not. */
function describeFreshness(
  index: IndexStatus | null,
  status: ChatStatus,
): { text: string; stale: boolean } {
  if (status === 'indexing') return { text: 'indexing…', stale: false };
  if (index === null) return { text: 'reading the index…', stale: false };
  if (!index.exists) return { text: 'no index yet: /reindex', stale: true };
  if (index.embedderMismatch) return { text: 'other embedder: /reindex full', stale: true };
  if (index.rechunk === true) return { text: 'chunking changed: /reindex', stale: true };
  if (index.stale) return { text: 'files changed: /reindex', stale: true };
  return { text: 'up to date', stale: false };
}

function describeKeys(status: ChatStatus, queued: number): string {
  switch (status) {
    case 'idle':
      return '/help · Ctrl+C quit';
    case 'answering':
    case 'indexing':
      // Ctrl+C also takes the queued lines back into the input line.
      if (queued === 0) return 'Enter queues · Ctrl+C cancel';
      return `${queued} queued, ${queued === 1 ? 'runs' : 'run'} next · Ctrl+C cancel`;
    default:
      return checkExhaustive(status);
  }
}
