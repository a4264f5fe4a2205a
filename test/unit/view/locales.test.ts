// The two locales carry the same keys and placeholders, and every key the UI asks for exists.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { vocabularyKeys } from '../../../src/core/view/labels.ts';
import { formatMessage, t } from '../../../src/shared/i18n.ts';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const root = join(import.meta.dirname, '../../..');
const load = (lang: string): Record<string, Entry> => JSON.parse(readFileSync(join(root, '_locales', lang, 'messages.json'), 'utf8'));
const en = load('en');
const de = load('de');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Keys in `t('key'…)` calls (also inside ternaries as the first argument) and `key: 'x'` tables of the UI code. */
function keysUsedInCode(): string[] {
  const keys = new Set<string>();
  for (const file of ['src/popup', 'src/options'].flatMap((d) => files(join(root, d)))) {
    const source = readFileSync(file, 'utf8');
    for (const call of source.matchAll(/\bt\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)) {
      for (const literal of (call[1] ?? '').matchAll(/'([A-Za-z0-9_@]+)'/g)) keys.add(literal[1] ?? '');
    }
    for (const literal of source.matchAll(/\bkey: '([A-Za-z0-9_@]+)'/g)) keys.add(literal[1] ?? '');
  }
  keys.delete('');
  return [...keys].sort();
}

const placeholders = (entry: Entry | undefined) => Object.entries(entry?.placeholders ?? {}).map(([name, p]) => `${name.toLowerCase()}=${p.content}`).sort();

describe('locales', () => {
  test('en and de have the same keys', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  test.each(Object.keys(en))('%s: valid name, same placeholders, every $name$ defined', (key) => {
    expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
    expect(placeholders(de[key])).toEqual(placeholders(en[key]));
    for (const entry of [en[key], de[key]]) {
      const used = [...(entry?.message ?? '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase());
      for (const name of used) expect(placeholders(entry).some((p) => p.startsWith(`${name}=`))).toBe(true);
      expect(entry?.message.trim()).not.toBe('');
    }
  });

  test('the scan finds keys (guards against a broken regex)', () => {
    expect(keysUsedInCode()).toEqual(expect.arrayContaining(['tab_findings', 'gpc_sent', 'pref_allow', 'options_title']));
  });

  test.each([...keysUsedInCode(), ...vocabularyKeys()])('%s exists in en', (key) => {
    expect(en[key]).toBeDefined();
  });
});

describe('t and formatMessage', () => {
  test.each([
    [{ message: 'Show all ($count$)', placeholders: { count: { content: '$1' } } }, ['7'], 'Show all (7)'],
    [{ message: '$B$ then $a$', placeholders: { a: { content: '$1' }, b: { content: '$2' } } }, ['x', 'y'], 'y then x'],
    [{ message: 'direct $1 and $$5' }, ['z'], 'direct z and $5'],
    [{ message: 'missing $1' }, [], 'missing '],
  ])('%j', (entry, subs, expected) => {
    expect(formatMessage(entry, subs)).toBe(expected);
  });

  test('falls back to English outside an extension, and to the key when unknown', () => {
    expect(t('showAll', 12)).toBe('Show all (12)');
    expect(t('no_such_key')).toBe('no_such_key');
  });
});
