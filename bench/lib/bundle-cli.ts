import fs from 'node:fs';
import path from 'node:path';
import type * as Esbuild from 'esbuild';

/** Modules only the openai provider uses; stubbing them simulates importing them lazily. */
const OPENAI_ONLY_MODULES = /^(@langchain\/openai|@langchain\/core\/messages)$/;

/**
 * Bundles src/cli/main.ts with esbuild (tsx's own compiler, already installed
 * as its dependency) into `outDir/main.mjs`, third-party packages left as
 * imports, to measure what `footnote ask` would cost without tsx at run time.
 * With `stubOpenAI`, the openai-only modules become empty stand-ins, which is
 * what a lazy `import()` of them on the openai path would save (the local path
 * never calls them). `outDir` gets a `node_modules` link to the repository's.
 * Returns the bundle's path, or null when esbuild cannot be loaded.
 */
export async function bundleCli(
  repoRoot: string,
  outDir: string,
  options: { stubOpenAI: boolean },
): Promise<string | null> {
  let esbuild: typeof Esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(outDir, 'node_modules'), 'dir');
  const stub: Esbuild.Plugin = {
    name: 'stub-openai',
    setup(build) {
      build.onResolve({ filter: OPENAI_ONLY_MODULES }, (args) => ({ path: args.path, namespace: 'stub' }));
      build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
        contents: 'export class ChatOpenAI {} export class OpenAIEmbeddings {} export class HumanMessage {} export class SystemMessage {} export class AIMessage {}',
        loader: 'js',
      }));
    },
  };
  await esbuild.build({
    entryPoints: { main: path.join(repoRoot, 'src/cli/main.ts') },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Splitting keeps the chat app (ink, react) in its own chunk, loaded on demand as in the source.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    logLevel: 'error',
    plugins: options.stubOpenAI ? [stub] : [],
  });
  return path.join(outDir, 'main.mjs');
}
