/**
 * Retrieval quality of the default (rerank) path at several FTS5 row budgets
 * (see DEFAULT_MATCH_ROW_BUDGET in src/retrieve/keyword-search.ts), on one
 * BEIR folder or SQuAD file, indexed once. Prints nDCG@10, R@1 and R@100 per
 * budget; "Infinity" is no budget.
 *
 * Usage: node bin/run-ts.js bench/measure-row-budget.ts ../shared/eval/scifact [Infinity,5000,2000,1000]
 */
import { loadDataset } from '../src/eval/datasets/load-dataset.js';
import { evaluateRetrieval } from '../src/eval/evaluate-retrieval.js';
import { prepareEvalIndex } from '../src/eval/prepare-eval-index.js';
import { DEFAULT_RETRIEVAL } from '../src/retrieve/retrieve-passages.js';
import { makeBenchConfig } from './lib/bench-config.js';
import { drain } from './lib/drain.js';

const [datasetPath, budgetsArgument] = process.argv.slice(2);
if (!datasetPath) throw new Error('usage: measure-row-budget.ts DATASET [BUDGET,…]');
const dataset = await loadDataset(datasetPath);
const index = await drain(prepareEvalIndex(dataset, { config: makeBenchConfig('/tmp', '/tmp') }));
try {
  for (const budget of (budgetsArgument ?? 'Infinity,20000,10000,5000,2000,1000').split(',').map(Number)) {
    const { metrics } = await drain(
      evaluateRetrieval(index, dataset, { settings: { ...DEFAULT_RETRIEVAL, matchRowBudget: budget } }),
    );
    process.stdout.write(
      `budget ${budget}: nDCG@10 ${metrics.ndcgAt10.toFixed(4)} R@1 ${metrics.recallAt1.toFixed(4)} R@100 ${metrics.recallAt100.toFixed(4)}\n`,
    );
  }
} finally {
  index.close();
}
