import type { Answer } from '../../shared/types.js';
import { formatCitationLabel } from '../../ui/format/format-citation-label.js';

/** The answer, then each citation with its quoted passage indented below it. */
export function formatAnswer(answer: Answer): string {
  return `${answer.answer}\n\n${formatCitations(answer)}`;
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
