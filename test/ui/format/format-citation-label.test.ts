import { describe, expect, it } from 'vitest';
import { formatCitationLabel } from '../../../src/ui/format/format-citation-label.js';
import { makeCitation } from '../../helpers/fake-footnote.js';

describe('formatCitationLabel', () => {
  it('shows the source and the line range', () => {
    expect(formatCitationLabel(makeCitation({ id: 1 }))).toBe('[1] notes.md:3-5');
  });

  it('adds the page of a paged document', () => {
    const citation = makeCitation({ id: 2, source: 'a.pdf', startLine: 10, endLine: 12, page: 4 });
    expect(formatCitationLabel(citation)).toBe('[2] a.pdf:10-12 (p. 4)');
  });

  it('names a single line once', () => {
    expect(formatCitationLabel(makeCitation({ id: 3, startLine: 7, endLine: 7 }))).toBe('[3] notes.md:7');
  });
});
