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
