/**
 * Porter's English stemmer, following Martin Porter's reference C implementation
 * (including its two departures from the 1980 paper: `bli → ble` and `logi → log`).
 *
 * @see https://tartarus.org/martin/PorterStemmer/def.txt
 * @see https://tartarus.org/martin/PorterStemmer/c.txt
 */

/** Longest word worth stemming; longer "words" are hashes or identifiers. */
const MAX_STEM_LENGTH = 40;

/** Only plain lowercase ASCII words are stemmed; anything else passes through. */
const STEMMABLE = /^[a-z]+$/;

/**
 * Mutable working state: `b` holds the word, `k` the index of its last letter and
 * `j` the end of the stem found by the last successful `ends()` check.
 */
class PorterState {
  b: string;
  k: number;
  j = 0;

  constructor(word: string) {
    this.b = word;
    this.k = word.length - 1;
  }

  /** True when b[i] is a consonant ('y' is one when it follows a vowel or starts the word). */
  isConsonant(i: number): boolean {
    switch (this.b.charCodeAt(i)) {
      case 97: // a
      case 101: // e
      case 105: // i
      case 111: // o
      case 117: // u
        return false;
      case 121: // y
        return i === 0 ? true : !this.isConsonant(i - 1);
      default:
        return true;
    }
  }

  /** The measure m of b[0..j]: the number of vowel-consonant sequences. */
  measure(): number {
    let n = 0;
    let i = 0;
    const j = this.j;
    while (true) {
      if (i > j) return n;
      if (!this.isConsonant(i)) break;
      i++;
    }
    i++;
    while (true) {
      while (true) {
        if (i > j) return n;
        if (this.isConsonant(i)) break;
        i++;
      }
      i++;
      n++;
      while (true) {
        if (i > j) return n;
        if (!this.isConsonant(i)) break;
        i++;
      }
      i++;
    }
  }

  /** True when b[0..j] contains a vowel. */
  hasVowelInStem(): boolean {
    for (let i = 0; i <= this.j; i++) if (!this.isConsonant(i)) return true;
    return false;
  }

  /** True when b[i-1..i] is a double consonant. */
  isDoubleConsonant(i: number): boolean {
    return i >= 1 && this.b[i] === this.b[i - 1] && this.isConsonant(i);
  }

  /** True when b[i-2..i] is consonant-vowel-consonant and b[i] is not w, x or y. */
  isCvc(i: number): boolean {
    if (i < 2 || !this.isConsonant(i) || this.isConsonant(i - 1) || !this.isConsonant(i - 2)) {
      return false;
    }
    const last = this.b[i];
    return last !== 'w' && last !== 'x' && last !== 'y';
  }

  /** True when b[0..k] ends with `suffix`; sets j to the end of the remaining stem. */
  ends(suffix: string): boolean {
    const length = suffix.length;
    if (length > this.k + 1) return false;
    if (this.b.slice(this.k - length + 1, this.k + 1) !== suffix) return false;
    this.j = this.k - length;
    return true;
  }

  /** Replaces b[j+1..k] with `replacement`. */
  setTo(replacement: string): void {
    this.b = this.b.slice(0, this.j + 1) + replacement + this.b.slice(this.k + 1);
    this.k = this.j + replacement.length;
  }

  /** `setTo(replacement)` when the stem's measure is above zero. */
  replaceIfMeasured(replacement: string): void {
    if (this.measure() > 0) this.setTo(replacement);
  }

  result(): string {
    return this.b.slice(0, this.k + 1);
  }
}

