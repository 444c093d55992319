// Preloaded (`node --import`) into a CLI child whose stdout is a pipe, so that
// it behaves as on a terminal where that is what a test is about (streaming).
Object.defineProperty(process.stdout, 'isTTY', { value: true });
