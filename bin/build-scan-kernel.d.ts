/** The bytes of src/store/scan-kernel.wat, compiled, in base64. */
export function compileScanKernel(): Promise<string>;
/** The source of src/store/scan-kernel-wasm.ts for those bytes. */
export function renderScanKernelModule(base64: string): string;
