import chalk from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { PassageView } from '../../../src/ui/components/PassageView.js';
import { makeCitation } from '../../helpers/fake-footnote.js';
import { cleanup, renderApp } from '../../helpers/render-app.js';

afterEach(() => {
  cleanup();
});

const citation = makeCitation({ id: 1, source: 'a.md', startLine: 2, endLine: 2, text: 'On June 2 the team visited.' });
const line = (number: number, text: string, inRange: boolean) => ({ number, text, inRange });

describe('PassageView', () => {
  it('says where a passage moved to when the file changed around it', () => {
    const lines = [line(3, 'one', false), line(4, 'On June 2 the team visited.', true), line(5, 'three', false)];
    const { lastFrame } = renderApp(<PassageView citation={citation} lines={lines} />);
    expect(lastFrame()).toContain('a.md changed since it was indexed: the passage is now at line 4;');
  });

  it('warns that the cited lines no longer hold the passage', () => {
    const lines = [line(2, 'On June 3 nobody came.', true)];
    const { lastFrame } = renderApp(<PassageView citation={citation} lines={lines} />);
    expect(lastFrame()).toContain('a.md changed since it was indexed; /reindex to update the citations');
  });

  it('adds no note when the file is as indexed', () => {
    const lines = [line(2, 'On June 2 the team visited.', true)];
    const { lastFrame } = renderApp(<PassageView citation={citation} lines={lines} />);
    expect(lastFrame()).not.toContain('changed since');
  });

  it('sets the lines an answer quotes in bold, where the passage is now', () => {
    const text = 'Run the installer.\nRemove the folder.';
    const quotes = [{ text: 'Remove the folder.', startLine: 3, endLine: 3, section: null }];
    const quoted = makeCitation({ id: 1, source: 'a.md', startLine: 2, endLine: 3, text, quotes });
    // Two lines were added above the passage since it was indexed.
    const lines = [line(4, 'Run the installer.', true), line(5, 'Remove the folder.', true)];
    const level = chalk.level;
    chalk.level = 1;
    let frame: string;
    try {
      frame = renderApp(<PassageView citation={quoted} lines={lines} />).lastFrame();
    } finally {
      chalk.level = level;
    }
    expect(frame).toContain('\u001b[1mRemove the folder.');
    expect(frame).not.toContain('\u001b[1mRun the installer.');
  });
});
