import { searchableText } from '../chunk/searchable-text.js';
import type { Embedder } from '../embed/embedder.js';
import type { DocumentFormat } from '../shared/types.js';

/**
 * What the embedder reads for a chunk: its heading (see `passageHeading`)
 * above its text. A passage deep in a section often never names what it is
 * about ("Double-click setup.exe…" under "Install › Windows"), and a vector of
 * its words alone cannot find it for a question about Windows; keyword search
 * already reads the heading as the passage's title. Only the vector changes:
 * the chunk's text, offsets and citations stay the file's own. A passage that
 * is its heading alone (an HTML page with only a `<title>`) is embedded once.
 *
 * @example
 * embeddingInput('Guide › Install', 'Run setup.exe.'); // 'Guide › Install\n\nRun setup.exe.'
 * embeddingInput(null, 'Run setup.exe.');              // 'Run setup.exe.'
 */
export function embeddingInput(heading: string | null, text: string): string {
  return heading === null || heading === '' || heading === text ? text : `${heading}\n\n${text}`;
}

/**
 * The chunk text `embedder` reads. A lexical embedder (the local one) hashes
 * the words search reads, so a Markdown passage gives it its visible text
 * (see `searchableText`): link targets would pull every changelog line that
 * links a commit towards the project's name. A server's model reads the
 * passage as written: it knows a URL when it reads one, and a changed input
 * would send every linked passage of an existing index to it again.
 *
 * @example
 * embeddedText('[fix](https://x.io/a)', 'markdown', new LocalEmbedder()); // '[fix](              )'
 */
export function embeddedText(text: string, format: DocumentFormat, embedder: Pick<Embedder, 'lexical'>): string {
  return embedder.lexical === true ? searchableText(text, format) : text;
}
