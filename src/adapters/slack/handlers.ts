import type { Core } from '../../core/core.js';
import { errorReply } from '../../core/core.js';
import type { Reply } from '../../core/reply.js';
import type { Request } from '../../core/request.js';
import { t, type Locale } from '../../i18n/index.js';
import type { Logger } from '../../log.js';
import type { RequestBuilder, SlackIds } from './requests.js';

/** Services that every Slack listener uses. */
export interface HandlerContext {
  core: Core;
  logger: Logger;
  requests: RequestBuilder;
}

/**
 * Runs a request through the core and logs it at debug with its ids. The core never rejects, and a
 * failure while building the request is logged and replaced by the fixed apology.
 */
export async function runRequest(context: HandlerContext, ids: SlackIds, build: () => Promise<Request>): Promise<Reply> {
  let locale: Locale = 'ja';
  try {
    const request = await build();
    locale = request.locale;
    context.logger.debug(
      { team: ids.team, channel: ids.channel, user: ids.user, command: request.command, subcommand: request.subcommand, action: request.actionId },
      'slack request',
    );
    return await context.core.handle(request);
  } catch (error) {
    context.logger.error({ err: error, team: ids.team, channel: ids.channel, user: ids.user }, 'slack request failed');
    return errorReply(locale, t(locale, 'error.internal'));
  }
}

/** Logs a failed delivery of a reply with the ids involved; delivery errors are never shown to users. */
export function logDeliveryFailure(logger: Logger, error: unknown, ids: SlackIds, delivery: string): void {
  logger.error({ err: error, team: ids.team, channel: ids.channel, user: ids.user }, `failed to send the ${delivery}`);
}
