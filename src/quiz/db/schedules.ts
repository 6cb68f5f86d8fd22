import type { Kysely, Selectable } from 'kysely';
import type { Place } from '../../core/request.js';
import type { Locale } from '../../i18n/index.js';
import type { Topic } from '../../knowledge/schema.js';
import type { Database, QuizSchedulesTable } from '../../store/schema.js';
import { decodeDays, encodeDays, type QuizSchedule } from '../schedule.js';

function fromRow(row: Selectable<QuizSchedulesTable>): QuizSchedule {
  return {
    platform: row.platform as Place['platform'],
    groupId: row.group_id,
    channelId: row.channel_id,
    time: row.time,
    timeZone: row.time_zone,
    days: decodeDays(row.days),
    topics: row.topics === '' ? [] : (row.topics.split(',') as Topic[]),
    closeMinutes: row.close_minutes,
    locale: row.locale as Locale,
    createdBy: row.created_by,
    updatedAt: new Date(row.updated_at),
  };
}

/** Returns the schedule of a channel, or undefined when it has none. */
export async function getSchedule(db: Kysely<Database>, place: Place): Promise<QuizSchedule | undefined> {
  const row = await db
    .selectFrom('quiz_schedules')
    .selectAll()
    .where('platform', '=', place.platform)
    .where('group_id', '=', place.groupId)
    .where('channel_id', '=', place.channelId)
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/** Lists every schedule, or those of one platform. */
export async function listSchedules(db: Kysely<Database>, platform?: Place['platform']): Promise<QuizSchedule[]> {
  let query = db.selectFrom('quiz_schedules').selectAll();
  if (platform) query = query.where('platform', '=', platform);
  const rows = await query.orderBy('platform').orderBy('group_id').orderBy('channel_id').execute();
  return rows.map(fromRow);
}

/** Creates or replaces a channel's schedule; `schedule.updatedAt` becomes the moment it takes effect. */
export async function saveSchedule(db: Kysely<Database>, schedule: QuizSchedule): Promise<void> {
  const updatedAt = schedule.updatedAt.toISOString();
  const values = {
    time: schedule.time,
    time_zone: schedule.timeZone,
    days: encodeDays(schedule.days),
    topics: schedule.topics.join(','),
    close_minutes: schedule.closeMinutes,
    locale: schedule.locale,
    created_by: schedule.createdBy,
    updated_at: updatedAt,
  };
  await db
    .insertInto('quiz_schedules')
    .values({ platform: schedule.platform, group_id: schedule.groupId, channel_id: schedule.channelId, created_at: updatedAt, ...values })
    .onConflict((conflict) => conflict.columns(['platform', 'group_id', 'channel_id']).doUpdateSet(values))
    .execute();
}

/** Deletes a channel's schedule and returns whether there was one. */
export async function deleteSchedule(db: Kysely<Database>, place: Place): Promise<boolean> {
  const result = await db
    .deleteFrom('quiz_schedules')
    .where('platform', '=', place.platform)
    .where('group_id', '=', place.groupId)
    .where('channel_id', '=', place.channelId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
