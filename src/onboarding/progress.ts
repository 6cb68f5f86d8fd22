import type { Kysely, Selectable } from 'kysely';
import type { Store } from '../store/index.js';
import type { Database, OnboardingProgressTable } from '../store/schema.js';
import { currentStepIndex, wrongAnswerKey, type Member, type Progress } from './member.js';
import type { LearningPath } from './schema.js';

/** Result of answering a check question, decided inside one write transaction. */
export type AnswerOutcome =
  | { kind: 'notStarted' }
  | { kind: 'stale'; progress: Progress }
  | { kind: 'graded'; correct: boolean; attempt: number; progress: Progress };

type ProgressRow = Selectable<OnboardingProgressTable>;

function toProgress(row: ProgressRow): Progress {
  return {
    userId: row.user_id,
    userName: row.user_name ?? undefined,
    pathId: row.path_id,
    stepIndex: row.step_index,
    stepId: row.step_id ?? undefined,
    startedAt: new Date(row.started_at),
    updatedAt: new Date(row.updated_at),
    completedAt: row.completed_at === null ? undefined : new Date(row.completed_at),
  };
}

/** Builds the column values that place a member on step `index`, or mark the path finished past the end. */
function position(learningPath: LearningPath, index: number, now: Date) {
  const step = learningPath.steps[index];
  return { step_index: index, step_id: step?.id ?? null, completed_at: step ? null : now.toISOString() };
}

/** Reads one progress row. `db` may be a transaction. */
async function selectProgress(db: Kysely<Database>, member: Member, pathId: string): Promise<Progress | undefined> {
  const row = await db
    .selectFrom('onboarding_progress')
    .selectAll()
    .where('platform', '=', member.platform)
    .where('group_id', '=', member.groupId)
    .where('user_id', '=', member.userId)
    .where('path_id', '=', pathId)
    .executeTakeFirst();
  return row ? toProgress(row) : undefined;
}

/** Stores and reads onboarding progress and answers. */
export class ProgressStore {
  constructor(private readonly store: Store) {}

  /** Returns the member's progress in every path they started, most recently active first. */
  async list(member: Member): Promise<Progress[]> {
    const rows = await this.store.db
      .selectFrom('onboarding_progress')
      .selectAll()
      .where('platform', '=', member.platform)
      .where('group_id', '=', member.groupId)
      .where('user_id', '=', member.userId)
      .orderBy('updated_at', 'desc')
      .orderBy('path_id')
      .execute();
    return rows.map(toProgress);
  }

  async get(member: Member, pathId: string): Promise<Progress | undefined> {
    return selectProgress(this.store.db, member, pathId);
  }

  /**
   * Starts a path at its first step, resumes it when it is in progress, or restarts it when it was
   * finished, dropping the answers of the finished run. Either way the path becomes the most recent one.
   */
  async start(member: Member, learningPath: LearningPath, now: Date): Promise<{ progress: Progress; state: 'started' | 'resumed' | 'restarted' }> {
    return this.store.db.transaction().execute(async (transaction) => {
      const existing = await selectProgress(transaction, member, learningPath.id);
      const stamp = now.toISOString();
      const name = member.name ?? existing?.userName ?? null;

      if (existing && !existing.completedAt) {
        await transaction
          .updateTable('onboarding_progress')
          .set({ updated_at: stamp, user_name: name })
          .where('platform', '=', member.platform)
          .where('group_id', '=', member.groupId)
          .where('user_id', '=', member.userId)
          .where('path_id', '=', learningPath.id)
          .execute();
        return { progress: { ...existing, updatedAt: now, userName: name ?? undefined }, state: 'resumed' as const };
      }

      if (existing) {
        // A new run starts with no wrong answers, so the team view does not flag it for the last run.
        await transaction
          .deleteFrom('onboarding_answers')
          .where('platform', '=', member.platform)
          .where('group_id', '=', member.groupId)
          .where('user_id', '=', member.userId)
          .where('path_id', '=', learningPath.id)
          .execute();
      }

      const values = { ...position(learningPath, 0, now), user_name: name, started_at: stamp, updated_at: stamp };
      await transaction
        .insertInto('onboarding_progress')
        .values({ platform: member.platform, group_id: member.groupId, user_id: member.userId, path_id: learningPath.id, ...values })
        .onConflict((conflict) => conflict.columns(['platform', 'group_id', 'user_id', 'path_id']).doUpdateSet(values))
        .execute();
      const progress = toProgress({ platform: member.platform, group_id: member.groupId, user_id: member.userId, path_id: learningPath.id, ...values });
      return { progress, state: existing ? ('restarted' as const) : ('started' as const) };
    });
  }

