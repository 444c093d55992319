import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/config/config-schema.js';
import { createFootnote } from '../src/footnote.js';
import type { Footnote } from '../src/footnote-types.js';
import { DEFAULT_RETRIEVAL } from '../src/retrieve/retrieve-passages.js';
import { createTempCorpus, type TempCorpus } from './helpers/temp-corpus.js';
import { drain, makeTestConfig } from './helpers/test-config.js';
import { expectCitationsVerbatim } from './helpers/verify-citation.js';

/**
 * A guide whose Windows steps never say "Windows" or "install": only the
 * headings above them do. The paragraph after each heading is long enough
 * (with 200-character passages) that the steps start a passage of their own,
 * without the heading line in its text.
 */
const GUIDE = [
  '---',
  'title: Harbor setup notes',
  '---',
  '',
  '# Harbor guide',
  '',
  'Harbor keeps the logs of a small fleet of ships.',
  '',
  '## Install',
  '',
  '### Windows',
  '',
  'Close every other program first, because the setup wizard replaces shared files and waits for them to be released before it copies anything.',
  '',
  'Double-click setup.exe and accept the licence; the wizard then copies the files and adds a shortcut to the Start menu.',
  '',
  '### Linux',
  '',
  'Unpack the release tarball into the opt folder of your machine, then check that its checksum matches the one published beside it.',
  '',
  'Install the harbor package with apt install harbor, or link the unpacked binary into a folder on your PATH.',
  '',
  '```sh',
  '# Linux only: a shell comment, not a heading',
  'harbor --version',
  '```',
].join('\n');

const STEPS = 'Double-click setup.exe and accept the licence';
const LINUX_STEPS = 'Install the harbor package with apt install harbor';

let corpus: TempCorpus;
let footnote: Footnote;
let config: Config;

beforeAll(async () => {
  corpus = createTempCorpus({
    'guide.md': GUIDE,
    'ships.txt': 'The fleet sails at dawn.\n\nEach ship keeps its own log book, which the harbour master reads weekly.',
  });
  config = makeTestConfig(corpus.root, { chunkSize: 200, chunkOverlap: 0 });
  footnote = createFootnote(config);
  const { value: report } = await drain(footnote.ingest());
  expect(report.failed).toEqual([]);
});

afterAll(() => {
  footnote?.close();
  corpus?.cleanup();
});

describe('Markdown sections, end to end', () => {
  it('finds a passage that only its headings name, above one that shares a word of the question', async () => {
    const passages = await footnote.retrieve('How do I install on Windows?');
    const steps = passages.findIndex((passage) => passage.text.startsWith(STEPS));
    const linux = passages.findIndex((passage) => passage.text.includes(LINUX_STEPS));
    expect(steps).toBeGreaterThanOrEqual(0);
    expect(passages[steps]?.text).not.toContain('Windows');
    expect(passages[steps]?.section).toBe('Harbor guide › Install › Windows');
    expect(linux === -1 || steps < linux).toBe(true);
  });

  it('answers from the steps and cites them with their section', async () => {
    const { value: answer } = await drain(footnote.ask('How do I install on Windows?'));
    expect(answer.abstained).toBe(false);
    const cited = answer.citations.find((citation) => citation.text.startsWith(STEPS));
    expect(cited).toMatchObject({ source: 'guide.md', section: 'Harbor guide › Install › Windows' });
    await expectCitationsVerbatim(corpus.root, answer);
  });

  it('finds the passage by meaning alone too: it is embedded under its headings', async () => {
    const vectorOnly = createFootnote(config, {
      retrieval: { ...DEFAULT_RETRIEVAL, mode: 'vector' },
    });
    try {
      // The steps share no word with the question; the Linux ones say "install" twice.
      const passages = await vectorOnly.retrieve('Windows install', { k: 10 });
      const steps = passages.findIndex((passage) => passage.text.startsWith(STEPS));
      const linux = passages.findIndex((passage) => passage.text.includes(LINUX_STEPS));
      expect(steps).toBeGreaterThanOrEqual(0);
      expect(linux === -1 || steps < linux).toBe(true);
    } finally {
      vectorOnly.close();
    }
  });

  it('reads no heading in fenced code', async () => {
    const passages = await footnote.retrieve('harbor version shell comment');
    const code = passages.find((passage) => passage.text.includes('harbor --version'));
    expect(code?.section).toBe('Harbor guide › Install › Linux');
  });

  it('gives passages of other formats no section', async () => {
    const passages = await footnote.retrieve('ship log book');
    expect(passages.find((passage) => passage.source === 'ships.txt')?.section).toBeNull();
  });
});
