import type { Migration } from 'kysely';
import * as initial from './001_initial.js';

/** Every migration in order; names sort in the order they must run. Features append theirs here. */
export const MIGRATIONS: Record<string, Migration> = {
  '001_initial': initial,
};
