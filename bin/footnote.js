#!/usr/bin/env node
// The `footnote` command. tsx compiles the TypeScript sources on the fly, so a
// checkout runs without a build step and can never run stale output.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig (JSX settings), whatever the working directory.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/cli/main.ts');
