/**
 * Retrieval and answers on small corpora, the size most users index (a README,
 * a few dozen notes: 20–500 passages), where corpus idf is a poor guess at how
 * informative a word is. The big benchmarks in `npm run eval` index thousands
 * of passages and cannot show this.
 *
 * - SQuAD v1.1 dev: each article is its own corpus (its ~40–60 paragraphs) and
 *   is asked its own questions (every `step`-th when given one, to shorten the run).
 * - SciFact: test queries in groups of 10; each group's corpus is the
 *   documents relevant to any of them plus 50 drawn (seeded) from the rest.
 *
 * Each corpus goes through the eval pipeline (`prepareEvalIndex`,
 * `evaluateRetrieval`, `evaluateAnswers` with 1 and 2 sentences); figures are
 * averaged over corpora (macro), then printed. About a minute on one core.
 *
 * Usage: node bin/run-ts.js bench/measure-small-corpora.ts [SQUAD_QUESTION_STEP=1]
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EvalDataset, EvalRecord } from '../src/eval/datasets/eval-dataset.js';
import { loadDataset } from '../src/eval/datasets/load-dataset.js';
import { evaluateAnswers } from '../src/eval/evaluate-answers.js';
import { evaluateRetrieval } from '../src/eval/evaluate-retrieval.js';
import { prepareEvalIndex } from '../src/eval/prepare-eval-index.js';
import { DEFAULT_RETRIEVAL } from '../src/retrieve/retrieve-passages.js';
import { makeBenchConfig } from './lib/bench-config.js';
import { drain } from './lib/drain.js';
import { createSeededRandom } from './lib/seeded-random.js';

const evalDir = fileURLToPath(new URL('../../shared/eval/', import.meta.url));
const squadStep = Number(process.argv[2] ?? 1);
const SCIFACT_GROUP_SIZE = 10;
const SCIFACT_DISTRACTORS = 50;
const config = makeBenchConfig(os.tmpdir(), os.tmpdir());

/** Figures of one small corpus. */
interface CorpusFigures {
  passages: number;
  questions: number;
  ndcgAt10: number;
  recallAt1: number;
  answerHit1?: number;
  answerHit2?: number;
}

/** SQuAD record ids are `${article}-${paragraph}`: one corpus per article. */
function splitSquadByArticle(dataset: EvalDataset): EvalDataset[] {
  const byArticle = new Map<string, EvalRecord[]>();
  for (const record of dataset.records) {
    const article = record.id.split('-')[0]!;
    byArticle.set(article, [...(byArticle.get(article) ?? []), record]);
  }
  return [...byArticle].map(([article, records]) => {
    const ids = new Set(records.map((record) => record.id));
    const queries = dataset.queries
      .filter((query) => [...query.relevant.keys()].every((id) => ids.has(id)))
      .filter((_, i) => i % squadStep === 0);
    return { ...dataset, name: `squad-${article}`, records, queries };
  });
}

/** Groups of test queries, each with its relevant documents and seeded distractors. */
function splitSciFactIntoGroups(dataset: EvalDataset): EvalDataset[] {
  const random = createSeededRandom(20_261_205);
  const groups: EvalDataset[] = [];
  for (let start = 0; start < dataset.queries.length; start += SCIFACT_GROUP_SIZE) {
    const queries = dataset.queries.slice(start, start + SCIFACT_GROUP_SIZE);
    const relevant = new Set(queries.flatMap((query) => [...query.relevant.keys()]));
    const records = dataset.records.filter((record) => relevant.has(record.id));
    const others = dataset.records.filter((record) => !relevant.has(record.id));
    const chosen = new Set<number>();
    while (chosen.size < SCIFACT_DISTRACTORS) chosen.add(random.integer(0, others.length - 1));
    records.push(...[...chosen].sort((a, b) => a - b).map((i) => others[i]!));
    groups.push({ ...dataset, name: `scifact-${start / SCIFACT_GROUP_SIZE}`, records, queries });
  }
  return groups;
}

async function measureCorpus(dataset: EvalDataset, answers: boolean): Promise<CorpusFigures> {
  const index = await drain(prepareEvalIndex(dataset, { config }));
  try {
    const settings = DEFAULT_RETRIEVAL;
    const { metrics, passages } = await drain(
      evaluateRetrieval(index, dataset, { settings, keepPassages: answers ? config.k : undefined }),
    );
    const figures: CorpusFigures = {
      passages: index.chunks,
      questions: dataset.queries.length,
      ndcgAt10: metrics.ndcgAt10,
      recallAt1: metrics.recallAt1,
    };
    if (answers) {
      for (const sentences of [1, 2] as const) {
        const result = await drain(
          evaluateAnswers(index, dataset, { k: config.k, sentences, settings, retrieved: passages }),
        );
        figures[sentences === 1 ? 'answerHit1' : 'answerHit2'] = result.answerHit;
      }
    }
    return figures;
  } finally {
    index.close();
  }
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
}

async function measureAll(label: string, corpora: EvalDataset[], answers: boolean): Promise<void> {
  const startedAt = performance.now();
  const figures: CorpusFigures[] = [];
  for (const corpus of corpora) figures.push(await measureCorpus(corpus, answers));
  const pick = (key: keyof CorpusFigures) => mean(figures.map((f) => f[key] ?? 0)).toFixed(3);
  const columns = [
    `${label}: ${figures.length} corpora of ${mean(figures.map((f) => f.passages)).toFixed(0)} passages on average, ${figures.reduce((n, f) => n + f.questions, 0)} questions`,
    `nDCG@10 ${pick('ndcgAt10')}`,
    `R@1 ${pick('recallAt1')}`,
    ...(answers ? [`answer hit 1 sentence ${pick('answerHit1')}`, `2 sentences ${pick('answerHit2')}`] : []),
    `${((performance.now() - startedAt) / 1000).toFixed(0)} s`,
  ];
  process.stdout.write(`${columns.join(' | ')}\n`);
}

const squad = await loadDataset(path.join(evalDir, 'squad/dev-v1.1.json'));
await measureAll('SQuAD dev, one corpus per article', splitSquadByArticle(squad), true);
const scifact = await loadDataset(path.join(evalDir, 'scifact'));
await measureAll(`SciFact, ${SCIFACT_GROUP_SIZE} queries + ${SCIFACT_DISTRACTORS} distractors`, splitSciFactIntoGroups(scifact), false);
