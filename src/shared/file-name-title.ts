/** Where a file name is cut into words: `-`, `_`, `.` and whitespace. */
const SEPARATORS = /[\s._-]+/u;

/**
 * camelCase boundaries: `installGuide`, `HTMLParser` (an acronym before a
 * capitalised word) and `Q3Report` (a number before one). A capital after a
 * digit alone (`3D`) is no boundary.
 */
const CAMEL_CASE = /(?<=\p{Ll})(?=\p{Lu})|(?<=[\p{Lu}\p{Nd}])(?=\p{Lu}\p{Ll})/gu;

/**
 * A number rather than a word: digits, or hexadecimal digits with at least one
 * digit among them (a hash, a UUID's parts, `550e8400`), which no one types
 * in a question.
 */
const NUMBER = /^(?:\p{Nd}+|(?=[0-9a-f]*[0-9])[0-9a-f]+)$/iu;

/**
 * A readable title made from a file's name, for a document that has no title
 * of its own: the extension dropped, `-`, `_`, `.` and camelCase boundaries
 * turned into spaces, in NFC (macOS file names come decomposed). Folders are
 * left out: a folder names a group of files, not this one, and a file moved
 * between folders keeps its title (and so its embeddings).
 *
 * Null for a name without a word, only numbers (`0001`, `2024-01-05`, a hash):
 * it would add noise to every passage and help no question. Names such as
 * `doc1` or `untitled` are kept, since they have the shape of names that
 * matter (`libtasn1`, `notes`) and only a list of words could tell them apart;
 * they cost little, as keyword search scores only the words a question holds.
 *
 * @param source Path relative to the corpus root, with `/` separators.
 * @example
 * titleFromFileName('reports/2024-q3-report.pdf'); // '2024 q3 report'
 * titleFromFileName('installGuide_v2.txt');        // 'install Guide v2'
 * titleFromFileName('scans/0001.pdf');             // null
 */
export function titleFromFileName(source: string): string | null {
  const name = source.slice(source.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const words = stem.normalize('NFC').replace(CAMEL_CASE, ' ').split(SEPARATORS).filter((word) => word !== '');
  const meaningful = words.some((word) => /\p{L}/u.test(word) && !NUMBER.test(word));
  return meaningful ? words.join(' ') : null;
}
