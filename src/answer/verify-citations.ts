import type { Citation, Passage } from '../shared/types.js';
import { createCitationMarkerPattern, readMarkerNumbers } from './parse-citations.js';
import { toCitation } from './to-citation.js';

/** An answer whose markers all point at real passages, numbered 1..m. */
export interface VerifiedAnswer {
  text: string;
  /** One per number used in `text`, in order of first use; `id` is the new number. */
  citations: Citation[];
  /** Numbers the markers named that are no passage, in order of first appearance; removed from `text`. */
  invalidCitations: number[];
}

/** The marker numbers outside 1..passageCount, each once, in order of appearance. */
function findInvalidNumbers(text: string, passageCount: number): number[] {
  const invalid = new Set<number>();
  for (const match of text.matchAll(createCitationMarkerPattern())) {
    for (const n of readMarkerNumbers(match[1] ?? '')) if (n < 1 || n > passageCount) invalid.add(n);
  }
  return [...invalid];
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Maps each valid passage number (1-based) to its new number, in order of first use. */
function numberByFirstUse(text: string, passageCount: number): Map<number, number> {
  const renumbered = new Map<number, number>();
  for (const match of text.matchAll(createCitationMarkerPattern())) {
    for (const n of readMarkerNumbers(match[1] ?? '')) {
      if (n >= 1 && n <= passageCount && !renumbered.has(n)) renumbered.set(n, renumbered.size + 1);
    }
  }
  return renumbered;
}

/**
 * Rewrites every marker with the new numbers. A marker left with no valid
 * number is removed together with the spaces before it (`claim [7].` →
 * `claim.`), keeping one space if it stood between two words.
 */
function rewriteMarkers(text: string, renumbered: ReadonlyMap<number, number>): string {
  let output = '';
  let last = 0;
  for (const match of text.matchAll(createCitationMarkerPattern())) {
    const start = match.index;
    output += text.slice(last, start);
    last = start + match[0].length;
    const numbers = readMarkerNumbers(match[1] ?? '').flatMap((n) => renumbered.get(n) ?? []);
    const unique = [...new Set(numbers)];
    if (unique.length > 0) {
      output += `[${unique.join(', ')}]`;
      continue;
    }
    const hadSpace = /[ \t]$/.test(output);
    output = output.replace(/[ \t]+$/, '');
    const before = output.slice(-1);
    const after = text.charAt(last);
    if (hadSpace && WORD_CHARACTER.test(before) && WORD_CHARACTER.test(after)) output += ' ';
  }
  return output + text.slice(last);
}

/**
 * Makes a model's citations trustworthy: keeps only markers whose number names
 * one of the `passages` (1..n, in the order the prompt listed them), removes the
 * others from the text, and renumbers the cited passages 1..m in order of first
 * use, rewriting the markers to match. Each citation quotes its passage's text
 * verbatim, with its source, lines, page and score. Pure.
 *
 * @example
 * verifyCitations('Paris [2]. Also Lyon [7].', passages);
 * // { text: 'Paris [1]. Also Lyon.', citations: [{ id: 1, source: <passage 2's source>, … }], invalidCitations: [7] }
 */
export function verifyCitations(answerText: string, passages: readonly Passage[]): VerifiedAnswer {
  const renumbered = numberByFirstUse(answerText, passages.length);
  const citations: Citation[] = [];
  for (const [original, id] of renumbered) {
    const passage = passages[original - 1];
    if (passage === undefined) continue;
    citations.push(toCitation(passage, id));
  }
  return {
    text: rewriteMarkers(answerText, renumbered),
    citations,
    invalidCitations: findInvalidNumbers(answerText, passages.length),
  };
}
