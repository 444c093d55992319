// The peer pipeline: what a developer would build with the same stack in a
// few lines of LangChain.js. Files are read as text, split with
// RecursiveCharacterTextSplitter (footnote's default chunk size and overlap),
// embedded with footnote's own offline embedder wrapped as LangChain
// `Embeddings`, indexed with HNSWLib.fromDocuments and saved to disk.
// Usage: node bin/run-ts.js bench/peer/index-peer.ts CORPUS OUTDIR
// Prints one JSON line: { chunks, wallMs, maxRssBytes, startupMs }.
import fs from 'node:fs/promises';
import path from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import { Embeddings } from '@langchain/core/embeddings';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { DEFAULT_CHUNK_OVERLAP_CHARS, DEFAULT_CHUNK_SIZE_CHARS } from '../../src/config/config-schema.js';
import { LocalEmbedder } from '../../src/embed/local-embedder.js';

/** footnote's LocalEmbedder behind the peer's own copy of LangChain's `Embeddings` base class. */
class FootnoteLocalEmbeddings extends Embeddings {
  readonly #local = new LocalEmbedder();

  constructor() {
    super({});
  }

  override embedDocuments(texts: string[]): Promise<number[][]> {
    return this.#local.embedDocuments(texts);
  }

  override embedQuery(text: string): Promise<number[]> {
    return this.#local.embedQuery(text);
  }
}

/** What the peer child prints (same fields as footnote's index child where they overlap). */
export interface PeerChildResult {
  files: number;
  chunks: number;
  wallMs: number;
  maxRssBytes: number;
  startupMs: number;
  /** User + system CPU time of the run, all threads, in milliseconds. */
  cpuMs: number;
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function runPeer(): Promise<void> {
  const [corpus, outDir] = process.argv.slice(2);
  if (!corpus || !outDir) throw new Error('usage: index-peer.ts CORPUS OUTDIR');
  const startupMs = performance.now();
  const cpuBefore = process.cpuUsage();
  const files = await listFiles(corpus);
  const documents = await Promise.all(
    files.map(async (file) =>
      new Document({ pageContent: await fs.readFile(file, 'utf8'), metadata: { source: path.relative(corpus, file) } })),
  );
  const splitter = new RecursiveCharacterTextSplitter({
    chunkSize: DEFAULT_CHUNK_SIZE_CHARS,
    chunkOverlap: DEFAULT_CHUNK_OVERLAP_CHARS,
  });
  const chunks = await splitter.splitDocuments(documents);
  const store = await HNSWLib.fromDocuments(chunks, new FootnoteLocalEmbeddings());
  await store.save(outDir);
  const result: PeerChildResult = {
    files: files.length,
    chunks: chunks.length,
    wallMs: performance.now() - startupMs,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    startupMs,
    cpuMs: (process.cpuUsage(cpuBefore).user + process.cpuUsage(cpuBefore).system) / 1000,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await runPeer();
