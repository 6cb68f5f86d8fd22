// The quiz's public surface for start-up code and adapters: the scheduler, the question bank and the
// publishers it posts through.

export { QUIZ_ACTION, answerActionId, parseQuizAction, type QuizAction } from './actions.js';
export { AnswerCountUpdater, answerCountUpdater, type Publishers } from './publishers.js';
export { DEFAULT_GENERATOR_SEED, DEFAULT_QUESTION_FOLDER, QuestionBank, questionBankFor, useQuestionBank, useQuestionFolder } from './questions/bank.js';
export type { Question, QuestionText } from './questions/question.js';
export { DEFAULT_TIME_ZONE, type QuizSchedule } from './schedule.js';
export { DEFAULT_GRACE_MS, DEFAULT_LEASE_MS, DEFAULT_POLICY, DEFAULT_TICK_MS, QuizScheduler, type QuizSchedulerOptions, type TickReport } from './scheduler.js';
export { ShellPublisher, type ReplyRenderer } from './shell-publisher.js';
