import { describe, expect, it } from 'vitest';
import { unwrapLines } from '../../src/knowledge/unwrap.js';

describe('unwrapLines', () => {
  it('joins an English sentence broken in the middle', () => {
    expect(unwrapLines('write the change into a\nDockerfile and build it.')).toBe('write the change into a Dockerfile and build it.');
  });

  it('joins Japanese without a space', () => {
    expect(unwrapLines('コンテナの変更を\n保存します。')).toBe('コンテナの変更を保存します。');
  });

  it('keeps a space between Japanese and Latin text', () => {
    expect(unwrapLines('変更を\nDockerfile に書きます。')).toBe('変更を Dockerfile に書きます。');
  });

  it('keeps sentence ends, lists, indented lines and paragraphs', () => {
    const text = 'First sentence.\nSecond one\n- item one\n- item two\n\n  flask_app/\n  ├── app.py\nNext paragraph:';
    expect(unwrapLines(text)).toBe(text);
  });
});
