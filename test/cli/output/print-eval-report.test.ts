import { describe, expect, it } from 'vitest';
import { formatEvalReport } from '../../../src/cli/output/print-eval-report.js';
import type { EvalReport } from '../../../src/eval/eval-report.js';
import { DEFAULT_RETRIEVAL } from '../../../src/retrieve/retrieve-passages.js';

const report: EvalReport = {
  dataset: 'scifact',
  kind: 'beir',
  records: 5183,
  queries: 300,
  provider: 'local',
  embedder: 'local-hash@1/1024',
  k: 5,
  retrieval: { ...DEFAULT_RETRIEVAL, mode: 'hybrid' },
  indexSeconds: 21.04,
  chunks: 10301,
  metrics: { ndcgAt10: 0.6863, recallAt1: 0.5408, recallAt5: 0.74706, recallAt10: 0.8247, recallAt100: 0.9176, mrrAt10: 0.648 },
  latencyMs: { p50: 1.44, p95: 7.15 },
};

describe('formatEvalReport', () => {
  it('prints the dataset, the settings and one line per metric', () => {
    expect(formatEvalReport(report)).toBe(
      [
        'scifact (beir): 5183 records, 10301 chunks, indexed in 21.0 s; 300 queries',
        'local · local-hash@1/1024 · retrieval hybrid · k 5',
        '',
        '  nDCG@10     0.686',
        '  recall@1    0.541',
        '  recall@5    0.747',
        '  recall@10   0.825',
        '  recall@100  0.918',
        '  MRR@10      0.648',
        '  latency     p50 1.4 ms · p95 7.2 ms',
      ].join('\n'),
    );
  });

  it('adds the answer figures when answers were measured', () => {
    const withAnswers: EvalReport = {
      ...report,
      answers: { questions: 10570, answerHit: 0.7781, citedHit: 0.741, abstentionRate: 0.0962, meanWords: 68.64, sentences: 3 },
    };

    expect(formatEvalReport(withAnswers).split('\n').slice(-6)).toEqual([
      '',
      'answers: 10570 questions, at most 3 sentences',
      '  answer hit  0.778',
      '  cited hit   0.741',
      '  abstained   0.096',
      '  mean words  68.6',
    ]);
  });

  it('writes a count of one in the singular', () => {
    const tiny: EvalReport = {
      ...report,
      records: 1,
      chunks: 1,
      queries: 1,
      answers: { questions: 1, answerHit: 1, citedHit: 1, abstentionRate: 0, meanWords: 5, sentences: 1 },
    };

    const lines = formatEvalReport(tiny).split('\n');

    expect(lines[0]).toBe('scifact (beir): 1 record, 1 chunk, indexed in 21.0 s; 1 query');
    expect(lines).toContain('answers: 1 question, at most 1 sentence');
  });

  it('prints n/a for figures over no queries', () => {
    const empty: EvalReport = {
      ...report,
      queries: 0,
      metrics: { ...report.metrics, ndcgAt10: Number.NaN },
      latencyMs: { p50: Number.NaN, p95: Number.NaN },
      answers: { questions: 0, answerHit: Number.NaN, citedHit: Number.NaN, abstentionRate: Number.NaN, meanWords: Number.NaN, sentences: null },
    };

    const lines = formatEvalReport(empty).split('\n');

    expect(lines).toContain('  nDCG@10     n/a');
    expect(lines).toContain('  latency     p50 n/a · p95 n/a');
    expect(lines).toContain('answers: 0 questions, generated');
    expect(lines).toContain('  mean words  n/a');
  });
});
