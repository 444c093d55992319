import { splitParagraphs } from './split-paragraphs.js';
import { segmentText } from '../text/segment-text.js';
import { createSpan, isWhitespaceCode, trimRange, type OffsetRange, type TextSpan } from './text-span.js';

export type { TextSpan } from './text-span.js';

/**
 * ICU breaks after any "Xy. " that is followed by a capital letter, so
 * "Dr. Smith" becomes two sentences. A segment whose last word is one of
 * these abbreviations is joined to the next. "No." and "Fig." before a number
 * never split in ICU, and "No." before a capital is usually the word "no", so
 * it is left out.
 */
const ABBREVIATION_AT_END =
  /(?:^|[^\p{L}\p{N}])(?:dr|mr|mrs|ms|prof|st|e\.g|i\.e|etc|vs|fig|et al)\.$/iu;
/** A single capital initial ("J.", or the "S." of "U.S.") also ends no sentence. */
const INITIAL_AT_END = /(?:^|[^\p{L}\p{N}])\p{Lu}\.$/u;
/**
 * Titles before a name ("Rev. Paul", "Sen. Smith", "Mt. Kenya") and the "v."
 * of a case name ("Brown v. Board"): never the end of a sentence, but ICU
 * splits before the capital that follows. Case-sensitive, so an acronym such as
 * "GEN." or "MT." can still end one; "Jr." and "Inc." often end a sentence and
 * are left out.
 */
