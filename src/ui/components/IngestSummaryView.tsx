import { Box, Text } from 'ink';
import type { IngestReport } from '../../ingest/ingest-report.js';
import { formatIngestSummary } from '../format/format-ingest-summary.js';
import { useColor } from '../terminal-context.js';

/** Props of {@link IngestSummaryView}. */
export interface IngestSummaryViewProps {
  report: IngestReport;
}

/** The report of a finished index run: counts, chunks and embeddings, skipped files with reasons. */
export function IngestSummaryView({ report }: IngestSummaryViewProps) {
  const color = useColor();
  const summary = formatIngestSummary(report);
  return (
    <Box flexDirection="column">
      <Text color={color('success')}>{summary.headline}</Text>
      {summary.detail === null ? null : <Text dimColor>{summary.detail}</Text>}
      {summary.failed.map((line) => (
        <Text key={line} color={color('warning')}>
          {line}
        </Text>
      ))}
    </Box>
  );
}
