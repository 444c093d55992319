import fs from 'node:fs';
import path from 'node:path';
import { createSeededRandom, type SeededRandom } from './seeded-random.js';

/** Shape of a corpus made from the eval datasets' text; sizes in bytes. */
export interface EvalCorpusOptions {
  seed: number;
  /** Total size the files aim for together. */
  totalBytes: number;
  files: number;
  /** Questions to derive from the documents (for latency runs). */
  questions: number;
}

/** What was written. */
export interface EvalCorpus {
  dir: string;
  files: number;
  bytes: number;
  /** Relative paths of the files, in the order they were written. */
  paths: string[];
  questions: string[];
}

/** Real English prose: SciFact abstracts and SQuAD paragraphs, cut into sentences. */
export interface SentencePool {
  sentences: string[];
  titles: string[];
}

const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z0-9("])/u;

/**
 * Reads SciFact abstracts and SQuAD paragraphs from `evalDir` (the shared
 * datasets) and cuts them into sentences. Done once per bench run: ~15 MB of
 * JSON, about a second.
 */
export function loadSentencePool(evalDir: string): SentencePool {
  const sentences: string[] = [];
  const titles: string[] = [];
  const scifact = fs.readFileSync(path.join(evalDir, 'scifact/corpus.jsonl'), 'utf8');
  for (const line of scifact.split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { title: string; text: string };
    titles.push(record.title);
    for (const sentence of record.text.split(SENTENCE_END)) if (sentence.length > 20) sentences.push(sentence);
  }
  const squad = JSON.parse(fs.readFileSync(path.join(evalDir, 'squad/dev-v1.1.json'), 'utf8')) as {
    data: { title: string; paragraphs: { context: string }[] }[];
  };
  for (const article of squad.data) {
    titles.push(article.title.replaceAll('_', ' '));
    for (const paragraph of article.paragraphs) {
      for (const sentence of paragraph.context.split(SENTENCE_END)) if (sentence.length > 20) sentences.push(sentence);
    }
  }
  return { sentences, titles };
}

/**
 * A file size drawn log-uniformly between 0.1× and 5× the mean (then rescaled
 * so the mean holds): many small notes and a few long documents, as in a real
 * folder.
 */
function drawSize(random: SeededRandom, meanBytes: number): number {
  const low = Math.log(0.1);
  const high = Math.log(5);
  // The mean of e^U for U uniform on [low, high] is (e^high - e^low) / (high - low).
  const meanFactor = (Math.exp(high) - Math.exp(low)) / (high - low);
  return Math.max(200, (meanBytes * Math.exp(low + random.next() * (high - low))) / meanFactor);
}

function makeDocument(random: SeededRandom, pool: SentencePool, targetBytes: number, markdown: boolean): { text: string; sample: string } {
  const title = random.pick(pool.titles);
  const blocks = [markdown ? `# ${title}` : title];
  let size = blocks[0]!.length;
  let sample = '';
  let untilHeading = random.integer(3, 8);
  while (size < targetBytes) {
    let block: string;
    if (markdown && untilHeading-- === 0) {
      block = `## ${random.pick(pool.titles)}`;
      untilHeading = random.integer(3, 8);
    } else {
      const sentences: string[] = [];
      // Sentences are drawn across the whole pool, so paragraphs (and chunks)
      // are new text: neither pipeline can reuse an embedding by content.
      for (let i = random.integer(2, 7); i > 0; i--) sentences.push(random.pick(pool.sentences));
      if (sample === '') sample = sentences[0]!;
      block = sentences.join(' ');
    }
    blocks.push(block);
    size += Buffer.byteLength(block) + 2;
  }
  return { text: `${blocks.join('\n\n')}\n`, sample };
}

/**
 * Writes a deterministic corpus of `options.files` files (80% markdown, 20%
 * plain text, 100 to a folder) of mixed sizes, recombined from the eval
 * datasets' sentences, and a question per sampled document.
 */
export function generateEvalCorpus(dir: string, pool: SentencePool, options: EvalCorpusOptions): EvalCorpus {
  const random = createSeededRandom(options.seed);
  const meanBytes = options.totalBytes / options.files;
  const paths: string[] = [];
  const samples: string[] = [];
  let bytes = 0;
  for (let i = 0; i < options.files; i++) {
    const markdown = random.next() < 0.8;
    const { text, sample } = makeDocument(random, pool, drawSize(random, meanBytes), markdown);
    const relative = path.join(String(Math.floor(i / 100)).padStart(4, '0'), `doc-${i}.${markdown ? 'md' : 'txt'}`);
    const file = path.join(dir, relative);
    if (i % 100 === 0) fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    paths.push(relative);
    if (sample !== '') samples.push(sample);
  }
  const questions: string[] = [];
  for (let i = 0; i < options.questions && samples.length > 0; i++) {
    const words = samples[Math.floor((i * samples.length) / options.questions)]!.split(/\s+/u);
    const start = random.integer(0, Math.max(0, words.length - 6));
    questions.push(`What about ${words.slice(start, start + 6).join(' ')}?`);
  }
  return { dir, files: options.files, bytes, paths, questions };
}

/** Rewrites one file of the corpus with new text of about the same size (for incremental re-index runs). */
export function rewriteFile(corpus: EvalCorpus, pool: SentencePool, relative: string, seed: number): void {
  const file = path.join(corpus.dir, relative);
  const random = createSeededRandom(seed);
  const size = fs.statSync(file).size;
  fs.writeFileSync(file, makeDocument(random, pool, size, relative.endsWith('.md')).text);
}
