import { afterEach, describe, expect, it } from 'vitest';
import { createFootnote } from '../../src/footnote.js';
import { hashBytes } from '../../src/ingest/document-source.js';
import { embeddingInput } from '../../src/ingest/embedding-input.js';
import { CHUNKER_VERSION } from '../../src/ingest/run-ingest.js';
import { DEFAULT_RETRIEVAL } from '../../src/retrieve/retrieve-passages.js';
import type { Config } from '../../src/config/config-schema.js';
import { passageHeading } from '../../src/shared/passage-heading.js';
import { analyzePassage } from '../../src/store/analyze-passage.js';
import { ChunkRepository } from '../../src/store/chunk-repository.js';
import { openDatabase } from '../../src/store/database.js';
import { FakeEmbedder } from '../helpers/fake-embedder.js';
import { createTempCorpus, type TempCorpus } from '../helpers/temp-corpus.js';
import { drain, makeTestConfig } from '../helpers/test-config.js';

const URL = 'https://github.com/acme/harbor/commit/abc1234';
const FIX = `- Fix the reader ([abc1234](${URL})).`;
const FILES = {
  'CHANGELOG.md': `# Changelog\n\n${FIX}`,
  'README.md': '# Guide\n\nThe harbor client talks to the harbor server.',
};

let corpus: TempCorpus;
afterEach(() => corpus?.cleanup());

function setup(embedder: FakeEmbedder) {
  corpus = createTempCorpus(FILES);
  const config = makeTestConfig(corpus.root, { chunkSize: 200, chunkOverlap: 0 });
  return { config, footnote: createFootnote(config, { embedder }) };
}

/** Sources of the passages keyword search finds for `question`. */
async function keywordSources(config: Config, embedder: FakeEmbedder, question: string): Promise<string[]> {
  const keywordOnly = createFootnote(config, { embedder, retrieval: { ...DEFAULT_RETRIEVAL, mode: 'keyword' } });
  try {
    return (await keywordOnly.retrieve(question)).map((passage) => passage.source);
  } finally {
    keywordOnly.close();
  }
}

describe('an index run and Markdown links', () => {
  it('searches a Markdown passage by its link text, not by its link target', async () => {
    const embedder = new FakeEmbedder({ lexical: true });
    const { config, footnote } = setup(embedder);
    await drain(footnote.ingest());
    footnote.close();
    expect(await keywordSources(config, embedder, 'harbor')).toEqual(['README.md']);
    expect(await keywordSources(config, embedder, 'reader')).toEqual(['CHANGELOG.md']);
  });

  it('gives a lexical embedder the visible text and a server\'s model the passage as written', async () => {
    const lexical = new FakeEmbedder({ lexical: true });
    await drain(setup(lexical).footnote.ingest());
    expect(lexical.calls.flat()).toContain(`Changelog\n\n# Changelog\n\n- Fix the reader ([abc1234](${' '.repeat(URL.length)})).`);
    corpus.cleanup();
    const server = new FakeEmbedder();
    await drain(setup(server).footnote.ingest());
    expect(server.calls.flat()).toContain(`Changelog\n\n# Changelog\n\n${FIX}`);
  });
});

/**
 * Turns the index into one chunker version 6 wrote: Markdown searched and
 * embedded with its link targets, as plain text is.
 */
function downgradeToChunker6(indexDir: string): void {
  const db = openDatabase(indexDir);
  try {
    const repo = new ChunkRepository(db);
    for (const file of repo.listFiles()) {
      const ids = db.prepare<[number], { id: number }>('SELECT id FROM chunks WHERE file_id = ?').all(file.id).map((row) => row.id);
      const embeddings = repo.getEmbeddings(ids);
      const chunks = repo.getChunks(ids).map((chunk) => {
        const heading = passageHeading(chunk);
        return {
          chunk,
          textHash: hashBytes(embeddingInput(heading, chunk.text)),
          embedding: embeddings.get(chunk.id)!,
          analysis: analyzePassage({ title: heading, text: chunk.text, format: 'text' }),
        };
      });
      repo.replaceFile(file, chunks);
    }
    repo.setMeta('chunking', repo.getMeta('chunking')!.replace(`/v${CHUNKER_VERSION}`, '/v6'));
  } finally {
    db.close();
  }
}

describe('an index written by chunker version 6', () => {
  it('is re-chunked once, so its Markdown is searched by visible text, embedding again only the linked passage', async () => {
    const embedder = new FakeEmbedder({ lexical: true });
    const { config, footnote } = setup(embedder);
    await drain(footnote.ingest());
    footnote.close();
    downgradeToChunker6(config.index);
    expect(await keywordSources(config, embedder, 'harbor')).toEqual(['README.md', 'CHANGELOG.md']);
    embedder.calls.length = 0;

    const upgraded = createFootnote(config, { embedder });
    try {
      expect(await upgraded.status()).toMatchObject({ stale: true, rechunk: true });
      const { value: report } = await drain(upgraded.ingest());
      expect(report).toMatchObject({ changed: 2, embeddingsComputed: 1, embeddingsReused: 1 });
      expect(await keywordSources(config, embedder, 'harbor')).toEqual(['README.md']);
      expect(await upgraded.status()).toMatchObject({ stale: false, rechunk: false });
    } finally {
      upgraded.close();
    }
  });
});
