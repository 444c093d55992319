const PARAGRAPH_BREAK = '\n\n';
const CODE_FENCE = '```';

/**
 * Where streamed text can be cut so that everything before the cut is finished
 * paragraphs: just after the last blank line that is not inside a code fence.
 * Returns 0 when there is no such place. The chat moves the finished part into
 * `<Static>` history so the live region stays a few lines tall.
 *
 * @see google-gemini/gemini-cli markdownUtilities.ts `findLastSafeSplitPoint`
 * @example
 * findParagraphSplit('one\n\ntwo') // → 5 (before "two")
 */
export function findParagraphSplit(text: string): number {
  let breakAt = text.lastIndexOf(PARAGRAPH_BREAK);
  while (breakAt > 0) {
    if (!isInsideCodeFence(text, breakAt)) return breakAt + PARAGRAPH_BREAK.length;
    breakAt = text.lastIndexOf(PARAGRAPH_BREAK, breakAt - 1);
  }
  return 0;
}

function isInsideCodeFence(text: string, offset: number): boolean {
  return text.slice(0, offset).split(CODE_FENCE).length % 2 === 0;
}
