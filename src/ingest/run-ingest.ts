import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { chunkDocument } from '../chunk/chunk-document.js';
import type { ChunkingOptions } from '../config/config-schema.js';
import { formatEmbedderIdentity, type Embedder } from '../embed/embedder.js';
import { LocalEmbedder } from '../embed/local-embedder.js';
import type { PassageAnalysis } from '../store/analyze-passage.js';
import type Database from 'better-sqlite3';
import { ChunkRepository, type NewChunk } from '../store/chunk-repository.js';
import { openDatabase } from '../store/database.js';
import { assertTokenizerVersion, recordTokenizerVersion } from '../store/tokenizer-version.js';
import { acquireIndexLock } from '../store/index-lock.js';
import {
  chooseVectorsKind,
  countJournal,
  fitsFlat,
  isFlat,
  markVectorsClean,
  markVectorsDirty,
  markVectorsFlat,
  openVectorIndex,
  rebuildVectors,
  vectorsFileName,
  vectorsKind,
  vectorsNeedSaving,
  type WritableVectors,
} from '../store/index-state.js';
import type { SearchableVectors } from '../store/vector-index.js';
import { VectorIndexBuilder } from '../store/vector-index-builder.js';
import { FootnoteError, throwIfAborted } from '../shared/errors.js';
import { makeFolders } from '../shared/make-folders.js';
import { passageHeading } from '../shared/passage-heading.js';
import type { LoadedDocument, SkippedFile } from '../shared/types.js';
import { hashBytes, type DocumentSource } from './document-source.js';
import { embedChunks, type EmbeddedBatch } from './embed-chunks.js';
import { embeddedText, embeddingInput } from './embedding-input.js';
import type { IngestEvent, IngestReport } from './ingest-report.js';
import { isOutdatedIndex } from './outdated-index.js';
import { planChanges, type ListedDocument } from './plan-changes.js';
import { asIndexedDocuments, readSkippedFiles, writeSkippedFiles } from './skipped-files.js';
import { swapInStagedIndex } from './swap-staged-index.js';
import { TextWorker } from './text-worker-client.js';

/** Chunks embedded per embedder call; large enough for OpenAI's batching, small enough to keep the UI live. */
const EMBED_BATCH_CHUNKS = 256;

/** Vectors waiting for the graph worker beyond which a batch's text work is not offloaded (four batches' worth). */
const GRAPH_BACKLOG_LIMIT = 4 * EMBED_BATCH_CHUNKS;

/**
 * Longest stretch of synchronous work (SQLite writes, hnswlib inserts) before
 * the run lets the event loop turn, so the chat redraws its progress and hears
 * Ctrl+C. Yielding only once per batch stalled the chat for up to 1.3 s on a
 * 5,000-file corpus (hnswlib inserts of 256 chunks: ~0.5-0.8 s).
 */
const MAX_BUSY_MS = 16;

/**
 * A run with at least this many bytes to index embeds and tokenises on a
 * worker thread (see TextWorker), and if it starts from an empty vector index
 * it builds the graph on another (see VectorIndexBuilder). Below it, starting
 * a thread (~30 ms, more through tsx) costs more than it saves.
 */
const WORKER_MIN_BYTES = 512 * 1024;

/**
 * Most chunks a run may leave to the journal instead of saving the vector
 * file: every open scans journalled additions exactly (1,000 × 1,024
 * dimensions ≈ 1 ms a question) and reads their embeddings (≈ 4 MB). Beyond
 * it, or beyond the removals limit, the run loads, updates and saves the file.
 */
const JOURNAL_MAX_ADDED = 1_000;
/** Removals are cheap to apply (a flag per vector) but stay in the graph until a save compacts it. */
const JOURNAL_MAX_REMOVED = 10_000;
/** Removals beyond this share of the saved vectors go through a save, which compacts the graph (VectorIndex.needsCompaction). */
const COMPACTION_SHARE = 0.2;
/**
 * Share of the index's chunks an update must replace for the graph to be
 * built anew on the worker rather than changed in place.
 */
const REGRAPH_SHARE = 0.5;

