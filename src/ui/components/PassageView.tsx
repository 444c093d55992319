import { Box, Text } from 'ink';
import type { Citation } from '../../shared/types.js';
import { formatCitationLabel } from '../format/format-citation-label.js';

/** Spaces before the passage text. */
const PASSAGE_INDENT = 2;

/** Props of {@link PassageView}. */
export interface PassageViewProps {
  citation: Citation;
}

/** The whole quoted passage of one citation, as `/open n` shows it. */
export function PassageView({ citation }: PassageViewProps) {
  return (
    <Box flexDirection="column">
      <Text color="cyan">{formatCitationLabel(citation)}</Text>
      <Box paddingLeft={PASSAGE_INDENT}>
        <Text>{citation.text}</Text>
      </Box>
    </Box>
  );
}
