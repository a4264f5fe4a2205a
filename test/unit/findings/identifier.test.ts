import { describe, expect, test } from 'vitest';
import { identifierCandidates, looksLikeIdentifier, urlCarries } from '../../../src/core/findings/identifier.ts';

describe('looksLikeIdentifier', () => {
  test.each([
    ['a8F3kQ9zLm2xR7tB', true],
    ['123456789.1764150000', true],
    ['3f2504e0-4f89-11d3-9a0c-0305e82c3301', true],
    ['short', false],
    ['accepted', false],
    ['necessary', false],
    ['TRUE', false],
    ['DarkMode', false],
    ['de-DE_Berlin', false],
    ['1764150000', false],
    ['1764150000123', false],
    ['1764150000.123', false],
    ['1234567890.1764150000', true],
    ['2026-11-26T10:00:00Z', false],
    ['00000000', false],
    ['abababab', false],
    ['{"a":"b12345678"}', false],
    ['https://x.example/a', false],
    ['a value with spaces', false],
  ])('%s → %s', (value, expected) => {
    expect(looksLikeIdentifier(value)).toBe(expected);
  });
});

test('identifierCandidates finds the GA client id inside _ga', () => {
  expect(identifierCandidates('GA1.1.123456789.1764150000')).toContain('123456789.1764150000');
  expect(identifierCandidates('GA1.1.123456789.1764150000')).not.toContain('1764150000');
});

test.each([
  ['raw', 'https://t.example/?id=a8F3kQ9zLm2xR7tB', true],
  ['URL-encoded', 'https://t.example/?id=a8F3kQ9z%2FLm2xR7tB', true],
  ['absent', 'https://t.example/?id=other', false],
])('urlCarries: %s', (_, url, expected) => {
  const value = url.includes('%2F') ? 'a8F3kQ9z/Lm2xR7tB' : 'a8F3kQ9zLm2xR7tB';
  expect(urlCarries(url, value)).toBe(expected);
});