/** Share of the flat limit below which an index with a graph drops it (see the run's `flat`). */
const GRAPH_TO_FLAT_SHARE = 0.75;

/** Journalled chunks inserted into the graph between yields to the event loop. */
const STAGED_INSERTS_PER_STEP = 16;

/** Where a run puts its vector changes: the graph in memory or on a worker, or nowhere (journal mode). */
interface VectorSink {
  add(id: number, vector: Float32Array): void;
  remove(id: number): void;
}

/** Journal mode's sink: the database records every change itself (see store/index-state.ts). */
const JOURNALLED: VectorSink = { add() {}, remove() {} };

/**
 * Bumped when the chunker's output changes for the same settings, so the next
 * run re-chunks every file (embeddings are reused by the hash of what was
 * embedded, so only chunks whose input changed cost embedder calls).
 * 3: Markdown chunks carry their section headings. 4: a chunk is embedded
 * under its heading (see embeddingInput), and PDF pages read as paragraphs
 * (see layout-pdf-page.ts), which a re-chunk re-reads. 5: a file without a
 * title of its own is titled by its name (see withFileTitle), and an HTML
 * page's text no longer repeats its `<title>`. 6: Markdown heading titles drop
 * badges, images and HTML tags (see cleanTitle in markdown-sections.ts). 7:
 * Markdown is searched, and embedded by the local embedder, by its visible
 * text: link targets are not its words (see searchableText). 8: HTML and
 * DOCX chunks carry the sections of their documents' headings, and chunks of
 * all three mark their heading lines (Chunk.headings). 9: inline HTML tags in Markdown are
 * searched by their text and `alt` only, not tag names and attribute values
 * (see searchableText).
 */
export const CHUNKER_VERSION = '9';

/** How an index records the chunking that made it (meta `chunking`): a change re-chunks every file. */
export function chunkingName(chunking: ChunkingOptions): string {
  return `${chunking.chunkSize}/${chunking.chunkOverlap}/v${CHUNKER_VERSION}`;
}

/** True when the index was cut with other chunk settings or by another chunker version (none recorded: not yet cut). */
export function isChunkedOtherwise(repo: ChunkRepository, chunking: ChunkingOptions): boolean {
  const indexed = repo.getMeta('chunking');
  return indexed !== null && indexed !== chunkingName(chunking);
}

/** What an index run works with. */
export interface IngestSettings {
  indexDir: string;
  source: DocumentSource;
  embedder: Embedder;
  chunking: ChunkingOptions;
  /** Overrides {@link WORKER_MIN_BYTES} (tests use 0 to take the worker paths on tiny corpora). */
  workerMinBytes?: number;
  /** Overrides FLAT_MAX_NUMBERS (tests use 0 to take the vector file's paths on tiny corpora). */
  flatMaxNumbers?: number;
  /** Overrides SCAN_MAX_NUMBERS (tests use 0 to take the graph's paths with the local embedder). */
  scanMaxNumbers?: number;
}

/** A batch of files whose embeddings and store tokenisation are under way. */
interface PreparedBatch {
  files: PendingFile[];
  ready: Promise<[EmbeddedBatch, PassageAnalysis[] | null]>;
}

interface PendingFile {
  listed: ListedDocument;
  hash: string;
  document: LoadedDocument;
  writes: PendingChunk[];
}

/** A chunk waiting for its embedding, with what it sits under and the text its embedding is of. */
type PendingChunk = Omit<NewChunk, 'embedding'> & { heading: string | null; embeddingInput: string };

/**
 * Brings the index in line with the documents: chunks and embeds only added and
 * changed documents, reuses embeddings of identical chunk text, and removes
 * deleted documents from SQLite, FTS and the vector index.
 *
 * Crash safety: every file's chunks are committed in one SQLite transaction and
 * the vector file is replaced by rename, so a killed run leaves an index that
 * answers (see store/index-state.ts) and the next run finishes the work. With
 * `full`, the new index is built beside the old one and swapped in at the end.
 */