/** Plurals and -ed / -ing. */
function step1ab(z: PorterState): void {
  if (z.b[z.k] === 's') {
    if (z.ends('sses')) z.k -= 2;
    else if (z.ends('ies')) z.setTo('i');
    else if (z.b[z.k - 1] !== 's') z.k--;
  }
  if (z.ends('eed')) {
    if (z.measure() > 0) z.k--;
  } else if ((z.ends('ed') || z.ends('ing')) && z.hasVowelInStem()) {
    z.k = z.j;
    if (z.ends('at')) z.setTo('ate');
    else if (z.ends('bl')) z.setTo('ble');
    else if (z.ends('iz')) z.setTo('ize');
    else if (z.isDoubleConsonant(z.k)) {
      z.k--;
      const letter = z.b[z.k];
      if (letter === 'l' || letter === 's' || letter === 'z') z.k++;
    } else if (z.measure() === 1 && z.isCvc(z.k)) z.setTo('e');
  }
}

/** Terminal y → i when there is another vowel in the stem. */
function step1c(z: PorterState): void {
  if (z.ends('y') && z.hasVowelInStem()) {
    z.b = z.b.slice(0, z.k) + 'i' + z.b.slice(z.k + 1);
  }
}

/** Each list: suffix → replacement, checked in order; the first suffix that matches decides. */
const STEP2_RULES: ReadonlyArray<readonly [string, string]> = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'],
  ['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'],
  ['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'],
  ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble'],
  ['logi', 'log'],
];

const STEP3_RULES: ReadonlyArray<readonly [string, string]> = [
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''],
  ['ness', ''],
];

const STEP4_SUFFIXES: readonly string[] = [
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou',
  'ism', 'ate', 'iti', 'ous', 'ive', 'ize',
];

/**
 * Applies the first rule whose suffix matches. The reference implementation
 * switches on the penultimate letter, which amounts to the same thing because no
 * two suffixes in a list both match one word unless the longer comes first.
 */
function applyRules(z: PorterState, rules: ReadonlyArray<readonly [string, string]>): void {
  for (const [suffix, replacement] of rules) {
    if (z.ends(suffix)) {
      z.replaceIfMeasured(replacement);
      return;
    }
  }
}

/** Removes -ant, -ence, … when the remaining stem has measure above one. */
function step4(z: PorterState): void {
  for (const suffix of STEP4_SUFFIXES) {
    if (!z.ends(suffix)) continue;
    if (suffix === 'ion') {
      const before = z.b[z.j];
      // -ion only goes after s or t; otherwise the reference tries -ou, which cannot match.
      if (z.j < 0 || (before !== 's' && before !== 't')) return;
    }
    if (z.measure() > 1) z.k = z.j;
    return;
  }
}

/** Final -e and -ll. */
function step5(z: PorterState): void {
  z.j = z.k;
  if (z.b[z.k] === 'e') {
    const m = z.measure();
    if (m > 1 || (m === 1 && !z.isCvc(z.k - 1))) z.k--;
  }
  if (z.b[z.k] === 'l' && z.isDoubleConsonant(z.k) && z.measure() > 1) z.k--;
}

/** The algorithm itself, without the memo. */
function stemPorter(word: string): string {
  if (word.length <= 2 || word.length > MAX_STEM_LENGTH || !STEMMABLE.test(word)) return word;
  const z = new PorterState(word);
  step1ab(z);
  if (z.k > 0) {
    step1c(z);
    applyRules(z, STEP2_RULES);
    applyRules(z, STEP3_RULES);
    step4(z);
    step5(z);
  }
  return z.result();
}

/** Bound on the memo below, so a huge corpus of unique words cannot grow it forever. */
const MAX_CACHED_STEMS = 100_000;
const stemCache = new Map<string, string>();

/**
 * Reduces an English word to its Porter stem (`caresses` → `caress`,
 * `relational` → `relat`, `ponies` → `poni`). Expects a lowercase token from
 * `tokenize`; words that are not plain ASCII letters, and words of one or two
 * letters, come back unchanged. Pure and deterministic; results are memoised
 * because real text repeats its words.
 *
 * @example
 * stem('generalization'); // 'gener'
 */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const stemmed = stemPorter(word);
  // Dropping the whole memo when it fills is crude but keeps lookups a plain Map hit.
  if (stemCache.size >= MAX_CACHED_STEMS) stemCache.clear();
  stemCache.set(word, stemmed);
  return stemmed;
}
