import path from 'node:path';
import { isAtxHeadingLine } from '../../chunk/markdown-sections.js';
import { markdownLoader } from '../../load/loaders/markdown-loader.js';
import type { Citation } from '../../shared/types.js';

/**
 * The text a citation's one-line preview is cut from: from the first sentence
 * the answer quotes from it, which is what the reader looks for. Otherwise
 * the passage, but a Markdown passage often opens with its headings (`# 1973
 * oil crisis ## Part 1 …` once whitespace collapses), which the preview's
 * single line then spends on words the heading trail beside the source
 * already shows; they are left out unless the passage is nothing but headings.
 *
 * @example
 * quotePreviewText({ source: 'a.md', text: '# Install\n\n## Windows\nRun setup.exe.' }) // → 'Run setup.exe.'
 */
export function quotePreviewText(citation: Pick<Citation, 'source' | 'text' | 'quotes'>): string {
  const quoted = citation.quotes?.[0] === undefined ? -1 : citation.text.indexOf(citation.quotes[0].text);
  if (quoted >= 0) return citation.text.slice(quoted);
  if (!markdownLoader.extensions.includes(path.extname(citation.source).toLowerCase())) return citation.text;
  const lines = citation.text.split(/\r?\n/);
  const first = lines.findIndex((line) => line.trim() !== '' && !isAtxHeadingLine(line));
  return first <= 0 ? citation.text : lines.slice(first).join('\n');
}
