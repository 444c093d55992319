import fs from 'node:fs';
import path from 'node:path';
import { parseEmbedderIdentity, type EmbedderIdentity } from '../embed/embedder.js';
import { ChunkRepository } from './chunk-repository.js';
import { DATABASE_FILE_NAME, openDatabase } from './database.js';

/**
 * The identity of the embedder the index in `indexDir` was built with, or
 * `null` when there is no index or it does not say. It only spares a request
 * (see `OpenAIEmbedder.create`), so an index that cannot be read is `null`
 * here and reported by whatever opens it next.
 */
export function readIndexedEmbedder(indexDir: string): EmbedderIdentity | null {
  if (!fs.existsSync(path.join(indexDir, DATABASE_FILE_NAME))) return null;
  try {
    const db = openDatabase(indexDir, { readonly: true });
    try {
      const stored = new ChunkRepository(db).getMeta('embedder');
      return stored === null ? null : parseEmbedderIdentity(stored);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
