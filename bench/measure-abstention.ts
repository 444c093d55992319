/**
 * How well the extractive answerer tells a question the corpus answers from
 * one whose document is missing. A SQuAD v1.1-format file (SQuAD dev, CMRC
 * 2018) is indexed three times: whole, and with every other article left out
 * (odd, then even article indexes kept). On the half indexes each question is
 * asked through `ask`: abstaining is right when its article is missing (the
 * detection rate) and a miss when it is there. On the whole index every
 * question is answerable. Prints one line per index.
 *
 * Usage: node bin/run-ts.js bench/measure-abstention.ts ../shared/eval/squad/dev-v1.1.json [sentences]
 */
import { loadDataset } from '../src/eval/datasets/load-dataset.js';
import type { EvalDataset, EvalQuery } from '../src/eval/datasets/eval-dataset.js';
import type { AnswerMetrics } from '../src/eval/eval-report.js';
import { evaluateAnswers } from '../src/eval/evaluate-answers.js';
import { prepareEvalIndex } from '../src/eval/prepare-eval-index.js';
import { makeBenchConfig } from './lib/bench-config.js';
import { drain } from './lib/drain.js';

const [file, sentencesArgument] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: measure-abstention.ts SQUAD_JSON [sentences]');
const sentences = sentencesArgument === undefined ? undefined : Number(sentencesArgument);
const dataset = await loadDataset(file);
if (dataset.kind !== 'squad') throw new Error('measure-abstention needs a SQuAD-format file (its record ids name the article)');

/** The article index of a SQuAD record id, `${articleIndex}-${paragraphIndex}`. */
const articleOf = (recordId: string): number => Number(recordId.split('-')[0]);
const articleOfQuery = (query: EvalQuery): number => articleOf([...query.relevant.keys()][0] ?? '');

/** Indexes `records` and asks `groups` of questions on it, each measured apart. */
async function measure(
  records: EvalDataset['records'],
  groups: Record<string, EvalQuery[]>,
): Promise<Record<string, AnswerMetrics>> {
  const index = await drain(prepareEvalIndex({ ...dataset, records }, { config: makeBenchConfig('', '') }));
  try {
    const results: Record<string, AnswerMetrics> = {};
    for (const [name, queries] of Object.entries(groups)) {
      results[name] = await drain(evaluateAnswers(index, { ...dataset, records, queries }, { k: index.config.k, sentences }));
    }
    return results;
  } finally {
    index.close();
  }
}

const percent = (value: number): string => `${(100 * value).toFixed(1)}%`;

const whole = await measure(dataset.records, { all: dataset.queries });
const all = whole['all'] as AnswerMetrics;
console.log(
  `whole index: answer hit ${all.answerHit.toFixed(3)}, cited hit ${all.citedHit.toFixed(3)}, ` +
    `abstained ${percent(all.abstentionRate)}, ${all.meanWords.toFixed(1)} words (${all.questions} questions)`,
);
let missingAbstained = 0;
let missing = 0;
let presentAbstained = 0;
let present = 0;
for (const kept of [1, 0]) {
  const keep = (article: number): boolean => article % 2 === kept;
  const records = dataset.records.filter((record) => keep(articleOf(record.id)));
  const result = await measure(records, {
    present: dataset.queries.filter((query) => keep(articleOfQuery(query))),
    missing: dataset.queries.filter((query) => !keep(articleOfQuery(query))),
  });
  const [here, gone] = [result['present'] as AnswerMetrics, result['missing'] as AnswerMetrics];
  console.log(
    `${kept === 1 ? 'odd' : 'even'} articles kept: abstained on ${percent(gone.abstentionRate)} of ${gone.questions} ` +
      `questions whose article is missing, on ${percent(here.abstentionRate)} of ${here.questions} answerable ` +
      `(answer hit ${here.answerHit.toFixed(3)})`,
  );
  missingAbstained += gone.abstentionRate * gone.questions;
  missing += gone.questions;
  presentAbstained += here.abstentionRate * here.questions;
  present += here.questions;
}
console.log(
  `both halves: missing article detected ${percent(missingAbstained / missing)}, ` +
    `answerable abstained ${percent(presentAbstained / present)}`,
);
