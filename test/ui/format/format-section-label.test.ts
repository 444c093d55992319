import { describe, expect, it } from 'vitest';
import { formatSectionLabel } from '../../../src/ui/format/format-section-label.js';

describe('formatSectionLabel', () => {
  it('puts the trail after a › when it fits', () => {
    expect(formatSectionLabel('Install › Windows', 40)).toBe(' › Install › Windows');
  });

  it('is empty for no section', () => {
    expect(formatSectionLabel(null, 40)).toBe('');
  });

  it('drops outer headings first, keeping the innermost', () => {
    expect(formatSectionLabel('Guide › Install › Windows', 16)).toBe(' › … › Windows');
  });

  it('cuts a single heading too long for the room at its end', () => {
    expect(formatSectionLabel('Installing on every platform', 16)).toBe(' › Installing…');
  });

  it('leaves the section out when there is hardly any room', () => {
    expect(formatSectionLabel('Install › Windows', 5)).toBe('');
  });

  it('counts wide characters as two columns', () => {
    expect(formatSectionLabel('安装 › 视窗系统', 15)).toBe(' › … › 视窗系统');
    expect(formatSectionLabel('安装 › 视窗系统', 14)).toBe(' › 视窗系统');
    expect(formatSectionLabel('视窗系统', 10)).toBe(' › 视窗系…');
  });
});
