import { describe, expect, it } from 'vitest';
import { extractHtmlText } from '../../../src/load/loaders/extract-html-text.js';

describe('extractHtmlText', () => {
  it('joins inline elements without adding spaces that were not there', () => {
    expect(extractHtmlText('<p><b>bold</b><i>italic</i> <a href="#">link</a></p>')).toEqual({
      text: 'bolditalic link',
      title: null,
    });
  });

  it('gives nested blocks a single blank line, never leading or trailing ones', () => {
    expect(extractHtmlText('<div><div><p> a </p></div></div><section><div>b</div></section>')).toEqual({
      text: 'a\n\nb',
      title: null,
    });
  });

  it('keeps the title out of the text, which is what the page shows', () => {
    expect(extractHtmlText('<title>T</title><p>a</p>')).toEqual({ text: 'a', title: 'T' });
  });

  it('returns the title as the text when the page has no body text', () => {
    expect(extractHtmlText('<title>Only a title</title>')).toEqual({ text: 'Only a title', title: 'Only a title' });
  });

  it('keeps only the first title', () => {
    expect(extractHtmlText('<title>First</title><p>x</p><svg><title>icon</title></svg>')).toEqual({
      text: 'x',
      title: 'First',
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
