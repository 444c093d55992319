import type { Loader } from './loader.js';

/** Word documents, as their raw text: one paragraph per block, separated by a blank line. */
export const docxLoader: Loader = {
  format: 'docx',
  extensions: ['.docx'],
  async load(bytes) {
    // mammoth pulls in a zip and XML stack; load it only when a .docx turns up.
    const { default: mammoth } = await import('mammoth');
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result = await mammoth.extractRawText({ buffer });
    return { ok: true, text: result.value.trimEnd() };
  },
};
