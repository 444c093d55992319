import { stem } from './porter-stemmer.js';
import { segmentText } from './segment-text.js';
import { STOP_WORDS } from './stop-words.js';

/**
 * The version of the terms `tokenize` and `contentTerms` produce. The index
 * records it (meta key `tokenizer`), because FTS5 rows, term statistics and
 * local embeddings all hold terms of one version: bump it whenever some text
 * would give different terms, and an old index asks to be rebuilt.
 */
export const TOKENIZER_VERSION = '3';

/**
 * A token is a maximal run of letters, combining marks and digits, after NFKC
 * normalisation and lowercasing. Punctuation, including apostrophes, separates
 * tokens (`don't` → `don`, `t`), so a text splits the same way whatever else it
 * contains.
 */
const TOKEN_RUN = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Scripts written without spaces between words: Chinese, Japanese, Thai, Lao,
 * Khmer and Burmese. Script_Extensions, so that marks shared between scripts
 * (the Katakana prolonged sound mark `ー`, the iteration mark `々`) stay with
 * their run. Hangul is written with spaces and needs no segmenting.
 */
const UNSPACED =
  '\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Thai}\\p{scx=Lao}\\p{scx=Khmer}\\p{scx=Myanmar}';
const HAS_UNSPACED = new RegExp(`[${UNSPACED}]`, 'u');
/** Splits a token run where the script changes between unspaced and spaced (`iphone手机` → `iphone`, `手机`). */
const SCRIPT_RUN = new RegExp(`[${UNSPACED}]+|[^${UNSPACED}]+`, 'gu');
/** A run of letters and marks in unspaced scripts only (`characterBigrams`). */
const UNSPACED_RUN = new RegExp(`(?:(?=[${UNSPACED}])[\\p{L}\\p{M}])+`, 'gu');

const ASCII_ONLY = /^[\x00-\x7f]*$/;
/** A letter, mark or digit outside ASCII: without one, tokens need no segmenting or folding. */
const NON_ASCII_WORD_CHARACTER = /(?![\x00-\x7f])[\p{L}\p{M}\p{N}]/u;
/** A Latin word with accents, which FTS5's `remove_diacritics` folds too. */
const ACCENTED_LATIN = /^(?=.*\p{M})[\p{Script=Latin}\p{M}\p{N}]+$/u;
const NONSPACING_MARK = /\p{Mn}/gu;

/**
 * Splits text into lowercase word tokens: the one definition of a word that
 * the keyword index, keyword queries, the local embedder, reranking and
 * answer scoring share, so that no two stages can disagree on what a term is.
 *
 * Each run of letters and digits is split where it changes between spaced
 * and unspaced scripts, so mixed Chinese–English text works. Spaced runs
 * (Latin, Cyrillic, Greek, Hangul, …) are tokens as they stand (a regular
 * expression, measured about 20× faster than `Intl.Segmenter`); runs in
 * scripts without spaces are segmented into dictionary words by
 * `Intl.Segmenter` (ICU's dictionaries, built into Node). Accents on Latin
 * letters are folded (`café` → `cafe`) as FTS5's `remove_diacritics` does.
 *
 * @example
 * tokenize('Die Straße, naïve cafés'); // ['die', 'straße', 'naive', 'cafes']
 * tokenize('我们喜欢读书');              // ['我们', '喜欢', '读书']
 * tokenize('用Python写代码');            // ['用', 'python', '写', '代码']
 */
export function tokenize(text: string): string[] {
  const cased = text.normalize('NFKC');
  // Most text, English prose with curly quotes or dashes included, has its
  // letters and digits in ASCII: its runs and humps are then found by ASCII
  // classes, measured 1.5–8× faster than Unicode property classes.
  const words = NON_ASCII_WORD_CHARACTER.test(cased) ? UNICODE_WORDS : ASCII_WORDS;
  if (words.hump.test(cased)) return tokenizeIdentifiers(cased, words);
  const runs = cased.toLowerCase().match(words.run);
  if (runs === null) return [];
  if (words === ASCII_WORDS) return runs;
  const tokens: string[] = [];
  for (const run of runs) pushRun(tokens, run);
  return tokens;
}

interface WordPatterns {
  /** A run of letters, marks and digits (`TOKEN_RUN`). */
  run: RegExp;
  /** A lowercase letter or digit before a capital, or capitals before a capitalised word (`CAMEL_HUMP`). */
  hump: RegExp;
}

/**
 * A lowercase letter or digit before a capital (`readFile`, `base64Encode`),
 * or capitals before a capitalised word (`XMLHttp`): a text that may hold
 * code identifiers. Most prose has none and keeps the fast path.
 */
const CAMEL_HUMP = /[\p{Ll}\p{N}]\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/u;
const UNICODE_WORDS: WordPatterns = { run: TOKEN_RUN, hump: CAMEL_HUMP };
/** The same patterns for a text whose letters and digits are all ASCII, where they match exactly what the Unicode ones would. */
const ASCII_WORDS: WordPatterns = { run: /[a-z0-9]+/g, hump: /[a-z0-9][A-Z]|[A-Z][A-Z][a-z]/ };
const ASCII_HUMPS = /[a-z0-9][A-Z]|[A-Z][A-Z][a-z]/g;
/** Where a camelCase run splits into words; a plural acronym (`URLs`, `IDs`) stays whole. */
const CAMEL_BOUNDARY = /(?<=[\p{Ll}\p{N}])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})(?!\p{Lu}s$)/u;

/**
 * `tokenize` for a text with camelCase identifiers: each such run is followed
 * by its words (`readFile` → `readfile`, `read`, `file`), as Lucene's word
 * delimiter filter keeps the original beside its parts. Docs name an API
 * (`fsPromises.readFile`, `measureElement`, `exitOnCtrlC`) where a question
 * says it in words ("read a file", "measure an element", "exit on Ctrl+C"),
 * and a question that writes the identifier still matches it whole.
 */
