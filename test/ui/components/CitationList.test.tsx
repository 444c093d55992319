import { Box } from 'ink';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { CitationList } from '../../../src/ui/components/CitationList.js';
import { makeCitation } from '../../helpers/fake-footnote.js';
import { renderApp } from '../../helpers/render-app.js';

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

  it('cuts a long quote to three lines of the terminal width', () => {
    const long = makeCitation({ id: 1, text: `${'word '.repeat(60)}TAIL` });
    const { lastFrame } = renderApp(
      <Box width={40}>
        <CitationList citations={[long]} columns={40} />
      </Box>,
    );
    const quoteLines = lastFrame()
      .split('\n')
      .filter((line) => line.startsWith('    '));
    expect(quoteLines).toHaveLength(3);
    expect(lastFrame()).toContain('…');
    expect(lastFrame()).not.toContain('TAIL');
  });

  it('renders nothing without citations', () => {
    const { lastFrame } = renderApp(<CitationList citations={[]} />);
    expect(lastFrame()).toBe('');
  });
});
