import { explainLine, MAX_LINE_LENGTH } from '../../explain/explain.js';
import { explanationReply } from '../../explain/reply.js';
import type { CommandDefinition } from '../definition.js';
import { UserError } from '../errors.js';

export const explainCommand: CommandDefinition = {
  name: 'explain',
  nameJa: '解説',
  description: {
    ja: 'コマンドラインを部分ごとに分けて、それぞれの意味を説明します',
    en: 'Explain a command line part by part',
  },
  usage: '/explain docker run -d -p 5000:5000 flask_app',
  options: [
    {
      name: 'line',
      nameJa: 'コマンドライン',
      type: 'string',
      description: { ja: '説明するコマンドライン（例: docker run -it ubuntu bash）', en: 'The command line to explain, such as docker run -it ubuntu bash' },
      required: true,
      maxLength: MAX_LINE_LENGTH,
    },
  ],
  handle(context, request) {
    const line = typeof request.options.line === 'string' ? request.options.line : '';
    if (line.trim() === '') throw new UserError('explain.emptyLine');

    const explanation = explainLine(line, context.knowledge, request.locale);
    if (explanation.parts.length === 0) throw new UserError('explain.emptyLine');
    return explanationReply(explanation, context.knowledge);
  },
};
