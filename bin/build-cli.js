#!/usr/bin/env node
// Compiles src/ into dist/ with esbuild (tsx's own compiler, installed with it),
// so `footnote` starts without compiling TypeScript at run time. Runs as npm's
// `prepare` script, i.e. on `npm install` in a checkout. Never fails the
// install: without dist/, bin/footnote.js runs the sources through tsx.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = fileURLToPath(new URL('../dist/cli', import.meta.url));

try {
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
    // Dependencies load from node_modules as they would from the source.
    packages: 'external',
    jsx: 'automatic',
    tsconfig: 'tsconfig.json',
    logLevel: 'error',
  });
} catch (error) {
  fs.rmSync(outdir, { recursive: true, force: true });
  console.warn(`footnote: prebuilt CLI not made (${error instanceof Error ? error.message : error}); it will run through tsx`);
}
