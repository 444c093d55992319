import { afterEach, describe, expect, it } from 'vitest';
import { stripVTControlCharacters } from 'node:util';
import { createRef } from 'react';
import { InputLine, type InputLineHandle } from '../../../src/ui/components/InputLine.js';
import { cleanup, KEYS, renderApp } from '../../helpers/render-app.js';
import { waitFor } from '../../helpers/wait-for.js';

afterEach(() => {
  cleanup();
});

function renderInput(history: string[] = []) {
  const submitted: string[] = [];
  let ends = 0;
  const app = renderApp(
    <InputLine
      history={history}
      onSubmit={(value) => {
        submitted.push(value);
        return true;
      }}
      onEndOfInput={() => (ends += 1)}
    />,
  );
  /** Sends keys one write at a time, as a person types them. */
  const press = async (...keys: string[]) => {
    for (const key of keys) await app.write(key);
  };
  return { ...app, press, submitted, ends: () => ends };
}

const CTRL = { a: '\u0001', e: '\u0005', k: '\u000B', u: '\u0015', w: '\u0017' } as const;

describe('InputLine', () => {
  it('edits with Home, End, Delete and the readline keys', async () => {
    const input = renderInput();
    await input.press('who led the tema', KEYS.backspace, KEYS.backspace, 'am');
    await input.press(CTRL.a, KEYS.forwardDelete, 'W', KEYS.end, '?');
    await input.press(KEYS.enter);
    await input.press('drop these words', CTRL.w, CTRL.w, KEYS.enter);
    await input.press('keep', KEYS.home, 'x ', CTRL.e, ' gone', KEYS.left, KEYS.left, KEYS.left, KEYS.left, KEYS.left, CTRL.k, KEYS.enter);
    await input.press('all of it', CTRL.u, 'fresh', KEYS.enter);
    await waitFor(() => expect(input.submitted).toHaveLength(4));
    expect(input.submitted).toEqual(['Who led the team?', 'drop ', 'x keep', 'fresh']);
  });

  it('recalls earlier lines with up and returns to the draft with down', async () => {
    const input = renderInput(['first question', 'second question']);
    await input.press('draft', KEYS.up);
    await waitFor(() => expect(input.lastFrame()).toContain('second question'));
    await input.press(KEYS.up);
    await waitFor(() => expect(input.lastFrame()).toContain('first question'));
    await input.press(KEYS.down, KEYS.down);
    await waitFor(() => expect(input.lastFrame()).toContain('draft'));
    await input.press(KEYS.up, KEYS.up, KEYS.enter);
    await waitFor(() => expect(input.submitted).toEqual(['first question']));
  });

  it('keeps a bracketed paste with line breaks as one question until Enter', async () => {
    const input = renderInput();
    await input.press(`${KEYS.pasteStart}Who led the team\rthat visited Safe-Run?\r${KEYS.pasteEnd}`);
    await waitFor(() => expect(input.lastFrame()).toContain('that visited Safe-Run?'));
    expect(input.lastFrame()).toContain('› Who led the team\n');
    expect(input.lastFrame()).not.toContain('[200~');
    expect(input.submitted).toEqual([]);
    await input.press(KEYS.enter);
    await waitFor(() => expect(input.submitted).toHaveLength(1));
    expect(input.submitted).toEqual(['Who led the team\nthat visited Safe-Run?\n']);
  });

  it('sends a paste without markers whole when it ends in a line break, not line by line', async () => {
    const input = renderInput();
    await input.press('Who led the team\nthat visited Safe-Run?\n');
    await waitFor(() => expect(input.submitted).toHaveLength(1));
    expect(input.submitted).toEqual(['Who led the team\nthat visited Safe-Run?']);
  });

  it('applies control keys that arrive in one chunk with text, as fast automation sends them', async () => {
    const input = renderInput();
    await input.press('What is the capital of Mars?');
    await input.press(`${CTRL.u}/open 2\r`);
    await waitFor(() => expect(input.submitted).toHaveLength(1));
    expect(input.submitted).toEqual(['/open 2']);
  });

  it('leaves on Ctrl+D only when the line is empty; otherwise Ctrl+D deletes forward', async () => {
    const input = renderInput();
    await input.press('ab', KEYS.left, KEYS.ctrlD);
    await waitFor(() => expect(input.lastFrame()).toContain('› a'));
    expect(input.ends()).toBe(0);
    await input.press(KEYS.backspace, KEYS.ctrlD);
    await waitFor(() => expect(input.ends()).toBe(1));
  });

  it('puts text back before what is typed, cursor at the end, and sends it all on Enter', async () => {
    const handle = createRef<InputLineHandle>();
    const submitted: string[] = [];
    const app = renderApp(
      <InputLine ref={handle} history={[]} onSubmit={(value) => submitted.push(value) > 0} />,
    );
    await app.write('draft');
    await waitFor(() => expect(app.lastFrame()).toContain('› draft'));
    handle.current?.putBack('second\nthird');
    await waitFor(() => expect(app.lastFrame()).toContain('› second\n  third\n  draft'));
    await app.write('!');
    await app.write(KEYS.enter);
    await waitFor(() => expect(submitted).toEqual(['second\nthird\ndraft!']));
  });

  it('shows a pasted block taller than half the terminal as the rows around the cursor, sending it whole', async () => {
    // Ink clears the screen and reprints the conversation on every key once its live region is as tall as the terminal.
    const submitted: string[] = [];
    const app = renderApp(
      <InputLine history={[]} onSubmit={(value) => submitted.push(value) > 0} />,
      { columns: 40, rows: 10 },
    );
    const lines = Array.from({ length: 8 }, (_, index) => `line ${index + 1}`);
    await app.write(`${KEYS.pasteStart}${lines.join('\r')}${KEYS.pasteEnd}`);
    await waitFor(() => expect(app.lastFrame()).toContain('line 8'));
    const rows = stripVTControlCharacters(app.lastFrame()).split('\n');
    expect(rows).toEqual(['› ↑ 6 more lines', '  line 7', '  line 8']);
    await app.write(KEYS.enter);
    await waitFor(() => expect(submitted).toEqual([lines.join('\n')]));
  });
});
