import { describe, expect, it } from 'vitest';
import { htmlLoader } from '../../../src/load/loaders/html-loader.js';

const load = (html: string | Uint8Array) =>
  htmlLoader.load(typeof html === 'string' ? new TextEncoder().encode(html) : html, {});

describe('htmlLoader', () => {
  it('keeps visible text only, with decoded entities and one paragraph per block', async () => {
    const html = `<!doctype html><html><head><meta charset="utf-8">
<style>p { color: red }</style><script>var hidden = "<p>script text</p>";</script></head>
<body><h1>Fish &amp; Chips</h1>
<p>Costs   &pound;5
   today.</p><noscript>enable scripts</noscript><template><p>template text</p></template>
<p>Open <b>late</b>, <i>every</i>day.</p></body></html>`;
    expect(await load(html)).toEqual({
      ok: true,
      text: 'Fish & Chips\n\nCosts £5 today.\n\nOpen late, everyday.',
      headings: [{ start: 0, end: 12, level: 1, title: 'Fish & Chips' }],
    });
  });

  it('puts the title on the document, not in its text', async () => {
    const html = '<html><head><title>  Opening\n hours </title></head><body><p>Nine to five.</p></body></html>';
    expect(await load(html)).toEqual({ ok: true, text: 'Nine to five.', title: 'Opening hours' });
  });

  it('finds the body even when </head> is missing', async () => {
    expect(await load('<head><title>T</title><body><p>Body text</p>')).toEqual({
      ok: true,
      text: 'Body text',
      title: 'T',
    });
  });

  it('breaks lines at <br> and list items', async () => {
    const html = '<div>one<br>two</div><ul><li>a</li><li>b</li></ul>';
    expect(await load(html)).toEqual({ ok: true, text: 'one\ntwo\n\na\nb' });
  });

  it('sets each table row apart, its cells joined by " | ", so an answer can quote one row', async () => {
    const html =
      '<table><tr><th>Product</th><th>Sales</th></tr><tr><td>Stout <b>sales</b></td><td></td><td>9000 barrels</td></tr>' +
      '<tr><td>Ale</td><td>4000 barrels</td></tr></table><p>After.</p>';
    expect(await load(html)).toEqual({
      ok: true,
      text: 'Product | Sales\n\nStout sales | 9000 barrels\n\nAle | 4000 barrels\n\nAfter.',
    });
  });

  it('keeps the whitespace of <pre> blocks', async () => {
    expect(await load('<p>Run:</p><pre>\n  npm  test\n    --watch\n</pre><p>Done.</p>')).toEqual({
      ok: true,
      text: 'Run:\n\n  npm  test\n    --watch\n\nDone.',
    });
  });

  it('decodes a page in the legacy charset its meta tag declares', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('<meta charset="windows-1252"><p>caf'),
      0xe9,
      ...new TextEncoder().encode('</p>'),
    ]);
    expect(await load(bytes)).toEqual({ ok: true, text: 'café' });
  });

  it('reports invalid UTF-8 when no charset is declared', async () => {
    expect(await load(new Uint8Array([0x3c, 0x70, 0x3e, 0xe9]))).toMatchObject({ ok: false, reason: 'invalid-utf8' });
  });
});
