import { describe, expect, test } from 'vitest';
import { decodeByteString } from '../../../src/core/observe/byte-string.ts';

/** The byte string Firefox hands over for `text`: each UTF-8 byte as one character. */
const asBytes = (text: string): string => String.fromCharCode(...new TextEncoder().encode(text));

describe('decodeByteString', () => {
  test.each(['☃snowé', 'emoji_🍪', 'ü', 'Ã©', '名前=値; Path=/'])('decodes the UTF-8 bytes of %s', (text) => {
    expect(decodeByteString(asBytes(text))).toBe(text);
  });

  test('the probe site I names as Firefox reported them', () => {
    expect(decodeByteString('\u00e2\u0098\u0083snow\u00c3\u00a9')).toBe('\u2603snow\u00e9');
    expect(decodeByteString('emoji_\u00f0\u009f\u008d\u00aa')).toBe('emoji_\u{1f36a}');
  });

  test.each([
    ['', 'empty'],
    ['_ga=GA1.1.123', 'ASCII'],
    ['☃snowé', 'text with characters above 0xFF'],
    ['emoji_🍪', 'text with surrogate pairs'],
    ['café', 'Latin-1 that is not valid UTF-8 (é alone)'],
    ['\u00c3', 'a truncated sequence'],
    ['\u00c0\u00af', 'an overlong encoding'],
    ['\u00ed\u00a0\u0080', 'an encoded surrogate'],
  ])('leaves %j unchanged (%s)', (text) => {
    expect(decodeByteString(text)).toBe(text);
  });
});
