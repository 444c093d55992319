import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSquadDataset } from '../../../src/eval/datasets/squad.js';
import { FootnoteError } from '../../../src/shared/errors.js';

const tempDirs: string[] = [];

afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function writeFile(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-squad-'));
  tempDirs.push(dir);
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const twoArticles = {
  version: '1.1',
  data: [
    {
      title: 'Super_Bowl_50',
      paragraphs: [
        {
          context: 'Denver beat Carolina.',
          qas: [
            {
              id: 'q-a',
              question: 'Who won?',
              answers: [
                { answer_start: 0, text: 'Denver' },
                { answer_start: 0, text: 'Denver' },
                { answer_start: 0, text: 'Denver beat' },
              ],
            },
          ],
        },
        { context: 'It was in Santa Clara.', qas: [] },
      ],
    },
    {
      title: 'Oxygen',
      paragraphs: [
        {
          context: 'Oxygen is element 8.',
          qas: [
            { id: 'q-b', question: 'Which element is 8?', answers: [{ answer_start: 0, text: 'Oxygen' }] },
            { id: 'q-c', question: 'What number?', answers: [{ answer_start: 18, text: '8' }] },
          ],
        },
      ],
    },
  ],
};

describe('loadSquadDataset', () => {
  it('makes each paragraph a record and each question a query relevant to its paragraph', async () => {
    const file = writeFile('dev-tiny.json', JSON.stringify(twoArticles));

    const dataset = await loadSquadDataset(file);

    expect(dataset).toEqual({
      name: 'dev-tiny',
      kind: 'squad',
      records: [
        { id: '0-0', title: 'Super Bowl 50', text: 'Denver beat Carolina.' },
        { id: '0-1', title: 'Super Bowl 50', text: 'It was in Santa Clara.' },
        { id: '1-0', title: 'Oxygen', text: 'Oxygen is element 8.' },
      ],
      queries: [
        { id: 'q-a', text: 'Who won?', relevant: new Map([['0-0', 1]]), answers: ['Denver', 'Denver beat'] },
        { id: 'q-b', text: 'Which element is 8?', relevant: new Map([['1-0', 1]]), answers: ['Oxygen'] },
        { id: 'q-c', text: 'What number?', relevant: new Map([['1-0', 1]]), answers: ['8'] },
      ],
    });
  });

  it('accepts the extra ids and version string of CMRC 2018', async () => {
    const cmrc = {
      version: 'v1.0',
      data: [
        {
          id: 'TRIAL_800',
          title: '泡泡战士',
          paragraphs: [
            {
              id: 'TRIAL_800',
              context: '若水泡未在时间内踢爆。',
              qas: [{ question: '叫什么？', id: 'TRIAL_800_QUERY_0', answers: [{ text: '踢爆', answer_start: 7 }] }],
            },
          ],
        },
      ],
    };
    const file = writeFile('cmrc2018_trial.json', JSON.stringify(cmrc));

    const dataset = await loadSquadDataset(file);

    expect(dataset.records).toEqual([{ id: '0-0', title: '泡泡战士', text: '若水泡未在时间内踢爆。' }]);
    expect(dataset.queries.map((query) => [query.id, query.answers])).toEqual([['TRIAL_800_QUERY_0', ['踢爆']]]);
  });

  it('names the path of the first field that does not match the SQuAD shape', async () => {
    const broken = structuredClone(twoArticles) as { data: { paragraphs: { qas: { question: unknown }[] }[] }[] };
    const qa = broken.data[1]?.paragraphs[0]?.qas[1];
    if (qa === undefined) throw new Error('fixture changed');
    qa.question = 42;
    const file = writeFile('broken.json', JSON.stringify(broken));

    const error = await loadSquadDataset(file).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(FootnoteError);
    expect((error as FootnoteError).code).toBe('DATASET_INVALID');
    expect(String((error as FootnoteError).facts['detail'])).toMatch(/^data\[1\]\.paragraphs\[0\]\.qas\[1\]\.question: /);
  });

  it('reads a file that starts with a byte-order mark', async () => {
    const file = writeFile('bom.json', `\uFEFF${JSON.stringify(twoArticles)}`);

    const dataset = await loadSquadDataset(file);

    expect(dataset.queries.map((query) => query.id)).toEqual(['q-a', 'q-b', 'q-c']);
  });

  it('reports a file that is not JSON', async () => {
    const file = writeFile('bad.json', '{"data": [');

    const error = await loadSquadDataset(file).catch((caught: unknown) => caught);

    expect((error as FootnoteError).code).toBe('DATASET_INVALID');
    expect((error as FootnoteError).facts['path']).toBe(file);
    expect(String((error as FootnoteError).facts['detail'])).toMatch(/^invalid JSON/);
  });

  it('reports a missing file', async () => {
    const file = path.join(os.tmpdir(), 'footnote-no-such-dataset.json');

    const error = await loadSquadDataset(file).catch((caught: unknown) => caught);

    expect((error as FootnoteError).code).toBe('DATASET_INVALID');
    expect((error as FootnoteError).message).toBe(`cannot read dataset ${file}: not found`);
  });
});
