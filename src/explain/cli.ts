import type { Reply } from '../core/reply.js';
import type { Locale } from '../i18n/index.js';
import { KnowledgeBase } from '../knowledge/index.js';
import { explainLine } from './explain.js';
import { explanationReply } from './reply.js';

export interface ExplainCliOptions {
  json: boolean;
  locale: Locale;
  knowledgeDir: string;
  /** Lines of standard input, read only when no LINE is given. */
  readLines: () => AsyncIterable<string>;
  output: NodeJS.WritableStream;
  /** Turns a reply into terminal text, for output without --json. */
  render: (reply: Reply) => string;
}

/**
 * `explain [--json] [LINE]`: explains LINE, or each line of standard input when LINE is absent. With
 * --json every explanation is one JSON object on one line; an empty line gives an object with no parts.
 */
export async function runExplainCli(args: readonly string[], options: ExplainCliOptions): Promise<number> {
  const knowledge = KnowledgeBase.load(options.knowledgeDir);
  const answer = (line: string): string => {
    const explanation = explainLine(line, knowledge, options.locale);
    if (options.json) return `${JSON.stringify(explanation)}\n`;
    return explanation.parts.length === 0 ? '\n' : options.render(explanationReply(explanation, knowledge));
  };

  if (args.length > 0) {
    options.output.write(answer(args.join(' ')));
    return 0;
  }

  for await (const line of options.readLines()) options.output.write(answer(line));
  return 0;
}
