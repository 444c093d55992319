import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/eval/datasets/load-dataset.js';
import { FootnoteError } from '../../../src/shared/errors.js';

let root = '';

afterEach(() => {
  if (root !== '') fs.rmSync(root, { recursive: true, force: true });
  root = '';
});

function makeRoot(): string {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-dataset-'));
  return root;
}

async function detailOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(FootnoteError);
  expect((error as FootnoteError).code).toBe('DATASET_INVALID');
  return String((error as FootnoteError).facts['detail']);
}

describe('loadDataset', () => {
  it('loads a folder with corpus.jsonl as BEIR', async () => {
    const dir = path.join(makeRoot(), 'mini');
    fs.mkdirSync(path.join(dir, 'qrels'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'corpus.jsonl'), '{"_id": "d1", "title": "", "text": "x"}\n');
    fs.writeFileSync(path.join(dir, 'queries.jsonl'), '{"_id": "q1", "text": "y"}\n');
    fs.writeFileSync(path.join(dir, 'qrels', 'test.tsv'), 'query-id\tcorpus-id\tscore\nq1\td1\t1\n');

    const dataset = await loadDataset(dir);

    expect([dataset.kind, dataset.name, dataset.records.length, dataset.queries.length]).toEqual(['beir', 'mini', 1, 1]);
  });

  it('loads a .json file as SQuAD', async () => {
    const file = path.join(makeRoot(), 'dev.json');
    fs.writeFileSync(file, JSON.stringify({ data: [{ title: 'T', paragraphs: [{ context: 'c', qas: [] }] }] }));

    const dataset = await loadDataset(file);

    expect([dataset.kind, dataset.name, dataset.records.length]).toEqual(['squad', 'dev', 1]);
  });

  it('rejects a folder without corpus.jsonl', async () => {
    expect(await detailOf(loadDataset(makeRoot()))).toBe('the folder has no corpus.jsonl');
  });

  it('rejects a file that is not .json', async () => {
    const file = path.join(makeRoot(), 'notes.txt');
    fs.writeFileSync(file, 'hello');

    expect(await detailOf(loadDataset(file))).toBe('expected a BEIR folder or a .json file');
  });

  it('rejects a path that does not exist', async () => {
    expect(await detailOf(loadDataset(path.join(makeRoot(), 'missing')))).toBe('not found');
  });
});
