import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { codeLines, cutLines, packLines, renderLines, textLines } from '../../../src/adapters/discord/layout.js';
import { cut, isStaleInteraction, toChoices } from '../../../src/adapters/discord/platform.js';

function apiError(code: number, status: number): DiscordAPIError {
  return new DiscordAPIError({ code, message: 'error' }, code, status, 'POST', 'http://127.0.0.1/api/v10/interactions/1/x/callback', { body: undefined });
}

describe('discord cut', () => {
  it('keeps text within the limit', () => {
    expect(cut('abcdef', 10)).toBe('abcdef');
    expect(cut('abcdef', 4)).toBe('abc…');
    expect(cut('abcdef', 4)).toHaveLength(4);
  });

  it('never splits a surrogate pair', () => {
    const cutText = cut('ab😀cd', 4);

    expect(cutText).toBe('ab…');
  });
});

describe('discord choices', () => {
  it('keeps names and values within 1 to 100 characters', () => {
    const choices = toChoices([
      { label: 'x'.repeat(150), value: 'long-label' },
      { label: '', value: 'no-label' },
      { label: 'no value', value: '' },
      { label: 'long value', value: 'v'.repeat(101) },
      { label: 'ok', value: 'ok' },
    ]);

    expect(choices).toEqual([
      { name: `${'x'.repeat(99)}…`, value: 'long-label' },
      { name: 'ok', value: 'ok' },
    ]);
  });

  it('returns at most 25 distinct choices', () => {
    const suggestions = Array.from({ length: 40 }, (_, index) => ({ label: `entry ${index % 30}`, value: `entry-${index % 30}` }));

    const choices = toChoices(suggestions);
    expect(choices).toHaveLength(25);
    expect(new Set(choices.map((choice) => choice.value)).size).toBe(25);
  });
});

describe('discord stale interactions', () => {
  it('recognizes expired and answered interactions', () => {
    expect(isStaleInteraction(apiError(10062, 404))).toBe(true);
    expect(isStaleInteraction(apiError(40060, 400))).toBe(true);
    expect(isStaleInteraction(apiError(10015, 404))).toBe(true);
  });

  it('treats other failures as errors', () => {
    expect(isStaleInteraction(apiError(50035, 400))).toBe(false);
    expect(isStaleInteraction(new Error('boom'))).toBe(false);
  });
});

describe('discord layout', () => {
  it('packs lines into chunks within the limit', () => {
    const lines = textLines(Array.from({ length: 50 }, (_, index) => `line ${index} ${'x'.repeat(40)}`).join('\n'));

    const chunks = packLines(lines, 200);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(renderLines(chunk).length).toBeLessThanOrEqual(200);
    expect(chunks.flat()).toHaveLength(50);
  });

  it('closes the fence of each code chunk', () => {
    const chunks = packLines(codeLines(Array.from({ length: 30 }, () => 'docker ps -a').join('\n')), 100);

    for (const chunk of chunks) expect(renderLines(chunk)).toMatch(/^```\n[\s\S]*\n```$/);
  });

  it('keeps mixed text and code within limits', () => {
    // A fixed pseudo-random sequence, so a failure repeats.
    let seed = 7;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let round = 0; round < 50; round++) {
      const lines = Array.from({ length: 40 }, () => ({ kind: next() < 0.5 ? ('code' as const) : ('text' as const), text: 'x'.repeat(Math.floor(next() * 120)) }));
      const max = 100 + Math.floor(next() * 400);

      for (const chunk of packLines(lines, max)) expect(renderLines(chunk).length).toBeLessThanOrEqual(max);
      expect(cutLines(lines, max, '…(more)').length).toBeLessThanOrEqual(max);
    }
  });

  it('cuts with the pointer last', () => {
    const text = cutLines([...textLines('intro'), ...codeLines('a'.repeat(500))], 120, '…(more)');

    expect(text.length).toBeLessThanOrEqual(120);
    expect(text.endsWith('\n…(more)')).toBe(true);
    expect(text.match(/```/g)).toHaveLength(2);
  });
});
