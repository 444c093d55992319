/** FNV-1a's 32-bit offset basis: the hash of the empty string. */
export const FNV_OFFSET_BASIS = 0x811c9dc5;

/** One FNV-1a step: fold one UTF-16 code unit into the hash. */
export function fnvStep(hash: number, codeUnit: number): number {
  return Math.imul(hash ^ codeUnit, 0x01000193);
}

/**
 * FNV-1a 32-bit over the UTF-16 code units of `text`, continuing from `seed`.
 * @see https://en.wikipedia.org/wiki/Fowler%E2%80%93Noll%E2%80%93Vo_hash_function
 */
export function hashString(text: string, seed = FNV_OFFSET_BASIS): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = fnvStep(hash, text.charCodeAt(i));
  return hash;
}
