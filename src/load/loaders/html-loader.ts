import { decodeText, type DecodeResult } from '../decode-text.js';
import type { Loader } from './loader.js';

/** HTML pages, reduced to their visible text; the `<title>` becomes the document title, `<h1>`–`<h6>` its headings. */
export const htmlLoader: Loader = {
  format: 'html',
  extensions: ['.html', '.htm'],
  async load(bytes) {
    const decoded = decodeHtml(bytes);
    if (!decoded.ok) return decoded;
    // Loaded with the first page: htmlparser2 and its entity tables cost every
    // command ~20 ms of start-up, and `ask` or the chat app never parse HTML.
    const { extractHtmlText } = await import('./extract-html-text.js');
    const { text, title, headings } = extractHtmlText(decoded.text);
    return {
      ok: true,
      text,
      ...(title === null ? {} : { title }),
      ...(headings.length === 0 ? {} : { headings }),
    };
  },
};

/**
 * Decodes as UTF-8 first (the common case). Older pages are often saved in a legacy
 * encoding such as windows-1252 and say so in a `<meta charset>`; those are decoded
 * with the declared encoding instead of being rejected.
 */
function decodeHtml(bytes: Uint8Array): DecodeResult {
  const decoded = decodeText(bytes);
  if (decoded.ok || decoded.reason !== 'invalid-utf8') return decoded;
  const charset = findDeclaredCharset(bytes);
  if (charset === null) return decoded;
  try {
    return { ok: true, text: new TextDecoder(charset, { fatal: true }).decode(bytes) };
  } catch {
    // An unknown label or bytes the declared encoding cannot decode: report as UTF-8.
    return decoded;
  }
}

/** How far into the file a `<meta charset>` is looked for, as browsers do. */
const CHARSET_SNIFF_BYTES = 1024;

function findDeclaredCharset(bytes: Uint8Array): string | null {
  // latin1 maps each byte to one character, so the ASCII markup reads back intact.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, CHARSET_SNIFF_BYTES));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  const label = match?.[1]?.toLowerCase() ?? null;
  return label === null || label === 'utf-8' || label === 'utf8' ? null : label;
}
