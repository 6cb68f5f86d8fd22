import { describe, expect, it } from 'vitest';
import { escapeText, incomingText, stripMention, unescapeText } from '../../../src/adapters/slack/escape.js';
import { fitText, splitText } from '../../../src/adapters/slack/limits.js';

describe('slack escaping', () => {
  it('escapes the three reserved characters', () => {
    expect(escapeText('a & b <!channel> <@U1> > c')).toBe('a &amp; b &lt;!channel&gt; &lt;@U1&gt; &gt; c');
  });

  it('unescapes in one pass', () => {
    expect(unescapeText('x &amp;&amp; y &gt; out.txt &lt;in')).toBe('x && y > out.txt <in');
    expect(unescapeText('&amp;lt;')).toBe('&lt;');
    expect(unescapeText('&quot; stays')).toBe('&quot; stays');
  });

  it('reads markup as the text a user sees', () => {
    expect(incomingText('<!channel> <!here> <@U123> <@U9|ann> <#C1|general> <https://example.com|docs> <https://example.com>')).toBe(
      '@channel @here @U123 @ann #general docs https://example.com',
    );
    expect(incomingText('<!subteam^S1|@admins> <!date^1700000000^{date}|Nov 14>')).toBe('@admins Nov 14');
  });

  it('turns escaped shell text back into what was typed', () => {
    expect(incomingText('ls -la | grep x &amp;&amp; echo ok &gt; out.txt')).toBe('ls -la | grep x && echo ok > out.txt');
    expect(incomingText('&lt;!channel&gt;')).toBe('<!channel>');
  });

  it('strips only the bot mention', () => {
    expect(stripMention('<@UBOT> docker <@UOTHER> <@UBOT|shiori>', 'UBOT').trim()).toBe('docker <@UOTHER>');
    expect(stripMention('<@UBOT> x', undefined)).toBe('<@UBOT> x');
  });
});

describe('slack text limits', () => {
  it('cuts with an ellipsis within the limit', () => {
    const cut = fitText('x'.repeat(200), 150);
    expect(cut).toHaveLength(150);
    expect(cut.endsWith('…')).toBe(true);
    expect(fitText('short', 150)).toBe('short');
  });

  it('never splits an entity or an emoji', () => {
    for (let max = 3; max < 12; max++) {
      const cut = fitText('ab&amp;&lt;cd&gt;ef', max);
      expect(cut.replace('…', '')).not.toMatch(/&[a-z]*$/);
    }
    expect(fitText('ab😀cd', 4)).toBe('ab…');
  });

  it('splits at line ends and keeps every piece within the limit', () => {
    const text = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(130)].join('\n');
    const pieces = splitText(text, 100);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(100);
    expect(pieces[0]).toBe(`${'a'.repeat(40)}\n${'b'.repeat(40)}`);
    expect(pieces.join('').replaceAll('\n', '')).toBe(text.replaceAll('\n', ''));
  });
});
