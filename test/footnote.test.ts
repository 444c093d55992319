import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFootnote } from '../src/footnote.js';
import type { Footnote } from '../src/footnote-types.js';
import { loadDocument } from '../src/load/load-document.js';
import type { Answer } from '../src/shared/types.js';
import { makeDocx, makePdf } from './helpers/make-fixtures.js';
import { createTempCorpus, type TempCorpus } from './helpers/temp-corpus.js';
import { drain, makeTestConfig } from './helpers/test-config.js';
import {
  expectCitationsVerbatim,
  expectCitationVerbatim,
  expectEveryMarkerCited,
  readCitationMarkers,
} from './helpers/verify-citation.js';

/**
 * Paragraphs on unrelated topics, so each fact has to be found among them. Each is
 * one sentence long enough that it and a fact never share a 200-character passage.
 */
const FILLER = {
  gardening:
    'Tomato seedlings need a sunny windowsill and steady watering until the last frost has passed, after which they can be planted outdoors with plenty of room between them.',
  cycling:
    'A bicycle chain lasts far longer when it is cleaned and oiled every few weeks, because grit that sticks to the links slowly wears down the sprockets it runs over.',
  knitting:
    'Circular needles let a knitter work a seamless sweater body in the round, with stitch markers keeping count of the pattern repeats at every turn of the work.',
  trains:
    'The night train leaves the coastal station shortly after dinner and arrives in the capital before breakfast, with sleeper cabins that hold four berths each.',
  painting:
    'Watercolour paper should be stretched on a board and taped along its edges before painting, or the wet washes will make the sheet buckle as it dries.',
};

/** One distinctive fact per format, with the question that asks for it. */
const FACTS = {
  txt: {
    source: 'island-log.txt',
    fact: 'The lighthouse keeper of Varnholm Island was Edda Lindqvist.',
    question: 'Who was the lighthouse keeper of Varnholm Island?',
  },
  md: {
    source: 'notes/bakery.md',
    fact: 'The sourdough starter at Pellucid Bakery is fed with dark rye flour every dawn.',
    question: 'What is the sourdough starter at Pellucid Bakery fed with?',
  },
  html: {
    source: 'orchestra.html',
    fact: 'The Brightwater orchestra is conducted by Tobias Renwick.',
    question: 'Who conducts the Brightwater orchestra?',
  },
  pdf: {
    source: 'glacier-survey.pdf',
    fact: 'The Korvath glacier retreated 412 metres between 1990 and 2020.',
    question: 'How far did the Korvath glacier retreat?',
  },
  docx: {
    source: 'ferry-memo.docx',
    fact: 'The Quillon ferry crossing takes exactly forty-seven minutes.',
    question: 'How long does the Quillon ferry crossing take?',
  },
} as const;

type FactName = keyof typeof FACTS;

/** Decoys in the HTML's script and style: visible text only may be cited. */
const SCRIPT_DECOY = 'var conductor = "The Brightwater orchestra is conducted by Mallory Quince";';
const STYLE_DECOY = '.brightwater-orchestra-conductor { color: red; }';

let corpus: TempCorpus;
let footnote: Footnote;

beforeAll(async () => {
  corpus = createTempCorpus({
    // The fact is on line 5, between paragraphs on other topics.
    [FACTS.txt.source]: [FILLER.gardening, '', FILLER.cycling, '', FACTS.txt.fact, '', FILLER.knitting, ''].join('\n'),
    [FACTS.md.source]: ['# Bakery notes', '', FILLER.trains, '', '## Starter', '', FACTS.md.fact, '', FILLER.painting].join('\n'),
    [FACTS.html.source]: [
      '<!doctype html>',
      '<html><head><title>Concert season</title>',
      `<style>${STYLE_DECOY}</style>`,
      `<script>${SCRIPT_DECOY}</script>`,
      '</head><body>',
      `<p>${FILLER.knitting}</p>`,
      `<p>${FACTS.html.fact}</p>`,
      `<p>${FILLER.cycling}</p>`,
      '</body></html>',
    ].join('\n'),
    [FACTS.pdf.source]: await makePdf([
      ['Glacier survey, volume one.', FILLER.trains.slice(0, 80), 'Page one ends here.'],
      ['Findings.', FACTS.pdf.fact, 'Meltwater fed the valley lakes.'],
    ]),
    [FACTS.docx.source]: await makeDocx([FILLER.gardening, FACTS.docx.fact, FILLER.painting]),
  });
  // Small passages, so a file holds several and the right one has to be cited.
  footnote = createFootnote(makeTestConfig(corpus.root, { chunkSize: 200, chunkOverlap: 0 }));
  const { value: report } = await drain(footnote.ingest());
  expect(report.failed).toEqual([]);
  expect(report.added).toBe(5);
});

afterAll(() => {
  footnote?.close();
  corpus?.cleanup();
});

async function ask(question: string): Promise<Answer> {
  return (await drain(footnote.ask(question))).value;
}

