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
});
