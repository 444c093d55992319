import { Box, Text } from 'ink';
import { terminalSafeName } from '../../shared/terminal-safe.js';
import { formatDuration } from '../format/format-duration.js';
import { useNow } from '../hooks/use-now.js';
import { useTerminalWidth } from '../hooks/use-terminal-width.js';
import { estimateRemainingSeconds, type IngestProgressState } from '../state/ingest-progress.js';
import { useColor } from '../terminal-context.js';
import { RetryNotice, retryKey } from './RetryNotice.js';

/** Most cells in the progress bar; narrow terminals get fewer. */
export const PROGRESS_BAR_WIDTH = 24;
/** How often the elapsed time and the ETA are redrawn. */
const CLOCK_TICK_MS = 1000;

/** Props of {@link IngestProgress}. */
export interface IngestProgressProps {
  progress: IngestProgressState;
  /** The time to show against; defaults to a clock ticking each second. */
  now?: number;
}

/**
 * The running index run: files done of total and the current file, a bar with
 * the elapsed time and the ETA, then chunks, embeddings computed and reused,
 * and skipped or removed files.
 */
export function IngestProgress({ progress, now }: IngestProgressProps) {
  const clock = useNow(CLOCK_TICK_MS);
  const columns = useTerminalWidth();
  const color = useColor();
  const title = progress.full ? 'rebuilding the index' : 'indexing';
  if (!progress.planned) {
    return (
      <Box marginTop={1}>
        <Text>{title}: reading the corpus…</Text>
      </Box>
    );
  }
  const elapsed = Math.max(0, ((now ?? clock) - progress.startedAt) / 1000);
  const remaining = estimateRemainingSeconds(progress, elapsed);
  const fraction = progress.total === 0 ? 1 : Math.min(1, progress.done / progress.total);
  const barWidth = Math.max(8, Math.min(PROGRESS_BAR_WIDTH, columns - 40));
  const filled = Math.round(fraction * barWidth);
  const bar = '█'.repeat(filled) + '░'.repeat(barWidth - filled);
  const timing = [
    `${formatDuration(elapsed)} elapsed`,
    remaining === null ? null : `~${formatDuration(remaining)} left`,
  ].filter((part) => part !== null);
  const counts = [
    `${progress.chunks} chunks`,
    `embeddings ${progress.embeddingsComputed} computed, ${progress.embeddingsReused} reused`,
    progress.skipped.length > 0 ? `${progress.skipped.length} skipped` : null,
    progress.removed > 0 ? `${progress.removed} removed` : null,
  ].filter((part) => part !== null);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text wrap="truncate-end">
        {title} {progress.done}/{progress.total} files
        {progress.current === null ? '' : ` · ${terminalSafeName(progress.current)}`}
      </Text>
      <Text>
        <Text color={color('accent')}>{bar}</Text> {Math.round(fraction * 100)}% ·{' '}
        {timing.join(' · ')}
      </Text>
      <Text dimColor>{counts.join(' · ')}</Text>
      {progress.retry === null ? null : <RetryNotice key={retryKey(progress.retry)} retry={progress.retry} now={now} />}
    </Box>
  );
}
