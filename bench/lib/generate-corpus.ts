import fs from 'node:fs';
import path from 'node:path';
import { createSeededRandom, type SeededRandom } from './seeded-random.js';

/** Shape of a generated corpus; sizes in bytes. */
export interface CorpusOptions {
  seed: number;
  markdownFiles: number;
  htmlFiles: number;
  /** Total size the markdown files aim for together. */
  markdownBytes: number;
  /** Questions to derive from the documents. */
  questions: number;
}

/** What was written, and questions whose words occur in the corpus. */
export interface GeneratedCorpus {
  files: number;
  bytes: number;
  questions: string[];
}

const FUNCTION_WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have ' +
  'an they you were her she there been one all we their has would when if so no will more can who its ' +
  'into than them these two may other some time only new about could after also most over such first'
).split(' ');

const ROOTS = (
  'river market engine policy harbor signal garden ledger window council factory teacher railway bridge ' +
  'weather station machine village network record budget lantern orchard meadow quarry tunnel harvest ' +
  'archive battery canal charter circuit climate cotton custom desert doctor element empire farmer ' +
  'festival forest fortune frontier furnace galaxy glacier harbour highway island journal junction ' +
  'kingdom kitchen labour ladder language lecture letter library license light margin marine measure ' +
  'medicine mineral mirror mission monument motor mountain museum narrative navy notice number ocean ' +
  'office orbit painter paper parish partner pattern pepper permit pilot planet plaster pocket poet ' +
  'portrait powder print prison process profit project protein province pump quarter rail reason region ' +
  'report resort ribbon ridge rocket rubber saddle sailor salt sample scholar school season sector ' +
  'senate settle shelter shipyard silver singer sketch soldier speaker spirit square stable statue steam ' +
  'stone storm stream street student studio summit supply surface survey switch symbol system table ' +
  'target temple tender terminal textile theater thread ticket timber tower trader treaty tribune ' +
  'trumpet valley vessel violin volume voyage wagon warden water weaver wheel winter worker yard ' +
  'account anchor answer artist author balance banner barrel basket beacon border bottle branch ' +
  'brick buffer cabin camera candle canvas carbon cargo carpet castle cattle cellar center channel ' +
  'chapter cheese chemist cinema citizen clerk cloud coast colony column comfort compass concert copper ' +
  'corner cottage county course court craft credit crystal culture current cycle dealer debate delta ' +
  'design detail diamond diesel digit dinner direct district divide dock dollar domain drawer driver'
).split(' ');

const SUFFIXES = ['', 's', 'ing', 'ed', 'er', 'ation', 'ly', 'less', 'ness', 'al'];
const SYLLABLES = 'ka lo ren tri vas mel dor shi pa qu el an tor ven sa bri co mun dal fe ri gos ul ne thar'.split(' ');

/** Words to draw from, most common first. */
export interface Vocabulary {
  words: string[];
  /** Cumulative Zipf weights, so common words are common as in real text. */
  cumulative: Float64Array;
}

