import { createLineMap } from './line-map.js';

/**
 * The lines a passage holds now: where the index put it while its text is
 * still there; otherwise where its text moved to (lines added above it), if
 * it is still in the file once; otherwise the indexed lines, which the reader
 * is told no longer hold it.
 */
export function findMovedPassage(
  text: string,
  location: { startLine: number; endLine: number; text?: string },
): { startLine: number; endLine: number } {
  const passage = location.text;
  if (passage === undefined || passage === '') return location;
  const lines = createLineMap(text);
  const start = lines.lineStart(Math.max(1, location.startLine));
  const end = lines.lineEnd(Math.min(lines.lineCount, location.endLine));
  if (text.slice(start, end).includes(passage)) return location;
  const at = text.indexOf(passage);
  if (at < 0 || text.indexOf(passage, at + 1) >= 0) return location;
  return { startLine: lines.lineAt(at), endLine: lines.lineAt(at + passage.length - 1) };
}
