import { Box, Text } from 'ink';
import type { IngestProgressState } from '../state/ingest-progress.js';

/** Cells in the progress bar. */
export const PROGRESS_BAR_WIDTH = 24;

/** Props of {@link IngestProgress}. */
export interface IngestProgressProps {
  progress: IngestProgressState;
}

/** The running index run: files done of total, the current file, a bar, skips. */
export function IngestProgress({ progress }: IngestProgressProps) {
  const fraction = progress.total === 0 ? 0 : Math.min(1, progress.done / progress.total);
  const filled = Math.round(fraction * PROGRESS_BAR_WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(PROGRESS_BAR_WIDTH - filled);
  const title = progress.full ? 'rebuilding the index' : 'indexing';
  const notes = [
    progress.skipped.length > 0 ? `${progress.skipped.length} skipped` : null,
    progress.removed > 0 ? `${progress.removed} removed` : null,
    progress.embedTotal > 0 ? `embedded ${progress.embedDone}/${progress.embedTotal}` : null,
  ].filter((note) => note !== null);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text>
        {title} {progress.done}/{progress.total} files
        {progress.current === null ? '' : ` · ${progress.current}`}
      </Text>
      <Text>
        <Text color="cyan">{bar}</Text> {Math.round(fraction * 100)}%
        {notes.length > 0 ? <Text dimColor> · {notes.join(' · ')}</Text> : null}
      </Text>
    </Box>
  );
}
