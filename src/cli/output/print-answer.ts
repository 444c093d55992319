import type { Answer } from '../../shared/types.js';
import { formatCitationLabel } from '../../ui/format/format-citation-label.js';
import {
  formatFallbackLabel,
  formatInvalidCitationsNote,
  formatUnsupportedNote,
} from '../../ui/format/format-verification-notes.js';

/** The answer, then each citation with its quoted passage indented below it, then verification notes. */
export function formatAnswer(answer: Answer): string {
  const label = answer.fallback ? `${formatFallbackLabel(answer.fallback)}\n\n` : '';
  return `${label}${answer.answer}\n\n${formatCitations(answer)}${formatVerificationNotes(answer)}`;
}

/** Each citation of an answer with its quoted passage indented below it. */
export function formatCitations(answer: Answer): string {
  const out: string[] = [];
  if (answer.citations.length > 0 && answer.abstained) out.push('Closest passages:');
  for (const citation of answer.citations) {
    out.push(formatCitationLabel(citation));
    for (const line of citation.text.split(/\r?\n/)) out.push(`    ${line}`);
    out.push('');
  }
  return out.join('\n');
}

/**
 * What citation verification found, one note a line: invented markers that
 * were removed, and cited sentences the passages do not seem to support.
 * Empty when all is well.
 */
export function formatVerificationNotes(answer: Answer): string {
  const out: string[] = [];
  const invalid = answer.invalidCitations ?? [];
  if (invalid.length > 0) out.push(formatInvalidCitationsNote(invalid));
  for (const item of answer.unsupported ?? []) out.push(formatUnsupportedNote(item.sentence));
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