/** The 1-based line of the loaded text of `source` on which `needle` starts. */
async function loadedLineOf(source: string, needle: string): Promise<number> {
  const outcome = await loadDocument(source, fs.readFileSync(`${corpus.root}/${source}`));
  if (outcome.kind !== 'document') throw new Error(`${source} does not load`);
  const offset = outcome.document.text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" is not in the loaded text of ${source}`);
  return outcome.document.text.slice(0, offset).split(/\r\n|\n|\r/).length;
}

describe('footnote facade: citations land on the right lines', () => {
  it.each(Object.keys(FACTS) as FactName[])('answers the %s fact from its file, verbatim at the cited lines', async (name) => {
    const { source, fact, question } = FACTS[name];
    const answer = await ask(question);

    expect(answer.abstained).toBe(false);
    expect(answer.mode).toBe('extractive');
    expect(answer.answer).toContain(`${fact} [1]`);
    const first = answer.citations[0];
    expect(first).toBeDefined();
    if (first === undefined) return;
    expect(first).toMatchObject({ id: 1, source });
    expect(first.text).toContain(fact);
    const factLine = await loadedLineOf(source, fact);
    expect(first.startLine).toBeLessThanOrEqual(factLine);
    expect(first.endLine).toBeGreaterThanOrEqual(factLine);
    await expectCitationsVerbatim(corpus.root, answer);
    expectEveryMarkerCited(answer);
  });

  it('cites line 5 of the text file, where its fact is written', async () => {
    const answer = await ask(FACTS.txt.question);
    expect(answer.citations[0]).toMatchObject({ source: FACTS.txt.source, startLine: 5, endLine: 5, text: FACTS.txt.fact });
  });

  it('names page 2 when the PDF fact is on page 2', async () => {
    const answer = await ask(FACTS.pdf.question);
    const first = answer.citations[0];
    expect(first).toMatchObject({ source: FACTS.pdf.source, page: 2 });
    if (first !== undefined) await expectCitationVerbatim(corpus.root, first);
  });

  it('never cites the script or style of an HTML page', async () => {
    const answer = await ask(FACTS.html.question);
    expect(answer.answer).not.toContain('Mallory Quince');
    for (const citation of answer.citations) {
      expect(citation.text).not.toContain('Mallory Quince');
      expect(citation.text).not.toContain('var conductor');
      expect(citation.text).not.toContain('color: red');
    }
  });
});

describe('footnote facade: misspelt questions', () => {
  it('reads a word no passage holds as the known word one edit away, and says what it searched for', async () => {
    const answer = await ask('Who was the lighthouse keeper of Varnholm Isalnd?');

    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain(`${FACTS.txt.fact} [1]`);
    expect(answer.retrievalQuestion).toBe('Who was the lighthouse keeper of Varnholm island?');
  });

  it('leaves a question spelt right as it is', async () => {
    const answer = await ask(FACTS.txt.question);

    expect(answer.retrievalQuestion).toBeUndefined();
  });
});

describe('footnote facade: abstention', () => {
  it('abstains on a question the corpus cannot answer and still lists the closest passages', async () => {
    const answer = await ask('What is the boiling point of mercury?');
    expect(answer.abstained).toBe(true);
    expect(readCitationMarkers(answer.answer)).toEqual([]);
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.map((citation) => citation.id)).toEqual(
      answer.citations.map((_, index) => index + 1),
    );
    await expectCitationsVerbatim(corpus.root, answer);
  });
});

describe('footnote facade: an empty index', () => {
  it('says the index holds nothing to search, instead of that no passage matches', async () => {
    const empty = createTempCorpus({ 'notes.bin': new Uint8Array([0, 1, 2, 0]) });
    const footnote = createFootnote(makeTestConfig(empty.root));
    try {
      await drain(footnote.ingest());
      const expected = { code: 'INDEX_EMPTY', hint: expect.stringContaining('add .txt, .md') };
      await expect(footnote.retrieve('Who led the team?')).rejects.toMatchObject(expected);
      await expect(drain(footnote.ask('Who led the team?'))).rejects.toMatchObject(expected);
    } finally {
      footnote.close();
      empty.cleanup();
    }
  });
});

describe('footnote facade: markers', () => {
  it('gives every [n] in an answer a citation with that id', async () => {
    const questions = [
      ...Object.values(FACTS).map((fact) => fact.question),
      'What do tomato seedlings and bicycle chains need?',
      'Which orchestra, ferry and glacier are described?',
    ];
    for (const question of questions) {
      const answer = await ask(question);
      expectEveryMarkerCited(answer);
      // Ids are 1..n with no gaps, each used in the text unless the answer abstains.
      expect(answer.citations.map((citation) => citation.id)).toEqual(answer.citations.map((_, index) => index + 1));
      if (!answer.abstained) {
        expect(readCitationMarkers(answer.answer).sort((a, b) => a - b)).toEqual(
          answer.citations.map((citation) => citation.id),
        );
      }
    }
  });
});
