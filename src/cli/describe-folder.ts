import path from 'node:path';

/**
 * A folder as the status line names it: relative to the working directory
 * when inside it, `~/…` inside the home folder, absolute otherwise.
 *
 * @example
 * describeFolder('/home/ana/notes/corpus', '/home/ana/notes', '/home/ana') // → 'corpus'
 * describeFolder('/home/ana/docs', '/tmp', '/home/ana') // → '~/docs'
 */
export function describeFolder(folder: string, cwd: string, home: string): string {
  const relative = path.relative(cwd, folder);
  if (relative === '') return '.';
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) return relative;
  const fromHome = path.relative(home, folder);
  if (home !== '' && !fromHome.startsWith('..') && !path.isAbsolute(fromHome)) {
    return fromHome === '' ? '~' : `~${path.sep}${fromHome}`;
  }
  return folder;
}
