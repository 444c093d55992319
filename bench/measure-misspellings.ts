/**
 * Retrieval quality on questions as written and with one word of each
 * misspelt: the longest word of five letters or more that is not a stop word
 * gets its second and third letters swapped (`represented` → `rperesented`).
 * Compares the default (rerank) path with spelling correction off
 * (src/retrieve/correct-spelling.ts) and with several numbers of vector hits
 * (LEXICAL_VECTOR_CANDIDATES in src/retrieve/retrieve-passages.ts): the local
 * embedder's character n-grams are the other way to match a misspelt word.
 * Indexes the dataset once; prints nDCG@10, R@1 and R@10 per setting.
 *
 * Usage: node bin/run-ts.js bench/measure-misspellings.ts ../shared/eval/squad/dev-v1.1.json [QUESTIONS] [100,25,10,0]
 */
import os from 'node:os';
import path from 'node:path';
import { loadDataset } from '../src/eval/datasets/load-dataset.js';
import { evaluateRetrieval } from '../src/eval/evaluate-retrieval.js';
import { prepareEvalIndex } from '../src/eval/prepare-eval-index.js';
import { buildEvalReport } from '../src/eval/run-eval.js';
import { DEFAULT_RETRIEVAL, type RetrievalSettings } from '../src/retrieve/retrieve-passages.js';
import { STOP_WORDS } from '../src/text/stop-words.js';
import { makeBenchConfig } from './lib/bench-config.js';
import { drain } from './lib/drain.js';

const [datasetPath, questionsArgument, countsArgument] = process.argv.slice(2);
if (!datasetPath) throw new Error('usage: measure-misspellings.ts DATASET [QUESTIONS] [100,25,10,0]');
const counts = (countsArgument ?? '100,25,10,0').split(',').map(Number);

/** The question with its longest content word misspelt; unchanged when it has none of five letters or more. */
function misspell(question: string): string {
  const words = question.match(/\p{L}+/gu) ?? [];
  const [target] = words
    .filter((word) => word.length >= 5 && !STOP_WORDS.has(word.toLowerCase()))
    .sort((a, b) => b.length - a.length);
  if (!target) return question;
  return question.replace(target, target[0]! + target[2]! + target[1]! + target.slice(3));
}

const dataset = await loadDataset(path.resolve(datasetPath));
const config = makeBenchConfig(os.tmpdir(), os.tmpdir());
const index = await drain(prepareEvalIndex(dataset, { config }));
try {
  const asked = dataset.queries.slice(0, Number(questionsArgument ?? 3_000));
  const variants = [
    { label: 'as written', dataset: { ...dataset, queries: asked } },
    { label: 'misspelt', dataset: { ...dataset, queries: asked.map((query) => ({ ...query, text: misspell(query.text) })) } },
  ];
  const settingsToCompare: { label: string; settings: RetrievalSettings }[] = [
    { label: 'default', settings: DEFAULT_RETRIEVAL },
    { label: 'no spelling correction', settings: { ...DEFAULT_RETRIEVAL, correctSpelling: false } },
    ...counts.map((vectorCandidates) => ({
      label: `no spelling correction, ${vectorCandidates} vector hits`,
      settings: { ...DEFAULT_RETRIEVAL, correctSpelling: false, vectorCandidates },
    })),
  ];
  for (const { label, settings } of settingsToCompare) {
    for (const variant of variants) {
      const result = await drain(evaluateRetrieval(index, variant.dataset, { settings }));
      const { metrics } = buildEvalReport(index, variant.dataset, { k: config.k, retrieval: settings, ...result });
      process.stdout.write(
        `${label}, ${variant.label}: nDCG@10 ${metrics.ndcgAt10.toFixed(4)} ` +
          `R@1 ${metrics.recallAt1.toFixed(4)} R@10 ${metrics.recallAt10.toFixed(4)}\n`,
      );
    }
  }
} finally {
  index.close();
}
