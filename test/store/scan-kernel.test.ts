import { describe, expect, it } from 'vitest';
import { compileScanKernel } from '../../bin/build-scan-kernel.js';
import { SCAN_KERNEL_BASE64 } from '../../src/store/scan-kernel-wasm.js';

describe('the scan kernel', () => {
  it('is the compiled scan-kernel.wat (run `node bin/build-scan-kernel.js` after editing it)', async () => {
    expect(SCAN_KERNEL_BASE64).toBe(await compileScanKernel());
  });
});
