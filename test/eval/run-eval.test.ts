import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../src/config/config-schema.js';
import type { EvalDataset } from '../../src/eval/datasets/eval-dataset.js';
import type { EvalProgress } from '../../src/eval/eval-report.js';
import { evaluateAnswers, stripCitationMarkers } from '../../src/eval/evaluate-answers.js';
import { evaluateRetrieval } from '../../src/eval/evaluate-retrieval.js';
import { prepareEvalIndex } from '../../src/eval/prepare-eval-index.js';
import { runEval } from '../../src/eval/run-eval.js';
import { DEFAULT_RETRIEVAL, type RetrievalSettings } from '../../src/retrieve/retrieve-passages.js';
import { FakeEmbedder } from '../helpers/fake-embedder.js';
import { drain, makeTestConfig } from '../helpers/test-config.js';

const KEYWORD: RetrievalSettings = { ...DEFAULT_RETRIEVAL, mode: 'keyword' };

/**
 * Five short documents; each query's words occur in only the documents named in
 * its comment, so BM25's ranking is known by hand.
 */
const beirLike: EvalDataset = {
  name: 'tiny-beir',
  kind: 'beir',
  records: [
    { id: 'r1', title: 'Penguins', text: 'Penguins live in Antarctica and eat krill.' },
    { id: 'r2', title: 'Volcanoes', text: 'Volcanoes erupt molten lava from the mantle.' },
    { id: 'r3', title: 'Bees', text: 'Honeybees make honey from flower nectar.' },
    { id: 'r4', title: 'Glaciers', text: 'Glaciers carve deep valleys over thousands of years.' },
    { id: 'r5', title: 'Lava tubes', text: 'Lava tubes are caves left behind by flowing lava.' },
  ],
  queries: [
    // Only r1 matches: ranked [r1].
    { id: 'q1', text: 'What do penguins eat?', relevant: new Map([['r1', 1]]) },
    // Only r3 matches; r4 is judged relevant but never retrieved.
    { id: 'q2', text: 'How is honey made from nectar?', relevant: new Map([['r3', 1], ['r4', 1]]) },
    // r2 matches mantle, molten and lava; r5 only lava and flow: ranked [r2, r5], the better one second.
    { id: 'q3', text: 'What flows from the mantle as molten lava?', relevant: new Map([['r2', 1], ['r5', 2]]) },
    // r5 matches caves and lava, r2 only lava: ranked [r5, r2].
    { id: 'q4', text: 'Which caves hold lava?', relevant: new Map([['r2', 1]]) },
  ],
};

const squadLike: EvalDataset = {
  name: 'tiny-squad',
  kind: 'squad',
  records: [
    { id: '0-0', title: 'Eiffel Tower', text: 'The Eiffel Tower was completed in 1889. It stands on the Champ de Mars.' },
    { id: '1-0', title: 'Krill', text: 'Krill are small crustaceans that swarm in cold oceans.' },
  ],
  queries: [
    {
      id: 'a1',
      text: 'When was the Eiffel Tower completed?',
      relevant: new Map([['0-0', 1]]),
      answers: ['1889', 'in 1889'],
    },
    // Nothing in the corpus covers it: the answerer abstains.
    { id: 'a2', text: 'Who painted the Mona Lisa?', relevant: new Map([['1-0', 1]]), answers: ['Leonardo da Vinci'] },
  ],
};

const log2 = Math.log2;
let tempRoot: string;
let settings: Config;

beforeEach(() => {
  // Made before the spy, so the config's own index folder is not in tempRoot.
  settings = makeTestConfig('unused-corpus');
  // Every temporary eval index goes here, so a test can see that none is left behind.
  tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-run-eval-test-'));
  vi.spyOn(os, 'tmpdir').mockReturnValue(tempRoot);
});

afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(tempRoot, { recursive: true, force: true });
  fs.rmSync(settings.index, { recursive: true, force: true });
});

function config(): Config {
  return settings;
}

