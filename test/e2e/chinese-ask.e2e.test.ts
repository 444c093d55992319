import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerJsonSchema } from '../../src/cli/output/answer-json.js';
import { runCli } from '../helpers/run-cli.js';
import { expectCitationsVerbatim } from '../helpers/verify-citation.js';

const QUESTION = '昆山工厂是哪一年建成的？';
let workDir: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-e2e-zh-'));
  fs.mkdirSync(path.join(workDir, 'corpus'));
  fs.writeFileSync(
    path.join(workDir, 'corpus', '公司简介.md'),
    '# 公司简介\r\n\r\n本公司总部设在上海。\r\n昆山工厂于一九九八年建成投产，现有员工约三百人。\r\n',
  );
  fs.writeFileSync(path.join(workDir, 'corpus', 'recipes.md'), '红烧肉需要五花肉、冰糖和酱油。\n');
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('footnote ask in Chinese (#7)', () => {
  it('answers a Chinese question from Chinese documents with a verbatim citation', async () => {
    const result = await runCli(['ask', QUESTION, '--json'], { cwd: workDir });
    expect(result.code, result.stderr).toBe(0);
    const answer = answerJsonSchema.parse(JSON.parse(result.stdout));
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain('昆山工厂于一九九八年建成投产');
    expect(answer.citations[0]?.source).toBe('公司简介.md');
    await expectCitationsVerbatim(path.join(workDir, 'corpus'), answer);
  });

  it('rebuilds the index, saying so in one line, when another tokenizer version made it', async () => {
    const db = new Database(path.join(workDir, 'embeddings', 'footnote.sqlite'));
    db.prepare("UPDATE meta SET value = '1' WHERE key = 'tokenizer'").run();
    db.close();
    const result = await runCli(['ask', QUESTION], { cwd: workDir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.split('\n')[0]).toBe('the index was built by another version of footnote; rebuilding it…');
    expect(result.stdout).toContain('昆山工厂于一九九八年建成投产');
  });
});
