#!/usr/bin/env node
// Compiles src/store/scan-kernel.wat into src/store/scan-kernel-wasm.ts (the
// bytes in base64), so that neither the CLI bundle nor an install needs the
// assembler: wabt is a devDependency, used here and by the test that checks
// the two files agree. Run it after editing the .wat.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const source = path.join(root, 'src', 'store', 'scan-kernel.wat');
const target = path.join(root, 'src', 'store', 'scan-kernel-wasm.ts');

export async function compileScanKernel() {
  const wabt = await (await import('wabt')).default();
  const module = wabt.parseWat(source, fs.readFileSync(source, 'utf8'), { simd: true, threads: true });
  try {
    return Buffer.from(module.toBinary({}).buffer).toString('base64');
  } finally {
    module.destroy();
  }
}

export function renderScanKernelModule(base64) {
  return [
    '// Generated from scan-kernel.wat by `node bin/build-scan-kernel.js`: do not edit.',
    `export const SCAN_KERNEL_BASE64 = '${base64}';`,
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(target, renderScanKernelModule(await compileScanKernel()));
  process.stdout.write(`wrote ${path.relative(root, target)}\n`);
}