  /** Marks a path as the member's most recent activity, as viewing its step does. */
  async touch(member: Member, pathId: string, now: Date): Promise<void> {
    await this.store.db
      .updateTable('onboarding_progress')
      .set({ updated_at: now.toISOString() })
      .where('platform', '=', member.platform)
      .where('group_id', '=', member.groupId)
      .where('user_id', '=', member.userId)
      .where('path_id', '=', pathId)
      .execute();
  }

  /**
   * Records an answer to step `stepId` and advances on a right one, in one write transaction, so two
   * clicks cannot both advance. An answer to a step other than the current one is not recorded.
   */
  async answer(member: Member, learningPath: LearningPath, stepId: string, choice: number, now: Date): Promise<AnswerOutcome> {
    return this.store.db.transaction().execute(async (transaction) => {
      const existing = await selectProgress(transaction, member, learningPath.id);
      if (!existing) return { kind: 'notStarted' as const };

      const index = currentStepIndex(existing, learningPath);
      const step = learningPath.steps[index];
      if (!step || step.id !== stepId) return { kind: 'stale' as const, progress: existing };

      const memberKey = { platform: member.platform, group_id: member.groupId, user_id: member.userId, path_id: learningPath.id, step_id: step.id };
      const previous = await transaction
        .selectFrom('onboarding_answers')
        .select((builder) => builder.fn.countAll<number>().as('count'))
        .where('platform', '=', member.platform)
        .where('group_id', '=', member.groupId)
        .where('user_id', '=', member.userId)
        .where('path_id', '=', learningPath.id)
        .where('step_id', '=', step.id)
        .executeTakeFirstOrThrow();
      const attempt = Number(previous.count) + 1;
      const correct = choice === step.check.answer;
      await transaction
        .insertInto('onboarding_answers')
        .values({ ...memberKey, attempt, choice, correct: correct ? 1 : 0, answered_at: now.toISOString() })
        .execute();

      const moved = correct ? position(learningPath, index + 1, now) : {};
      await transaction
        .updateTable('onboarding_progress')
        .set({ ...moved, updated_at: now.toISOString() })
        .where('platform', '=', member.platform)
        .where('group_id', '=', member.groupId)
        .where('user_id', '=', member.userId)
        .where('path_id', '=', learningPath.id)
        .execute();

      const progress: Progress = correct
        ? { ...existing, stepIndex: index + 1, stepId: learningPath.steps[index + 1]?.id, completedAt: learningPath.steps[index + 1] ? undefined : now, updatedAt: now }
        : { ...existing, updatedAt: now };
      return { kind: 'graded' as const, correct, attempt, progress };
    });
  }

  /** Deletes the member's progress and answers in one path, or in all paths, and returns how many paths it reset. */
  async reset(member: Member, pathId?: string): Promise<number> {
    return this.store.db.transaction().execute(async (transaction) => {
      let answers = transaction
        .deleteFrom('onboarding_answers')
        .where('platform', '=', member.platform)
        .where('group_id', '=', member.groupId)
        .where('user_id', '=', member.userId);
      let progress = transaction
        .deleteFrom('onboarding_progress')
        .where('platform', '=', member.platform)
        .where('group_id', '=', member.groupId)
        .where('user_id', '=', member.userId);
      if (pathId !== undefined) {
        answers = answers.where('path_id', '=', pathId);
        progress = progress.where('path_id', '=', pathId);
      }

      await answers.execute();
      const result = await progress.executeTakeFirst();
      return Number(result.numDeletedRows);
    });
  }

  /** Returns everyone's progress in a group, least recently active first. */
  async group(platform: string, groupId: string): Promise<Progress[]> {
    const rows = await this.store.db
      .selectFrom('onboarding_progress')
      .selectAll()
      .where('platform', '=', platform)
      .where('group_id', '=', groupId)
      .orderBy('updated_at')
      .orderBy('user_id')
      .execute();
    return rows.map(toProgress);
  }

  /** Counts wrong answers per user, path and step in a group, keyed `user path step`. */
  async wrongAnswers(platform: string, groupId: string, userId?: string): Promise<Map<string, number>> {
    let query = this.store.db
      .selectFrom('onboarding_answers')
      .select(['user_id', 'path_id', 'step_id'])
      .select((builder) => builder.fn.countAll<number>().as('count'))
      .where('platform', '=', platform)
      .where('group_id', '=', groupId)
      .where('correct', '=', 0)
      .groupBy(['user_id', 'path_id', 'step_id']);
    if (userId !== undefined) query = query.where('user_id', '=', userId);

    const rows = await query.execute();
    return new Map(rows.map((row) => [wrongAnswerKey(row.user_id, row.path_id, row.step_id), Number(row.count)]));
  }
}
