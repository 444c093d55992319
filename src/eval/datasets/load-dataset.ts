import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { FootnoteError } from '../../shared/errors.js';
import { loadBeirDataset } from './beir.js';
import type { EvalDataset } from './eval-dataset.js';
import { describeFsError } from './read-json-lines.js';
import { loadSquadDataset } from './squad.js';

/** Options for {@link loadDataset}. */
export interface LoadDatasetOptions {
  /** BEIR qrels split (`qrels/<split>.tsv`); ignored for SQuAD. Default `test`. */
  split?: string;
  signal?: AbortSignal;
}

/**
 * Loads an evaluation dataset, choosing the format from what is on disk: a folder
 * holding `corpus.jsonl` is BEIR, a `.json` file is SQuAD v1.1 (CMRC 2018 too).
 *
 * @throws FootnoteError `DATASET_INVALID` when the path is missing or is neither format.
 * @example
 * const dataset = await loadDataset(argv.dir); // 'scifact' folder or 'dev-v1.1.json'
 */
export async function loadDataset(datasetPath: string, options: LoadDatasetOptions = {}): Promise<EvalDataset> {
  const kind = await detectFormat(datasetPath);
  if (kind === 'beir') return loadBeirDataset(datasetPath, options);
  return loadSquadDataset(datasetPath, { signal: options.signal });
}

async function detectFormat(datasetPath: string): Promise<EvalDataset['kind']> {
  const info = await statOrThrow(datasetPath);
  if (info.isDirectory()) {
    const corpus = await stat(path.join(datasetPath, 'corpus.jsonl')).catch(() => undefined);
    if (corpus?.isFile()) return 'beir';
    throw new FootnoteError('DATASET_INVALID', { path: datasetPath, detail: 'the folder has no corpus.jsonl' });
  }
  if (info.isFile() && path.extname(datasetPath).toLowerCase() === '.json') return 'squad';
  throw new FootnoteError('DATASET_INVALID', {
    path: datasetPath,
    detail: 'expected a BEIR folder or a .json file',
  });
}

async function statOrThrow(datasetPath: string): Promise<Stats> {
  try {
    return await stat(datasetPath);
  } catch (error) {
    throw new FootnoteError('DATASET_INVALID', { path: datasetPath, detail: describeFsError(error) }, { cause: error });
  }
}
