import { describe, expect, it } from 'vitest';
import { generateQuestions } from '../../src/quiz/questions/generate.js';
import { CHOICE_COUNT, type Question } from '../../src/quiz/questions/question.js';
import { fixtureKnowledge } from './support/harness.js';

const entries = fixtureKnowledge().entries;

function byId(questions: readonly Question[], id: string): Question {
  const question = questions.find((item) => item.id === id);
  if (!question) throw new Error(`no question ${id}`);
  return question;
}

describe('generated questions', () => {
  it('are the same for the same seed', () => {
    expect(generateQuestions(entries, 7)).toEqual(generateQuestions(entries, 7));
  });

  it('change order or wrong choices with the seed', () => {
    const first = generateQuestions(entries, 1).map((question) => JSON.stringify(question.choices));
    const second = generateQuestions(entries, 2).map((question) => JSON.stringify(question.choices));
    expect(first).not.toEqual(second);
  });

  it('cover the three kinds for commands', () => {
    const questions = generateQuestions(entries);
    expect(byId(questions, 'g-name-docker-commit').source).toBe('summary-to-name');
    expect(byId(questions, 'g-summary-docker-commit').source).toBe('name-to-summary');
    expect(byId(questions, 'g-option-docker-run-detach').source).toBe('option-to-meaning');
  });

  it('have four distinct bilingual choices and a right answer', () => {
    for (const question of generateQuestions(entries)) {
      expect(question.choices).toHaveLength(CHOICE_COUNT);
      expect(new Set(question.choices.map((choice) => choice.ja)).size).toBe(CHOICE_COUNT);
      expect(new Set(question.choices.map((choice) => choice.en)).size).toBe(CHOICE_COUNT);
      expect(question.answer).toBeGreaterThanOrEqual(0);
      expect(question.answer).toBeLessThan(CHOICE_COUNT);
      expect(question.question.ja).not.toBe('');
      expect(question.question.en).not.toBe('');
      expect(question.explanation.en).not.toBe('');
    }
  });

  it('put the right text at the answer index', () => {
    const questions = generateQuestions(entries);
    const run = fixtureKnowledge().lookup('docker-run');
    const detach = run?.options.find((option) => option.long === '--detach');
    const optionQuestion = byId(questions, 'g-option-docker-run-detach');
    expect(optionQuestion.choices[optionQuestion.answer]).toEqual({ ja: detach?.ja, en: detach?.en });

    const nameQuestion = byId(questions, 'g-name-docker-ps');
    expect(nameQuestion.choices[nameQuestion.answer]?.ja).toBe('docker ps');
    expect(nameQuestion.question.ja).toContain(fixtureKnowledge().lookup('docker-ps')?.summary.ja);
  });

  it('draw wrong choices from the same topic and kind', () => {
    const questions = generateQuestions(entries);
    const dockerTitles = new Set(entries.filter((entry) => entry.topic === 'docker' && entry.kind === 'command').map((entry) => entry.title));
    for (const choice of byId(questions, 'g-name-systemctl-start').choices) expect(choice.ja.startsWith('systemctl ')).toBe(true);
    for (const choice of byId(questions, 'g-name-docker-rm').choices) expect(dockerTitles.has(choice.ja)).toBe(true);
  });

  it('draw option meanings from the same command first', () => {
    const question = byId(generateQuestions(entries), 'g-option-docker-run-detach');
    const run = fixtureKnowledge().lookup('docker-run');
    const meanings = new Set(run?.options.map((option) => option.ja));
    for (const choice of question.choices) expect(meanings.has(choice.ja)).toBe(true);
  });

  it('skip a summary that names its own entry', () => {
    const [run] = entries.filter((entry) => entry.id === 'docker-run');
    if (!run) throw new Error('fixture docker-run is missing');
    const giveaway = { ...run, summary: { ja: 'docker run でコンテナを起動します。', en: 'docker run starts a container.' } };
    const questions = generateQuestions([giveaway, ...entries.filter((entry) => entry.id !== 'docker-run')]);
    expect(questions.map((question) => question.id)).not.toContain('g-name-docker-run');
    expect(questions.map((question) => question.id)).not.toContain('g-summary-docker-run');
  });
});
