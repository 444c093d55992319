import { describe, expect, it } from 'vitest';
import { markdownLoader } from '../../../src/load/loaders/markdown-loader.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('markdownLoader', () => {
  it('keeps the markdown source so lines match the editor', async () => {
    const source = '# Title\n\nSome **bold** and [a link](http://x).\n\n- item\n';
    expect(await markdownLoader.load(utf8(source), {})).toEqual({ ok: true, text: source });
  });
});
