import type { LearningPath } from './schema.js';

/** The owner of progress: one user in one guild or workspace of one platform. */
export interface Member {
  platform: string;
  groupId: string;
  userId: string;
  /** Display name, kept for the team view when the adapter provides it. */
  name?: string;
}

/** A member's position in one path. */
export interface Progress {
  userId: string;
  userName?: string;
  pathId: string;
  /** Step index as stored. `currentStepIndex` resolves it against the path's current steps. */
  stepIndex: number;
  stepId?: string;
  startedAt: Date;
  updatedAt: Date;
  completedAt?: Date;
}

/**
 * Returns the index of the member's current step, found by step id first so that editing a path does
 * not move a learner, or `steps.length` when the path is finished.
 */
export function currentStepIndex(progress: Progress, learningPath: LearningPath): number {
  if (progress.completedAt) return learningPath.steps.length;

  const byId = learningPath.steps.findIndex((step) => step.id === progress.stepId);
  if (byId !== -1) return byId;
  return Math.min(Math.max(progress.stepIndex, 0), learningPath.steps.length - 1);
}

/** Builds the key of the map that `ProgressStore.wrongAnswers` returns. */
export function wrongAnswerKey(userId: string, pathId: string, stepId: string): string {
  return `${userId} ${pathId} ${stepId}`;
}
