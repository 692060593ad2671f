import { describe, expect, it } from 'vitest';
import { acceleratorOf, COMMANDS, keyLabel, matchesKey } from './commands';

const press = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('the command table', () => {
  it('has one entry per id', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives no two commands the same key', () => {
    const keys = COMMANDS.flatMap((c) => [...c.keys]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['Mod+S', press('s', { ctrlKey: true }), true],
    ['Mod+S', press('s', { metaKey: true }), true],
    ['Mod+S', press('s'), false],
    ['Mod+Z', press('Z', { ctrlKey: true, shiftKey: true }), false],
    ['Mod+Shift+Z', press('Z', { ctrlKey: true, shiftKey: true }), true],
    ['F', press('f'), true],
    ['F', press('f', { ctrlKey: true }), false],
    ['L', press('L', { shiftKey: true }), false],
    ['?', press('?', { shiftKey: true }), true],
    ['Mod+=', press('+', { ctrlKey: true, shiftKey: true }), true],
    ['Mod+-', press('-', { ctrlKey: true }), true],
    ['Delete', press('Delete'), true],
    ['Mod+E', press('e', { ctrlKey: true, altKey: true }), false],
  ] as const)('%s matches %o: %s', (key, p, expected) => {
    expect(matchesKey(key, p)).toBe(expected);
  });

  it('writes keys for Electron and for people', () => {
    expect(acceleratorOf('Mod+Shift+S')).toBe('CmdOrCtrl+Shift+S');
    expect(acceleratorOf('F')).toBe('F');
    expect(keyLabel('Mod+E')).toBe('Ctrl+E');
    expect(keyLabel('Mod+Shift+Z', true)).toBe('⌘⇧Z');
  });
});
