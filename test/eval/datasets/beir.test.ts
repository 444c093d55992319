import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBeirDataset } from '../../../src/eval/datasets/beir.js';
import { FootnoteError } from '../../../src/shared/errors.js';

const tempDirs: string[] = [];

afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes a BEIR folder named `tiny` from literal file contents. */
function writeBeirFolder(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-beir-'));
  tempDirs.push(root);
  const dir = path.join(root, 'tiny');
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const corpus = [
  '{"_id": "d1", "title": "Aspirin", "text": "Aspirin thins blood.", "metadata": {}}',
  '',
  '{"_id": "d2", "title": "", "text": "Caf\\u00e9 culture.", "metadata": {}}',
  '{"_id": "d3", "title": "Sleep", "text": "Sleep helps memory."}',
].join('\n');

const queries = [
  '{"_id": "q1", "text": "Does aspirin thin blood?", "metadata": {}}',
  '{"_id": "q2", "text": "Unjudged question", "metadata": {}}',
  '{"_id": "q3", "text": "Is sleep good?"}',
].join('\n');

const qrels = 'query-id\tcorpus-id\tscore\r\nq1\td1\t1\r\nq1\td2\t2\r\nq3\td3\t1\r\nq3\td1\t0\r\n';

function expectDatasetError(error: unknown, file: string, detail: RegExp): void {
  expect(error).toBeInstanceOf(FootnoteError);
  const footnoteError = error as FootnoteError;
  expect(footnoteError.code).toBe('DATASET_INVALID');
  expect(footnoteError.facts['path']).toBe(file);
  expect(String(footnoteError.facts['detail'])).toMatch(detail);
}

describe('loadBeirDataset', () => {
  it('loads records, and queries with their CRLF qrels, dropping queries without judgements', async () => {
    const dir = writeBeirFolder({ 'corpus.jsonl': corpus, 'queries.jsonl': queries, 'qrels/test.tsv': qrels });

    const dataset = await loadBeirDataset(dir);

    expect(dataset).toEqual({
      name: 'tiny',
      kind: 'beir',
      records: [
        { id: 'd1', title: 'Aspirin', text: 'Aspirin thins blood.' },
        { id: 'd2', title: null, text: 'Café culture.' },
        { id: 'd3', title: 'Sleep', text: 'Sleep helps memory.' },
      ],
      queries: [
        { id: 'q1', text: 'Does aspirin thin blood?', relevant: new Map([['d1', 1], ['d2', 2]]) },
        { id: 'q3', text: 'Is sleep good?', relevant: new Map([['d3', 1]]) },
      ],
    });
  });

  it('reads the qrels of the requested split', async () => {
    const dir = writeBeirFolder({
      'corpus.jsonl': corpus,
      'queries.jsonl': queries,
      'qrels/test.tsv': qrels,
      'qrels/dev.tsv': 'query-id\tcorpus-id\tscore\nq2\td3\t1\n',
    });

    const dataset = await loadBeirDataset(dir, { split: 'dev' });

    expect(dataset.queries).toEqual([{ id: 'q2', text: 'Unjudged question', relevant: new Map([['d3', 1]]) }]);
  });

  it('accepts numeric ids', async () => {
    const dir = writeBeirFolder({
      'corpus.jsonl': '{"_id": 7, "title": "T", "text": "x"}\n',
      'queries.jsonl': '{"_id": 1, "text": "q"}\n',
      'qrels/test.tsv': 'query-id\tcorpus-id\tscore\n1\t7\t1\n',
    });

    const dataset = await loadBeirDataset(dir);

    expect(dataset.records.map((record) => record.id)).toEqual(['7']);
    expect(dataset.queries.map((query) => [query.id, [...query.relevant.keys()]])).toEqual([['1', ['7']]]);
  });

  it('names the line of invalid JSON in the corpus', async () => {
    const dir = writeBeirFolder({
      'corpus.jsonl': '{"_id": "d1", "title": "", "text": "ok"}\r\n{"_id": "d2", "text": \r\n',
      'queries.jsonl': queries,
      'qrels/test.tsv': qrels,
    });

    const error = await loadBeirDataset(dir).catch((caught: unknown) => caught);

    expectDatasetError(error, path.join(dir, 'corpus.jsonl'), /^line 2: invalid JSON/);
    expect((error as FootnoteError).facts['line']).toBe(2);
    expect((error as FootnoteError).message).toContain('corpus.jsonl: line 2: invalid JSON');
  });

  it('names the line and field of a record without text', async () => {
    const dir = writeBeirFolder({
      'corpus.jsonl': corpus + '\n{"_id": "d4", "title": "No text"}\n',
      'queries.jsonl': queries,
      'qrels/test.tsv': qrels,
    });

    const error = await loadBeirDataset(dir).catch((caught: unknown) => caught);

    expectDatasetError(error, path.join(dir, 'corpus.jsonl'), /^line 5: text: /);
  });

  it('reads files that start with a byte-order mark, as Windows editors save them', async () => {
    const dir = writeBeirFolder({
      'corpus.jsonl': `\uFEFF${corpus}`,
      'queries.jsonl': `\uFEFF${queries}`,
      'qrels/test.tsv': `\uFEFF${qrels}`,
    });

    const dataset = await loadBeirDataset(dir);

    expect(dataset.records.map((record) => record.id)).toEqual(['d1', 'd2', 'd3']);
    expect(dataset.queries.map((query) => query.id)).toEqual(['q1', 'q3']);
  });

  it('names both lines of a record id used twice, which would merge two records', async () => {
    const dir = writeBeirFolder({
      'corpus.jsonl': `${corpus}\n{"_id": "d1", "title": "Again", "text": "Another text."}\n`,
      'queries.jsonl': queries,
      'qrels/test.tsv': qrels,
    });

    const error = await loadBeirDataset(dir).catch((caught: unknown) => caught);

    expectDatasetError(error, path.join(dir, 'corpus.jsonl'), /^line 5: _id "d1" is also the _id of line 1$/);
  });

  it('names the line of a malformed qrels row', async () => {
    const dir = writeBeirFolder({
      'corpus.jsonl': corpus,
      'queries.jsonl': queries,
      'qrels/test.tsv': 'query-id\tcorpus-id\tscore\r\nq1\td1\t1\r\nq1 d2 1\r\n',
    });

    const error = await loadBeirDataset(dir).catch((caught: unknown) => caught);

    expectDatasetError(error, path.join(dir, 'qrels', 'test.tsv'), /^line 3: expected/);
  });

  it('reports a missing file by its path', async () => {
    const dir = writeBeirFolder({ 'corpus.jsonl': corpus, 'qrels/test.tsv': qrels });

    const error = await loadBeirDataset(dir).catch((caught: unknown) => caught);

    expectDatasetError(error, path.join(dir, 'queries.jsonl'), /^not found$/);
  });

  it('reports a missing qrels split by its path', async () => {
    const dir = writeBeirFolder({ 'corpus.jsonl': corpus, 'queries.jsonl': queries, 'qrels/test.tsv': qrels });

    const error = await loadBeirDataset(dir, { split: 'train' }).catch((caught: unknown) => caught);

    expectDatasetError(error, path.join(dir, 'qrels', 'train.tsv'), /^not found$/);
  });

  it('stops with ABORTED when the signal has fired', async () => {
    const dir = writeBeirFolder({ 'corpus.jsonl': corpus, 'queries.jsonl': queries, 'qrels/test.tsv': qrels });

    const error = await loadBeirDataset(dir, { signal: AbortSignal.abort() }).catch((caught: unknown) => caught);

    expect((error as FootnoteError).code).toBe('ABORTED');
  });
});
