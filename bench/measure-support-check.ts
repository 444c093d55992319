/**
 * How well the lexical support check of generated answers tells a sentence
 * cited to its own passage from one cited to an unrelated passage. Each
 * sampled sentence of a SQuAD v1.1 (or CMRC 2018) paragraph is checked twice:
 * cited to its own paragraph (should pass), to another paragraph of the same
 * article and to a paragraph of another article (should be flagged). Then, as
 * a stand-in for a model's paraphrase, each question joined with its answer
 * ("Which NFL team represented the AFC at Super Bowl 50 Denver Broncos [1].")
 * is cited to its paragraph (should pass). Prints the rates.
 *
 * Usage: node bin/run-ts.js bench/measure-support-check.ts ../shared/eval/squad/dev-v1.1.json [samples]
 */
import fs from 'node:fs';
import { findUnsupportedSentences } from '../src/answer/find-unsupported-sentences.js';
import type { Citation } from '../src/shared/types.js';
import { createSeededRandom } from './lib/seeded-random.js';

interface SquadFile {
  data: Array<{
    paragraphs: Array<{ context: string; qas: Array<{ question: string; answers: Array<{ text: string }> }> }>;
  }>;
}

const [file, samplesArgument] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: measure-support-check.ts SQUAD_JSON [samples]');
const samples = Number(samplesArgument ?? 2000);
const squad = JSON.parse(fs.readFileSync(file, 'utf8')) as SquadFile;
const paragraphs = squad.data.flatMap((article, articleIndex) =>
  article.paragraphs.map((paragraph) => ({ articleIndex, text: paragraph.context, qas: paragraph.qas })),
);
const segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
const random = createSeededRandom(4);

function cite(text: string): Citation[] {
  return [{ id: 1, source: 'p', startLine: 1, endLine: 1, page: null, section: null, text, score: 1 }];
}

let ownPassed = 0;
let otherFlagged = 0;
let sameArticleFlagged = 0;
let sameArticleChecked = 0;
let statementPassed = 0;
let statements = 0;
let checked = 0;
while (checked < samples) {
  const own = random.pick(paragraphs);
  const qa = own.qas.length > 0 ? random.pick(own.qas) : undefined;
  const answer = qa?.answers[0]?.text;
  if (qa !== undefined && answer !== undefined) {
    const statement = `${qa.question.replace(/[?？]+\s*$/u, '')} ${answer} [1].`;
    if (findUnsupportedSentences(statement, cite(own.text)).length === 0) statementPassed += 1;
    statements += 1;
  }
  const sentences = [...segmenter.segment(own.text)].map((part) => part.segment.trim()).filter((part) => part.length > 20);
  if (sentences.length === 0) continue;
  const sentence = `${random.pick(sentences).replace(/[.。!?！？]+$/u, '')} [1].`;
  let other = random.pick(paragraphs);
  while (other.articleIndex === own.articleIndex) other = random.pick(paragraphs);
  if (findUnsupportedSentences(sentence, cite(own.text)).length === 0) ownPassed += 1;
  if (findUnsupportedSentences(sentence, cite(other.text)).length === 1) otherFlagged += 1;
  const neighbours = paragraphs.filter((item) => item.articleIndex === own.articleIndex && item !== own);
  if (neighbours.length > 0) {
    if (findUnsupportedSentences(sentence, cite(random.pick(neighbours).text)).length === 1) sameArticleFlagged += 1;
    sameArticleChecked += 1;
  }
  checked += 1;
}
const percent = (count: number, total = checked) => `${((100 * count) / total).toFixed(1)}%`;
console.log(`${checked} passage sentences cited to their own passage: supported ${percent(ownPassed)}`);
console.log(`  cited to another passage of the same article: flagged ${percent(sameArticleFlagged, sameArticleChecked)}`);
console.log(`  cited to a passage of another article: flagged ${percent(otherFlagged)}`);
console.log(`${statements} question + answer statements cited to their passage: supported ${percent(statementPassed, statements)}`);
