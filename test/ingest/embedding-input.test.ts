import { describe, expect, it } from 'vitest';
import { embeddingInput } from '../../src/ingest/embedding-input.js';

describe('embeddingInput', () => {
  it('puts the heading above the text, apart from it', () => {
    expect(embeddingInput('Guide › Install', 'Run setup.exe.')).toBe('Guide › Install\n\nRun setup.exe.');
  });

  it('is the text alone without a heading', () => {
    expect(embeddingInput(null, 'Run setup.exe.')).toBe('Run setup.exe.');
    expect(embeddingInput('', 'Run setup.exe.')).toBe('Run setup.exe.');
  });

  it('is the text alone when the passage is its heading (a page with only a title)', () => {
    expect(embeddingInput('Opening hours', 'Opening hours')).toBe('Opening hours');
  });
});
