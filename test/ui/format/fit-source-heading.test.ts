import { describe, expect, it } from 'vitest';
import { fitSourceHeading } from '../../../src/ui/format/fit-source-heading.js';
import { makeCitation } from '../../helpers/fake-footnote.js';

const citation = makeCitation({
  id: 1,
  source: 'some/very-long-path/deeper/file-name.md',
  startLine: 10,
  endLine: 20,
  score: 0.8,
  section: 'Section',
});

/** The heading as one line of text. */
function heading(columns: number, cited = citation): string {
  const { source, section, score } = fitSourceHeading(cited, columns);
  return `[${cited.id}] ${source}:${cited.startLine}-${cited.endLine}${section}${score}`;
}

describe('fitSourceHeading', () => {
  it('shows everything when it fits', () => {
    expect(heading(80)).toBe('[1] some/very-long-path/deeper/file-name.md:10-20 › Section · score 0.80');
  });

  it('lets the section, then the middle folders, then the score, then the file name give way', () => {
    expect(heading(62)).toBe('[1] some/very-long-path/deeper/file-name.md:10-20 · score 0.80');
    expect(heading(50)).toBe('[1] some/…/deeper/file-name.md:10-20 · score 0.80');
    expect(heading(42)).toBe('[1] some/…/file-name.md:10-20 · score 0.80');
    expect(heading(40)).toBe('[1] …/file-name.md:10-20 · score 0.80');
    expect(heading(30)).toBe('[1] some/…/file-name.md:10-20');
    expect(heading(24)).toBe('[1] …/file-name.md:10-20');
    expect(heading(19)).toBe('[1] file…e.md:10-20');
  });

  it('fits every width from 20 to 100 columns', () => {
    for (let columns = 20; columns <= 100; columns++) expect(heading(columns).length).toBeLessThanOrEqual(columns);
  });

  it('keeps the page of a PDF with the lines', () => {
    const pdf = makeCitation({ id: 2, source: 'reports/2024/annual-report.pdf', startLine: 3, endLine: 4, page: 12, score: 0.5 });
    const { source, score } = fitSourceHeading(pdf, 48);
    expect(`[2] ${source}:3-4 (p. 12)${score}`).toBe('[2] …/annual-report.pdf:3-4 (p. 12) · score 0.50');
  });
});
