/**
 * The options of a command line as typed, before any `--` (after it, words
 * are the question's): `spelling` is the token without its `=value`
 * (`--deep`, `-x`), `name` the same without its dashes (`deep`, `x`).
 *
 * @example
 * typedOptions(['ask', 'q', '--deep=3', '--', '--odd']); // [{ spelling: '--deep', name: 'deep' }]
 */
export function typedOptions(argv: readonly string[]): { spelling: string; name: string }[] {
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  return argv
    .slice(0, end)
    .filter((token) => token.startsWith('-'))
    .map((token) => {
      const spelling = token.replace(/=.*$/u, '');
      return { spelling, name: spelling.replace(/^-+/u, '') };
    });
}
