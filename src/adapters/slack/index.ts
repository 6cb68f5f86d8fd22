import type { AdapterHandle, AdapterOptions, Publisher } from '../../core/adapter.js';
import { registerActions } from './actions.js';
import { AdminCheck } from './admin.js';
import { registerCommands } from './commands.js';
import { SlackConnection, type SlackConfig } from './connection.js';
import { registerEvents } from './events.js';
import { createPublisher } from './publisher.js';
import { RequestBuilder } from './requests.js';
import { UserDirectory } from './users.js';

export type { SlackConfig } from './connection.js';

/** A running Slack adapter. */
export interface SlackHandle extends AdapterHandle {
  publisher: Publisher;
  mode: 'socket' | 'http';
  /** Address HTTP mode listens on, with the port actually bound; undefined in Socket Mode. */
  address?: { host: string; port: number };
}

/**
 * Connects to Slack: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP mode on SLACK_HOST and
 * SLACK_PORT, verified with SLACK_SIGNING_SECRET. Rejects when the bot token fails auth.test.
 */
export async function startSlack(options: AdapterOptions & { config: SlackConfig }): Promise<SlackHandle> {
  const { core, logger, config } = options;
  const connection = await SlackConnection.create(config, logger);

  const users = new UserDirectory({ client: connection.app.client, logger });
  const admins = new AdminCheck(users, config.adminUsers);
  const requests = new RequestBuilder(core.context.store, admins, users);
  const context = { core, logger, requests, store: core.context.store };
  registerCommands(connection.app, context);
  registerActions(connection.app, context);
  registerEvents(connection.app, context);

  await connection.start();
  return {
    mode: connection.mode,
    address: connection.address,
    publisher: createPublisher(connection.app.client),
    stop: () => connection.stop(),
  };
}
