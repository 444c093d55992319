import { once } from 'node:events';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { FootnoteError, throwIfAborted } from '../../shared/errors.js';
import { withoutByteOrderMark } from '../../shared/without-byte-order-mark.js';

/** One parsed line of a JSON Lines file. */
export interface JsonLine {
  /** 1-based physical line number, counting blank lines, for error messages. */
  lineNumber: number;
  value: unknown;
}

/**
 * Streams a JSON Lines file one parsed line at a time, so a corpus of any size is
 * never held as one string. Blank lines are skipped; CRLF endings and a
 * byte-order mark are accepted.
 *
 * @throws FootnoteError `DATASET_INVALID` naming the file, and the line for bad JSON.
 * @see https://jsonlines.org/
 */
export async function* readJsonLines(
  file: string,
  signal?: AbortSignal,
): AsyncGenerator<JsonLine, void, undefined> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  try {
    // Wait for 'open' so a missing file surfaces here: readline's async iterator
    // does not reliably forward errors from its input stream.
    await once(stream, 'open');
  } catch (error) {
    stream.destroy();
    throw new FootnoteError('DATASET_INVALID', { path: file, detail: describeFsError(error) }, { cause: error });
  }
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      throwIfAborted(signal);
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(lineNumber === 1 ? withoutByteOrderMark(line) : line);
      } catch (error) {
        throw new FootnoteError(
          'DATASET_INVALID',
          { path: file, line: lineNumber, detail: `line ${lineNumber}: invalid JSON (${errorMessage(error)})` },
          { cause: error },
        );
      }
      yield { lineNumber, value };
    }
  } catch (error) {
    if (FootnoteError.isInstance(error)) throw error;
    throw new FootnoteError('DATASET_INVALID', { path: file, detail: describeFsError(error) }, { cause: error });
  } finally {
    lines.close();
    stream.destroy();
  }
}

/** One line for a file-system failure: "file not found" rather than a raw errno dump. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'not found';
  if (code === 'EISDIR') return 'expected a file but found a folder';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'ENOTDIR') {
    const file = fileOnPath((error as NodeJS.ErrnoException).path);
    return file === undefined ? 'not found' : `not found (${path.basename(file)} is a file, not a folder)`;
  }
  return errorMessage(error);
}

/** The file that stands where `target`'s path needs a folder (`dev.json` in `dev.json/corpus`). */
function fileOnPath(target: string | undefined): string | undefined {
  if (target === undefined) return undefined;
  for (let current = path.dirname(target); current !== path.dirname(current); current = path.dirname(current)) {
    if (statSync(current, { throwIfNoEntry: false })?.isFile()) return current;
  }
  return undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
