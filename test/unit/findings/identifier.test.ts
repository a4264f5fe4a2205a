import { expect, test } from 'vitest';
import { identifierCandidates, urlCarries } from '../../../src/core/findings/identifier.ts';

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
