import { listMarkdownHeadings } from '../chunk/markdown-sections.js';
import { sectionUnder } from '../chunk/section-trail.js';
import { splitBlocks, type TextBlock } from '../chunk/split-blocks.js';
import { splitParagraphIntoSentences, type TextSpan } from '../chunk/split-sentences.js';
import { checkExhaustive } from '../shared/check-exhaustive.js';
import type { Passage } from '../shared/types.js';

/**
 * Longest code block an answer quotes, in lines with its fences: a short block
 * is the answer to "how do I" (`db.pragma('journal_mode = WAL');`), a long one
 * is an example whose gist the prose around it says.
 */
const MAX_QUOTED_CODE_LINES = 12;

/** A sentence an answer may quote, with the section it sits in. */
export interface QuotableSentence {
  span: TextSpan;
  section: string | null;
}

/**
 * The sentences of a passage an answer may quote. A passage is labelled with
 * the section it begins in, but may run past a heading into the next one:
 * the sentences after that heading are in its section, so that `### Timeouts`
 * below `### Retries` does not lend "retries" to "Requests time out…". The
 * chunker marked the heading lines and the section each opens
 * (`passage.headings`); they are never quoted, as an HTML `<h2>` reads as a
 * line of text. A passage without marks (made by an older chunker, or built
 * by hand) has its Markdown heading lines read from its text instead.
 */
export function quotableSentences(passage: Passage): QuotableSentence[] {
  const quotable: QuotableSentence[] = [];
  const headings = passage.headings ?? [];
  let nextHeading = 0;
  let headingEnd = 0;
  let section = passage.section;
  for (const block of splitBlocks(passage.text)) {
    if (block.kind === 'heading' && passage.headings === undefined) section = sectionBelowLine(section, block.text);
    for (const span of quotableSpans(passage.text, block)) {
      for (; nextHeading < headings.length && headings[nextHeading]!.start < span.end; nextHeading++) {
        section = headings[nextHeading]!.section;
        headingEnd = Math.max(headingEnd, headings[nextHeading]!.end);
      }
      if (span.start >= headingEnd) quotable.push({ span, section });
    }
  }
  return quotable;
}

/** The section trail below a Markdown heading line, as near as a trail without levels tells (see `sectionUnder`). */
function sectionBelowLine(trail: string | null, line: string): string | null {
  const [parsed] = listMarkdownHeadings(line);
  return parsed === undefined ? trail : sectionUnder(trail, parsed.level, parsed.title);
}

/** What of one block an answer may quote: its sentences, or the block whole, or nothing. */
function quotableSpans(text: string, block: TextBlock): TextSpan[] {
  switch (block.kind) {
    case 'prose':
    case 'list-item':
      return splitParagraphIntoSentences(text, block);
    case 'table-row':
      // A row is one record; ICU would cut it at the first full stop in a cell.
      return [block];
    case 'code':
      return block.text.split('\n').length <= MAX_QUOTED_CODE_LINES ? [block] : [];
    case 'code-fragment':
    // A heading names what follows and answers nothing; markup is not text.
    case 'heading':
    case 'markup':
      return [];
    default:
      return checkExhaustive(block.kind);
  }
}
