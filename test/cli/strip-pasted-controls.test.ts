import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { stripPastedControls, stripPastedControlsOnRead } from '../../src/cli/strip-pasted-controls.js';

describe('stripPastedControls', () => {
  it('drops colours, erasing and mode switches from pasted text', () => {
    expect(stripPastedControls('abc\u001B[31mdef\u001B[0m')).toBe('abcdef');
    expect(stripPastedControls('\u001B[1;32mok\u001B[m\u001B[K\u001B[?25h')).toBe('ok');
    expect(stripPastedControls('x\u001B]0;TITLE\u0007y\u001B]8;;https://a.b\u001B\\z')).toBe('xyz');
  });

  it('keeps the sequences keys send', () => {
    const keys = ['\u001B[A', '\u001B[1;5C', '\u001B[3~', '\u001BOP', '\u001B[15~', '\u001B[200~', '\u001B[Z', '\u001Bb'];
    for (const key of keys) expect(stripPastedControls(key)).toBe(key);
  });
});

describe('stripPastedControlsOnRead', () => {
  it('makes read() return the text without them, as strings or buffers', () => {
    const text = new PassThrough();
    text.setEncoding('utf8');
    stripPastedControlsOnRead(text);
    text.write('q\u001B[31mr');
    expect(text.read()).toBe('qr');

    const bytes = new PassThrough();
    stripPastedControlsOnRead(bytes);
    bytes.write(Buffer.from('é\u001B[0m!', 'utf8'));
    expect((bytes.read() as Buffer).toString('utf8')).toBe('é!');
    expect(bytes.read()).toBeNull();
  });
});
