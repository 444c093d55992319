// An esbuild plugin for bin/build-cli.js; a module of its own so that a test
// can bundle string-width with it and compare widths.
import fs from 'node:fs';

/**
 * string-width 8, which yargs and Ink load, builds `/^\p{RGI_Emoji}$/v` as it
 * loads: 20–38 ms of every start-up, for a regex that only text with emoji
 * reaches (printable ASCII takes its fast path). The bundle builds it on first
 * use instead. Another version of the file is bundled as it is.
 */
const EAGER_EMOJI_REGEX = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
const LAZY_EMOJI_REGEX =
  'let rgiEmojiRegexBuilt;\nconst rgiEmojiRegex = { test: (text) => (rgiEmojiRegexBuilt ??= /^\\p{RGI_Emoji}$/v).test(text) };';
export const lazyEmojiRegex = {
  name: 'lazy-emoji-regex',
  setup(build) {
    build.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const uses = source.split('rgiEmojiRegex').length - 1;
      const tests = source.split('rgiEmojiRegex.test(').length - 1;
      // Only the declaration and calls of test(), which the lazy stand-in offers.
      if (!source.includes(EAGER_EMOJI_REGEX) || uses !== tests + 1) return undefined;
      return { contents: source.replace(EAGER_EMOJI_REGEX, LAZY_EMOJI_REGEX), loader: 'js' };
    });
  },
};
