import { describe, expect, it } from 'vitest';
import { describeFolder } from '../../src/cli/describe-folder.js';

describe('describeFolder', () => {
  it('names a folder relative to the working directory, the home folder, or in full', () => {
    expect(describeFolder('/home/ana/notes/corpus', '/home/ana/notes', '/home/ana')).toBe('corpus');
    expect(describeFolder('/home/ana/notes', '/home/ana/notes', '/home/ana')).toBe('.');
    expect(describeFolder('/home/ana/docs', '/tmp', '/home/ana')).toBe('~/docs');
    expect(describeFolder('/srv/docs', '/tmp', '/home/ana')).toBe('/srv/docs');
  });
});
