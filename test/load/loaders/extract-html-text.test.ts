import { describe, expect, it } from 'vitest';
import { extractHtmlText } from '../../../src/load/loaders/extract-html-text.js';

describe('extractHtmlText', () => {
  it('joins inline elements without adding spaces that were not there', () => {
    expect(extractHtmlText('<p><b>bold</b><i>italic</i> <a href="#">link</a></p>')).toEqual({
      text: 'bolditalic link',
      title: null,
      headings: [],
    });
  });

  it('gives nested blocks a single blank line, never leading or trailing ones', () => {
    expect(extractHtmlText('<div><div><p> a </p></div></div><section><div>b</div></section>')).toEqual({
      text: 'a\n\nb',
      title: null,
      headings: [],
    });
  });

  it('keeps the title out of the text, which is what the page shows', () => {
    expect(extractHtmlText('<title>T</title><p>a</p>')).toEqual({ text: 'a', title: 'T', headings: [] });
  });

  it('returns the title as the text when the page has no body text', () => {
    expect(extractHtmlText('<title>Only a title</title>')).toEqual({ text: 'Only a title', title: 'Only a title', headings: [] });
  });

  it('keeps only the first title', () => {
    expect(extractHtmlText('<title>First</title><p>x</p><svg><title>icon</title></svg>')).toEqual({
      text: 'x',
      title: 'First',
      headings: [],
    });
  });

  it('keeps words apart across a non-breaking space, as an entity or a raw U+00A0', () => {
    expect(extractHtmlText('<p>The treasurer is Eleanor&nbsp;Whitcombe</p>').text).toBe(
      'The treasurer is Eleanor Whitcombe',
    );
    expect(extractHtmlText('<p><b>40</b>\u00a0km</p>').text).toBe('40 km');
    // Inside one text node it stays as written: the text is what citations quote.
    expect(extractHtmlText('<p>40\u00a0km</p>').text).toBe('40\u00a0km');
  });

  it('drops a paragraph that is only a non-breaking space', () => {
    expect(extractHtmlText('<p>a</p><p>&nbsp;</p><p>b</p>').text).toBe('a\n\nb');
  });
});

describe('extractHtmlText headings', () => {
  it('lists <h1>–<h6> with their place in the text, level and title', () => {
    const { text, headings } = extractHtmlText('<h1>scope</h1><p>Intro.</p><h2>Associating a <code>scope</code></h2><p>Body.</p>');
    expect(text).toBe('scope\n\nIntro.\n\nAssociating a scope\n\nBody.');
    expect(headings).toEqual([
      { start: 0, end: 5, level: 1, title: 'scope' },
      { start: 15, end: 34, level: 2, title: 'Associating a scope' },
    ]);
    expect(headings.map((heading) => text.slice(heading.start, heading.end))).toEqual(['scope', 'Associating a scope']);
  });

  it('reads a heading split by <br> as one, titled on one line', () => {
    const { text, headings } = extractHtmlText('<p>a</p><h3>One<br>two</h3>');
    expect(headings).toEqual([{ start: 3, end: 10, level: 3, title: 'One two' }]);
    expect(text.slice(3, 10)).toBe('One\ntwo');
  });

  it('lists no heading for the <title>, an empty or hidden heading, or one nested in another', () => {
    const html = '<title><h1>T</h1></title><h2> </h2><template><h2>x</h2></template><h2>Out <h3>in</h3></h2><p>b</p>';
    const { text, headings } = extractHtmlText(html);
    expect(text).toBe('Out\n\nin\n\nb');
    expect(headings).toEqual([{ start: 0, end: 7, level: 2, title: 'Out in' }]);
  });
});
