import { describe, expect, it } from 'vitest';
import { hashBytes } from '../../src/ingest/document-source.js';
import { createRecordSource } from '../../src/ingest/record-source.js';

const records = [
  { id: 'doc-1', title: 'Penguins', text: 'Penguins eat krill.' },
  { id: 'doc-2', title: null, text: 'Glaciers carve valleys.' },
  { id: 'doc-3', title: 'Blank', text: ' \n ' },
];

describe('createRecordSource', () => {
  it('lists every record by id with its text length and mtime 0', async () => {
    const source = createRecordSource(records);

    expect(await source.list()).toEqual([
      { source: 'doc-1', size: 19, mtimeMs: 0 },
      { source: 'doc-2', size: 23, mtimeMs: 0 },
      { source: 'doc-3', size: 3, mtimeMs: 0 },
    ]);
  });

  it('finds one record by id, and nothing for an unknown id', async () => {
    const source = createRecordSource(records);

    expect(await source.find('doc-2')).toEqual({ source: 'doc-2', size: 23, mtimeMs: 0 });
    expect(await source.find('doc-9')).toBeNull();
  });

  it('reads a record as a text document that keeps its title', async () => {
    const source = createRecordSource(records);
    const [first] = await source.list();

    expect(await source.read(first!)).toEqual({
      hash: hashBytes('Penguins\nPenguins eat krill.'),
      outcome: {
        kind: 'document',
        document: { source: 'doc-1', format: 'text', text: 'Penguins eat krill.', pageOffsets: null, title: 'Penguins' },
      },
    });
  });

  it('leaves the title out of a record that has none', async () => {
    const source = createRecordSource(records);
    const listed = await source.list();

    const read = await source.read(listed[1]!);

    expect(read.outcome).toEqual({
      kind: 'document',
      document: { source: 'doc-2', format: 'text', text: 'Glaciers carve valleys.', pageOffsets: null },
    });
    expect(read.hash).toBe(hashBytes('\nGlaciers carve valleys.'));
  });

  it('hashes the title with the text, so a retitled record counts as changed', async () => {
    const before = createRecordSource([{ id: 'a', title: 'Old', text: 'Same text.' }]);
    const after = createRecordSource([{ id: 'a', title: 'New', text: 'Same text.' }]);
    const [listed] = await before.list();

    expect(await before.hash(listed!)).toBe(hashBytes('Old\nSame text.'));
    expect(await after.hash(listed!)).not.toBe(await before.hash(listed!));
  });

  it('skips a record without text as empty', async () => {
    const source = createRecordSource(records);
    const listed = await source.list();

    const read = await source.read(listed[2]!);

    expect(read.outcome).toEqual({
      kind: 'skipped',
      skipped: { source: 'doc-3', reason: 'empty', detail: 'no text to index' },
    });
  });
});
