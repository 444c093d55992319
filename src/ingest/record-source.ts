import type { LoadedDocument } from '../shared/types.js';
import { hashBytes, type DocumentSource } from './document-source.js';
import type { ListedDocument } from './plan-changes.js';

/**
 * A document given as data rather than as a file. Declared here, not imported
 * from eval/, because nothing may import eval; `EvalRecord` has this shape.
 */
export interface TextRecord {
  /** Unique id; it becomes the document's `source` and every passage's `source`. */
  id: string;
  /** Indexed in the title column; `null` for none. */
  title: string | null;
  text: string;
}

/**
 * Documents held in memory as records (one BEIR corpus entry or SQuAD paragraph
 * each), for `footnote eval`: the loader for records instead of files, so the
 * same chunker, embedder and store run on them as on a corpus folder. A record's
 * id is its `source`; it has no file, so its mtime is 0 and its size is the
 * length of its text in UTF-16 code units.
 *
 * @example
 * const footnote = createFootnote(config, { source: createRecordSource(dataset.records) });
 */
export function createRecordSource(records: readonly TextRecord[]): DocumentSource {
  const byId = new Map(records.map((record) => [record.id, record]));
  return {
    async list() {
      return records.map(listed);
    },
    async find(source) {
      const record = byId.get(source);
      return record === undefined ? null : listed(record);
    },
    async hash(document) {
      return hashRecord(recordOf(document.source));
    },
    async read(document) {
      const record = recordOf(document.source);
      const hash = hashRecord(record);
      if (record.text.trim() === '') {
        return {
          hash,
          outcome: { kind: 'skipped', skipped: { source: record.id, reason: 'empty', detail: 'no text to index' } },
        };
      }
      const loaded: LoadedDocument = { source: record.id, format: 'text', text: record.text, pageOffsets: null };
      if (record.title !== null) loaded.title = record.title;
      return { hash, outcome: { kind: 'document', document: loaded } };
    },
  };

  function recordOf(id: string): TextRecord {
    const record = byId.get(id);
    if (record === undefined) throw new Error(`not listed: ${id}`);
    return record;
  }
}

function listed(record: TextRecord): ListedDocument {
  return { source: record.id, size: record.text.length, mtimeMs: 0 };
}

/** The title takes part in the hash: it is indexed (FTS5 title column) with the text. */
function hashRecord(record: TextRecord): string {
  return hashBytes(`${record.title ?? ''}\n${record.text}`);
}
