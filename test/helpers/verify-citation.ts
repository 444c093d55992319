import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { loadDocument } from '../../src/load/load-document.js';
import type { Citation } from '../../src/shared/types.js';

/** The fields of a citation (from `Answer` or from `ask --json`) that the check reads. */
export type CitationLike = Omit<Citation, 'score'>;

/** The fields of an answer the marker check reads. */
export interface AnswerLike {
  answer: string;
  citations: readonly CitationLike[];
}

const LINE_BREAK = /\r\n|\n|\r/g;

/**
 * Asserts that a citation quotes its file: loads `source` from `corpusRoot` with the
 * product's own loader, takes lines `startLine..endLine` (1-based, inclusive) of
 * the loaded text, and expects `text` to occur within them, and each quoted
 * sentence within its own lines, inside the passage's. For a PDF it also
 * expects the quoted text to lie on page `page` (from the document's page offsets).
 */
export async function expectCitationVerbatim(corpusRoot: string, citation: CitationLike): Promise<void> {
  const where = `citation [${citation.id}] ${citation.source}:${citation.startLine}-${citation.endLine}`;
  const bytes = fs.readFileSync(path.join(corpusRoot, ...citation.source.split('/')));
  const outcome = await loadDocument(citation.source, bytes);
  if (outcome.kind !== 'document') throw new Error(`${where}: the cited file does not load (${outcome.skipped.detail})`);
  const { text, pageOffsets } = outcome.document;

  const lineStarts = [0];
  for (const match of text.matchAll(LINE_BREAK)) lineStarts.push(match.index + match[0].length);
  expect(citation.startLine, `${where}: startLine`).toBeGreaterThanOrEqual(1);
  expect(citation.endLine, `${where}: endLine`).toBeGreaterThanOrEqual(citation.startLine);
  expect(citation.endLine, `${where}: endLine past the last line`).toBeLessThanOrEqual(lineStarts.length);
  const from = lineStarts[citation.startLine - 1] ?? 0;
  const to = lineStarts[citation.endLine] ?? text.length;
  const cited = text.slice(from, to);
  expect(citation.text.trim(), `${where}: empty quote`).not.toBe('');
  expect(cited, `${where}: quote not found at the cited lines`).toContain(citation.text);
  for (const quote of citation.quotes ?? []) {
    const at = `${where}: quoted sentence at ${quote.startLine}-${quote.endLine}`;
    expect(quote.startLine, at).toBeGreaterThanOrEqual(citation.startLine);
    expect(quote.endLine, at).toBeLessThanOrEqual(citation.endLine);
    expect(quote.endLine, at).toBeGreaterThanOrEqual(quote.startLine);
    expect(citation.text, `${at} is not in the passage`).toContain(quote.text);
    const lines = text.slice(lineStarts[quote.startLine - 1] ?? 0, lineStarts[quote.endLine] ?? text.length);
    expect(lines, `${at} is not on its lines`).toContain(quote.text);
  }

  if (outcome.document.format !== 'pdf' || pageOffsets === null) {
    expect(citation.page, `${where}: page of an unpaged file`).toBeNull();
    return;
  }
  expect(citation.page, `${where}: a PDF citation names its page`).not.toBeNull();
  const page = citation.page ?? 0;
  const pageStart = pageOffsets[page - 1];
  expect(pageStart, `${where}: page ${page} does not exist`).toBeDefined();
  const pageEnd = pageOffsets[page] ?? text.length;
  const pageText = text.slice(pageStart, pageEnd);
  expect(pageText, `${where}: quote not on page ${page}`).toContain(citation.text);
}

/** Every citation of an answer quotes its file verbatim at its lines. */
export async function expectCitationsVerbatim(corpusRoot: string, answer: AnswerLike): Promise<void> {
  for (const citation of answer.citations) await expectCitationVerbatim(corpusRoot, citation);
}

/**
 * The numbers of the `[n]` markers in an answer (`[2]`, `[1, 3]`), each once, in
 * order of first use. Written independently of the product's parser on purpose.
 */
export function readCitationMarkers(answer: string): number[] {
  const numbers = new Set<number>();
  for (const match of answer.matchAll(/\[(\d+(?:\s*,\s*\d+)*)\]/g)) {
    for (const part of (match[1] ?? '').split(',')) numbers.add(Number.parseInt(part.trim(), 10));
  }
  return [...numbers];
}

/** Every `[n]` in the answer has a citation with that id. */
export function expectEveryMarkerCited(answer: AnswerLike): void {
  const ids = answer.citations.map((citation) => citation.id);
  for (const marker of readCitationMarkers(answer.answer)) {
    expect(ids, `[${marker}] in "${answer.answer}" has no citation`).toContain(marker);
  }
}
