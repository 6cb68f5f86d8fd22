import type { Migration } from 'kysely';
import * as initial from './001_initial.js';
import * as quiz from './002_quiz.js';
import * as onboarding from './003_onboarding.js';

/** Every migration in order; names sort in the order they must run. Features append theirs here. */
export const MIGRATIONS: Record<string, Migration> = {
  '001_initial': initial,
  '002_quiz': quiz,
  '003_onboarding': onboarding,
};
