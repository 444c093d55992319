const DEFAULT_LOCALE = 'en';

/**
 * Segmenters are costly to build, so keep one per locale and granularity for
 * the life of the process.
 */
const segmenters = new Map<string, Intl.Segmenter>();

function getSegmenter(
  granularity: 'sentence' | 'word',
  locale: string = DEFAULT_LOCALE,
): Intl.Segmenter {
  const key = `${granularity}:${locale}`;
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/** One segment of a text, by UTF-16 offsets into it. */
export interface Segment {
  start: number;
  end: number;
  /** For word granularity: a word, not spaces or punctuation. */
  isWordLike: boolean;
}

/**
 * Characters a segment must end before a window's cut to be trusted: ICU may
 * look ahead past a boundary ("end. 3 more" is one sentence because of the
 * lowercase word after the number), so segments near the cut wait for the
 * next window.
 */
const SEAM_MARGIN = 64;

/** Measured on Node 20: the fastest window lengths for English prose (bench of 1 MB). */
const WINDOW_LENGTH: Record<'sentence' | 'word', number> = {
  sentence: 1024,
  word: 512,
};

/**
 * Yields the segments of `text` as `Intl.Segmenter` finds them, in time
 * linear in the text. V8 before 12.x (Node 20) spends time proportional to the
 * whole input on every segment, which is quadratic on a long text
 * (@see https://issues.chromium.org/issues/326176949; we measured 30 s for
 * the words of 200k characters). So the text is segmented in windows of a few thousand
 * characters; a window keeps only the segments that end well before its cut
 * and the next window starts where they stop. A window with no such segment
 * (one sentence longer than the window) is retried at twice the length.
 */
export function* segmentText(
  text: string,
  granularity: 'sentence' | 'word',
  locale?: string,
): Generator<Segment> {
  const segmenter = getSegmenter(granularity, locale);
  let windowStart = 0;
  let windowLength = WINDOW_LENGTH[granularity];
  while (windowStart < text.length) {
    const windowEnd = Math.min(text.length, windowStart + windowLength);
    const acceptEnd =
      windowEnd === text.length ? windowEnd : windowEnd - SEAM_MARGIN;
    const window = text.slice(windowStart, windowEnd);
    let accepted = windowStart;
    for (const { segment, index, isWordLike } of segmenter.segment(window)) {
      const start = windowStart + index;
      const end = start + segment.length;
      if (end > acceptEnd) break;
      yield { start, end, isWordLike: isWordLike === true };
      accepted = end;
    }
    if (accepted === windowStart) {
      windowLength *= 2;
    } else {
      windowStart = accepted;
      windowLength = WINDOW_LENGTH[granularity];
    }
  }
}
