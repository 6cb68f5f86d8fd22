/** Per-group settings such as a Slack workspace's language; `group_id` is a guild or team id. */
export interface SettingsTable {
  platform: string;
  group_id: string;
  key: string;
  value: string;
  updated_at: string;
}

/** Platform events already handled, so a redelivered event is answered once. */
export interface SeenEventsTable {
  platform: string;
  event_id: string;
  seen_at: number;
}

/** A member's place in one learning path; `step_index` equals the step count once the path is finished. */
export interface OnboardingProgressTable {
  platform: string;
  group_id: string;
  user_id: string;
  path_id: string;
  step_index: number;
  /** Id of the current step, so progress survives steps being inserted before it; null when finished. */
  step_id: string | null;
  /** Display name last seen, for the team view. */
  user_name: string | null;
  started_at: string;
  updated_at: string;
  completed_at: string | null;
}

/** Every answer to a step's check question; `attempt` counts from 1 per member and step. */
export interface OnboardingAnswersTable {
  platform: string;
  group_id: string;
  user_id: string;
  path_id: string;
  step_id: string;
  attempt: number;
  choice: number;
  /** 1 for a right answer, 0 for a wrong one. */
  correct: number;
  answered_at: string;
}

/** Members who joined a group, so a redelivered join event greets once. */
export interface OnboardingJoinsTable {
  platform: string;
  group_id: string;
  user_id: string;
  joined_at: string;
  /** How many join events arrived for this member, redeliveries included. */
  deliveries: number;
  /** When the welcome was claimed for sending; null while none was. */
  welcomed_at: string | null;
}

/** A channel's daily quiz schedule; `days` is like `mon,tue`, `topics` a comma list or empty for all. */
export interface QuizSchedulesTable {
  platform: string;
  group_id: string;
  channel_id: string;
  time: string;
  time_zone: string;
  days: string;
  topics: string;
  /** Minutes from a post to its reveal; null reveals at the next scheduled post. */
  close_minutes: number | null;
  locale: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/**
 * A quiz question asked somewhere: a daily post (claimed once per channel and `quiz_day`), a manual
 * post, or a private practice or review question of `owner_id`. `question` is the question as JSON.
 */
export interface QuizPostsTable {
  id: string;
  kind: string;
  platform: string;
  group_id: string;
  channel_id: string;
  quiz_day: string | null;
  owner_id: string | null;
  /** The topic a practice question was drawn from, for its Next button; null for all topics. */
  topic_filter: string | null;
  question_id: string;
  question: string;
  entry_id: string;
  topic: string;
  answer: number;
  locale: string;
  /** `sending`, `retry`, `sent` or `failed`. */
  status: string;
  attempts: number;
  /** When a `retry` post is due again, or when the lease of a `sending` post runs out. */
  next_attempt_at: string | null;
  scheduled_for: string | null;
  message_channel_id: string | null;
  message_id: string | null;
  created_at: string;
  sent_at: string | null;
  closes_at: string | null;
  closed_at: string | null;
  close_attempts: number;
}

/** One learner's answer to one post; the primary key (post_id, user_id) allows one answer each. */
export interface QuizAnswersTable {
  post_id: string;
  user_id: string;
  user_name: string | null;
  platform: string;
  group_id: string;
  channel_id: string;
  kind: string;
  quiz_day: string | null;
  question_id: string;
  topic: string;
  entry_id: string;
  choice: number;
  /** 1 for a right answer, 0 for a wrong one. */
  correct: number;
  answered_at: string;
}

/** Questions already asked in a scope (a channel or a learner), so none repeats until all were asked. */
export interface QuizHistoryTable {
  scope: string;
  question_id: string;
  asked_at: string;
}

/** A learner's Leitner review queue: a wrongly answered question, its box (1 to 5) and when it is due. */
export interface QuizReviewsTable {
  platform: string;
  user_id: string;
  question_id: string;
  question: string;
  topic: string;
  box: number;
  due_at: string;
  updated_at: string;
}

/** The database as Kysely sees it. Each feature adds its tables here and in a migration. */
export interface Database {
  settings: SettingsTable;
  seen_events: SeenEventsTable;
  quiz_schedules: QuizSchedulesTable;
  quiz_posts: QuizPostsTable;
  quiz_answers: QuizAnswersTable;
  quiz_history: QuizHistoryTable;
  quiz_reviews: QuizReviewsTable;
  onboarding_progress: OnboardingProgressTable;
  onboarding_answers: OnboardingAnswersTable;
  onboarding_joins: OnboardingJoinsTable;
}
