// Preloaded (`node --import`) into a CLI child to make footnote fail with an
// error it does not know: splitting text into sentences throws a one-line
// message of FOOTNOTE_TEST_ERROR_CHARS characters. Only footnote's own
// segmentText throws: string-width (yargs's help layout, the error's own
// formatting) segments text too, and dist/ bundles it, so its name is not on
// the stack there. Worker threads are left alone.
import { isMainThread } from 'node:worker_threads';

const chars = Number(process.env.FOOTNOTE_TEST_ERROR_CHARS ?? 100);
const segment = Intl.Segmenter.prototype.segment;
if (isMainThread) {
  Intl.Segmenter.prototype.segment = function (...args) {
    if (!new Error().stack?.includes('segmentText')) return segment.apply(this, args);
    throw new Error(`boom ${'x'.repeat(Math.max(0, chars - 5))}`);
  };
}
