import { describe, expect, it } from 'vitest';
import { cutNameInMiddle, shortenFolders } from '../../../src/ui/format/shorten-path.js';

describe('shortenFolders', () => {
  it('keeps a path that fits as it is', () => {
    expect(shortenFolders('docs/guides/windows.md', 22)).toBe('docs/guides/windows.md');
  });

  it('gives way in the middle folders first, keeping the first and those nearest the file', () => {
    const path = 'docs/guides/install/windows.md';
    expect(shortenFolders(path, 29)).toBe('docs/…/install/windows.md');
    expect(shortenFolders(path, 24)).toBe('docs/…/windows.md');
    expect(shortenFolders(path, 16)).toBe('…/windows.md');
  });

  it('returns null when the file name alone does not fit, and never cuts a folder name', () => {
    expect(shortenFolders('docs/guides/install/windows.md', 11)).toBeNull();
    expect(shortenFolders('windows.md', 9)).toBeNull();
    expect(shortenFolders('a-very-long-folder-name/x.md', 20)).toBe('…/x.md');
  });

  it('counts a wide character as two columns', () => {
    expect(shortenFolders('文档/安装/说明.md', 12)).toBe('…/说明.md');
    expect(shortenFolders('文档/安装/说明.md', 14)).toBe('文档/…/说明.md');
  });
});

describe('cutNameInMiddle', () => {
  it('keeps the start and the extension of a name too long, with an ellipsis between', () => {
    expect(cutNameInMiddle('installation-guide-for-windows.md', 16)).toBe('installa…dows.md');
    expect(cutNameInMiddle('short.md', 16)).toBe('short.md');
  });

  it('never halves a wide character', () => {
    expect(cutNameInMiddle('一二三四五六七八.md', 10)).toBe('一二…八.md');
  });
});
