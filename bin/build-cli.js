#!/usr/bin/env node
// Compiles src/ into dist/ with esbuild (tsx's own compiler, installed with it),
// so `footnote` starts without compiling TypeScript at run time. Runs as npm's
// `prepare` script, i.e. on `npm install` in a checkout. Never fails the
// install: without dist/, bin/footnote.js runs the sources through tsx.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = fileURLToPath(new URL('../dist/cli', import.meta.url));

/**
 * Pure JavaScript dependencies that every command loads, bundled into dist/:
 * one file loads faster than their ~140 modules resolved one by one.
 * `footnote ask --json` on the sample went from 475 to 330 ms, `--help` from
 * 440 to 280 ms (medians of eight alternating runs). The rest stay in
 * node_modules: native addons, what loads files beside itself (pdfjs-dist,
 * mammoth), Ink and React (the chat chunk, loaded on demand), and LangChain
 * with the openai SDK, whose classes are checked with instanceof across
 * packages and so must exist once.
 */
const BUNDLED = new Set(['htmlparser2', 'ignore', 'string-width', 'yargs', 'zod']);

try {
  const { dependencies } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const external = Object.keys(dependencies)
    .filter((name) => !BUNDLED.has(name))
    .flatMap((name) => [name, `${name}/*`]);
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
  });
} catch (error) {
  fs.rmSync(outdir, { recursive: true, force: true });
  console.warn(`footnote: prebuilt CLI not made (${error instanceof Error ? error.message : error}); it will run through tsx`);
}
