import type { Answer, Citation } from '../../shared/types.js';

/** `[n] source:start-end (p. 3)`: how a citation is named everywhere in plain text. */
export function formatCitationHeader(citation: Citation): string {
  const lines =
    citation.startLine === citation.endLine
      ? `${citation.startLine}`
      : `${citation.startLine}-${citation.endLine}`;
  const page = citation.page === null ? '' : ` (p. ${citation.page})`;
  return `[${citation.id}] ${citation.source}:${lines}${page}`;
}

/** The answer, then each citation with its quoted passage indented below it. */
export function formatAnswer(answer: Answer): string {
  return `${answer.answer}\n\n${formatCitations(answer)}`;
}

/** Each citation of an answer with its quoted passage indented below it. */
export function formatCitations(answer: Answer): string {
  const out: string[] = [];
  if (answer.citations.length > 0 && answer.abstained) out.push('Closest passages:');
  for (const citation of answer.citations) {
    out.push(formatCitationHeader(citation));
    for (const line of citation.text.split(/\r?\n/)) out.push(`    ${line}`);
    out.push('');
  }
  return out.join('\n');
}
