import { describe, expect, it } from 'vitest';
import { titleFromFileName } from '../../src/shared/file-name-title.js';

describe('titleFromFileName', () => {
  it('drops the folders and the extension and reads -, _ and . as spaces', () => {
    expect(titleFromFileName('reports/2024-q3-report.pdf')).toBe('2024 q3 report');
    expect(titleFromFileName('release_notes.final.txt')).toBe('release notes final');
    expect(titleFromFileName('my  notes--draft.docx')).toBe('my notes draft');
  });

  it('splits camelCase words, acronyms and numbers before a word', () => {
    expect(titleFromFileName('installGuide_v2.txt')).toBe('install Guide v2');
    expect(titleFromFileName('HTMLParser.md')).toBe('HTML Parser');
    expect(titleFromFileName('Q3Report.pdf')).toBe('Q3 Report');
    expect(titleFromFileName('3D printing.txt')).toBe('3D printing');
  });

  it('keeps a name of letters and digits whole', () => {
    expect(titleFromFileName('libtasn1.pdf')).toBe('libtasn1');
  });

  it('keeps non-Latin names, composed as text is (NFC)', () => {
    expect(titleFromFileName('会议纪要.txt')).toBe('会议纪要');
    expect(titleFromFileName('протокол-собрания.md')).toBe('протокол собрания');
    expect(titleFromFileName('cafe\u0301.txt')).toBe('caf\u00e9');
  });

  it('gives no title to a name of numbers alone: digits, dates, hashes, UUIDs', () => {
    expect(titleFromFileName('scans/0001.pdf')).toBeNull();
    expect(titleFromFileName('2024-01-05.txt')).toBeNull();
    expect(titleFromFileName('d41d8cd98f00b204e9800998ecf8427e.txt')).toBeNull();
    expect(titleFromFileName('550e8400-e29b-41d4-a716-446655440000.md')).toBeNull();
  });

  it('keeps a name with a word, though it may be a default such as doc1 or untitled', () => {
    expect(titleFromFileName('doc1.docx')).toBe('doc1');
    expect(titleFromFileName('untitled.txt')).toBe('untitled');
    expect(titleFromFileName('scan0001.pdf')).toBe('scan0001');
    expect(titleFromFileName('minutes-2024-01-05.txt')).toBe('minutes 2024 01 05');
  });
});
