import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import stringWidth from 'string-width';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pluginUrl = new URL('../../bin/lazy-emoji-regex.js', import.meta.url).href;

let outDir: string;
beforeEach(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-lazy-emoji-'));
});
afterEach(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe('lazyEmojiRegex (bin/build-cli.js)', () => {
  it("bundles string-width with its emoji regex built on first use, measuring what the package measures", async () => {
    const { lazyEmojiRegex } = (await import(pluginUrl)) as { lazyEmojiRegex: Plugin };
    const outfile = path.join(outDir, 'string-width.mjs');
    await build({
      stdin: { contents: "export { default } from 'string-width';", resolveDir: root, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile,
      plugins: [lazyEmojiRegex],
      logLevel: 'error',
    });

    expect(fs.readFileSync(outfile, 'utf8')).toContain('rgiEmojiRegexBuilt ??=');
    const { default: bundledWidth } = (await import(pathToFileURL(outfile).href)) as { default: typeof stringWidth };
    for (const text of ['plain', '😀', '👨‍👩‍👧', '🇫🇷', '1️⃣', '公司成立', 'e\u0301', '\u001b[31mred\u001b[39m', '']) {
      expect(bundledWidth(text), text).toBe(stringWidth(text));
    }
    expect(bundledWidth('😀')).toBe(2);
  });
});
