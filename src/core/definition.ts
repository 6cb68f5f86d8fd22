import type { Locale } from '../i18n/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import type { Reply } from './reply.js';
import type { Request } from './request.js';

/** Text in both languages, as command descriptions need for Discord localizations and Slack. */
export interface Bilingual {
  ja: string;
  en: string;
}

/** Which entries an option's autocomplete offers. */
export type AutocompleteSource = 'commands' | 'concepts' | 'entries';

export interface OptionDefinition {
  /** Lower-case name, 1 to 32 characters, as Discord requires. */
  name: string;
  /** Japanese name shown by Discord to Japanese users. */
  nameJa?: string;
  type: 'string' | 'integer' | 'boolean';
  description: Bilingual;
  required?: boolean;
  autocomplete?: AutocompleteSource;
  choices?: { value: string; label: Bilingual }[];
  maxLength?: number;
}

export interface SubcommandDefinition {
  name: string;
  nameJa?: string;
  description: Bilingual;
  options: OptionDefinition[];
  adminOnly?: boolean;
}

/** Services that core commands use; adapters and tests build one and pass it to the core. */
export interface CoreContext {
  knowledge: KnowledgeBase;
  logger: Logger;
  store: Store;
  /** The current time; tests inject a fake clock. */
  now: () => Date;
}

/** A user command: its neutral definition beside its handler, one per file under `commands/`. */
export interface CommandDefinition {
  name: string;
  nameJa?: string;
  description: Bilingual;
  options: OptionDefinition[];
  subcommands?: SubcommandDefinition[];
  /** Example shown by help, such as `/cmd docker commit`; bilingual when the example has words. */
  usage?: string | Bilingual;
  handle(context: CoreContext, request: Request): Promise<Reply> | Reply;
}

/** Handles button clicks whose action id starts with `prefix:`. */
export interface ActionHandler {
  prefix: string;
  handle(context: CoreContext, request: Request, argument: string): Promise<Reply> | Reply;
}

export type { Locale };
