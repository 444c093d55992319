import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createFootnote } from '../../src/footnote.js';
import { hashBytes } from '../../src/ingest/document-source.js';
import { withFileTitle } from '../../src/ingest/file-title.js';
import { CHUNKER_VERSION } from '../../src/ingest/run-ingest.js';
import { DEFAULT_RETRIEVAL } from '../../src/retrieve/retrieve-passages.js';
import type { LoadedDocument } from '../../src/shared/types.js';
import { DATABASE_FILE_NAME } from '../../src/store/database.js';
import { FakeEmbedder } from '../helpers/fake-embedder.js';
import { createTempCorpus, type TempCorpus } from '../helpers/temp-corpus.js';
import { drain, makeTestConfig } from '../helpers/test-config.js';

const document = (source: string, format: LoadedDocument['format'], text: string): LoadedDocument =>
  ({ source, format, text, pageOffsets: null });

describe('withFileTitle', () => {
  it('titles a document without a title by its file name', () => {
    expect(withFileTitle(document('reports/2024-q3-report.pdf', 'pdf', 'Churn fell.')).title).toBe('2024 q3 report');
    expect(withFileTitle(document('libtasn1.txt', 'text', 'Run make.')).title).toBe('libtasn1');
  });

  it('keeps a title of the document its own', () => {
    const page = { ...document('page.html', 'html', 'Body'), title: 'Opening hours' };
    expect(withFileTitle(page).title).toBe('Opening hours');
  });

  it('leaves a Markdown file whose one H1 is its first heading to that heading', () => {
    expect(withFileTitle(document('guide.md', 'markdown', '# Harbor\n\n## Install\n\nRun it.')).title).toBeUndefined();
    expect(withFileTitle(document('guide.md', 'markdown', 'Harbor\n======\n\nRun it.')).title).toBeUndefined();
  });

  it('takes a Markdown file\'s title from its front matter when no single H1 opens it', () => {
    expect(withFileTitle(document('guide.md', 'markdown', '---\ntitle: Harbor guide\n---\n\nRun it.')).title).toBe('Harbor guide');
    expect(withFileTitle(document('guide.md', 'markdown', '---\ntitle: "Harbor: a guide"\n---\n## Install')).title).toBe(
      'Harbor: a guide',
    );
    expect(withFileTitle(document('guide.md', 'markdown', '---\ntitle: Harbor guide\n---\n# Harbor\n\nRun it.')).title)
      .toBeUndefined();
    expect(withFileTitle(document('guide.md', 'markdown', '---\ntitle: >\n  Harbor\n---\nRun it.')).title).toBe('guide');
    expect(withFileTitle(document('guide.md', 'markdown', 'Intro\n\n---\ntitle: No\n---\n')).title).toBe('guide');
  });

  it('titles a Markdown file by its name when no single H1 opens it', () => {
    expect(withFileTitle(document('guide.md', 'markdown', 'Run it.')).title).toBe('guide');
    expect(withFileTitle(document('guide.md', 'markdown', '## Install\n\n# Harbor')).title).toBe('guide');
    expect(withFileTitle(document('guide.md', 'markdown', '# Install\n\n# Usage')).title).toBe('guide');
  });

  it('gives no title when the name has no word', () => {
    expect(withFileTitle(document('scans/0001.txt', 'text', 'Page one.')).title).toBeUndefined();
  });
});

const paragraph = (topic: string) =>
  `The ${topic} paragraph explains how ${topic} works in practice, with enough words to stand alone as a passage of its own here.`;

let corpus: TempCorpus;
afterEach(() => corpus?.cleanup());

function setup(files: Record<string, string>) {
  corpus = createTempCorpus(files);
  const config = makeTestConfig(corpus.root, { chunkSize: 200, chunkOverlap: 0 });
  const embedder = new FakeEmbedder();
  return { config, embedder, footnote: createFootnote(config, { embedder }) };
}

