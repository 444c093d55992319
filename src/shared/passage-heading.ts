/** What joins a document's title and the headings of its section. */
export const HEADING_SEPARATOR = ' › ';

/**
 * What a passage sits under: its document's title and its Markdown section,
 * joined by ` › `. Search reads it as the passage's title (FTS5's `title`
 * column, the reranker's first sentence), so a question that names a heading
 * finds the passages beneath it. With no section it is the title unchanged.
 *
 * @example
 * passageHeading({ title: null, section: 'Install › Windows' }); // 'Install › Windows'
 * passageHeading({ title: 'Guide', section: 'Install' });       // 'Guide › Install'
 * passageHeading({ title: 'Guide', section: null });            // 'Guide'
 */
export function passageHeading({ title, section }: { title: string | null; section: string | null }): string | null {
  if (section === null || section === '') return title;
  return title === null || title === '' ? section : `${title}${HEADING_SEPARATOR}${section}`;
}
