import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config/config-schema.js';
import { createEmbedder } from '../embed/create-embedder.js';
import { formatEmbedderIdentity, type Embedder } from '../embed/embedder.js';
import { createFootnote, openaiOptions } from '../footnote.js';
import type { Footnote } from '../footnote-types.js';
import type { IngestReport } from '../ingest/ingest-report.js';
import { createRecordSource } from '../ingest/record-source.js';
import type { RetrievalSettings } from '../retrieve/retrieve-passages.js';
import type { DocumentSource } from '../ingest/document-source.js';
import type { EvalDataset } from './datasets/eval-dataset.js';
import { createProgressSteps, type EvalProgress } from './eval-report.js';

/** Options for {@link prepareEvalIndex}. */
export interface PrepareEvalIndexOptions {
  /** Provider and chunking settings; its `index` folder is ignored (a temporary one is used). */
  config: Config;
  /** Replaces the provider's embedder (tests pass a fake). */
  embedder?: Embedder;
  signal?: AbortSignal;
}

/** How a facade opened on an {@link EvalIndex} retrieves and answers. */
export interface EvalFootnoteOptions {
  retrieval?: RetrievalSettings;
  /** Caps the sentences of extractive answers. */
  maxSentences?: number;
}

/**
 * A dataset indexed into a temporary folder, to evaluate many retrieval or
 * answer variants on without indexing again. Call `close()` when done: it
 * deletes the folder.
 */
export interface EvalIndex {
  /** The config with `index` pointing at the temporary folder. */
  config: Config;
  embedder: Embedder;
  /** `id@version/dimensions` of the embedder. */
  embedderName: string;
  records: number;
  /** Chunks in the index. */
  chunks: number;
  /** Wall time of the index run, in seconds. */
  indexSeconds: number;
  /** A new facade over the index with these settings; close it when done. */
  open(options?: EvalFootnoteOptions): Footnote;
  /** Deletes the temporary folder; safe to call twice. */
  close(): void;
}

/**
 * Indexes a dataset's records into a fresh folder under the system temp folder,
 * through the same pipeline as `footnote index` (chunker, embedder, store), and
 * never the user's own index. The folder is removed again if indexing fails.
 *
 * @example
 * const index = yield* prepareEvalIndex(dataset, { config });
 * try { … evaluateRetrieval(index, dataset, { settings }) … } finally { index.close(); }
 */
export async function* prepareEvalIndex(
  dataset: EvalDataset,
  options: PrepareEvalIndexOptions,
): AsyncGenerator<EvalProgress, EvalIndex> {
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-eval-'));
  const removeFolder = () => fs.rmSync(indexDir, { recursive: true, force: true });
  // `finally`, not `catch`: a consumer that stops iterating early must not leak the folder either.
  let prepared = false;
  try {
    const config: Config = { ...options.config, index: indexDir };
    const embedder =
      options.embedder ??
      (await createEmbedder(config.provider, { openai: openaiOptions(config), signal: options.signal }));
    const source = createRecordSource(dataset.records);
    const writer = createFootnote(config, { embedder, source });
    const startedAt = performance.now();
    const report = yield* ingestWithProgress(writer, dataset.records.length, options.signal);
    const indexSeconds = (performance.now() - startedAt) / 1000;
    writer.close();
    prepared = true;
    return {
      config,
      embedder,
      embedderName: formatEmbedderIdentity(embedder.identity),
      records: dataset.records.length,
      chunks: report.chunks,
      indexSeconds,
      open: (footnoteOptions = {}) => openFootnote(config, embedder, source, footnoteOptions),
      close: removeFolder,
    };
  } finally {
    if (!prepared) removeFolder();
  }
}

function openFootnote(
  config: Config,
  embedder: Embedder,
  source: DocumentSource,
  options: EvalFootnoteOptions,
): Footnote {
  return createFootnote(config, {
    embedder,
    source,
    retrieval: options.retrieval,
    maxSentences: options.maxSentences,
  });
}

/** Runs the index and turns its events into throttled `index` progress over records. */
async function* ingestWithProgress(
  footnote: Footnote,
  records: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<EvalProgress, IngestReport> {
  const progress = createProgressSteps('index', records);
  const run = footnote.ingest({ signal });
  let done = 0;
  yield { type: 'eval-progress', phase: 'index', done, total: records };
  for (;;) {
    const step = await run.next();
    if (step.done) return step.value;
    const event = step.value;
    if (event.type === 'file-indexed' || event.type === 'file-skipped') {
      done += 1;
      const update = progress(done);
      if (update) yield update;
    }
  }
}
