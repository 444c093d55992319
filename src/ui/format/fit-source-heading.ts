import stringWidth from 'string-width';
import { terminalSafeName } from '../../shared/terminal-safe.js';
import type { Citation } from '../../shared/types.js';
import { formatCitationLabel } from './format-citation-label.js';
import { formatScore } from './format-score.js';
import { formatSectionLabel } from './format-section-label.js';
import { headingSection } from './heading-section.js';
import { cutNameInMiddle, shortenFolders } from './shorten-path.js';

/** The parts of a source heading, `[n] source:lines › Section · score 0.80`, as shown. */
export interface SourceHeadingParts {
  /** The file's path as shown: whole, or shortened to fit. */
  source: string;
  /** ` › Section`, or empty. */
  section: string;
  /** ` · score 0.80`, or empty when the file name needs the room. */
  score: string;
}

/**
 * What of a source heading fits on one line of `columns`, so that the terminal
 * never wraps it inside a name. What gives way, in order: the section, the
 * folders in the middle of the path (`docs/…/windows.md`), the score, and last
 * the file name, cut in its middle. The `[n]` and the lines always stay.
 *
 * @example
 * fitSourceHeading({ id: 1, source: 'docs/guides/windows.md', startLine: 10, endLine: 20, score: 0.8, … }, 36);
 * // → { source: 'docs/…/windows.md', section: '', score: ' · score 0.80' }
 */
export function fitSourceHeading(citation: Citation, columns: number): SourceHeadingParts {
  const path = terminalSafeName(citation.source);
  const score = ` · score ${formatScore(citation.score)}`;
  // Everything but the path: `[n] `, `:lines` and the page.
  const frame = stringWidth(formatCitationLabel(citation, ''));
  const roomWithScore = columns - frame - stringWidth(score);
  const whole = shortenFolders(path, roomWithScore);
  if (whole === path) {
    return { source: path, section: formatSectionLabel(headingSection(citation), roomWithScore - stringWidth(path)), score };
  }
  if (whole !== null) return { source: whole, section: '', score };
  const withoutScore = shortenFolders(path, columns - frame);
  if (withoutScore !== null) return { source: withoutScore, section: '', score: '' };
  return { source: cutNameInMiddle(path.split('/').at(-1) ?? path, columns - frame), section: '', score: '' };
}
