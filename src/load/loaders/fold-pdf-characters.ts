/**
 * Latin ligatures (U+FB00–U+FB06: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ), which fonts draw as one glyph
 * and pdf.js reports as one character: "ﬁnd" would not match a search for "find".
 */
const LIGATURES = /[\uFB00-\uFB06]/g;
/**
 * NUL and the other C0 controls except tab and line breaks: fonts without a
 * Unicode map leak them, and they are invisible in a quote.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/**
 * The text of a pdf.js item as a reader would type it: ligatures spelt out and
 * invisible control characters removed. Only ligatures are NFKC-folded, not the
 * whole text, since NFKC would also rewrite full-width and CJK compatibility
 * characters that a user may quote as they see them. Soft hyphens are handled
 * where lines are joined (see `layoutPdfPage`), since one at the end of a line
 * marks where a word was broken.
 *
 * @example
 * foldPdfCharacters('ﬁnd the ﬂow'); // 'find the flow'
 */
export function foldPdfCharacters(text: string): string {
  return text
    .replace(LIGATURES, (ligature) => ligature.normalize('NFKC'))
    .replace(CONTROL_CHARACTERS, '');
}