const TITLE_AT_END = /(?:^|[^\p{L}\p{N}])(?:v|[Rr]ev|[Rr]ep|[Ss]en|[Gg]ov|[Gg]en|[Cc]ol|[Ll]t|[Ss]gt|[Cc]apt|[Mm]t|[Rr]ef|[Vv]ol)\.$/u;
/** Abbreviations that end no sentence when a number follows: "c. 1547", "ca. 4 Mbp", "Aug. 31". */
const BEFORE_NUMBER_AT_END =
  /(?:^|[^\p{L}\p{N}])(?:c|ca|approx|no|nos|pp|sp|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$/iu;
/** Enough characters to see "et al." or "e.g." with the character before it. */
const ABBREVIATION_TAIL_LENGTH = 8;

/**
 * Splits `text` into sentences with `Intl.Segmenter`, trimmed of surrounding
 * whitespace (`text.slice(start, end) === span.text`). A blank line always ends
 * a sentence (paragraphs); a single line break inside a sentence does not; a
 * sentence does not end after "Dr.", "e.g.", "et al.", an initial like "J.", a
 * title like "Rev." or the "v." of a case name, nor after "c." or "Aug." before a number.
 * Chinese and Japanese sentences end at `。！？` with the closing quotes after
 * them (`…。」`), and at a full-width `；` outside brackets; an opening bracket
 * starts the sentence it opens.
 *
 * @example
 * splitSentences('Dr. Smith arrived. He spoke.').map((s) => s.text);
 * // ['Dr. Smith arrived.', 'He spoke.']
 */
export function splitSentences(text: string, locale?: string): TextSpan[] {
  const sentences: TextSpan[] = [];
  for (const paragraph of splitParagraphs(text)) {
    for (const sentence of splitParagraphIntoSentences(text, paragraph, locale)) {
      sentences.push(sentence);
    }
  }
  return sentences;
}

/**
 * The sentences of one paragraph of `text` (a span from `splitParagraphs`),
 * with offsets into `text`. `splitSentences` is this applied to every paragraph.
 */
export function splitParagraphIntoSentences(
  text: string,
  paragraph: OffsetRange,
  locale?: string,
): TextSpan[] {
  // ICU treats every line break as a sentence end, but inside a paragraph a
  // single break is just wrapping. Segmenting a copy with breaks turned into
  // spaces keeps every offset (one character for one) and leaves ICU to decide
  // on punctuation alone.
  const unwrapped = text
    .slice(paragraph.start, paragraph.end)
    .replace(/[\r\n]/g, ' ');
  const ranges: OffsetRange[] = [];
  let pending: OffsetRange | null = null;
  // Where the next sentence starts when ICU left its opening bracket on the
  // previous one (`と聞いた。『はい。』` splits as `…。『` | `はい。』`).
  let carriedStart: number | null = null;
  for (const segment of segmentText(unwrapped, 'sentence', locale)) {
    const start = carriedStart ?? paragraph.start + segment.start;
    const end = paragraph.start + segment.end;
    carriedStart = null;
    const cut = cutBeforeOpeningPunctuation(text, start, end);
    if (cut < end) carriedStart = cut;
    for (const clause of splitClauses(text, start, cut)) {
      const range = trimRange(text, clause.start, clause.end);
      if (!range) continue;
      if (pending && endsWithAbbreviation(text, pending, range.start)) {
        pending.end = range.end;
        continue;
      }
      if (pending) ranges.push(pending);
      pending = range;
    }
  }
  // Opening punctuation that ends the paragraph opens nothing: leave it where ICU put it.
  const leftover = carriedStart === null ? null : trimRange(text, carriedStart, paragraph.end);
  if (leftover && pending) pending.end = leftover.end;
  else if (leftover) pending = leftover;
  if (pending) ranges.push(pending);
  return ranges.map((range) => createSpan(text, range));
}

/** Opening brackets and quotes, which begin the next sentence and never end one. */
const OPENING_PUNCTUATION = /[\p{Ps}\p{Pi}]/u;
/** Closing brackets and quotes, which stay with the clause they close. */
const CLOSING_PUNCTUATION = /[\p{Pe}\p{Pf}]/u;
/**
 * The full-width semicolon ends a clause that reads as a sentence of its own
 * in Chinese and Japanese (long enumerations run for a whole paragraph
 * between two `。`), so it is a sentence end too; ICU does not treat it as one.
 */
const FULL_WIDTH_SEMICOLON = '\uff1b';

/** The end of `start..end` without trailing opening punctuation (and the spaces before it), unless that is all there is. */
function cutBeforeOpeningPunctuation(text: string, start: number, end: number): number {
  let cut = end;
  while (cut > start && isWhitespaceCode(text.charCodeAt(cut - 1))) cut--;
  let opening = cut;
  while (opening > start && OPENING_PUNCTUATION.test(text.charAt(opening - 1))) opening--;
  if (opening === cut || opening === start) return end;
  return opening;
}

/**
 * `start..end` cut after every full-width semicolon outside brackets and
 * quotes (`学名：X；英文名：Y` inside `（…）` is one aside, not two clauses),
 * together with the closing punctuation that follows it.
 */
function splitClauses(text: string, start: number, end: number): OffsetRange[] {
  // Searched in the clause alone: from `start` to the end of the text, each of
  // a long page's sentences scanned the rest of it (3 MB of text took 1.7 s).
  const first = text.slice(start, end - 1).indexOf(FULL_WIDTH_SEMICOLON);
  if (first === -1) return [{ start, end }];
  const clauses: OffsetRange[] = [];
  let clauseStart = start;
  let depth = 0;
  for (let position = start; position < end - 1; position++) {
    const character = text.charAt(position);
    if (OPENING_PUNCTUATION.test(character)) depth++;
    else if (CLOSING_PUNCTUATION.test(character)) depth = Math.max(0, depth - 1);
    else if (character === FULL_WIDTH_SEMICOLON && depth === 0) {
      let clauseEnd = position + 1;
      while (clauseEnd < end && CLOSING_PUNCTUATION.test(text.charAt(clauseEnd))) clauseEnd++;
      clauses.push({ start: clauseStart, end: clauseEnd });
      clauseStart = clauseEnd;
      position = clauseEnd - 1;
    }
  }
  clauses.push({ start: clauseStart, end });
  return clauses;
}

/** True when `range` ends in an abbreviation that does not end a sentence before the text at `next`. */
function endsWithAbbreviation(text: string, range: OffsetRange, next: number): boolean {
  // Only the tail is tested, so a long sentence costs no more than a short one.
  const tailStart = Math.max(range.start, range.end - ABBREVIATION_TAIL_LENGTH);
  const tail = text.slice(tailStart, range.end);
  if (ABBREVIATION_AT_END.test(tail) || INITIAL_AT_END.test(tail) || TITLE_AT_END.test(tail)) return true;
  return BEFORE_NUMBER_AT_END.test(tail) && isDigitCode(text.charCodeAt(next));
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}
