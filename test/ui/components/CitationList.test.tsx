import { Box } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { CitationList } from '../../../src/ui/components/CitationList.js';
import { makeCitation } from '../../helpers/fake-footnote.js';
import { cleanup, renderApp } from '../../helpers/render-app.js';

afterEach(() => {
  cleanup();
});

const citations = [1, 2, 3, 4].map((id) =>
  makeCitation({ id, source: `doc${id}.md`, startLine: id, endLine: id + 1, text: `quote ${id}` }),
);

describe('CitationList', () => {
  it('lists each citation with its location and quote', () => {
    const { lastFrame } = renderApp(<CitationList citations={citations.slice(0, 2)} />);
    expect(lastFrame()).toContain('[1] doc1.md:1-2');
    expect(lastFrame()).toContain('    quote 1');
    expect(lastFrame()).toContain('[2] doc2.md:2-3');
    expect(lastFrame()).not.toContain('more)');
  });

  it('shows the first maxShown and counts the rest', () => {
    const { lastFrame } = renderApp(<CitationList citations={citations} maxShown={2} />);
    expect(lastFrame()).toContain('[2] doc2.md:2-3');
    expect(lastFrame()).not.toContain('[3] doc3.md');
    expect(lastFrame()).toContain('… (+2 more)');
  });

  it('names the section of the sentence the answer quotes, and previews from that sentence', () => {
    const text = '# Guide\n\nRun the installer.\n\n## Uninstall\n\nRemove the folder.';
    const quotes = [{ text: 'Remove the folder.', startLine: 7, endLine: 7, section: 'Guide › Uninstall' }];
    const cited = makeCitation({ id: 1, source: 'guide.md', startLine: 1, endLine: 7, section: 'Guide', text, quotes });
    const { lastFrame } = renderApp(<CitationList citations={[cited]} columns={80} />);
    expect(lastFrame()).toContain('[1] guide.md:1-7 › Guide › Uninstall');
    expect(lastFrame()).toContain('    Remove the folder.');
    expect(lastFrame()).not.toContain('Run the installer');
  });

  it('shows the score of each source', () => {
    const scored = [makeCitation({ id: 1, score: 0.873 }), makeCitation({ id: 2, score: 0.0042 })];
    const { lastFrame } = renderApp(<CitationList citations={scored} />);
    expect(lastFrame()).toContain('[1] notes.md:3-5 · score 0.87');
    expect(lastFrame()).toContain('[2] notes.md:3-5 · score 0.0042');
  });

  it('cuts a long quote to one line of the terminal width', () => {
    const long = makeCitation({ id: 1, text: `${'word '.repeat(60)}TAIL` });
    const { lastFrame } = renderApp(
      <Box width={40}>
        <CitationList citations={[long]} columns={40} />
      </Box>,
    );
    const quoteLines = lastFrame()
      .split('\n')
      .filter((line) => line.startsWith('    '));
    expect(quoteLines).toHaveLength(1);
    expect(quoteLines[0]).toMatch(/^ {4}word( word)*…$/);
    expect(lastFrame()).not.toContain('TAIL');
  });

  it('links the source to its file with OSC 8 where the terminal supports it', () => {
    const cited = [makeCitation({ id: 1, source: 'notes/a b.md', startLine: 3, endLine: 5 })];
    const link = `\u001B]8;;file:///docs/corpus/notes/a%20b.md\u0007notes/a b.md:3-5\u001B]8;;\u0007`;
    const linked = renderApp(<CitationList citations={cited} corpusDir="/docs/corpus" />, {
      terminal: { hyperlinks: true },
    });
    expect(linked.lastFrame()).toContain(`[1] ${link}`);
    const plain = renderApp(<CitationList citations={cited} corpusDir="/docs/corpus" />, {
      terminal: { hyperlinks: false },
    });
    expect(plain.lastFrame()).toContain('[1] notes/a b.md:3-5');
    expect(plain.lastFrame()).not.toContain('\u001B]8;;');
  });

  it('shows the Markdown section after the location', () => {
    const cited = [makeCitation({ id: 1, source: 'guide.md', startLine: 40, endLine: 52, score: 0.8, section: 'Install › Windows' })];
    const { lastFrame } = renderApp(<CitationList citations={cited} />, { columns: 60 });
    expect(lastFrame()).toContain('[1] guide.md:40-52 › Install › Windows · score 0.80');
  });

  it('shortens a long section to keep the source on one line of 60 columns', () => {
    const section = 'Getting started › Installing footnote › On Windows with the MSI installer';
    const cited = [makeCitation({ id: 1, source: 'guide.md', startLine: 40, endLine: 52, score: 0.8, section })];
    const { lastFrame } = renderApp(<CitationList citations={cited} />, { columns: 60 });
    const heading = lastFrame().split('\n')[0] ?? '';
    expect(heading).toMatch(/^\[1\] guide\.md:40-52 › .*… · score 0\.80$/);
    expect(heading.length).toBeLessThanOrEqual(60);
  });

  it.each([
    [80, '[1] some/…/with/many/folders/deeper/still/file-name.md:10-20 · score 0.80'],
    [40, '[1] …/file-name.md:10-20 · score 0.80'],
  ])('keeps a long path on one line of %i columns, shortened in its middle folders', (columns, expected) => {
    const source = 'some/very-long-path/with/many/folders/deeper/still/file-name.md';
    const cited = [makeCitation({ id: 1, source, startLine: 10, endLine: 20, score: 0.8, section: 'Section' })];
    const { lastFrame } = renderApp(<CitationList citations={cited} />, { columns });
    expect(lastFrame().split('\n')[0]).toBe(expected);
    expect(lastFrame().split('\n')[1]).toMatch(/^ {4}\S/);
  });

  it('cuts a file name too long for the line in its middle, never wrapping inside it', () => {
    const cited = [makeCitation({ id: 1, source: 'notes/installation-guide-for-windows-and-linux.md', startLine: 10, endLine: 20 })];
    const { lastFrame } = renderApp(<CitationList citations={cited} />, { columns: 40 });
    expect(lastFrame().split('\n')[0]).toBe('[1] installation-gu…s-and-linux.md:10-20');
  });

  it('links the whole path of a shortened source', () => {
    const cited = [makeCitation({ id: 1, source: 'some/very-long-path/with/many/folders/file.md', startLine: 3, endLine: 5 })];
    const { lastFrame } = renderApp(<CitationList citations={cited} corpusDir="/docs" />, { columns: 40, terminal: { hyperlinks: true } });
    const url = 'file:///docs/some/very-long-path/with/many/folders/file.md';
    expect(lastFrame()).toContain(`[1] \u001B]8;;${url}\u0007some/…/file.md:3-5\u001B]8;;\u0007`);
  });

  it('renders nothing without citations', () => {
    const { lastFrame } = renderApp(<CitationList citations={[]} />);
    expect(lastFrame()).toBe('');
  });
});
