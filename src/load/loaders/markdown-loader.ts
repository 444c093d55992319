import { decodeText } from '../decode-text.js';
import type { Loader } from './loader.js';

/**
 * Markdown, kept as its source text: citations must point at the lines a user sees
 * in their editor, so no markup is stripped.
 */
export const markdownLoader: Loader = {
  format: 'markdown',
  extensions: ['.md', '.markdown', '.mdx'],
  async load(bytes) {
    return decodeText(bytes);
  },
};
