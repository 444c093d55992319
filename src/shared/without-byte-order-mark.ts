/**
 * The text without the byte-order mark that Windows editors (and Windows
 * PowerShell's `Set-Content -Encoding utf8`) put at the start of a UTF-8 file:
 * `readFileSync(file, 'utf8')` keeps it as U+FEFF, and JSON.parse rejects it.
 *
 * @example
 * JSON.parse(withoutByteOrderMark('\uFEFF{"k": 3}')); // { k: 3 }
 */
export function withoutByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
