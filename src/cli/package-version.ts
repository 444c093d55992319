import fs from 'node:fs';

/**
 * footnote's version, from its package.json. Both the sources (src/cli/) and
 * the build (dist/cli/, chunks included) sit two folders below it; yargs's own
 * lookup searches from the working directory and would find the user's project.
 */
export function packageVersion(): string {
  const text = fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const { version } = JSON.parse(text) as { version?: unknown };
  return typeof version === 'string' ? version : 'unknown';
}
