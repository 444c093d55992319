import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerJsonSchema } from '../../src/cli/output/answer-json.js';
import { loadDocument } from '../../src/load/load-document.js';
import { makePdf } from '../helpers/make-fixtures.js';
import { runCli } from '../helpers/run-cli.js';
import { expectCitationsVerbatim, expectEveryMarkerCited } from '../helpers/verify-citation.js';

const SOURCE = 'almanac.pdf';
const HEADER = 'Harbour Almanac, Varnholm edition';

/**
 * Three pages under a running header and page number. Page 2 holds two
 * paragraphs; the first breaks "extraordinary" across two lines with a
 * hyphen. Lines of 12-point Helvetica that end this close to the right margin
 * are wrapped (the next word would not have fitted).
 */
const PAGES = [
  [
    'The Varnholm lighthouse stands on the northern cape of the island, where the ferry from the',
    'mainland turns into the sound.',
  ],
  [
    'In the winter of 1911 the keeper of the Varnholm lighthouse wrote a long and extraor-',
    'dinary account of the storm that closed the harbour for nine days.',
    '',
    'Supplies reached the island again only when the tug Margit crossed over from the cold',
    'mainland with lamp oil, flour and the winter post.',
  ],
  ['Today the light is automatic and the keeper’s cottage is a small museum open in summer.'],
].map((body, index) => [`${HEADER} ${index + 1}`, '', ...body]);

let workDir: string;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-e2e-pdf-'));
  fs.mkdirSync(path.join(workDir, 'corpus'));
  fs.writeFileSync(path.join(workDir, 'corpus', SOURCE), await makePdf(PAGES));
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('footnote ask on a laid-out PDF', () => {
  it('quotes the hyphenated word whole, names its page, and quotes the page text verbatim without its header', async () => {
    const result = await runCli(['ask', 'What did the keeper of the lighthouse write in the winter of 1911?', '--json'], {
      cwd: workDir,
    });

    expect(result.code, result.stderr).toBe(0);
    const answer = answerJsonSchema.parse(JSON.parse(result.stdout));
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain('extraordinary account of the storm');
    const citation = answer.citations[0];
    expect(citation).toMatchObject({ id: 1, source: SOURCE, page: 2 });
    expect(citation?.text).toContain('a long and extraordinary account of the storm');
    expect(citation?.text).not.toContain(HEADER);
    expectEveryMarkerCited(answer);
    await expectCitationsVerbatim(path.join(workDir, 'corpus'), answer);

    const outcome = await loadDocument(SOURCE, fs.readFileSync(path.join(workDir, 'corpus', SOURCE)));
    if (outcome.kind !== 'document') throw new Error('the PDF does not load');
    const { text, pageOffsets } = outcome.document;
    const pageTwo = text.slice(pageOffsets?.[1], pageOffsets?.[2]);
    expect(pageTwo).toContain(citation?.text);
    expect(pageTwo.trim()).toBe(
      'In the winter of 1911 the keeper of the Varnholm lighthouse wrote a long and extraordinary account of the storm that closed the harbour for nine days.\n\n' +
        'Supplies reached the island again only when the tug Margit crossed over from the cold mainland with lamp oil, flour and the winter post.',
    );
    expect(text).not.toContain(HEADER);
  });
});
