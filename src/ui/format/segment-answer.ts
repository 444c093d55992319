import { createCitationMarkerPattern } from '../../answer/parse-citations.js';
import { splitSentences } from '../../chunk/split-sentences.js';

/** A piece of answer text, for drawing markers and unsupported sentences apart. */
export type AnswerSegment =
  | { type: 'text'; text: string }
  /** A citation marker such as `[1]` or `[1, 3]`. */
  | { type: 'marker'; text: string }
  /** A sentence no marker vouches for. */
  | { type: 'unsupported'; text: string }
  /**
   * A cited sentence its cited passages do not seem to back (the engine's
   * `Answer.unsupported`), markers included.
   */
  | { type: 'unbacked'; text: string };

/** Options of {@link segmentAnswer}. */
export interface SegmentAnswerOptions {
  /** Mark sentences without a marker (off for an abstention, or text still streaming). */
  markUnsupported: boolean;
  /**
   * Sentences, as written in the text, that the citation check found
   * unsupported; each is marked where it is found. Sentences not in the
   * text are ignored.
   */
  unbackedSentences?: readonly string[];
}

/** Citation markers at the start of a text, with the spaces between them. */
const LEADING_MARKERS = new RegExp(
  String.raw`^(?:\s*${createCitationMarkerPattern().source})+`,
  'u',
);
/** Text with a letter or digit in it is a claim; stray punctuation is not. */
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Splits an answer into plain text, citation markers, sentences that no
 * marker supports, and cited sentences the citation check found unbacked. A
 * marker belongs to the sentence it ends or directly follows (`Paris [1].` and
 * `Paris. [1]`). With `markUnsupported: false` (an abstention, or text still
 * streaming) sentences without markers are not marked.
 *
 * @example
 * segmentAnswer('Paris [1]. Lyon.', { markUnsupported: true })
 * // → [{ type: 'text', text: 'Paris ' }, { type: 'marker', text: '[1]' },
 * //    { type: 'text', text: '. ' }, { type: 'unsupported', text: 'Lyon.' }]
 */
export function segmentAnswer(text: string, options: SegmentAnswerOptions): AnswerSegment[] {
  const segments: AnswerSegment[] = [];
  let last = 0;
  for (const span of findSentenceSpans(text, options.unbackedSentences ?? [])) {
    if (span.start < last) continue;
    segmentClaims(segments, text.slice(last, span.start), options.markUnsupported);
    push(segments, { type: 'unbacked', text: text.slice(span.start, span.end) });
    last = span.end;
  }
  segmentClaims(segments, text.slice(last), options.markUnsupported);
  return segments;
}

/** Where a sentence stands in a text: UTF-16 offsets, end exclusive. */
export interface SentenceSpan {
  /** The sentence as it was given. */
  sentence: string;
  start: number;
  end: number;
}

/**
 * Where each of `sentences` stands in `text`, sorted by position; a sentence
 * not in the text has no span.
 */
export function findSentenceSpans(text: string, sentences: readonly string[]): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const raw of sentences) {
    const sentence = raw.trim();
    if (sentence === '') continue;
    // The same sentence twice is two findings: look past spans already taken.
    let start = text.indexOf(sentence);
    while (start !== -1 && spans.some((span) => start < span.end && span.start < start + sentence.length)) {
      start = text.indexOf(sentence, start + 1);
    }
    if (start === -1) continue;
    let end = start + sentence.length;
    // Markers right after the full stop belong to the sentence too.
    const after = LEADING_MARKERS.exec(text.slice(end));
    if (after !== null) end += after[0].length;
    spans.push({ sentence: raw, start, end });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Appends the segments of a stretch of text that holds no unbacked sentence. */
function segmentClaims(segments: AnswerSegment[], text: string, markUnsupported: boolean): void {
  for (const sentence of splitClaims(text)) {
    const markers = [...sentence.matchAll(createCitationMarkerPattern())];
    const claim = sentence.trim();
    if (markUnsupported && markers.length === 0 && HAS_WORD.test(claim)) {
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
}

/**
 * Sentences (as the chunker splits them: "Co., Ltd." and "Dr." end nothing)
 * with the markers that follow them.
 */
function splitClaims(text: string): string[] {
  const markers = [...text.matchAll(createCitationMarkerPattern())].map((marker) => ({
    start: marker.index,
    end: marker.index + marker[0].length,
  }));
  const cuts = splitSentences(text)
    .slice(1)
    .map((sentence) => {
      // ICU may cut inside "。[1]" (a bracket closes a sentence too): not there.
      const inside = markers.find((marker) => marker.start < sentence.start && sentence.start < marker.end);
      const cut = inside === undefined ? sentence.start : inside.end;
      // Markers right after the full stop belong to the sentence before.
      const after = LEADING_MARKERS.exec(text.slice(cut));
      return cut + (after === null ? 0 : after[0].length);
    });
  const claims: string[] = [];
  let start = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut > start) claims.push(text.slice(start, cut));
    start = Math.max(start, cut);
  }
  return claims;
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
