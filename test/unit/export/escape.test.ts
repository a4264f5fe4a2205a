import { describe, expect, test } from 'vitest';
import type { CsvValue } from '../../../src/core/export/escape.ts';
import { csvField, escapeHtml, escapeXml, escapeXmlAttr, oneLine, safeUri, stripControl } from '../../../src/core/export/escape.ts';

describe('csvField', () => {
  test.each<[CsvValue, string]>([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'],
    ['a=b', 'a=b'],
    [-1, '-1'],
    [12.5, '12.5'],
    [Number.NaN, ''],
    [true, 'true'],
    [false, 'false'],
    [null, ''],
    [undefined, ''],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('escapeXml / escapeHtml', () => {
  test.each([
    ['<script>', '&lt;script&gt;'],
    ['a & b', 'a &amp; b'],
    [`"'`, '&quot;&apos;'],
    [']]>', ']]&gt;'],
    ['bell\x07 nul\x00', 'bell\ufffd nul\ufffd'],
    ['lone \ud800 surrogate', 'lone \ufffd surrogate'],
    ['pair \ud83d\ude00 ok', 'pair \ud83d\ude00 ok'],
    ['tab\tnl\n', 'tab\tnl\n'],
  ])('%j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });

  test('attributes keep line breaks as character references', () => {
    expect(escapeXmlAttr('a\nb\tc\rd')).toBe('a&#10;b&#9;c&#13;d');
  });

  test('HTML uses &#39; for apostrophes', () => {
    expect(escapeHtml(`it's <b>`)).toBe('it&#39;s &lt;b&gt;');
  });
});

describe('stripControl / oneLine', () => {
  test.each([
    ['\x1b[2J', '\\x1b[2J'],
    ['bell\x07', 'bell\\x07'],
    ['c1 \x9b', 'c1 \\x9b'],
    ['rtl \u202e evil', 'rtl \\u202e evil'],
    ['keeps\ttab\nand newline', 'keeps\ttab\nand newline'],
    ['unicode é ✓', 'unicode é ✓'],
  ])('stripControl(%j)', (input, expected) => {
    expect(stripControl(input)).toBe(expected);
  });

  test('oneLine folds line breaks and tabs', () => {
    expect(oneLine('a\r\nb\tc\x1b')).toBe('a b c\\x1b');
  });
});

describe('safeUri', () => {
  test.each([
    ['https://a.example/ok?q=1#f', 'https://a.example/ok?q=1#f'],
    ['https://a.example/p?x=[1]|^', 'https://a.example/p?x=%5B1%5D%7C%5E'],
    ['https://[2001:db8::1]:8443/x', 'https://[2001:db8::1]:8443/x'],
    ['https://a.example/<i>?x="y"', 'https://a.example/%3Ci%3E?x=%22y%22'],
    ['https://A.EXAMPLE/é', 'https://a.example/%C3%A9'],
    ['not a url', 'not%20a%20url'],
    ['bad \ud800', 'bad%20%EF%BF%BD'],
  ])('%j → %j', (input, expected) => {
    expect(safeUri(input)).toBe(expected);
  });
});
