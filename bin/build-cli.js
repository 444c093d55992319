#!/usr/bin/env node
// Compiles src/ into dist/ with esbuild (tsx's own compiler, installed with it),
// so `footnote` starts without compiling TypeScript at run time. Runs as npm's
// `prepare` script, i.e. on `npm install` in a checkout. Never fails the
// install: without dist/, bin/footnote.js runs the sources through tsx.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lazyEmojiRegex } from './lazy-emoji-regex.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = fileURLToPath(new URL('../dist/cli', import.meta.url));

/**
 * Pure JavaScript dependencies bundled into dist/: one file loads faster than
 * their modules resolved one by one from node_modules (Ink alone brings 415
 * es-toolkit modules). Medians of eight alternating runs on the sample:
 * `footnote ask --json` 475 → 330 ms, `--help` 440 → 280 ms; of six, the
 * chat app's input line 823 → 476 ms. The rest stay in node_modules: native
 * addons, what loads files beside itself (pdfjs-dist, mammoth), React (which
 * must exist once, for Ink and for footnote's components), and LangChain with
 * the openai SDK, whose classes are checked with instanceof across packages.
 */
const BUNDLED = new Set(['htmlparser2', 'ignore', 'ink', 'string-width', 'yargs', 'zod']);

try {
  const { dependencies } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const external = Object.keys(dependencies)
    .filter((name) => !BUNDLED.has(name))
    .flatMap((name) => [name, `${name}/*`])
    // Ink imports it only under DEV=true, and it is not installed.
    .concat('react-devtools-core');
  const esbuild = await import('esbuild');
  fs.rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: root,
    // The index run's text worker is a thread entry of its own, found beside
    // the chunk that starts it (src/ingest/text-worker-client.ts).
    entryPoints: { main: 'src/cli/main.ts', 'text-worker': 'src/ingest/text-worker.ts' },
    outdir,
    bundle: true,
    // Splitting keeps what the source loads with import() (the chat app, the
    // openai provider) in chunks loaded on demand, as in the source.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    // Bundled CommonJS (ignore, parts of yargs) calls require() for Node's own modules.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    jsx: 'automatic',
    tsconfig: 'tsconfig.json',
    logLevel: 'error',
    plugins: [lazyEmojiRegex],
  });
} catch (error) {
  fs.rmSync(outdir, { recursive: true, force: true });
  console.warn(`footnote: prebuilt CLI not made (${error instanceof Error ? error.message : error}); it will run through tsx`);
}
