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

async function errorOf(promise: Promise<unknown>): Promise<FootnoteError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(FootnoteError);
  return error as FootnoteError;
}

/** A SQuAD v1.1 file of one article with these paragraphs. */
function squadJson(paragraphs: unknown[]): string {
  return JSON.stringify({ data: [{ title: 'T', paragraphs }] });
}

/** A BEIR folder `mini` under `parent`, of one record and one judged query unless told otherwise. */
function writeBeir(parent: string, files: { corpus?: string; queries?: string; qrels?: string } = {}): string {
  const dir = path.join(parent, 'mini');
  fs.mkdirSync(path.join(dir, 'qrels'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'corpus.jsonl'), files.corpus ?? '{"_id": "d1", "title": "", "text": "x"}\n');
  fs.writeFileSync(path.join(dir, 'queries.jsonl'), files.queries ?? '{"_id": "q1", "text": "y"}\n');
  fs.writeFileSync(path.join(dir, 'qrels', 'test.tsv'), files.qrels ?? 'query-id\tcorpus-id\tscore\nq1\td1\t1\n');
  return dir;
}

async function detailOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(FootnoteError);
  expect((error as FootnoteError).code).toBe('DATASET_INVALID');
  return String((error as FootnoteError).facts['detail']);
}

describe('loadDataset', () => {
  it('loads a folder with corpus.jsonl as BEIR', async () => {
    const dir = writeBeir(makeRoot());

    const dataset = await loadDataset(dir);

    expect([dataset.kind, dataset.name, dataset.records.length, dataset.queries.length]).toEqual(['beir', 'mini', 1, 1]);
  });

  it('loads a .json file as SQuAD', async () => {
    const file = path.join(makeRoot(), 'dev.json');
    fs.writeFileSync(file, squadJson([{ context: 'c', qas: [{ id: 'q', question: 'c?', answers: [] }] }]));

    const dataset = await loadDataset(file);

    expect([dataset.kind, dataset.name, dataset.records.length]).toEqual(['squad', 'dev', 1]);
  });

  it('rejects a BEIR folder whose corpus has no text to search', async () => {
    const dir = writeBeir(makeRoot(), { corpus: '\n{"_id": "d1", "title": "", "text": " "}\n' });

    const error = await errorOf(loadDataset(dir));

    expect([error.message, error.hint, error.exitCode]).toEqual([
      `nothing to measure: ${path.join(dir, 'corpus.jsonl')} holds no record with text`,
      'add records, one JSON object a line: {"_id": "d1", "title": "…", "text": "…"}',
      2,
    ]);
  });

  it('rejects a BEIR folder whose qrels judge none of its queries, naming the ids to compare', async () => {
    const dir = writeBeir(makeRoot(), { qrels: 'query-id\tcorpus-id\tscore\nQ1\td1\t1\n' });

    const error = await errorOf(loadDataset(dir));

    expect([error.message, error.hint]).toEqual([
      `nothing to measure: no query of ${path.join(dir, 'queries.jsonl')} has a judgement above 0 in ${path.join(dir, 'qrels', 'test.tsv')}`,
      'the first column of qrels/test.tsv must hold the "_id" of a query in queries.jsonl (q1)',
    ]);
  });

  it('rejects a BEIR folder without queries', async () => {
    const dir = writeBeir(makeRoot(), { queries: '' });

    const error = await errorOf(loadDataset(dir));

    expect([error.message, error.hint]).toEqual([
      `nothing to measure: ${path.join(dir, 'queries.jsonl')} holds no query`,
      'add queries, one JSON object a line: {"_id": "q1", "text": "…"}',
    ]);
  });

  it('rejects a SQuAD file without questions, or without context text', async () => {
    const noQuestions = path.join(makeRoot(), 'none.json');
    fs.writeFileSync(noQuestions, squadJson([{ context: 'c', qas: [] }]));
    const noText = path.join(root, 'blank.json');
    fs.writeFileSync(noText, squadJson([{ context: '', qas: [{ id: 'q', question: 'c?', answers: [] }] }]));

    const [questions, text] = [await errorOf(loadDataset(noQuestions)), await errorOf(loadDataset(noText))];

    expect([questions.message, questions.hint]).toEqual([
      `nothing to measure: ${noQuestions} holds no question`,
      'add questions to the "qas" list of its paragraphs',
    ]);
    expect([text.message, text.hint]).toEqual([
      `nothing to measure: ${noText} holds no paragraph with text`,
      'give its paragraphs a "context" to search',
    ]);
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

  it('rejects a path through a file as not found, without an errno dump', async () => {
    const file = path.join(makeRoot(), 'dev.json');
    fs.writeFileSync(file, '{}');

    expect(await detailOf(loadDataset(path.join(file, 'corpus')))).toBe('not found (dev.json is a file, not a folder)');
  });
});
