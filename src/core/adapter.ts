import type { Logger } from '../log.js';
import type { Core } from './core.js';

/** A running platform connection that main.ts stops on shutdown. */
export interface AdapterHandle {
  stop(): Promise<void>;
}

/** What every platform adapter receives from main.ts. */
export interface AdapterOptions {
  core: Core;
  logger: Logger;
}
