import stringWidth from 'string-width';
import { ELLIPSIS } from './truncate-quote.js';

/**
 * A `/`-separated path within `maxColumns` terminal columns with its file name
 * whole, or null when even `…/name` is too wide. Folders in the middle give
 * way first, the way editors shorten a path in a tab or a breadcrumb: the first
 * folder stays (where the file lives in the corpus) and so do as many of those
 * nearest the file as fit; no folder name is ever cut.
 *
 * @example
 * shortenFolders('docs/guides/install/windows.md', 22); // 'docs/…/windows.md'
 * shortenFolders('docs/guides/install/windows.md', 26); // 'docs/…/install/windows.md'
 * shortenFolders('docs/windows.md', 8); // null
 */
export function shortenFolders(path: string, maxColumns: number): string | null {
  if (stringWidth(path) <= maxColumns) return path;
  const folders = path.split('/');
  const name = folders.pop() ?? '';
  const candidates: string[] = [];
  // The first folder, "…", then the nearest folders: most of them first.
  for (let nearest = folders.length - 2; nearest >= 0 && folders.length >= 2; nearest--) {
    candidates.push([folders[0], ELLIPSIS, ...folders.slice(folders.length - nearest), name].join('/'));
  }
  if (folders.length > 0) candidates.push(`${ELLIPSIS}/${name}`);
  return candidates.find((candidate) => stringWidth(candidate) <= maxColumns) ?? null;
}

/**
 * A file name cut in its middle to `maxColumns` terminal columns, keeping its
 * start and its end (the extension): `installation-guide-for-windows.md` in 16
 * columns is `installa…dows.md`. A name that fits is returned as it is.
 */
export function cutNameInMiddle(name: string, maxColumns: number): string {
  if (stringWidth(name) <= maxColumns) return name;
  const characters = Array.from(name);
  const room = Math.max(0, maxColumns - stringWidth(ELLIPSIS));
  const head = takeColumns(characters, Math.ceil(room / 2));
  const tail = takeColumns([...characters].reverse(), room - stringWidth(head.join(''))).reverse();
  return `${head.join('')}${ELLIPSIS}${tail.join('')}`;
}

/** The first characters of `characters` that fill at most `columns` terminal columns. */
function takeColumns(characters: readonly string[], columns: number): string[] {
  const taken: string[] = [];
  let used = 0;
  for (const character of characters) {
    used += stringWidth(character);
    if (used > columns) break;
    taken.push(character);
  }
  return taken;
}
