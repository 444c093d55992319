import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/eval/datasets/load-dataset.js';

// The public datasets live beside the project, never inside it; the product must
// not need them, so these checks run only where they have been put in place.
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const sharedEvalDir = path.resolve(projectRoot, '../shared/eval');
const present = fs.existsSync(sharedEvalDir);
const suffix = present ? '' : ` (skipped: ${sharedEvalDir} not found)`;

describe.skipIf(!present)(`the public evaluation datasets${suffix}`, () => {
  it('loads BEIR SciFact with 5183 records and 300 judged test queries', async () => {
    const dataset = await loadDataset(path.join(sharedEvalDir, 'scifact'));

    expect([dataset.name, dataset.kind, dataset.records.length, dataset.queries.length]).toEqual([
      'scifact',
      'beir',
      5183,
      300,
    ]);
    const judgements = dataset.queries.reduce((total, query) => total + query.relevant.size, 0);
    expect(judgements).toBe(339);
    expect(dataset.queries[0]?.relevant).toEqual(new Map([['31715818', 1]]));
  });

  it('loads SQuAD v1.1 dev with 2067 records and 10570 queries', async () => {
    const dataset = await loadDataset(path.join(sharedEvalDir, 'squad', 'dev-v1.1.json'));

    expect([dataset.name, dataset.kind, dataset.records.length, dataset.queries.length]).toEqual([
      'dev-v1.1',
      'squad',
      2067,
      10570,
    ]);
    expect(dataset.records[0]?.title).toBe('Super Bowl 50');
    expect(dataset.queries[0]?.answers).toEqual(['Denver Broncos']);
  });

  it('loads the CMRC 2018 trial set with 256 records and 1002 queries', async () => {
    const dataset = await loadDataset(path.join(sharedEvalDir, 'cmrc2018', 'cmrc2018_trial.json'));

    expect([dataset.records.length, dataset.queries.length]).toEqual([256, 1002]);
  });
});
