import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../src/chunk/split-blocks.js';

const blocksOf = (lines: string[]) => {
  const text = lines.join('\n');
  return splitBlocks(text).map((block) => {
    expect(text.slice(block.start, block.end)).toBe(block.text);
    return [block.kind, block.text];
  });
};

describe('splitBlocks', () => {
  it('keeps a wrapped paragraph whole and splits at blank lines', () => {
    expect(blocksOf(['One line', 'wrapped.', '', 'Two.'])).toEqual([
      ['prose', 'One line\nwrapped.'],
      ['prose', 'Two.'],
    ]);
  });

  it('makes each list item a block, nested ones too, with its wrapped lines', () => {
    expect(blocksOf(['Options:', '- _allErrors_: check all rules.', '- _verbose_: include', '  the schema.', '  * nested', '1. first', '2) second'])).toEqual([
      ['prose', 'Options:'],
      ['list-item', '- _allErrors_: check all rules.'],
      ['list-item', '- _verbose_: include\n  the schema.'],
      ['list-item', '* nested'],
      ['list-item', '1. first'],
      ['list-item', '2) second'],
    ]);
  });

  it('does not start a list at a wrapped line that begins with a year', () => {
    expect(blocksOf(['It was founded in', '1990. Then it grew.'])).toEqual([['prose', 'It was founded in\n1990. Then it grew.']]);
  });

  it('keeps a fenced code block whole across blank lines, apart from the prose before it', () => {
    expect(blocksOf(['Use it like so:', '  <!-- prettier-ignore -->', '  ```js', '  const a = 1', '', '  use(a)', '  ```', 'Done.'])).toEqual([
      ['prose', 'Use it like so:'],
      ['markup', '<!-- prettier-ignore -->'],
      ['code', '```js\n  const a = 1\n\n  use(a)\n  ```'],
      ['prose', 'Done.'],
    ]);
  });

  it('marks code cut off by the passage\'s start or end as a fragment', () => {
    expect(blocksOf(['  use(a)', '```', 'Prose.', '```sh', 'npm i'])).toEqual([
      ['code-fragment', 'use(a)\n```'],
      ['prose', 'Prose.'],
      ['code-fragment', '```sh\nnpm i'],
    ]);
  });

  it('makes headings, table rows and lines of HTML tags blocks of their own', () => {
    expect(blocksOf(['## Env', '| Name | Purpose |', '|---|---|', '| `DEBUG` | Enables it. |', '<p align="center">', 'DESCRIPTION', '-----------', 'Subtrees allow it.'])).toEqual([
      ['heading', '## Env'],
      ['table-row', '| Name | Purpose |'],
      ['table-row', '|---|---|'],
      ['table-row', '| `DEBUG` | Enables it. |'],
      ['markup', '<p align="center">'],
      ['heading', 'DESCRIPTION\n-----------'],
      ['prose', 'Subtrees allow it.'],
    ]);
  });

  it('finds no blocks in a whitespace-only text', () => {
    expect(splitBlocks(' \n\n\t')).toEqual([]);
  });
});