function tokenizeIdentifiers(cased: string, words: WordPatterns): string[] {
  const lower = cased.toLowerCase();
  // Lowercasing that changes a length (`İ` → `i̇`) would misalign the two texts' runs.
  if (lower.length !== cased.length) return tokenizeRunByRun(cased);
  const runs = lower.match(words.run) ?? [];
  const ascii = words === ASCII_WORDS;
  // An ASCII text's humps are found fast, and only the runs holding one are
  // looked at again; any other text compares each run with its original case.
  const humps = ascii ? Array.from(cased.matchAll(ASCII_HUMPS), (match) => match.index) : [];
  const tokens: string[] = [];
  let end = 0;
  let hump = 0;
  for (const run of runs) {
    if (ascii) tokens.push(run);
    else pushRun(tokens, run);
    // Only separators lie between two runs: skip the ASCII ones, and the
    // run's first occurrence from there is the run itself.
    let start = end;
    while (isAsciiSeparatorCode(lower.charCodeAt(start))) start++;
    if (lower.charCodeAt(start) !== run.charCodeAt(0)) start = lower.indexOf(run, start);
    end = start + run.length;
    if (ascii ? (humps[hump] ?? Infinity) < end : !cased.startsWith(run, start)) {
      pushIdentifierWords(tokens, cased.slice(start, end));
      while ((humps[hump] ?? Infinity) < end) hump++;
    }
  }
  return tokens;
}

/** An ASCII character other than a letter or digit (true for no other: NaN past the end is false). */
function isAsciiSeparatorCode(code: number): boolean {
  return code < 128 && !((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57));
}

/** `tokenizeIdentifiers` lowercasing run by run, which gives what lowercasing the text would (ς, i̇ stay inside their run). */
function tokenizeRunByRun(cased: string): string[] {
  const tokens: string[] = [];
  for (const [run] of cased.matchAll(TOKEN_RUN)) {
    pushRun(tokens, run.toLowerCase());
    pushIdentifierWords(tokens, run);
  }
  return tokens;
}

/** The words of a camelCase run (`readFile` → `read`, `file`); nothing for any other run. */
function pushIdentifierWords(tokens: string[], run: string): void {
  if (!CAMEL_HUMP.test(run) || HAS_UNSPACED.test(run)) return;
  const words = run.split(CAMEL_BOUNDARY);
  if (words.length > 1) for (const word of words) tokens.push(foldAccents(word.toLowerCase()));
}

/** The tokens of one lowercased run of letters and digits: folded, and segmented where it is in an unspaced script. */
function pushRun(tokens: string[], run: string): void {
  if (ASCII_ONLY.test(run)) {
    tokens.push(run);
    return;
  }
  if (!HAS_UNSPACED.test(run)) {
    tokens.push(foldAccents(run));
    return;
  }
  for (const [piece] of run.matchAll(SCRIPT_RUN)) {
    if (HAS_UNSPACED.test(piece)) pushWords(tokens, piece);
    else tokens.push(foldAccents(piece));
  }
}

/** The dictionary words of a run in an unspaced script. */
function pushWords(tokens: string[], run: string): void {
  // segmentText works in windows: V8's segmenter is quadratic on long inputs.
  for (const { start, end, isWordLike } of segmentText(run, 'word')) {
    if (isWordLike) tokens.push(run.slice(start, end));
  }
}

function foldAccents(token: string): string {
  if (ASCII_ONLY.test(token)) return token;
  const decomposed = token.normalize('NFD');
  if (!ACCENTED_LATIN.test(decomposed)) return token;
  return decomposed.replace(NONSPACING_MARK, '').normalize('NFC');
}

/**
 * The terms a text is matched on: its tokens without English stop words
 * (all of them when every word is one), English words Porter-stemmed. Stop
 * words and stemming apply to English only (`stem` leaves anything but plain
 * ASCII words alone); in other languages a word is its own term.
 *
 * @example
 * contentTerms('The cats are running'); // ['cat', 'run']
 * contentTerms('他们在读书');            // ['他们', '在', '读书']
 */
export function contentTerms(text: string): string[] {
  return contentTermsOf(tokenize(text));
}

/** {@link contentTerms} of words `tokenize` already gave, for a caller that needs the words too. */
export function contentTermsOf(words: readonly string[]): string[] {
  const content = words.filter((word) => !STOP_WORDS.has(word));
  return (content.length > 0 ? content : words).map(stem);
}

/** True when `text` holds a character of a script written without spaces (Chinese, Japanese, Thai, …). */
export function hasUnspacedScript(text: string): boolean {
  return HAS_UNSPACED.test(text);
}

/**
 * Pairs of neighbouring characters inside each run of an unspaced script
 * (after NFKC and lowercasing): a dictionary-free view of Chinese and Japanese
 * text, for where the dictionary splits a question and its answer differently
 * (rare names, `多高` against `树高`). Empty for text in spaced scripts.
 *
 * @example
 * characterBigrams('鸡毛松有多高？'); // ['鸡毛', '毛松', '松有', '有多', '多高']
 */
export function characterBigrams(text: string): string[] {
  const normalized = text.normalize('NFKC').toLowerCase();
  if (!HAS_UNSPACED.test(normalized)) return [];
  const bigrams: string[] = [];
  for (const [run] of normalized.matchAll(UNSPACED_RUN)) {
    const characters = Array.from(run);
    for (let i = 0; i + 1 < characters.length; i++) bigrams.push(`${characters[i]}${characters[i + 1]}`);
  }
  return bigrams;
}
