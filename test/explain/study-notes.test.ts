import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NoteCode } from '../../src/explain/types.js';
import { explain } from './support.js';

// Every command line of the Docker, virsh and systemd study notes, one per line. Japanese
// placeholders are replaced with realistic values (コンテナID with 3f2a1b, イメージID with 5d0da3dc9764,
// サービス名 with httpd, VM with vm1). Lines the notes get wrong in ways that show what /explain is for
// stay as written and must be explained with a note: `docker -ps`, `virth list`, `virsh dommstate`,
// `systemctl getdefault` and `setdefault` are known misspellings, and `python３` has a full-width 3.
// `systemctl reboot` and `poweroff` lose the notes' service name, which neither command accepts.
const LINES = readFileSync('test/fixtures/study-note-lines.txt', 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');

const EXPECTED_NOTES: Record<string, NoteCode[]> = {
  'docker -ps': ['correction'],
  'virth list': ['correction'],
  'virsh dommstate vm1': ['correction'],
  'systemctl getdefault': ['correction'],
  'systemctl setdefault multi-user.target': ['correction'],
  'python３': ['character'],
};

describe('study note lines', () => {
  it('cover every tool the notes use', () => {
    const commands = new Set(LINES.map((line) => line.split(' ')[0]));
    for (const command of ['yum', 'yum-config-manager', 'systemctl', 'docker', 'vim', 'touch', 'python３', 'ls', 'cd', 'virsh', 'virth', 'virt-install', 'virt-manager', 'RUN', 'COPY', 'ENTRYPOINT', 'CMD', 'FROM', 'WORKDIR']) {
      expect(commands).toContain(command);
    }
    expect(LINES).toContain('RUN pip3 install -r requirements.txt');
  });

  for (const locale of ['ja', 'en'] as const) {
    describe(locale, () => {
      for (const line of LINES) {
        it(`explains ${line}`, () => {
          const explanation = explain(line, locale);
          expect(explanation.parts.filter((part) => part.problem)).toEqual([]);
          expect(explanation.parts.every((part) => part.meaning !== undefined && part.meaning !== '')).toBe(true);
          expect(explanation.complete).toBe(true);
          expect(explanation.notes.map((note) => note.code)).toEqual(EXPECTED_NOTES[line] ?? []);
        });
      }
    });
  }

  it('flags the misspelt lines as corrections', () => {
    expect(explain('virth list').commands[0]?.corrected).toBe('virsh list');
    expect(explain('docker -ps').commands[0]?.corrected).toBe('docker ps');
  });

  it('flags the service name the notes give to reboot', () => {
    expect(explain('systemctl reboot httpd').complete).toBe(false);
  });
});
