/**
 * The third-party packages `footnote ask` loads, grouped by who needs them,
 * in the order the breakdown imports them. Order matters: a package shared by
 * two groups is charged to the first (zod, for instance, before LangChain).
 */
export const IMPORT_GROUPS: readonly { name: string; specifiers: readonly string[] }[] = [
  { name: 'yargs (argv parsing)', specifiers: ['yargs', 'yargs/helpers'] },
  { name: 'zod (config schema)', specifiers: ['zod'] },
  { name: '@langchain/core/embeddings (local embedder base class)', specifiers: ['@langchain/core/embeddings'] },
  {
    name: '@langchain/openai + @langchain/core/messages (openai provider only)',
    specifiers: ['@langchain/core/messages', '@langchain/openai'],
  },
  { name: 'better-sqlite3 + hnswlib-node (native store)', specifiers: ['better-sqlite3', 'hnswlib-node'] },
  { name: 'htmlparser2 + ignore (loading)', specifiers: ['htmlparser2', 'ignore'] },
];

/** What an import-timing script prints: milliseconds since process start, and per group. */
export interface ImportTimings {
  /** performance.now() when the script's first line ran. */
  entryMs: number;
  /** Importing tsx and registering its loader hooks; 0 without tsx. */
  tsxRegisterMs: number;
  groups: { name: string; ms: number }[];
}

/**
 * Source for `node --input-type=module -e …` (run from the repository root, so
 * bare specifiers resolve there) that imports every group in order and prints
 * {@link ImportTimings} as JSON. With `withTsx` it first registers tsx the way
 * bin/footnote.js does, so the same imports go through tsx's loader hooks.
 */
export function buildImportTimingScript(withTsx: boolean): string {
  return `
const entryMs = performance.now();
let tsxRegisterMs = 0;
if (${withTsx}) {
  const { register } = await import('tsx/esm/api');
  register();
  tsxRegisterMs = performance.now() - entryMs;
}
const groups = [];
for (const group of ${JSON.stringify(IMPORT_GROUPS)}) {
  const startedAt = performance.now();
  for (const specifier of group.specifiers) await import(specifier);
  groups.push({ name: group.name, ms: performance.now() - startedAt });
}
process.stdout.write(JSON.stringify({ entryMs, tsxRegisterMs, groups }) + '\\n');
`;
}