export async function* runIngest(
  settings: IngestSettings,
  options: { full?: boolean; signal?: AbortSignal } = {},
): AsyncGenerator<IngestEvent, IngestReport> {
  const startedAt = performance.now();
  createIndexFolder(settings.indexDir);
  const lock = acquireIndexLock(settings.indexDir);
  try {
    removeAbandonedStaging(settings.indexDir);
    // Read once: whether an outdated index forces a full run, and, in one,
    // the embeddings it can lend the new index.
    const previous = openPreviousIndex(settings.indexDir);
    const stagingDir = path.join(settings.indexDir, `.staging-${process.pid}`);
    try {
      if (!options.full && !(previous !== null && isOutdatedIndex(previous, settings.embedder.identity))) {
        previous?.close();
        return yield* updateIndex(settings.indexDir, settings, options.signal, false, startedAt);
      }
      fs.rmSync(stagingDir, { recursive: true, force: true });
      const report = yield* updateIndex(stagingDir, settings, options.signal, true, startedAt, previous);
      previous?.close();
      swapInStagedIndex(stagingDir, settings.indexDir);
      return report;
    } finally {
      previous?.close();
      fs.rmSync(stagingDir, { recursive: true, force: true });
    }
  } finally {
    lock.release();
  }
}

function createIndexFolder(indexDir: string): void {
  try {
    makeFolders(indexDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new FootnoteError('INDEX_UNWRITABLE', { path: indexDir, detail: code }, { cause: error });
  }
  // `--index notes.txt` (a slip for --corpus) would otherwise fail on the lock
  // file inside it with a bare ENOTDIR, reported as a bug.
  if (!fs.statSync(indexDir).isDirectory()) {
    throw new FootnoteError('INDEX_UNWRITABLE', { path: indexDir, detail: 'it is a file, not a folder' });
  }
}

/**
 * The index in the folder, read-only: to tell whether it is outdated, and for
 * the full run that replaces it, so chunks whose text is unchanged keep their
 * embeddings (the embedder is the slow part with a
 * remote provider). Null when there is none or it cannot be read: a full
 * rebuild is also the cure for a broken index.
 */
function openPreviousIndex(indexDir: string): ChunkRepository & { close(): void } | null {
  let db: Database.Database;
  try {
    db = openDatabase(indexDir, { readonly: true });
  } catch {
    return null;
  }
  return Object.assign(new ChunkRepository(db), { close: () => db.open && db.close() });
}

/** A `--full` run killed before its swap leaves a staging folder; holding the lock, nobody else can be using one. */
function removeAbandonedStaging(indexDir: string): void {
  for (const entry of fs.readdirSync(indexDir)) {
    if (entry.startsWith('.staging-')) fs.rmSync(path.join(indexDir, entry), { recursive: true, force: true });
  }
}

async function* updateIndex(
  targetDir: string,
  settings: IngestSettings,
  signal: AbortSignal | undefined,
  full: boolean,
  startedAt: number,
  previous: ChunkRepository | null = null,
): AsyncGenerator<IngestEvent, IngestReport> {
  const { embedder, source } = settings;
  const listed = await source.list(signal);
  const db = openDatabase(targetDir, { create: true });
  let builder: VectorIndexBuilder | null = null;
  let textWorker: TextWorker | null = null;
  /** The vector file this run loaded or rebuilt; its helper thread, if loading started one, ends with the run. */
  let openedVectors: WritableVectors | null = null;
  try {
    const repo = new ChunkRepository(db);
    const embedderName = formatEmbedderIdentity(embedder.identity);
    const indexedEmbedder = repo.getMeta('embedder');
    if (indexedEmbedder !== null && indexedEmbedder !== embedderName && repo.counts().chunks > 0) {
      throw new FootnoteError('EMBEDDER_MISMATCH', { indexed: indexedEmbedder, current: embedderName });
    }
    assertTokenizerVersion(repo);
    repo.fillMissingSentenceTerms();
    const chunking = chunkingName(settings.chunking);
    // Embeddings of the index being replaced are only as good as its embedder.
    const reusable = previous?.getMeta('embedder') === embedderName ? previous : null;
    const rechunkAll = isChunkedOtherwise(repo, settings.chunking);

    const indexed = repo.listFiles();
    const skippedBefore = readSkippedFiles(repo);
    const plan = planChanges(listed, [...indexed, ...asIndexedDocuments(skippedBefore)], {
      rehashAll: rechunkAll,
    });
    const indexedHash = new Map(indexed.map((file) => [file.path, file.hash]));
    const report: IngestReport = {
      added: 0, changed: 0, removed: 0, unchanged: 0, failed: [],
      chunks: 0, chunksWritten: 0, embeddingsComputed: 0, embeddingsReused: 0, full, seconds: 0,
    };
    // A file skipped as unreadable may have had only its permissions fixed,
    // which leaves its size and mtime as they were: it is tried again.
    const toIndex: ListedDocument[] = [...plan.added];
    for (const document of plan.unchanged) {
      const skipped = skippedBefore.get(document.source);
      if (skipped?.reason === 'unreadable' && await source.hash(document, signal).then(() => true, () => false)) {
        toIndex.push(document);
      } else if (skipped) report.failed.push({ source: skipped.source, reason: skipped.reason, detail: skipped.detail });
      else report.unchanged += 1;
    }

    // Suspects whose content hash is unchanged only need their new mtime recorded.
    for (const document of plan.suspect) {
      throwIfAborted(signal);
      const hash = rechunkAll ? null : await source.hash(document, signal).catch(() => null);
      if (hash !== null && hash === indexedHash.get(document.source)) {
        repo.touchFile(document.source, document.size, document.mtimeMs);
        report.unchanged += 1;
      } else toIndex.push(document);
    }
    yield { type: 'ingest-start', files: listed.length, toIndex: toIndex.length, full };

    const bytesToIndex = toIndex.reduce((sum, document) => sum + document.size, 0);
    const workerMinBytes = settings.workerMinBytes ?? WORKER_MIN_BYTES;
    const hasWork = toIndex.length > 0 || plan.removed.some((removed) => indexedHash.has(removed));
    // Journal mode: a small update leaves the vector file alone (see
    // store/index-state.ts); this run then never loads it either.
    const journal = hasWork ? countJournal(repo) : null;
    const replacedPaths = [...toIndex.map((document) => document.source), ...plan.removed];
    const replacedChunks = hasWork ? repo.countChunksOfPaths(replacedPaths) : 0;
    const newChunks = estimateChunks(bytesToIndex, settings.chunking);
    // A small index keeps no vector file (see FLAT_MAX_NUMBERS): the
    // database's embeddings are all there is, so this run only writes SQLite.
    // An index with a file turns flat only below 3/4 of the limit, so that a
    // corpus near it does not build its file anew on every other run.
    const wasFlat = isFlat(repo);
    const chunksBefore = repo.counts().chunks;
    const chunksAfter = chunksBefore - replacedChunks + newChunks;
    // Writing more than stays, the run counts terms once at its end: less
    // work than counting what it writes (term-passage-counts.ts).
    if (hasWork && newChunks > chunksBefore - replacedChunks && !repo.termCountsSuspended) repo.suspendTermCounts();
    const { dimensions } = embedder.identity;
    const flat = fitsFlat(
      wasFlat || chunksBefore === 0 ? chunksAfter : chunksAfter / GRAPH_TO_FLAT_SHARE,
      dimensions,
      settings.flatMaxNumbers,
    );
    // Past it, a scan file for the local embedder, a graph otherwise (see SCAN_MAX_NUMBERS).
    const kind = chooseVectorsKind(chunksAfter, dimensions, embedder.lexical === true, settings.scanMaxNumbers);
    const vectorsPath = path.join(targetDir, vectorsFileName(kind));
    const hasVectorFile = fs.existsSync(vectorsPath) && vectorsKind(repo) === kind;
    const journalOnly =
      !flat && journal !== null && hasVectorFile &&
      journal.added + newChunks <= JOURNAL_MAX_ADDED &&
      journal.removed + replacedChunks <= Math.min(JOURNAL_MAX_REMOVED, COMPACTION_SHARE * journal.saved);
    // An update that replaces most of the index builds a new file from the
    // chunks that stay and then the new ones, as a first run does (a graph
    // on the worker): inserting into the old graph ran on this thread, beside
    // as many deleted nodes (1,000 of 1,000 files changed: 12.9 s against 5.5 s).
    const liveChunks = hasWork && !journalOnly && !flat ? chunksBefore : 0;
    // So does an index with no file to update: a flat one that outgrew the
    // limit, or one whose file is gone, of the other kind, or was left dirty
    // by a killed run. Rebuilding a graph here would insert every chunk on
    // this thread: finishing a killed run that had written 16,388 chunks took
    // 18.0 s that way, 12.1 s on the worker. (liveChunks > 0 only when this run has work.)
    const rebuild = liveChunks > 0 &&
      (journal === null || !hasVectorFile ||
        (bytesToIndex >= workerMinBytes && replacedChunks >= REGRAPH_SHARE * liveChunks));
    const regraph = rebuild && kind === 'graph';
    // With no file to index, a vector file that is missing or dirty is still
    // this run's to save: otherwise every question would scan the database.
    openedVectors = flat ? null
      : rebuild && kind === 'scan' ? rebuildVectors('scan', dimensions, repo.embeddingsExceptPaths(replacedPaths))
      : (hasWork && !journalOnly && !regraph) || (!hasWork && vectorsNeedSaving(targetDir, repo, dimensions, kind))
        ? openVectorIndex(targetDir, repo, dimensions, { stageRest: true, kind }).index
        : null;
    const fresh = openedVectors !== null && openedVectors.size === 0 && openedVectors.deletedCount === 0;
    builder = regraph || (kind === 'graph' && fresh && bytesToIndex >= workerMinBytes)
      ? VectorIndexBuilder.start(dimensions, liveChunks - replacedChunks + newChunks)
      : null;
    if (regraph && builder !== null) {
      for (const { id, embedding } of repo.embeddingsExceptPaths(replacedPaths)) builder.add(id, embedding);
    }
    const vectors: VectorSink = builder ?? openedVectors ?? JOURNALLED;
    // The thread builds its own LocalEmbedder, so only that exact class can be
    // embedded there: a subclass might embed differently.
    const workerEmbeds = Object.getPrototypeOf(embedder) === LocalEmbedder.prototype;
    textWorker = bytesToIndex >= workerMinBytes
      ? TextWorker.start({ embedder: workerEmbeds ? (embedder as LocalEmbedder) : null })
      : null;
    if (flat && !wasFlat) markVectorsFlat(repo);
    else if (openedVectors !== null || builder !== null) markVectorsDirty(repo);
    repo.setMeta('embedder', embedderName);
    // Re-chunking keeps the old setting until every file is done, so that a
    // run stopped halfway is finished by the next one rather than forgotten.
    if (repo.getMeta('chunking') === null) repo.setMeta('chunking', chunking);
    recordTokenizerVersion(repo);

    const runCache = new Map<string, Float32Array>();
    let busySince = performance.now();
    const yieldWhenBusy = async (): Promise<void> => {
      if (performance.now() - busySince < MAX_BUSY_MS) return;
      await yieldToEventLoop();
      busySince = performance.now();
    };
    // Chunks journalled by earlier runs, or all of a graph rebuilt from the
    // database, go into the graph now, in steps that Ctrl+C can stop between,
    // since this run saves the file; save() would insert them in one blocking go.
    while (openedVectors !== null && openedVectors.insertStaged(STAGED_INSERTS_PER_STEP) > 0) {
      throwIfAborted(signal);
      await yieldWhenBusy();
    }
    let pending: PendingFile[] = [];
    let pendingChunks = 0;
    let done = 0;
    // With a text worker, a batch is embedded and tokenised there while this
    // thread reads and chunks the next one and writes the one before.
    let inFlight: PreparedBatch | null = null;

    const prepare = (files: PendingFile[]): PreparedBatch => {
      const writes = files.flatMap((file) => file.writes);
      // Three busy threads share two cores. When the graph falls behind, it
      // is what the run will wait for, so this batch's text work stays on this
      // thread and leaves the graph its core. Measured with the text worker
      // always on: 54 MB took 77 s against 64–70 s without it, while 5.4 MB
      // gained 9%; with this rule 5.4 MB keeps the gain (6.3 s against 6.9 s,
      // medians of 6) and 54 MB is level (69.5 s against 67.9 s).
      const offload = textWorker !== null && (builder === null || builder.backlog <= GRAPH_BACKLOG_LIMIT);
      const worker = offload ? textWorker : null;
      const analyses = worker?.analyze(files.flatMap((file) =>
        file.writes.map((write) => ({
          title: write.heading,
          text: write.chunk.text,
          format: file.document.format,
        })))) ??
        Promise.resolve(null);
      const embedded = embedChunks(
        writes.map((write) => write.embeddingInput),
        writes.map((write) => write.textHash),
        embedder,
        (hashes) => findKnownEmbeddings(hashes, repo, reusable),
        runCache,
        worker !== null && workerEmbeds ? (texts) => worker.embed(texts) : undefined,
        signal,
      );
      const ready = Promise.all([embedded, analyses]);
      // Awaited when the batch is written; a run that stops first must not leave it unhandled.
      ready.catch(() => {});
      return { files, ready };
    };

    async function* write(batch: PreparedBatch): AsyncGenerator<IngestEvent> {
      const [embedded, analyses] = await batch.ready;
      report.embeddingsComputed += embedded.computed;
      report.embeddingsReused += embedded.reused;
      let offset = 0;
      // No cancellation check inside the batch: its embeddings are paid for, so
      // every file in it is written and Ctrl+C keeps them; the next batch checks.
      const storeFile = (file: PendingFile) => {
        const chunks = file.writes.map((write, i) => ({
          ...write,
          embedding: embedded.vectors[offset + i] as Float32Array,
          ...(analyses === null ? {} : { analysis: analyses[offset + i] }),
        }));
        offset += chunks.length;
        const ids = repo.replaceFile(
          {
            path: file.listed.source,
            hash: file.hash,
            size: file.listed.size,
            mtimeMs: file.listed.mtimeMs,
            format: file.document.format,
            title: file.document.title ?? null,
          },
          chunks,
        );
        return { ...ids, chunks };
      };
      // A batch commits at once. A commit per file cost 30% of a 10,000-file
      // run (FTS5 writes a new segment at each), and the term counts add a
      // rewrite of their pages at each (term-passage-counts.ts): 1,000 files
      // took 3.5 s to index with per-file commits before them, 5.9 s after.
      // Each batch is still all or nothing, and a file's `file-indexed` event
      // still comes after its commit.
      const stored = repo.transaction(() => batch.files.map(storeFile));
      // Vectors go in after the commit, a file at a time with the event loop
      // turning between: 256 inserts into an opened graph take 0.5–0.8 s. The
      // vector file was marked dirty before the run wrote anything.
      for (const [i, file] of batch.files.entries()) {
        const { removedChunkIds, addedChunkIds, chunks } = stored[i]!;
        for (const id of removedChunkIds) vectors.remove(id);
        addedChunkIds.forEach((id, j) => vectors.add(id, chunks[j]!.embedding));
        if (indexedHash.has(file.listed.source)) report.changed += 1;
        else report.added += 1;
        report.chunksWritten += chunks.length;
        done += 1;
        yield { type: 'file-indexed', source: file.listed.source, chunks: chunks.length, done, total: toIndex.length };
        await yieldWhenBusy();
      }
      yield {
        type: 'embed-progress',
        done,
        total: toIndex.length,
        embeddingsComputed: report.embeddingsComputed,
        embeddingsReused: report.embeddingsReused,
      };
      await yieldToEventLoop();
      busySince = performance.now();
      throwIfAborted(signal);
    }

    async function* flush(): AsyncGenerator<IngestEvent> {
      const batch = prepare(pending);
      pending = [];
      pendingChunks = 0;
      const previous = inFlight;
      inFlight = textWorker === null ? null : batch;
      if (previous !== null) yield* write(previous);
      if (textWorker === null) yield* write(batch);
    }

    for (const document of toIndex) {
      throwIfAborted(signal);
      const read = await source.read(document, signal);
      if (read.outcome.kind === 'removed') {
        yield* recordRemoval(document.source);
        continue;
      }
      if (read.outcome.kind === 'skipped') {
        yield* recordFailure(read.outcome.skipped);
        continue;
      }
      const loaded = read.outcome.document;
      const chunks = chunkDocument(loaded, settings.chunking);
      pending.push({
        listed: document,
        hash: read.hash,
        document: loaded,
        writes: chunks.map((chunk) => {
          const heading = passageHeading({ title: loaded.title ?? null, section: chunk.section });
          const input = embeddingInput(heading, embeddedText(chunk.text, loaded.format, embedder));
          return { chunk, heading, embeddingInput: input, textHash: hashBytes(input) };
        }),
      });
      pendingChunks += chunks.length;
      if (pendingChunks >= EMBED_BATCH_CHUNKS) yield* flush();
    }
    if (pending.length > 0) yield* flush();
    if (inFlight !== null) {
      const last = inFlight;
      inFlight = null;
      yield* write(last);
    }
    // Removed files go last: until then their embeddings are there to be
    // reused, so a renamed or moved file is not sent to the embedder again.
    for (const removedPath of plan.removed) {
      throwIfAborted(signal);
      if (!indexedHash.has(removedPath)) continue; // a remembered skip that is gone
      for (const id of repo.removeFile(removedPath)) vectors.remove(id);
      report.removed += 1;
      yield { type: 'file-removed', source: removedPath };
    }

    // Also after a killed run that had suspended them, when this one has nothing to write.
    if (repo.termCountsSuspended) repo.rebuildTermCounts();
    if (builder !== null) {
      await builder.save(vectorsPath);
      markVectorsClean(repo, builder.size);
    } else if (openedVectors !== null) {
      const final = openedVectors.needsCompaction
        ? rebuildVectors(kind, dimensions, repo.allEmbeddings())
        : openedVectors;
      final.save(vectorsPath);
      markVectorsClean(repo, final.size, kind);
    } else if (flat) {
      markVectorsFlat(repo);
    }
    // The file of the kind not kept, from before the index changed kind.
    for (const other of ['graph', 'scan'] as const) {
      if (flat || (other !== kind && (builder !== null || openedVectors !== null))) {
        fs.rmSync(path.join(targetDir, vectorsFileName(other)), { force: true });
      }
    }
    writeSkippedFiles(repo, report.failed, new Map(listed.map((document) => [document.source, document])));
    repo.setMeta('chunking', chunking);
    report.chunks = repo.counts().chunks;
    report.seconds = (performance.now() - startedAt) / 1000;
    yield { type: 'ingest-end', report };
    return report;

    // A file deleted after the corpus was listed is removed as if the walk
    // had missed it; one that was never indexed leaves no trace.
    async function* recordRemoval(source: string): AsyncGenerator<IngestEvent> {
      done += 1;
      if (!indexedHash.has(source)) return;
      for (const id of repo.removeFile(source)) vectors.remove(id);
      report.removed += 1;
      yield { type: 'file-removed', source };
    }

    // A file that used to index but now fails loses its stale chunks: citing
    // lines that no longer say what was indexed would be worse than no answer.
    async function* recordFailure(skipped: SkippedFile): AsyncGenerator<IngestEvent> {
      report.failed.push(skipped);
      if (indexedHash.has(skipped.source)) {
        for (const id of repo.removeFile(skipped.source)) vectors.remove(id);
      }
      done += 1;
      yield { type: 'file-skipped', file: skipped };
    }
  } finally {
    await builder?.close();
    await textWorker?.close();
    (openedVectors as SearchableVectors | null)?.close?.();
    db.close();
  }
}

function findKnownEmbeddings(
  hashes: string[],
  repo: ChunkRepository,
  previous: ChunkRepository | null,
): Map<string, Float32Array> {
  const found = repo.findEmbeddings(hashes);
  if (previous === null) return found;
  const missing = hashes.filter((hash) => !found.has(hash));
  for (const [hash, vector] of previous.findEmbeddings(missing)) found.set(hash, vector);
  return found;
}

/** Roughly how many chunks `bytes` of text make: each chunk advances by its size less the overlap. */
function estimateChunks(bytes: number, chunking: ChunkingOptions): number {
  return (bytes / Math.max(1, chunking.chunkSize - chunking.chunkOverlap)) * 1.1;
}
