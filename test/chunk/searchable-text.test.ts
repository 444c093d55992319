import { describe, expect, it } from 'vitest';
import { hideLinkTargets, searchableText } from '../../src/chunk/searchable-text.js';

/** The hidden text with each run of spaces it left shown as one `_`, so tests read what is left. */
const visible = (markdown: string): string => {
  const hidden = hideLinkTargets(markdown);
  expect(hidden).toHaveLength(markdown.length);
  expect(hidden.split('\n')).toHaveLength(markdown.split('\n').length);
  return hidden.replace(/ {2,}/g, '_');
};

describe('hideLinkTargets', () => {
  it('hides an inline link destination and keeps the link text', () => {
    expect(visible('- fix reader ([abc1234](https://github.com/openai/openai-node/commit/abc1234))')).toBe(
      '- fix reader ([abc1234](_))',
    );
  });

  it('hides the title of an inline link, in any of its three quotings', () => {
    expect(visible('[a](/x "T one") [b](/y \'T two\') [c](<z w> (T three))')).toBe('[a](_) [b](_) [c](_)');
  });

  it('keeps the alt text of an image and of a badge wrapped in a link', () => {
    expect(visible('![Ink logo](media/logo.png) [![npm version](https://img.shields.io/npm/v/ink.svg)](https://npm.im/ink)')).toBe(
      '![Ink logo](_) [![npm version](_)](_)',
    );
  });

  it('hides destinations with balanced parentheses and escapes whole', () => {
    expect(visible('[wiki](https://en.wikipedia.org/wiki/Foo_(bar)) and \\(b\\)')).toBe('[wiki](_) and \\(b\\)');
  });

  it('hides reference definitions whole and the labels of full reference links', () => {
    expect(visible(['See [the docs][docs-url] and [`fs.readFile()`][].', '', '[docs-url]: https://x.io/docs "Docs"', '  [fs.readFile()]: <fs.md#readfile>'].join('\n'))).toBe(
      ['See [the docs][_] and [`fs.readFile()`][].', '', '_', '_'].join('\n'),
    );
  });

  it('keeps autolinks and bare URLs, which are the text a reader sees', () => {
    const markdown = 'Report it at <https://github.com/x/y/issues> or https://x.io/help.';
    expect(visible(markdown)).toBe(markdown);
  });

  it('leaves what only looks like a link target as written', () => {
    const markdown = '[note](see below) and [1]: Smith, J. The title';
    expect(visible(markdown)).toBe(markdown);
  });

  it('leaves links in fenced code and code spans as written', () => {
    const markdown = ['Write `[text](url)` for a link:', '', '```md', '[text](https://x.io)', '[id]: https://x.io', '```'].join('\n');
    expect(visible(markdown)).toBe(markdown);
  });

  it('hides a link target that the passage ends inside of', () => {
    expect(visible('- fix reader ([abc1234](https://github.com/openai/op')).toBe('- fix reader ([abc1234](_');
  });

  it('hides link targets in headings, table rows and list items, line breaks kept', () => {
    expect(visible('# Guide [![ci](b.svg)](ci)\n| [a](#a) | b |\n- [c](#c\n  "T")')).toBe('# Guide [![ci](_)](_)\n| [a](_) | b |\n- [c](_\n_)');
  });
});

describe('searchableText', () => {
  it('reads Markdown by its visible text and any other format as it is', () => {
    expect(searchableText('[fix](https://x.io/a)', 'markdown')).toBe('[fix](              )');
    expect(searchableText('[fix](https://x.io/a)', 'text')).toBe('[fix](https://x.io/a)');
    expect(searchableText('[fix](https://x.io/a)', 'html')).toBe('[fix](https://x.io/a)');
  });
});

describe('searchableText of inline HTML in Markdown', () => {
  const md = (text: string) => searchableText(text, 'markdown');

  it('hides tag names and attribute values, keeping the text between tags', () => {
    expect(visible('See <a href="https://github.com/x">the guide</a> now.')).toBe('See_the guide_now.');
  });

  it('keeps the alt text of an image tag, on a line of markup too', () => {
    expect(visible('<p align="center"><img src="logo.svg" alt="Harbor logo"></p>')).toBe('_Harbor logo_');
  });

  it('hides what is left of a tag that the passage\'s end cuts off', () => {
    expect(visible('Sponsors: <a href="https://sentry.io">Sentry</a> <img src="https://github.com/get')).toBe('Sponsors:_Sentry_');
    expect(md('if a <b then')).toBe('if a <b then');
  });

  it('leaves autolinks, code spans and code blocks as written', () => {
    expect(md('<https://x.io> and `<b class="x">`')).toBe('<https://x.io> and `<b class="x">`');
    expect(md('```html\n<a href="y">z</a>\n```')).toBe('```html\n<a href="y">z</a>\n```');
    expect(md('a <b>bold</b> word')).toBe('a    bold     word');
  });
});
