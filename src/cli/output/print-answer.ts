import type { Answer } from '../../shared/types.js';
import { terminalSafeText } from '../../shared/terminal-safe.js';
import { formatCitationLabel } from '../../ui/format/format-citation-label.js';
import { formatSectionLabel, MAX_SECTION_COLUMNS } from '../../ui/format/format-section-label.js';
import { headingSection } from '../../ui/format/heading-section.js';
import {
  formatFallbackLabel,
  formatInvalidCitationsNote,
  formatSearchedForNote,
  formatUnsupportedNote,
  UNCITED_ANSWER_NOTE,
} from '../../ui/format/format-verification-notes.js';

/** The answer, then each citation with its quoted passage indented below it, then its notes. */
export function formatAnswer(answer: Answer): string {
  const label = answer.fallback ? `${formatFallbackLabel(answer.fallback)}\n\n` : '';
  return `${label}${terminalSafeText(answer.answer)}\n\n${formatCitations(answer)}${formatAnswerNotes(answer)}`;
}

/** Each citation of an answer (`[1] guide.md:40-52 › Install › Windows`) with its quoted passage indented below it. */
export function formatCitations(answer: Answer): string {
  const out: string[] = [];
  if (answer.citations.length > 0 && answer.abstained) out.push('Closest passages:');
  for (const citation of answer.citations) {
    out.push(formatCitationLabel(citation) + formatSectionLabel(headingSection(citation), MAX_SECTION_COLUMNS));
    for (const line of terminalSafeText(citation.text).split('\n')) out.push(`    ${line}`);
    out.push('');
  }
  return out.join('\n');
}

/**
 * The notes below an answer, one a line, as the chat app shows them: invented
 * markers that citation verification removed, cited sentences the passages do
 * not seem to support, and the wording the passages were searched for when it
 * was not the question's (a follow-up made standalone, a misspelling read as
 * a known word). Empty when there is nothing to say.
 */
export function formatAnswerNotes(answer: Answer): string {
  const out: string[] = [];
  const invalid = answer.invalidCitations ?? [];
  if (invalid.length > 0) out.push(formatInvalidCitationsNote(invalid));
  if (answer.mode === 'generative' && !answer.abstained && answer.citations.length === 0) out.push(UNCITED_ANSWER_NOTE);
  for (const item of answer.unsupported ?? []) out.push(formatUnsupportedNote(item.sentence));
  if (answer.retrievalQuestion !== undefined) out.push(formatSearchedForNote(answer.retrievalQuestion));
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
