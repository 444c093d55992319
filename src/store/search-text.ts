/**
 * Text as FTS5 sees it. The `unicode61` tokenizer splits on spaces and
 * punctuation only, so a Chinese or Japanese clause (which has no spaces)
 * would become one giant token that no query word ever matches. Segmenting
 * those runs into words before indexing, and segmenting queries the same way,
 * makes keyword search work for CJK text.
 */

/**
 * A run of CJK characters. Script_Extensions (not Script) so that marks shared
 * by the scripts stay inside the run, such as the Katakana prolonged sound mark
 * `ー` and the ideographic full stop `。`.
 */
const CJK_RUN =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]+/gu;

/** The same class without the global flag, for the allocation-free fast path. */
const HAS_CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;

// The ICU word dictionary behind the 'zh' segmenter also covers Japanese
// kanji/kana and Korean, so one segmenter serves every CJK run.
const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Returns `text` with every CJK run split into words separated by single
 * spaces; everything else is unchanged. Use it on both sides of FTS5: on the
 * `title` and `text` columns when indexing, and on the user's query words
 * when building a MATCH expression.
 *
 * @example
 * toSearchText('我们今天去公园'); // '我们 今天 去 公园'
 * toSearchText('用Python写'); // '用 Python 写'
 * toSearchText('plain English'); // 'plain English' (same string)
 */
export function toSearchText(text: string): string {
  if (!HAS_CJK.test(text)) return text;
  return text.replace(CJK_RUN, (run: string, offset: number) => {
    const words: string[] = [];
    for (const { segment } of wordSegmenter.segment(run)) {
      const word = segment.trim();
      if (word !== '') words.push(word);
    }
    // Pad the run where it touches a non-space character, so 'Python写'
    // does not stay one token.
    const before = offset > 0 && !/\s/u.test(text[offset - 1] ?? '') ? ' ' : '';
    const after = text.length > offset + run.length &&
      !/\s/u.test(text[offset + run.length] ?? '')
      ? ' '
      : '';
    return before + words.join(' ') + after;
  });
}
