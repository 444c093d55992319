import type { EvalReport } from '../../eval/eval-report.js';
import { plural } from '../../shared/plural.js';

/** Width of the label column, so the figures line up. */
const LABEL_WIDTH = 12;

/**
 * The report of `footnote eval` as a short plain-text table: what was indexed,
 * how, the retrieval figures and, with `--answers`, the answer figures. A figure
 * that could not be measured (no queries) prints as `n/a`.
 *
 * @example
 * process.stdout.write(`${formatEvalReport(report)}\n`);
 */
export function formatEvalReport(report: EvalReport): string {
  const { metrics, latencyMs } = report;
  const lines = [
    `${report.dataset} (${report.kind}): ${plural(report.records, 'record')}, ${plural(report.chunks, 'chunk')}, ` +
      `indexed in ${report.indexSeconds.toFixed(1)} s; ${plural(report.queries, 'query', 'queries')}`,
    `${report.provider} · ${report.embedder} · retrieval ${report.retrieval.mode} · k ${report.k}`,
    '',
    row('nDCG@10', ratio(metrics.ndcgAt10)),
    row('recall@1', ratio(metrics.recallAt1)),
    row('recall@5', ratio(metrics.recallAt5)),
    row('recall@10', ratio(metrics.recallAt10)),
    row('recall@100', ratio(metrics.recallAt100)),
    row('MRR@10', ratio(metrics.mrrAt10)),
    row('latency', `p50 ${milliseconds(latencyMs.p50)} · p95 ${milliseconds(latencyMs.p95)}`),
  ];
  const answers = report.answers;
  if (answers !== undefined) {
    const cap = answers.sentences === null ? 'generated' : `at most ${plural(answers.sentences, 'sentence')}`;
    lines.push(
      '',
      `answers: ${plural(answers.questions, 'question')}, ${cap}`,
      row('answer hit', ratio(answers.answerHit)),
      row('cited hit', ratio(answers.citedHit)),
      row('abstained', ratio(answers.abstentionRate)),
      row('mean words', Number.isFinite(answers.meanWords) ? answers.meanWords.toFixed(1) : 'n/a'),
    );
  }
  return lines.join('\n');
}

function row(label: string, value: string): string {
  return `  ${label.padEnd(LABEL_WIDTH)}${value}`;
}

function ratio(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : 'n/a';
}

function milliseconds(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a';
}
