import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandText, parseMessageText, type CommandLookup } from '../../../src/adapters/slack/parse.js';
import type { CommandDefinition } from '../../../src/core/definition.js';
import { createTestCore, type TestCore } from '../../support/core.js';

let testCore: TestCore;
const lookup: CommandLookup = (name) => testCore.core.command(name);

beforeAll(async () => {
  testCore = await createTestCore();
});

afterAll(async () => {
  await testCore.close();
});

/** A command defined only here, as a command added to the core later would be. */
const quizLike: CommandDefinition = {
  name: 'quizlike',
  description: { ja: 'テスト用', en: 'For tests' },
  options: [],
  subcommands: [
    {
      name: 'answer',
      nameJa: '回答',
      description: { ja: '回答', en: 'Answer' },
      options: [
        { name: 'choice', type: 'integer', description: { ja: '番号', en: 'Number' } },
        { name: 'note', type: 'string', description: { ja: 'メモ', en: 'Note' } },
        { name: 'private', nameJa: '非公開', type: 'boolean', description: { ja: '非公開', en: 'Private' } },
      ],
    },
  ],
  handle: () => {
    throw new Error('not called');
  },
};
const withQuiz: CommandLookup = (name) => (name === quizLike.name ? quizLike : lookup(name));

describe('slack command parsing', () => {
  it('puts free text in the first string option', () => {
    expect(parseCommandText('cmd', ' docker   commit ', lookup)).toEqual({ command: 'cmd', options: { query: 'docker commit' } });
  });

  it('reads option:value words', () => {
    expect(parseCommandText('search', 'query:docker private:true', lookup)).toEqual({ command: 'search', options: { query: 'docker', private: true } });
    expect(parseCommandText('cmd', 'docker commit 非公開：はい', lookup)).toEqual({ command: 'cmd', options: { query: 'docker commit', private: true } });
  });

  it('keeps colons that name no option in the text', () => {
    expect(parseCommandText('cmd', 'docker run -p 5000:5000 -v $(pwd):/app', lookup).options.query).toBe('docker run -p 5000:5000 -v $(pwd):/app');
  });

  it('reads a subcommand and its typed options', () => {
    expect(parseCommandText('quizlike', '回答 choice:２ private:no good one', withQuiz)).toEqual({
      command: 'quizlike',
      subcommand: 'answer',
      options: { choice: 2, private: false, note: 'good one' },
    });
  });

  it('leaves an invalid typed value as text', () => {
    expect(parseCommandText('quizlike', 'answer choice:two', withQuiz).options).toEqual({ note: 'choice:two' });
  });

  it('maps a choice label to its value', () => {
    expect(parseCommandText('shiori', 'lang 英語', lookup)).toEqual({ command: 'shiori', subcommand: 'lang', options: { value: 'en' } });
    expect(parseCommandText('shiori', 'lang EN', lookup).options.value).toBe('en');
    expect(parseCommandText('shiori', 'lang fr', lookup).options.value).toBe('fr');
  });

  it('runs another command through /shiori', () => {
    expect(parseCommandText('shiori', 'search コンテナ 削除', lookup)).toEqual({ command: 'search', options: { query: 'コンテナ 削除' } });
    expect(parseCommandText('shiori', 'quizlike answer choice:1', withQuiz)).toEqual({ command: 'quizlike', subcommand: 'answer', options: { choice: 1 } });
    expect(parseCommandText('shiori', '', lookup)).toEqual({ command: 'shiori', options: {} });
  });

  it('returns an unknown command for the core to reject', () => {
    expect(parseCommandText('NoSuch', 'x', lookup)).toEqual({ command: 'nosuch', options: {} });
  });
});

describe('slack message parsing', () => {
  it('looks up plain text', () => {
    expect(parseMessageText('docker commit', lookup)).toEqual({ command: 'cmd', options: { query: 'docker commit' } });
  });

  it('runs a command written with a slash', () => {
    expect(parseMessageText('/search 削除', lookup)).toEqual({ command: 'search', options: { query: '削除' } });
  });

  it('asks for help on empty text', () => {
    expect(parseMessageText('   ', lookup)).toEqual({ command: 'help', options: {} });
  });
});
