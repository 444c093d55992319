import { describe, expect, it } from 'vitest';
import { textLoader } from '../../../src/load/loaders/text-loader.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('textLoader', () => {
  it('loads the decoded text unchanged', async () => {
    expect(await textLoader.load(utf8('line one\r\nline two\n'), {})).toEqual({
      ok: true,
      text: 'line one\r\nline two\n',
    });
  });

  it('passes a decoding problem through as the skip reason', async () => {
    expect(await textLoader.load(new Uint8Array([0x61, 0x00]), {})).toMatchObject({ ok: false, reason: 'binary' });
  });
});
