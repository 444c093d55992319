#!/usr/bin/env node
// The `footnote` command. tsx compiles the TypeScript sources on the fly, so a
// checkout runs without a build step and can never run stale output.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
