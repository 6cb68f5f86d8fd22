import type { Logger } from '../log.js';
import type { Core } from './core.js';
import type { Reply } from './reply.js';

/** A running platform connection that main.ts stops on shutdown. */
export interface AdapterHandle {
  stop(): Promise<void>;
  /** Present when the platform can post without a request, as the daily quiz needs. */
  publisher?: Publisher;
}

/** What every platform adapter receives from main.ts. */
export interface AdapterOptions {
  core: Core;
  logger: Logger;
}

/** Where a posted message lives, so it can be edited later (quiz reveal, answer counts). */
export interface MessageRef {
  channelId: string;
  messageId: string;
}

/**
 * Sends replies that no request asked for: scheduled quiz posts, welcome messages. Each platform
 * adapter that supports them exposes one on its handle.
 */
export interface Publisher {
  platform: 'discord' | 'slack' | 'shell';
  /** Posts a public reply in a channel. */
  post(channelId: string, reply: Reply): Promise<MessageRef>;
  /** Replaces a posted message with a new reply. */
  update(ref: MessageRef, reply: Reply): Promise<void>;
  /** Sends a reply to a user in a direct message. */
  sendDirect(userId: string, reply: Reply): Promise<MessageRef>;
}
