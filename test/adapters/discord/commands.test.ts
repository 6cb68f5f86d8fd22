import { ApplicationCommandOptionType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandLimitProblems, isDiscordName, toDiscordCommand, toDiscordCommands } from '../../../src/adapters/discord/commands.js';
import type { CommandDefinition } from '../../../src/core/definition.js';
import { createReply } from '../../../src/core/reply.js';
import { createTestCore, type TestCore } from './harness.js';

let test: TestCore;

/** The option fields these tests read, from any kind of option. */
interface OptionJson {
  type: number;
  name: string;
  name_localizations?: Record<string, string>;
  description_localizations?: Record<string, string>;
  autocomplete?: boolean;
  choices?: unknown[];
  max_length?: number;
  options?: OptionJson[];
}

function optionsOf(command: { options?: unknown[] }): OptionJson[] {
  return (command.options ?? []) as OptionJson[];
}

/** Returns the options of the study command's only subcommand. */
function studyStartOptions(): OptionJson[] {
  return optionsOf(toDiscordCommand(studyCommand))[0]?.options ?? [];
}

beforeAll(async () => {
  test = await createTestCore();
});

afterAll(async () => {
  await test?.close();
});

const studyCommand: CommandDefinition = {
  name: 'study',
  nameJa: '学習',
  description: { ja: '学習を管理します', en: 'Manage studying' },
  options: [],
  subcommands: [
    {
      name: 'start',
      nameJa: '開始',
      description: { ja: '学習を始めます', en: 'Start studying' },
      options: [
        { name: 'note', type: 'string', description: { ja: 'メモ', en: 'A note' }, maxLength: 50 },
        { name: 'topic', nameJa: 'Topic', type: 'string', description: { ja: 'トピック', en: 'Topic' }, required: true, autocomplete: 'entries' },
        {
          name: 'level',
          type: 'string',
          description: { ja: '難しさ', en: 'Difficulty' },
          autocomplete: 'entries',
          choices: [{ value: 'easy', label: { ja: 'やさしい', en: 'Easy' } }],
        },
      ],
    },
  ],
  handle: (_context, request) => createReply(request.locale),
};

describe('discord command definitions', () => {
  it('defines every core command with Japanese localizations', () => {
    const commands = toDiscordCommands(test.core.commands);

    expect(commands.map((command) => command.name)).toEqual(test.core.commands.map((command) => command.name));
    expect(commands.map((command) => command.name)).toEqual(expect.arrayContaining(['cmd', 'concept', 'search', 'help', 'topics']));
    for (const [index, command] of commands.entries()) {
      const definition = test.core.commands[index]!;
      expect(command.description).toBe(definition.description.en);
      expect(command.description_localizations).toEqual({ ja: definition.description.ja });
      if (definition.nameJa) expect(command.name_localizations).toEqual({ ja: definition.nameJa });
      for (const name of [command.name, ...Object.values(command.name_localizations ?? {})]) expect(isDiscordName(name ?? '')).toBe(true);
    }
  });

  it('gives query autocomplete and a private option', () => {
    const cmd = toDiscordCommands(test.core.commands).find((command) => command.name === 'cmd')!;

    const query = optionsOf(cmd).find((option) => option.name === 'query')!;
    expect(query.type).toBe(ApplicationCommandOptionType.String);
    expect(query.autocomplete).toBe(true);
    expect(query.name_localizations).toEqual({ ja: '検索語' });
    const hidden = optionsOf(cmd).find((option) => option.name === 'private')!;
    expect(hidden.type).toBe(ApplicationCommandOptionType.Boolean);
    expect(hidden.description_localizations?.ja).toBeTruthy();
  });

  it('turns subcommands into SUB_COMMAND options', () => {
    const options = optionsOf(toDiscordCommand(studyCommand));

    expect(options).toHaveLength(1);
    expect(options[0]).toMatchObject({ type: ApplicationCommandOptionType.Subcommand, name: 'start', name_localizations: { ja: '開始' } });
    expect(studyStartOptions().map((option) => option.name)).toEqual(['topic', 'note', 'level']);
  });

  it('leaves out a Japanese name Discord rejects', () => {
    const topic = studyStartOptions()[0]!;

    expect(topic.name_localizations).toBeUndefined();
  });

  it('prefers fixed choices over autocomplete', () => {
    const level = studyStartOptions()[2]!;

    expect(level.autocomplete).toBeUndefined();
    expect(level.choices).toEqual([{ name: 'Easy', name_localizations: { ja: 'やさしい' }, value: 'easy' }]);
  });

  it('keeps the maximum length of a string option', () => {
    const note = studyStartOptions()[1]!;

    expect(note.max_length).toBe(50);
  });

  it('keeps every core command within Discord size limits', () => {
    expect(commandLimitProblems(toDiscordCommands(test.core.commands))).toEqual([]);
  });

  it('reports a command over the size limit', () => {
    const long = { ja: 'あ'.repeat(100), en: 'x'.repeat(100) };
    const choices = [{ value: 'v'.repeat(100), label: { ja: 'はい', en: 'Yes' } }];
    const big: CommandDefinition = {
      ...studyCommand,
      subcommands: undefined,
      options: Array.from({ length: 25 }, (_, index) => ({ name: `option-${index}`, type: 'string' as const, description: long, choices })),
    };
    const wide: CommandDefinition = {
      ...studyCommand,
      name: 'wide',
      subcommands: undefined,
      options: Array.from({ length: 26 }, (_, index) => ({ name: `option-${index}`, type: 'boolean' as const, description: { ja: 'は', en: 'y' } })),
    };

    const problems = commandLimitProblems([toDiscordCommand(big), toDiscordCommand(wide)]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^\/study has \d+ characters/);
    expect(problems[1]).toMatch(/^\/wide has more than 25 options/);
  });

  it('checks Discord names', () => {
    expect(isDiscordName('コマンド')).toBe(true);
    expect(isDiscordName('docker-run_2')).toBe(true);
    expect(isDiscordName('Cmd')).toBe(false);
    expect(isDiscordName('two words')).toBe(false);
    expect(isDiscordName('x'.repeat(33))).toBe(false);
    expect(isDiscordName('')).toBe(false);
  });
});