describe('runEval', () => {
  it('averages nDCG@10, recall and MRR@10 over the queries as computed by hand', async () => {
    const { value: report } = await drain(
      runEval(beirLike, { config: config(), embedder: new FakeEmbedder(), retrieval: KEYWORD }),
    );

    const ndcg = {
      q1: 1,
      q2: 1 / (1 + 1 / log2(3)),
      q3: (1 + 2 / log2(3)) / (2 + 1 / log2(3)),
      q4: 1 / log2(3),
    };
    expect(report.metrics.ndcgAt10).toBeCloseTo((ndcg.q1 + ndcg.q2 + ndcg.q3 + ndcg.q4) / 4, 10);
    expect(report.metrics.recallAt1).toBeCloseTo((1 + 0.5 + 0.5 + 0) / 4, 10);
    expect(report.metrics.recallAt5).toBeCloseTo((1 + 0.5 + 1 + 1) / 4, 10);
    expect(report.metrics.recallAt10).toBeCloseTo((1 + 0.5 + 1 + 1) / 4, 10);
    expect(report.metrics.recallAt100).toBeCloseTo((1 + 0.5 + 1 + 1) / 4, 10);
    expect(report.metrics.mrrAt10).toBeCloseTo((1 + 1 + 1 + 0.5) / 4, 10);
  });

  it('reports what was indexed and how', async () => {
    const { value: report } = await drain(
      runEval(beirLike, { config: config(), embedder: new FakeEmbedder(), retrieval: KEYWORD }),
    );

    expect(report).toMatchObject({
      dataset: 'tiny-beir',
      kind: 'beir',
      records: 5,
      queries: 4,
      provider: 'local',
      embedder: 'fake@1/32',
      k: 5,
      retrieval: KEYWORD,
      chunks: 5,
    });
    expect(report.indexSeconds).toBeGreaterThan(0);
    expect(report.latencyMs.p95).toBeGreaterThanOrEqual(report.latencyMs.p50);
    expect(report.answers).toBeUndefined();
  });

  it('yields index and retrieve progress that ends at the totals', async () => {
    const { events } = await drain(runEval(beirLike, { config: config(), embedder: new FakeEmbedder() }));

    const last = (phase: EvalProgress['phase']) => events.filter((event) => event.phase === phase).at(-1);
    expect(last('index')).toEqual({ type: 'eval-progress', phase: 'index', done: 5, total: 5 });
    expect(last('retrieve')).toEqual({ type: 'eval-progress', phase: 'retrieve', done: 4, total: 4 });
    expect(last('answer')).toBeUndefined();
  });

  it('scores answers: a hit with its paragraph cited, and an abstention', async () => {
    const { value: report } = await drain(
      runEval(squadLike, { config: config(), embedder: new FakeEmbedder(), answers: true, sentences: 1 }),
    );

    // The answer is "The Eiffel Tower was completed in 1889. [1]": 7 words without the marker.
    expect(report.answers).toEqual({
      questions: 2,
      answerHit: 0.5,
      citedHit: 0.5,
      abstentionRate: 0.5,
      meanWords: 7,
      sentences: 1,
    });
  });

  it('removes the temporary index when it finishes', async () => {
    await drain(runEval(beirLike, { config: config(), embedder: new FakeEmbedder() }));

    expect(fs.readdirSync(tempRoot)).toEqual([]);
  });

  it('removes the temporary index when indexing fails', async () => {
    const embedder = new FakeEmbedder();
    embedder.embedDocuments = async () => {
      throw new Error('embedder down');
    };

    await expect(drain(runEval(beirLike, { config: config(), embedder }))).rejects.toThrow('embedder down');
    expect(fs.readdirSync(tempRoot)).toEqual([]);
  });

  it('removes the temporary index when the caller stops early', async () => {
    const run = runEval(beirLike, { config: config(), embedder: new FakeEmbedder() });
    for (;;) {
      const step = await run.next();
      if (step.done || step.value.phase === 'retrieve') break;
    }
    await run.return(undefined as never);

    expect(fs.readdirSync(tempRoot)).toEqual([]);
  });

  it('never writes to the index folder of the config', async () => {
    await drain(runEval(beirLike, { config: config(), embedder: new FakeEmbedder() }));

    expect(fs.readdirSync(config().index)).toEqual([]);
  });
});

describe('prepareEvalIndex', () => {
  it('keeps the index for several variants until close', async () => {
    const { value: index } = await drain(
      prepareEvalIndex(beirLike, { config: config(), embedder: new FakeEmbedder() }),
    );
    const folder = index.config.index;
    expect(path.dirname(folder)).toBe(tempRoot);

    const keyword = index.open({ retrieval: KEYWORD });
    const passages = await keyword.retrieve('molten lava', { k: 2 });
    keyword.close();

    expect(passages.map((passage) => passage.source)).toEqual(['r2', 'r5']);
    index.close();
    expect(fs.existsSync(folder)).toBe(false);
  });
});

describe('evaluateAnswers', () => {
  // 22 askings of one answerable question: more than the 20 that are spot-checked.
  const repeated: EvalDataset = {
    ...squadLike,
    queries: Array.from({ length: 22 }, (_, i) => ({ ...squadLike.queries[0]!, id: `a${i}` })),
  };

  async function prepare() {
    const { value: index } = await drain(prepareEvalIndex(repeated, { config: config(), embedder: new FakeEmbedder() }));
    const { value: retrieval } = await drain(evaluateRetrieval(index, repeated, { keepPassages: 5 }));
    const krill = retrieval.passages!.get(repeated.queries[0]!)!.filter((passage) => passage.source === '1-0');
    expect(krill).toHaveLength(1);
    return { index, passages: retrieval.passages!, krill };
  }

  it('answers from the given passages once the spot check agrees with ask', async () => {
    const { index, passages, krill } = await prepare();
    // The last two questions get only the krill passage, past the spot check: they must miss.
    const retrieved = new Map(passages);
    for (const query of repeated.queries.slice(20)) retrieved.set(query, krill);

    const { value: answers } = await drain(evaluateAnswers(index, repeated, { k: 5, retrieved }));
    index.close();

    expect(answers.answerHit).toBeCloseTo(20 / 22, 10);
  });

  it('retrieves every question again when the given passages differ from what ask retrieves', async () => {
    const { index, passages, krill } = await prepare();
    const retrieved = new Map(passages);
    retrieved.set(repeated.queries[3]!, krill);
    for (const query of repeated.queries.slice(20)) retrieved.set(query, krill);

    const { value: answers } = await drain(evaluateAnswers(index, repeated, { k: 5, retrieved }));
    index.close();

    expect(answers.answerHit).toBe(1);
  });
});

describe('stripCitationMarkers', () => {
  it('drops [n] markers and the space before them', () => {
    expect(stripCitationMarkers('Paris is the capital. [1] It is large [2, 3].')).toBe(
      'Paris is the capital. It is large.',
    );
  });
});
