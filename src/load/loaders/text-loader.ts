import { decodeText } from '../decode-text.js';
import type { Loader } from './loader.js';

/** Plain text files, decoded as they are. */
export const textLoader: Loader = {
  format: 'text',
  extensions: ['.txt', '.text'],
  async load(bytes) {
    return decodeText(bytes);
  },
};
