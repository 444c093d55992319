import { createCitationMarkerPattern } from '../../answer/parse-citations.js';

/** A piece of answer text, for drawing markers and unsupported sentences apart. */
export type AnswerSegment =
  | { type: 'text'; text: string }
  /** A citation marker such as `[1]` or `[1, 3]`. */
  | { type: 'marker'; text: string }
  /** A sentence no marker vouches for. */
  | { type: 'unsupported'; text: string };

/** A sentence ends at . ! ? (or their CJK forms), then closing quotes and brackets. */
const SENTENCE_END = /[.!?。！？]+["'”’)\]]*(?=\s|$)|[。！？]+/gu;
/** Text with a letter or digit in it is a claim; stray punctuation is not. */
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Splits an answer into plain text, citation markers, and sentences that no
 * marker supports. A marker belongs to the sentence it ends or directly follows
 * (`Paris [1].` and `Paris. [1]`). With `markUnsupported: false` (an abstention,
 * or text still streaming) only markers are picked out.
 *
 * @example
 * segmentAnswer('Paris [1]. Lyon.', { markUnsupported: true })
 * // → [{ type: 'text', text: 'Paris ' }, { type: 'marker', text: '[1]' },
 * //    { type: 'text', text: '. ' }, { type: 'unsupported', text: 'Lyon.' }]
 */
export function segmentAnswer(
  text: string,
  options: { markUnsupported: boolean },
): AnswerSegment[] {
  const segments: AnswerSegment[] = [];
  for (const sentence of splitClaims(text)) {
    const markers = [...sentence.matchAll(createCitationMarkerPattern())];
    const claim = sentence.trim();
    if (options.markUnsupported && markers.length === 0 && HAS_WORD.test(claim)) {
      const lead = sentence.slice(0, sentence.indexOf(claim));
      const trail = sentence.slice(lead.length + claim.length);
      push(segments, { type: 'text', text: lead });
      push(segments, { type: 'unsupported', text: claim });
      push(segments, { type: 'text', text: trail });
      continue;
    }
    let last = 0;
    for (const marker of markers) {
      push(segments, { type: 'text', text: sentence.slice(last, marker.index) });
      push(segments, { type: 'marker', text: marker[0] });
      last = marker.index + marker[0].length;
    }
    push(segments, { type: 'text', text: sentence.slice(last) });
  }
  return segments;
}

/** Sentences with the markers that follow them; a paragraph break also ends one. */
function splitClaims(text: string): string[] {
  const claims: string[] = [];
  let start = 0;
  const cut = (end: number): void => {
    if (end > start) claims.push(text.slice(start, end));
    start = end;
  };
  for (const paragraph of text.matchAll(/\n\s*\n/g)) {
    splitSentences(text, start, paragraph.index, cut);
    cut(paragraph.index + paragraph[0].length);
  }
  splitSentences(text, start, text.length, cut);
  cut(text.length);
  return claims;
}

function splitSentences(
  text: string,
  from: number,
  to: number,
  cut: (end: number) => void,
): void {
  const part = text.slice(from, to);
  for (const end of part.matchAll(SENTENCE_END)) {
    let stop = from + end.index + end[0].length;
    // Markers (and the spaces between them) right after the full stop are this sentence's.
    const after = /^(?:\s*\[[^\]\n]{1,40}\])+/.exec(text.slice(stop, to));
    if (after !== null && createCitationMarkerPattern().test(after[0])) stop += after[0].length;
    cut(stop);
  }
}

function push(segments: AnswerSegment[], segment: AnswerSegment): void {
  if (segment.text === '') return;
  const previous = segments.at(-1);
  if (previous !== undefined && previous.type === segment.type && segment.type !== 'marker') {
    segments[segments.length - 1] = { ...previous, text: previous.text + segment.text };
    return;
  }
  segments.push(segment);
}
