import type { CommandModule } from 'yargs';
import { DEFAULT_MAX_SENTENCES } from '../../answer/extractive-answerer.js';
import { loadDataset } from '../../eval/datasets/load-dataset.js';
import type { EvalPhase, EvalProgress } from '../../eval/eval-report.js';
import { runEval } from '../../eval/run-eval.js';
import { checkExhaustive } from '../../shared/check-exhaustive.js';
import { FootnoteError } from '../../shared/errors.js';
import { cancelOnSigint } from '../cancel-on-sigint.js';
import { resolveConfig, withGlobalOptions, type GlobalArgs } from '../global-options.js';
import { formatEvalReport } from '../output/print-eval-report.js';

interface EvalArgs extends GlobalArgs {
  dataset?: string;
  json?: boolean;
  answers?: boolean;
  sentences?: string;
}

/**
 * `footnote eval DATASET [--answers] [--sentences N] [--json]`: measures
 * retrieval (and answers) on a BEIR folder or a SQuAD v1.1 file, indexed into a
 * temporary index that is removed afterwards. Progress goes to stderr.
 */
export const evalCommand: CommandModule<object, EvalArgs> = {
  command: 'eval <dataset>',
  describe: 'Measure retrieval and answers on a BEIR folder or a SQuAD v1.1 JSON file',
  builder: (argv) =>
    withGlobalOptions(argv)
      .positional('dataset', { type: 'string', describe: 'BEIR folder (corpus.jsonl …) or SQuAD .json file' })
      .option('answers', { type: 'boolean', default: false, describe: 'also answer the questions that have gold answers' })
      // A string, as --k is, so that a bad value is shown as typed (yargs would make "abc" NaN).
      .option('sentences', { type: 'string', describe: `cap extractive answers at N sentences [default: ${DEFAULT_MAX_SENTENCES}]` })
      .option('json', { type: 'boolean', default: false, describe: 'print the report as JSON' }),
  handler: async (args) => {
    const startedAt = performance.now();
    const sentences = sentencesOf(args.sentences);
    const config = resolveConfig(args);
    const signal = cancelOnSigint();
    const dataset = await loadDataset(args.dataset ?? '', { signal });
    const showProgress = createProgressWriter(process.stderr.isTTY === true, (text) => process.stderr.write(text));
    const run = runEval(dataset, { config, answers: args.answers, sentences, signal });
    for (;;) {
      const step = await run.next();
      if (step.done) {
        showProgress(null);
        const report = step.value;
        const seconds = (performance.now() - startedAt) / 1000;
        // JSON.stringify writes NaN (a metric over no queries) as null.
        process.stdout.write(
          args.json ? `${JSON.stringify({ ...report, seconds }, null, 2)}\n` : `${formatEvalReport(report)}\n`,
        );
        return;
      }
      showProgress(step.value);
    }
  },
};

/** The --sentences cap as a number: a plain positive integer, as --k takes. */
function sentencesOf(typed: string | undefined): number | undefined {
  if (typed === undefined) return undefined;
  const sentences = /^\s*\d+\s*$/.test(typed) ? Number(typed) : 0;
  if (sentences < 1) throw new FootnoteError('USAGE', { detail: `--sentences must be a positive integer (got ${JSON.stringify(typed)})` });
  return sentences;
}

/**
 * On a terminal, one line that updates in place; otherwise one line per phase,
 * so logs stay short. `null` ends the display.
 */
function createProgressWriter(tty: boolean, write: (text: string) => void): (event: EvalProgress | null) => void {
  let phase: EvalPhase | null = null;
  return (event) => {
    if (event === null) {
      if (tty && phase !== null) write('\r\x1b[K');
      return;
    }
    if (tty) write(`\r\x1b[K${describePhase(event.phase)} ${event.done}/${event.total}`);
    else if (event.phase !== phase) write(`${describePhase(event.phase)} ${event.total}…\n`);
    phase = event.phase;
  };
}

function describePhase(phase: EvalPhase): string {
  switch (phase) {
    case 'index':
      return 'indexing records';
    case 'retrieve':
      return 'retrieving queries';
    case 'answer':
      return 'answering questions';
    default:
      return checkExhaustive(phase);
  }
}
