import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/knowledge/schema.js';
import { shippedKnowledge } from '../support/core.js';

// The study notes got these facts wrong. Each test pins the corrected fact in the card, so a later
// edit cannot quietly bring the mistake back.

function entry(id: string): Entry {
  const found = shippedKnowledge().lookup(id);
  if (!found) throw new Error(`missing entry ${id}`);
  return found;
}

/** Every English and Japanese sentence a card shows, joined for pattern checks. */
function cardText(id: string): string {
  const value = entry(id);
  const parts = [
    value.summary.ja,
    value.summary.en,
    value.details?.ja,
    value.details?.en,
    ...value.misconceptions.flatMap((note) => [note.ja, note.en]),
    ...value.warnings.flatMap((warning) => [warning.ja, warning.en]),
  ];
  return parts.filter((part): part is string => part !== undefined).join('\n');
}

describe('corrected facts', () => {
  it('virsh destroy stops a VM and deletes nothing', () => {
    const destroy = entry('virsh-destroy');
    expect(destroy.summary.en).toMatch(/deletes neither|deletes nothing|does not delete/i);
    expect(destroy.warnings.length).toBeGreaterThan(0);
    expect(destroy.related).toContain('virsh-undefine');
  });

  it('virsh undefine removes the definition and warns about storage', () => {
    const undefine = entry('virsh-undefine');
    expect(undefine.summary.en).toMatch(/definition/i);
    expect(undefine.options.map((option) => option.long)).toContain('--remove-all-storage');
    expect(undefine.warnings.some((warning) => warning.en?.includes('--remove-all-storage'))).toBe(true);
  });

  it('systemctl reboot and poweroff take no unit', () => {
    for (const id of ['systemctl-reboot', 'systemctl-poweroff']) {
      const command = entry(id);
      expect(command.arguments).toEqual([]);
      expect(command.syntax).not.toMatch(/UNIT|サービス名/);
      expect(command.summary.en).toMatch(/whole system/i);
    }
  });

  it('systemctl isolate keeps the default target and warns', () => {
    const isolate = entry('systemctl-isolate');
    expect(isolate.summary.en).toMatch(/does not change the default/i);
    expect(isolate.warnings.length).toBeGreaterThan(0);
  });

  it('get-default and set-default are hyphenated and findable by the notes spelling', () => {
    expect(entry('systemctl-get-default').arguments).toEqual([]);
    expect(entry('systemctl-get-default').aliases).toContain('systemctl getdefault');
    expect(entry('systemctl-set-default').arguments.map((argument) => argument.name)).toEqual(['TARGET']);
    expect(entry('systemctl-set-default').aliases).toContain('systemctl setdefault');
  });

  it('ENTRYPOINT has no default', () => {
    const entrypoint = entry('dockerfile-entrypoint');
    expect(entrypoint.summary.en).toMatch(/no default/i);
    expect(entrypoint.summary.ja).toContain('既定値はありません');
  });

  it('RUN runs at build time', () => {
    expect(entry('dockerfile-run').summary.en).toMatch(/during the image build|at build time/i);
  });

  it('docker system prune keeps running containers and volumes', () => {
    const prune = entry('docker-system-prune');
    expect(prune.summary.en).toMatch(/stopped containers/i);
    expect(prune.summary.en).toMatch(/running containers are never removed/i);
    expect(prune.options.map((option) => option.long)).toContain('--volumes');
    expect(prune.warnings.length).toBeGreaterThan(0);
  });

  it('docker image prune removes only dangling images without -a', () => {
    expect(entry('docker-image-prune').summary.en).toMatch(/only dangling/i);
  });

  it('docker tag copies nothing', () => {
    expect(entry('docker-tag').summary.en).toMatch(/nothing is copied/i);
  });

  it('-t allocates a pseudo-TTY', () => {
    const tty = entry('docker-run').options.find((option) => option.short === '-t');
    expect(tty?.long).toBe('--tty');
    expect(tty?.en).toMatch(/pseudo-TTY/i);
  });

  it('docker rm -f is flagged as destructive', () => {
    const rm = entry('docker-rm');
    expect(rm.options.map((option) => option.short)).toContain('-f');
    expect(rm.warnings.length).toBeGreaterThan(0);
  });

  it('rescue.target is spelled right and the typo still finds targets', () => {
    expect(cardText('systemd-target')).toContain('rescue.target');
    expect(entry('systemd-target').aliases).toContain('rescure.target');
  });

  it('runlevels 2, 3 and 4 map to multi-user.target', () => {
    expect(cardText('runlevel')).toMatch(/2.{0,6}3.{0,6}4[^\n]*multi-user\.target|multi-user\.target[^\n]*2.{0,6}3.{0,6}4/);
  });

  it('the notes wrong forms are aliases of the right cards', () => {
    const aliases: [string, string][] = [
      ['virsh-list', 'virth list'],
      ['virsh-domstate', 'virsh dommstate'],
      ['docker-ps', 'docker -ps'],
      ['hypervisor', 'ハイパーバイザ'],
      ['bootloader', 'ブートローダ'],
    ];
    for (const [id, alias] of aliases) expect(entry(id).aliases, id).toContain(alias);
  });

  it('outdated recipes say what changed', () => {
    expect(cardText('recipe-flask-in-docker')).toMatch(/bionic|18\.04/);
    expect(cardText('recipe-flask-in-docker')).not.toMatch(/Flask==1\.1\.2\s*$/m);
    expect(cardText('recipe-install-docker-centos')).toMatch(/dnf/);
  });

  it('every destructive command carries a warning', () => {
    for (const id of ['docker-system-prune', 'docker-rm', 'docker-image-prune', 'docker-container-prune', 'virsh-destroy', 'virsh-undefine', 'systemctl-isolate']) {
      expect(entry(id).warnings.length, id).toBeGreaterThan(0);
    }
  });

  it('every entry has Japanese text, an English summary and a reference', () => {
    for (const value of shippedKnowledge().entries) {
      expect(value.summary.ja.length, value.id).toBeGreaterThan(0);
      expect(value.summary.en.length, value.id).toBeGreaterThan(0);
      expect(value.references.length, value.id).toBeGreaterThan(0);
      if (value.kind === 'command' || value.kind === 'instruction') {
        expect(value.examples.length, value.id).toBeGreaterThanOrEqual(2);
        expect(value.examples.length, value.id).toBeLessThanOrEqual(5);
      }
    }
  });
});
