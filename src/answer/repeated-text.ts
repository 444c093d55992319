import { searchableText } from '../chunk/searchable-text.js';
import type { Passage } from '../shared/types.js';
import { tokenize } from '../text/tokenize.js';

/**
 * A text's words as a reader sees them, lowercased and in order: the same key
 * for two copies of one sentence whatever their markup, spacing or line
 * breaks. A project's docs often ship twice (Node's `fs.md` and `fs.html`,
 * npm's `docs/content` and `docs/output`), and `` `npm config` `` in one is
 * `npm config` in the other. A text without words is its own key.
 *
 * @example
 * wordsKey('Run  `npm config`:'); // 'run npm config'
 * wordsKey('Run npm config:');    // 'run npm config'
 */
export function wordsKey(visibleText: string): string {
  return keyOfWords(tokenize(visibleText), visibleText);
}

/** {@link wordsKey} of a text whose words `tokenize` already gave. */
export function keyOfWords(words: readonly string[], visibleText: string): string {
  return words.length > 0 ? words.join(' ') : visibleText;
}

/**
 * The passages less any whose words (a Markdown one's visible words, see
 * `searchableText`) repeat an earlier one's: a second copy of a document
 * would fill a place in the sources, or the prompt, with what the first
 * already says. Keeps the order, and so the better-ranked copy.
 */
export function dropRepeatedPassages(passages: readonly Passage[]): Passage[] {
  const seen = new Set<string>();
  return passages.filter((passage) => {
    const key = wordsKey(searchableText(passage.text, passage.format));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
