import { describe, expect, it } from 'vitest';
import { planChanges } from '../../src/ingest/plan-changes.js';

const file = (source: string, size = 10, mtimeMs = 1) => ({ source, size, mtimeMs });
const indexed = (path: string, size = 10, mtimeMs = 1) => ({ path, size, mtimeMs });

describe('planChanges', () => {
  it('sorts files into added, suspect, unchanged and removed', () => {
    const plan = planChanges(
      [file('new.md'), file('same.md'), file('touched.md', 10, 2), file('grown.md', 11)],
      [indexed('same.md'), indexed('touched.md'), indexed('grown.md'), indexed('gone.md')],
    );
    expect(plan.added.map((f) => f.source)).toEqual(['new.md']);
    expect(plan.suspect.map((f) => f.source)).toEqual(['touched.md', 'grown.md']);
    expect(plan.unchanged.map((f) => f.source)).toEqual(['same.md']);
    expect(plan.removed).toEqual(['gone.md']);
  });

  it('treats every indexed file as a suspect when asked to rehash all', () => {
    const plan = planChanges([file('a.md')], [indexed('a.md')], { rehashAll: true });
    expect(plan.suspect.map((f) => f.source)).toEqual(['a.md']);
    expect(plan.unchanged).toEqual([]);
  });

  it('plans nothing for an empty corpus and an empty index', () => {
    expect(planChanges([], [])).toEqual({ added: [], suspect: [], unchanged: [], removed: [] });
  });
});
