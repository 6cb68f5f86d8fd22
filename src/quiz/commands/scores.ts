import type { CoreContext } from '../../core/definition.js';
import type { Reply } from '../../core/reply.js';
import type { Request } from '../../core/request.js';
import { calendarDay, weekStart } from '../calendar.js';
import { reviewCounts } from '../db/reviews.js';
import { getSchedule } from '../db/schedules.js';
import { leaderboard, learnerStats } from '../db/stats.js';
import { leaderboardReply, meReply } from '../replies/stats.js';
import { DEFAULT_TIME_ZONE } from '../schedule.js';

/** Learners listed per ranking. */
export const LEADERBOARD_SIZE = 10;

/** Shows the requester's totals, streaks, review list and weakest topics in this guild or workspace. */
export async function showMe(context: CoreContext, request: Request): Promise<Reply> {
  const db = context.store.db;
  const stats = await learnerStats(db, { platform: request.place.platform, groupId: request.place.groupId, userId: request.user.id });
  const review = await reviewCounts(db, { platform: request.place.platform, userId: request.user.id }, context.now());
  return meReply(stats, review, request.locale);
}

/**
 * Shows this week's and the all-time ranking of the guild or workspace. The week starts on Monday in
 * the time zone of this channel's schedule, or in Asia/Tokyo when the channel has none.
 */
export async function showLeaderboard(context: CoreContext, request: Request): Promise<Reply> {
  const db = context.store.db;
  const { platform, groupId } = request.place;
  const timeZone = (await getSchedule(db, request.place))?.timeZone ?? DEFAULT_TIME_ZONE;
  const since = weekStart(context.now(), timeZone);
  const week = await leaderboard(db, platform, groupId, since, LEADERBOARD_SIZE);
  const allTime = await leaderboard(db, platform, groupId, undefined, LEADERBOARD_SIZE);
  return leaderboardReply(week, allTime, calendarDay(since, timeZone), request.locale);
}