function buildVocabulary(random: SeededRandom): Vocabulary {
  const words = new Set<string>();
  for (const root of ROOTS) for (const suffix of SUFFIXES) words.add(root + suffix);
  while (words.size < ROOTS.length * SUFFIXES.length + 1000) {
    const syllables = random.integer(2, 4);
    let name = '';
    for (let i = 0; i < syllables; i++) name += random.pick(SYLLABLES);
    words.add(name[0]!.toUpperCase() + name.slice(1));
  }
  // Shuffle so the Zipf head mixes roots, inflections and names.
  const list = [...words];
  for (let i = list.length - 1; i > 0; i--) {
    const j = random.integer(0, i);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  const cumulative = new Float64Array(list.length);
  let total = 0;
  list.forEach((_, rank) => {
    // Zipf–Mandelbrot (offset 10): a flatter head than plain Zipf, as content words are in English.
    total += 1 / (rank + 10);
    cumulative[rank] = total;
  });
  return { words: list, cumulative: cumulative.map((value) => value / total) };
}

function pickContentWord(random: SeededRandom, vocabulary: Vocabulary): string {
  const target = random.next();
  let low = 0;
  let high = vocabulary.cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (vocabulary.cumulative[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return vocabulary.words[low]!;
}

/** One sentence as words; about 40% function words, like English prose. */
function makeSentenceWords(random: SeededRandom, vocabulary: Vocabulary): string[] {
  const length = random.integer(6, 22);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    words.push(random.next() < 0.4 ? random.pick(FUNCTION_WORDS) : pickContentWord(random, vocabulary));
  }
  return words;
}

function formatSentence(random: SeededRandom, words: readonly string[]): string {
  const parts = words.map((word, i) => (i > 2 && i < words.length - 2 && random.next() < 0.08 ? `${word},` : word));
  const first = parts[0]!;
  parts[0] = first[0]!.toUpperCase() + first.slice(1);
  return `${parts.join(' ')}${random.next() < 0.06 ? '?' : '.'}`;
}

function makeParagraph(random: SeededRandom, vocabulary: Vocabulary, sentences: string[][]): string {
  const count = random.integer(3, 7);
  const text: string[] = [];
  for (let i = 0; i < count; i++) {
    const words = makeSentenceWords(random, vocabulary);
    sentences.push(words);
    text.push(formatSentence(random, words));
  }
  return text.join(' ');
}

function makeTitle(random: SeededRandom, vocabulary: Vocabulary): string {
  const words: string[] = [];
  for (let i = random.integer(2, 5); i > 0; i--) words.push(pickContentWord(random, vocabulary));
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ');
}

/** A markdown document of at least `targetBytes`: a title, sections with headings, paragraphs, some lists. */
export function makeMarkdownDocument(
  random: SeededRandom,
  vocabulary: Vocabulary,
  targetBytes: number,
  sentences: string[][] = [],
): string {
  const blocks = [`# ${makeTitle(random, vocabulary)}`];
  let size = blocks[0]!.length;
  let untilHeading = random.integer(2, 5);
  while (size < targetBytes) {
    let block: string;
    if (untilHeading-- === 0) {
      block = `## ${makeTitle(random, vocabulary)}`;
      untilHeading = random.integer(2, 5);
    } else if (random.next() < 0.08) {
      const items: string[] = [];
      for (let i = random.integer(2, 5); i > 0; i--) {
        const words = makeSentenceWords(random, vocabulary);
        sentences.push(words);
        items.push(`- ${formatSentence(random, words)}`);
      }
      block = items.join('\n');
    } else block = makeParagraph(random, vocabulary, sentences);
    blocks.push(block);
    size += block.length + 2;
  }
  return `${blocks.join('\n\n')}\n`;
}

function makeHtmlDocument(random: SeededRandom, vocabulary: Vocabulary, targetBytes: number): string {
  const title = makeTitle(random, vocabulary);
  const body: string[] = [`<h1>${title}</h1>`];
  let size = 0;
  while (size < targetBytes) {
    const block =
      random.next() < 0.15
        ? `<h2>${makeTitle(random, vocabulary)}</h2>`
        : `<p>${makeParagraph(random, vocabulary, [])}</p>`;
    body.push(block);
    size += block.length;
  }
  return [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${title}</title>`,
    '<style>body { font-family: serif; } p { margin: 0 0 1em; }</style>',
    '<script>window.analytics = { page: "bench" };</script></head>',
    '<body><nav><a href="/">Home</a> | <a href="/about">About</a></nav><main>',
    ...body,
    '</main></body></html>',
    '',
  ].join('\n');
}

/** The vocabulary and random stream for `seed`; the bench uses it to write replacement files. */
export function createTextSource(seed: number): { random: SeededRandom; vocabulary: Vocabulary } {
  const random = createSeededRandom(seed);
  return { random, vocabulary: buildVocabulary(random) };
}

/**
 * Writes a deterministic English-like corpus into `dir` (markdown under
 * `notes/NNN/`, HTML under `pages/`) and derives questions from its sentences,
 * so retrieval has something to find.
 */
export function generateCorpus(dir: string, options: CorpusOptions): GeneratedCorpus {
  const { random, vocabulary } = createTextSource(options.seed);
  const averageBytes = options.markdownBytes / options.markdownFiles;
  const sampled: string[][] = [];
  let bytes = 0;
  for (let i = 0; i < options.markdownFiles; i++) {
    const sentences: string[][] = [];
    // Sizes spread from 0.3× to 1.7× the average, like a real notes folder.
    const text = makeMarkdownDocument(random, vocabulary, averageBytes * (0.3 + 1.4 * random.next()), sentences);
    const file = path.join(dir, 'notes', String(Math.floor(i / 100)).padStart(3, '0'), `note-${i}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    sampled.push(random.pick(sentences));
  }
  fs.mkdirSync(path.join(dir, 'pages'), { recursive: true });
  for (let i = 0; i < options.htmlFiles; i++) {
    const text = makeHtmlDocument(random, vocabulary, averageBytes);
    fs.writeFileSync(path.join(dir, 'pages', `page-${i}.html`), text);
    bytes += Buffer.byteLength(text);
  }
  const questions: string[] = [];
  for (let i = 0; i < options.questions; i++) {
    const words = sampled[Math.floor((i * sampled.length) / options.questions)]!;
    const content = words.filter((word) => !FUNCTION_WORDS.includes(word));
    const start = random.integer(0, Math.max(0, content.length - 4));
    questions.push(`What about ${content.slice(start, start + 4).join(' ')}?`);
  }
  return { files: options.markdownFiles + options.htmlFiles, bytes, questions };
}
