import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { onResize } from '../../../src/ui/hooks/on-resize.js';

describe('onResize', () => {
  it('calls every callback through one resize listener per stream, however many subscribe', () => {
    const stream = new EventEmitter();
    const calls: number[] = [];
    const unsubscribes = Array.from({ length: 20 }, (_, i) => onResize(stream, () => calls.push(i)));
    expect(stream.listenerCount('resize')).toBe(1);
    stream.emit('resize');
    expect(calls).toHaveLength(20);
    for (const unsubscribe of unsubscribes.slice(1)) unsubscribe();
    stream.emit('resize');
    expect(calls.slice(20)).toEqual([0]);
    unsubscribes[0]?.();
    expect(stream.listenerCount('resize')).toBe(0);
  });

  it('keeps streams apart', () => {
    const [a, b] = [new EventEmitter(), new EventEmitter()];
    const calls: string[] = [];
    onResize(a, () => calls.push('a'));
    onResize(b, () => calls.push('b'));
    b.emit('resize');
    expect(calls).toEqual(['b']);
  });
});
