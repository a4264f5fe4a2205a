import { describe, expect, test } from 'vitest';
import { looksLikeIdentifier, shannonEntropy } from '../../src/core/identifier-value.ts';

describe('shannonEntropy', () => {
  test.each([
    ['', 0],
    ['aaaa', 0],
    ['abab', 1],
    ['abcd', 2],
    ['0123456789abcdef', 4],
  ])('%s → %d bits/char', (value, bits) => {
    expect(shannonEntropy(value)).toBeCloseTo(bits, 6);
  });
});

// One answer for query and body fields sent to recipients, cookie values seen in third parties' URLs and the cookie
// heuristic: the rows each of them was first written with.
describe('looksLikeIdentifier', () => {
  test.each([
    // cookie values and the ids found in URLs
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
    // cookie values the heuristic looks at
    ['GA1.1.1234567890.1700000000', true],
    ['a8F3kL0pQ9xZ2mN7vB4c', true],
    ['6f1c2a3b-4d5e-6f70-8192-a3b4c5d6e7f8', true],
    ['true', false],
    ['en-US', false],
    ['1700000000000', false],
    ['accepted', false],
    ['short', false],
    ['aaaaaaaaaaaa', false],
    // query and body fields
    ['GA1.1.1746451656.1795668198', true],
    ['fb.1.1795668198241.1784433720', true],
    ['a8Fk2LxQ9zPq', true],
    ['1795668198', false], // a timestamp
    ['1795668198241', false],
    ['true', false],
    ['analytics', false],
    ['https://shop.example/basket', false],
    ['short', false],
    ['aaaaaaaaaaaa', false], // no variety
    // paths are not ids, base64 ids may hold a slash; percent-escapes are read
    ['shop/basket', false],
    ['/static/app.js', false],
    ['k3J/9aQx+Lm2Zp==', true],
    ['https%3A%2F%2Fx.example%2Fa', false],
    ['page_view', false],
  ])('%s → %s', (value, expected) => {
    expect(looksLikeIdentifier(value)).toBe(expected);
  });
});