describe('an index run and file titles', () => {
  it('searches and embeds a text file\'s passages under its file title', async () => {
    const { footnote, embedder } = setup({
      'reports/2024-q3-report.txt': `${paragraph('churn')}\n\n${paragraph('pricing')}`,
      'steps.md': `## Install\n\n${paragraph('setup')}`,
      'scans/0001.txt': paragraph('scan'),
    });
    await drain(footnote.ingest());
    expect(embedder.calls.flat().sort()).toEqual([
      `2024 q3 report\n\n${paragraph('churn')}`,
      `2024 q3 report\n\n${paragraph('pricing')}`,
      paragraph('scan'),
      `steps › Install\n\n## Install\n\n${paragraph('setup')}`,
    ]);
    const passages = await footnote.retrieve('2024 q3 report pricing', { k: 1 });
    expect(passages.map((passage) => [passage.source, passage.title, passage.text])).toEqual([
      ['reports/2024-q3-report.txt', '2024 q3 report', paragraph('pricing')],
    ]);
    footnote.close();
  });

  it('ranks first, by keywords alone, the file a question names over one that mentions its words once', async () => {
    const { config } = setup({
      'reports/2024-q3-report.txt': 'Churn fell to two percent this quarter as annual renewals grew.',
      'notes.txt': 'The report on churn is due in March, after the board meeting.',
    });
    const keywordOnly = createFootnote(config, {
      embedder: new FakeEmbedder(),
      retrieval: { ...DEFAULT_RETRIEVAL, mode: 'keyword' },
    });
    await drain(keywordOnly.ingest());
    const passages = await keywordOnly.retrieve('What does the q3 report say about churn?');
    expect(passages.map((passage) => passage.source)).toEqual(['reports/2024-q3-report.txt', 'notes.txt']);
    keywordOnly.close();
  });
});

/**
 * Turns the index into one chunker version 4 wrote: files without a title of
 * their own had none, so their passages were searched and embedded without one.
 */
function downgradeToChunker4(indexDir: string, untitled: string, text: string): void {
  const db = new Database(path.join(indexDir, DATABASE_FILE_NAME));
  try {
    db.prepare('UPDATE files SET title = NULL WHERE path = ?').run(untitled);
    const fileId = "(SELECT id FROM files WHERE path = ?)";
    db.prepare(`UPDATE chunks SET text_hash = ? WHERE file_id = ${fileId}`).run(hashBytes(text), untitled);
    db.prepare(`UPDATE chunks_fts SET title = '' WHERE rowid IN (SELECT id FROM chunks WHERE file_id = ${fileId})`).run(untitled);
    db.prepare("UPDATE meta SET value = replace(value, ?, '/v4') WHERE key = 'chunking'").run(`/v${CHUNKER_VERSION}`);
  } finally {
    db.close();
  }
}

describe('an index written by chunker version 4', () => {
  it('is re-chunked once, embedding again only the passages that gain a file title', async () => {
    const { config, embedder, footnote } = setup({
      'guide.md': `# Guide\n\n${paragraph('setup')}`,
      'notes.txt': paragraph('harbor'),
    });
    await drain(footnote.ingest());
    footnote.close();
    downgradeToChunker4(config.index, 'notes.txt', paragraph('harbor'));
    embedder.calls.length = 0;

    const upgraded = createFootnote(config, { embedder });
    try {
      expect(await upgraded.status()).toMatchObject({ stale: true, rechunk: true });
      const { value: report } = await drain(upgraded.ingest());
      expect(report).toMatchObject({ changed: 2, embeddingsComputed: 1, embeddingsReused: 1 });
      expect(embedder.calls.flat()).toEqual([`notes\n\n${paragraph('harbor')}`]);
      const [passage] = await upgraded.retrieve('notes harbor', { k: 1 });
      expect(passage).toMatchObject({ source: 'notes.txt', title: 'notes' });

      expect(await upgraded.status()).toMatchObject({ stale: false, rechunk: false });
      const { value: again } = await drain(upgraded.ingest());
      expect(again).toMatchObject({ changed: 0, unchanged: 2, embeddingsComputed: 0 });
    } finally {
      upgraded.close();
    }
  });
});
