import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/chunk-document.js';
import { listMarkdownHeadings } from '../../src/chunk/markdown-sections.js';
import { createSectionFinder } from '../../src/chunk/section-trail.js';
import type { LoadedDocument } from '../../src/shared/types.js';

const headingsOf = (lines: string[]) =>
  listMarkdownHeadings(lines.join('\n')).map((heading) => [heading.level, heading.title]);

/** The section at the start of the line that reads `line`. */
function sectionAtLine(lines: string[], line: string): string | null {
  const text = lines.join('\n');
  const offset = text.indexOf(line);
  if (offset < 0) throw new Error(`no line ${line}`);
  const headings = listMarkdownHeadings(text).map(({ offset: start, level, title }) => ({ start, level, title }));
  return createSectionFinder(headings)(offset);
}

describe('listMarkdownHeadings', () => {
  it('reads ATX headings of every level and strips closing #s', () => {
    expect(headingsOf(['# One', '## Two ##', '###### Six #####', '#NoSpace', '####### Seven'])).toEqual([
      [1, 'One'],
      [2, 'Two'],
      [6, 'Six'],
    ]);
  });

  it('reads setext headings with = and - underlines', () => {
    expect(headingsOf(['Title', '=====', '', 'Part', '---', '', 'text'])).toEqual([
      [1, 'Title'],
      [2, 'Part'],
    ]);
  });

  it('takes --- after a blank line or a list item for a rule, not a heading', () => {
    expect(headingsOf(['text', '', '---', '', '- item', '---'])).toEqual([]);
  });

  it('ignores # lines inside ``` and ~~~ fences', () => {
    expect(
      headingsOf(['# Real', '```sh', '# a shell comment', '```', '~~~', '## not this', '```', '~~~', '## After']),
    ).toEqual([
      [1, 'Real'],
      [2, 'After'],
    ]);
  });

  it('treats an unclosed fence as running to the end', () => {
    expect(headingsOf(['# Real', '````', '# inside', '```', '# still inside'])).toEqual([[1, 'Real']]);
  });

  it('skips YAML front matter, whose --- is neither rule nor underline', () => {
    expect(headingsOf(['---', 'title: x', '# not a heading', '---', '# Body'])).toEqual([[1, 'Body']]);
  });

  it('shows links, code and emphasis in titles as plain text', () => {
    expect(headingsOf(['## The [`install`](install.md) **script**'])).toEqual([[2, 'The install script']]);
  });

  it('drops badges, images and HTML tags from titles', () => {
    expect(headingsOf([
      '# p-queue [![Build Status](https://travis-ci.com/x.svg?branch=master)](https://travis-ci.com/x) [![codecov](https://codecov.io/x.svg)](https://codecov.io/x)',
      '## <a name="setup"></a>Setup ![logo](logo.png)',
      '### `<Static>` and <br/>`<Box>`',
    ])).toEqual([[1, 'p-queue'], [2, 'Setup'], [3, '<Static> and <Box>']]);
  });

  it('gives each heading the offset of its first line, CRLF included', () => {
    const headings = listMarkdownHeadings('intro\r\n\r\n# A\r\nB\r\n---\r\n');
    expect(headings.map((heading) => [heading.offset, heading.title])).toEqual([
      [9, 'A'],
      [14, 'B'],
    ]);
  });
});

describe('createSectionFinder', () => {
  const GUIDE = [
    'Intro text.',
    '# Guide',
    '## Install',
    '### Windows',
    'Run the installer.',
    '### macOS',
    'Drag the app.',
    '## Usage',
    'Ask a question.',
    '#### Deep',
    'Deep text.',
  ];

  it('nests levels: a heading replaces its level and drops deeper ones', () => {
    expect(sectionAtLine(GUIDE, 'Run the installer.')).toBe('Guide › Install › Windows');
    expect(sectionAtLine(GUIDE, 'Drag the app.')).toBe('Guide › Install › macOS');
    expect(sectionAtLine(GUIDE, 'Ask a question.')).toBe('Guide › Usage');
    expect(sectionAtLine(GUIDE, 'Deep text.')).toBe('Guide › Usage › Deep');
  });

  it('is null before the first heading', () => {
    expect(sectionAtLine(GUIDE, 'Intro text.')).toBeNull();
  });

  it('counts a heading at the position itself', () => {
    expect(sectionAtLine(GUIDE, '### macOS')).toBe('Guide › Install › macOS');
  });
});

describe('chunkDocument sections', () => {
  const document = (format: LoadedDocument['format'], text: string): LoadedDocument => ({
    source: 'guide.md',
    format,
    text,
    pageOffsets: null,
  });
  const TEXT = ['# Install', '', 'Intro to installing.', '', '## Windows', '', 'Run the installer.'].join('\n');

  it('labels each Markdown chunk with the trail at its start, the chunk starting at a heading included', () => {
    const chunks = chunkDocument(document('markdown', TEXT), { chunkSize: 32, chunkOverlap: 0 });
    expect(chunks.map((chunk) => [chunk.text, chunk.section])).toEqual([
      ['# Install\n\nIntro to installing.', 'Install'],
      ['## Windows\n\nRun the installer.', 'Install › Windows'],
    ]);
  });

  it('leaves the text and positions of chunks as they were', () => {
    const options = { chunkSize: 32, chunkOverlap: 0 };
    const strip = (chunks: ReturnType<typeof chunkDocument>) => chunks.map(({ section: _, headings: __, ...rest }) => rest);
    expect(strip(chunkDocument(document('markdown', TEXT), options))).toEqual(
      strip(chunkDocument(document('text', TEXT), options)),
    );
  });

  it('gives chunks of other formats no section', () => {
    const chunks = chunkDocument(document('text', TEXT), { chunkSize: 32, chunkOverlap: 0 });
    expect(chunks.map((chunk) => chunk.section)).toEqual([null, null]);
  });

  it('labels HTML and DOCX chunks from the headings their loader listed, and marks the heading lines in each', () => {
    const text = 'Install\n\nIntro to installing.\n\nWindows\n\nRun the installer.';
    const html: LoadedDocument = {
      ...document('html', text),
      headings: [
        { start: 0, end: 7, level: 1, title: 'Install' },
        { start: 31, end: 38, level: 2, title: 'Windows' },
      ],
    };
    const chunks = chunkDocument(html, { chunkSize: 60, chunkOverlap: 0 });
    expect(chunks.map((chunk) => [chunk.text, chunk.section, chunk.headings])).toEqual([
      [text, 'Install', [
        { start: 0, end: 7, section: 'Install' },
        { start: 31, end: 38, section: 'Install › Windows' },
      ]],
    ]);
    const small = chunkDocument({ ...html, format: 'docx' }, { chunkSize: 30, chunkOverlap: 0 });
    expect(small.map((chunk) => [chunk.text, chunk.section, chunk.headings?.length])).toEqual([
      ['Install\n\nIntro to installing.', 'Install', 1],
      ['Windows\n\nRun the installer.', 'Install › Windows', 1],
    ]);
  });
});
