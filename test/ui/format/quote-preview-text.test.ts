import { describe, expect, it } from 'vitest';
import { quotePreviewText } from '../../../src/ui/format/quote-preview-text.js';

describe('quotePreviewText', () => {
  it('starts a Markdown passage\'s preview after its leading headings', () => {
    expect(quotePreviewText({ source: 'guide.md', text: '# Install\n\n## Windows\nRun setup.exe.\n## Linux' })).toBe(
      'Run setup.exe.\n## Linux',
    );
  });

  it('keeps a passage that is nothing but headings, and one that starts with text', () => {
    expect(quotePreviewText({ source: 'guide.md', text: '# Install\n## Windows' })).toBe('# Install\n## Windows');
    expect(quotePreviewText({ source: 'guide.md', text: 'Intro.\n# Install' })).toBe('Intro.\n# Install');
  });

  it('leaves other formats as they are: a "#" line of a text file is not a heading', () => {
    expect(quotePreviewText({ source: 'notes.txt', text: '# 1 of 3\nFirst.' })).toBe('# 1 of 3\nFirst.');
  });

  it('starts at the first sentence the answer quotes, wherever it is in the passage', () => {
    const text = '# Guide\n\nRun the installer.\n\n## Uninstall\n\nRemove the folder.';
    const quote = { text: 'Remove the folder.', startLine: 7, endLine: 7, section: 'Guide › Uninstall' };
    expect(quotePreviewText({ source: 'guide.md', text, quotes: [quote] })).toBe('Remove the folder.');
  });
});
