import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `text` as an OSC 8 terminal hyperlink to `url`: terminals that support it
 * show the text and open the url on click; Ink measures and wraps it as text.
 *
 * @see https://gist.github.com/egmontkob/eb114294efbcd5adb1944c9f3cb5feaf
 * @example
 * formatHyperlink('a.md', 'file:///docs/a.md') // → '\u001B]8;;file:///docs/a.md\u0007a.md\u001B]8;;\u0007'
 */
export function formatHyperlink(text: string, url: string): string {
  return `\u001B]8;;${url}\u0007${text}\u001B]8;;\u0007`;
}

/**
 * The `file://` url of a corpus file, from the corpus folder and the file's
 * `/`-separated path inside it.
 *
 * @example
 * fileUrlOf('/docs', 'notes/a b.md') // → 'file:///docs/notes/a%20b.md'
 */
export function fileUrlOf(corpusDir: string, source: string): string {
  return pathToFileURL(path.join(corpusDir, ...source.split('/'))).href;
}
