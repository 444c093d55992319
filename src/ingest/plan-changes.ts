/** A document as listed by its source, with a cheap fingerprint. */
export interface ListedDocument {
  source: string;
  size: number;
  mtimeMs: number;
  /** The error code when listing already showed it cannot be read (see `CorpusFile.unreadable`). */
  unreadable?: string;
}

/** A document as recorded in the index by the previous run. */
export interface IndexedDocument {
  path: string;
  size: number;
  mtimeMs: number;
}

/** What an index run has to do. */
export interface ChangePlan {
  /** Not in the index yet. */
  added: ListedDocument[];
  /** In the index, but size or mtime differ: read and compare content hashes. */
  suspect: ListedDocument[];
  /** Same size and mtime as indexed: trusted unchanged without reading (as git does). */
  unchanged: ListedDocument[];
  /** Indexed, but gone from the corpus. */
  removed: string[];
}

/**
 * Compares the corpus listing with what the index holds. Pure: no I/O.
 * With `rehashAll` every indexed document is a suspect (used when the chunking
 * settings changed, so unchanged files still need new chunks).
 */
export function planChanges(
  listed: readonly ListedDocument[],
  indexed: readonly IndexedDocument[],
  options: { rehashAll?: boolean } = {},
): ChangePlan {
  const byPath = new Map(indexed.map((document) => [document.path, document]));
  const plan: ChangePlan = { added: [], suspect: [], unchanged: [], removed: [] };
  const seen = new Set<string>();
  for (const document of listed) {
    seen.add(document.source);
    const previous = byPath.get(document.source);
    if (!previous) plan.added.push(document);
    else if (
      options.rehashAll ||
      previous.size !== document.size ||
      previous.mtimeMs !== document.mtimeMs
    )
      plan.suspect.push(document);
    else plan.unchanged.push(document);
  }
  plan.removed = indexed.map((document) => document.path).filter((path) => !seen.has(path));
  return plan;
}
