import { t } from '../../i18n/index.js';
import { createReply, type Block, type Reply } from '../../core/reply.js';
import { timeAgo } from '../format.js';
import { currentStepIndex, wrongAnswerKey, type Progress } from '../member.js';
import type { ViewOptions } from './step.js';

/** Members listed. Others are counted in a note, so the list fits one Slack section (3,000 characters). */
export const MAX_TEAM_ROWS = 20;

/** A member is flagged as stuck after this many days without onboarding activity... */
export const STALE_DAYS = 7;
/** ...or after this many wrong answers on their current step. */
export const STUCK_WRONG_ANSWERS = 3;

const DAY_MS = 24 * 60 * 60 * 1000;
const STUCK = '⚠ ';

interface MemberLine {
  progress: Progress;
  finishedPaths: number;
  active: boolean;
}

/** Picks each member's path to show: the in-progress one they touched last, else their last finished one. */
function memberLines(all: readonly Progress[], options: ViewOptions): MemberLine[] {
  const byUser = new Map<string, Progress[]>();
  for (const progress of all) {
    if (!options.paths.get(progress.pathId)) continue;
    byUser.set(progress.userId, [...(byUser.get(progress.userId) ?? []), progress]);
  }

  const lines: MemberLine[] = [];
  for (const rows of byUser.values()) {
    const latestFirst = [...rows].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
    const active = latestFirst.find((row) => !row.completedAt);
    const displayed = active ?? latestFirst[0];
    if (displayed) lines.push({ progress: displayed, finishedPaths: rows.filter((row) => row.completedAt).length, active: active !== undefined });
  }

  // Members still on a path come first, the longest idle at the top, since they are the likeliest stuck.
  return lines.sort((a, b) => Number(b.active) - Number(a.active) || a.progress.updatedAt.getTime() - b.progress.updatedAt.getTime());
}

/**
 * Builds the admin's view of the team: each member's path, step and last activity as relative time,
 * with a mark on members who look stuck. Members appear as their name and id in plain text, which
 * adapters escape so that no one is mentioned.
 */
export function teamView(all: readonly Progress[], wrongAnswers: ReadonlyMap<string, number>, options: ViewOptions, now: Date): Reply {
  const { locale } = options;
  const lines = memberLines(all, options);
  if (lines.length === 0) {
    return createReply(locale, { title: t(locale, 'onboarding.team.title'), summary: t(locale, 'onboarding.team.empty'), ephemeral: true });
  }

  let stuck = 0;
  const items = lines.map(({ progress, finishedPaths, active }) => {
    const learningPath = options.paths.get(progress.pathId)!;
    const total = learningPath.steps.length;
    const index = currentStepIndex(progress, learningPath);
    const memberLabel = progress.userName ? `${progress.userName} (${progress.userId})` : progress.userId;
    const since = timeAgo(progress.updatedAt, now, locale);
    const finishedNote = finishedPaths > 0 ? ` ・ ${t(locale, 'onboarding.team.finishedPaths', { count: finishedPaths })}` : '';
    const step = learningPath.steps[index];
    if (!active || !step) return `${memberLabel}: ${learningPath.title[locale]} ${t(locale, 'onboarding.home.finished')} ・ ${since}${finishedNote}`;

    const wrong = wrongAnswers.get(wrongAnswerKey(progress.userId, learningPath.id, step.id)) ?? 0;
    const isStuck = now.getTime() - progress.updatedAt.getTime() >= STALE_DAYS * DAY_MS || wrong >= STUCK_WRONG_ANSWERS;
    if (isStuck) stuck++;
    const misses = wrong > 0 ? ` ・ ${t(locale, 'onboarding.status.misses', { count: wrong })}` : '';
    const place = `${learningPath.title[locale]} ${index + 1}/${total}「${step.title[locale]}」`;
    return `${isStuck ? STUCK : ''}${memberLabel}: ${place} ・ ${since}${misses}${finishedNote}`;
  });

  const blocks: Block[] = [{ type: 'list', items: items.slice(0, MAX_TEAM_ROWS) }];
  if (items.length > MAX_TEAM_ROWS) blocks.push({ type: 'note', text: t(locale, 'onboarding.team.more', { count: items.length - MAX_TEAM_ROWS }) });
  blocks.push({ type: 'note', text: t(locale, 'onboarding.team.legend', { days: STALE_DAYS, count: STUCK_WRONG_ANSWERS }) });

  return createReply(locale, {
    title: t(locale, 'onboarding.team.title'),
    summary: t(locale, 'onboarding.team.summary', { members: lines.length, active: lines.filter((line) => line.active).length, stuck }),
    blocks,
    ephemeral: true,
  });
}
