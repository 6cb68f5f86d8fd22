import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintKnowledge } from '../../src/knowledge/lint.js';
import { QuestionBank } from '../../src/quiz/questions/bank.js';
import { readQuestionFolder } from '../../src/quiz/questions/file.js';
import { FIXTURE_ROOT, fixtureKnowledge } from './support/harness.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'shiori-quiz-lint-'));
  cpSync(FIXTURE_ROOT, root, { recursive: true });
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const GOOD = `questions:
  - id: q-docker-ps-quiet
    entry: docker-ps
    question: { ja: ID だけを表示するオプションは？, en: Which option shows only IDs? }
    choices:
      - { ja: "-q", en: "-q" }
      - { ja: "-a", en: "-a" }
      - { ja: "-s", en: "-s" }
      - { ja: "-n", en: "-n" }
    answer: 0
    explanation: { ja: -q は ID だけを表示します。, en: -q shows only IDs. }
`;

function lintMessages(locale: 'ja' | 'en' = 'en'): string[] {
  return lintKnowledge(root, locale, path.join(root, 'no-manifest.tsv')).problems.map((problem) => problem.message);
}

function writeQuiz(text: string, name = 'extra.yaml'): void {
  writeFileSync(path.join(root, 'quiz', name), text);
}

describe('question files', () => {
  it('loads the fixture questions into the shared shape', () => {
    const folder = readQuestionFolder(path.join(FIXTURE_ROOT, 'quiz'), fixtureKnowledge().entries);
    expect(folder.problems).toEqual([]);
    expect(folder.files).toBe(2);
    const question = folder.questions.find((item) => item.id === 'q-docker-rm-running');
    expect(question).toMatchObject({ source: 'written', entryId: 'docker-rm', topic: 'docker', misconception: true, answer: 1 });
    expect(question?.choices).toHaveLength(4);
    expect(folder.questions.find((item) => item.id === 'q-docker-ps-all')?.misconception).toBe(false);
  });

  it('passes the lint of a valid folder', () => {
    writeQuiz(GOOD);
    expect(lintMessages()).toEqual([]);
  });

  it('names file, line and field of a broken question', () => {
    writeQuiz(GOOD.replace('answer: 0', 'answer: four'));
    const [message] = lintMessages();
    expect(message).toContain('quiz/extra.yaml');
    expect(message).toContain('line 10');
    expect(message).toContain('questions.0.answer');
  });

  it('names the line in Japanese too', () => {
    writeQuiz(GOOD.replace('answer: 0', 'answer: four'));
    expect(lintMessages('ja')[0]).toContain('10 行目');
  });

  it('rejects an answer index out of range', () => {
    writeQuiz(GOOD.replace('answer: 0', 'answer: 4'));
    const [message] = lintMessages();
    expect(message).toContain('questions.0.answer');
    expect(message).toContain('0 to 3');
  });

  it('rejects a question without four choices', () => {
    writeQuiz(GOOD.replace('      - { ja: "-n", en: "-n" }\n', ''));
    expect(lintMessages()[0]).toContain('questions.0.choices');
  });

  it('rejects duplicate choices with the line of the repeat', () => {
    writeQuiz(GOOD.replace('{ ja: "-n", en: "-n" }', '{ ja: "-q", en: "-n" }'));
    const [message] = lintMessages();
    expect(message).toContain('line 9');
    expect(message).toContain('questions.0.choices.3.ja');
    expect(message).toContain('the same choice appears twice');
  });

  it('rejects an unknown entry id', () => {
    writeQuiz(GOOD.replace('entry: docker-ps', 'entry: docker-pss'));
    const [message] = lintMessages();
    expect(message).toContain('quiz/extra.yaml, line 3');
    expect(message).toContain('docker-pss');
  });

  it('rejects a question id used twice across files', () => {
    writeQuiz(GOOD.replace('q-docker-ps-quiet', 'q-docker-ps-all'));
    const messages = lintMessages();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('q-docker-ps-all');
    expect(messages[0]).toContain('quiz/docker.yaml');
  });

  it('rejects a badly formed question id', () => {
    writeQuiz(GOOD.replace('q-docker-ps-quiet', 'Docker_PS'));
    expect(lintMessages()[0]).toContain('questions.0.id');
  });

  it('reports every broken question of a file', () => {
    const second = GOOD.replace('questions:\n', '').replace('q-docker-ps-quiet', 'q-second').replace('answer: 0', 'answer: 9');
    writeQuiz(GOOD.replace('entry: docker-ps', 'entry: nowhere') + second);
    expect(lintMessages()).toHaveLength(2);
  });

  it('reports a YAML syntax error with its line', () => {
    writeQuiz('questions:\n  - id: q-x\n    question: { ja: [unclosed\n');
    const [message] = lintMessages();
    expect(message).toContain('quiz/extra.yaml');
    expect(message).toMatch(/line \d/);
  });

  it('stops loading the bank at a broken file', () => {
    writeQuiz(GOOD.replace('answer: 0', 'answer: 7'));
    expect(() => QuestionBank.load(fixtureKnowledge(), path.join(root, 'quiz'))).toThrow(/extra\.yaml, line 10/);
  });
});
