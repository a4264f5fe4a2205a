import { describe, expect, test } from 'vitest';
import { normalizeListUrl, parseList } from '../../../src/core/crawl/list.ts';

describe('parseList', () => {
  test('skips blank lines and comments, keeps line numbers and ordinals', () => {
    const { entries, problems } = parseList('# sites\n\nexample.com\n  \nhttps://www.example.org/path?q=1  # inline\r\n');
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { line: 3, input: 'example.com', ordinal: 0, url: 'https://example.com/', rank: 1 },
      { line: 5, input: 'https://www.example.org/path?q=1', ordinal: 1, url: 'https://www.example.org/path?q=1', rank: 2 },
    ]);
  });

  test('reports duplicates (after normalization) and invalid lines, and goes on', () => {
    const { entries, problems } = parseList(
      ['Example.com', 'https://example.com/', 'not a url', 'ftp://example.net/', 'localhost-only', 'http://', 'b.example'].join(
        '\n',
      ),
    );
    expect(entries.map((e) => e.url)).toEqual(['https://example.com/', 'https://b.example/']);
    expect(problems.map((p) => [p.line, p.kind])).toEqual([
      [2, 'duplicate'],
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'invalid'],
    ]);
    expect(problems[0]?.error).toBe('duplicate of line 1');
    // ordinals count every data line, so shards split bad lines too
    expect(entries[1]?.ordinal).toBe(6);
  });

  test('reads Tranco-style rank,domain lines and a byte-order mark', () => {
    const { entries } = parseList('\uFEFF1,google.com\n2,youtube.com\n');
    expect(entries.map((e) => [e.rank, e.url])).toEqual([
      [1, 'https://google.com/'],
      [2, 'https://youtube.com/'],
    ]);
  });

  test.each([
    ['example.com', 'https://example.com/'],
    ['EXAMPLE.com/a#frag', 'https://example.com/a'],
    ['http://example.com', 'http://example.com/'],
    ['example.com:8443/x', 'https://example.com:8443/x'],
    ['localhost:3000', 'https://localhost:3000/'],
    ['127.0.0.1', 'https://127.0.0.1/'],
    ['bücher.example', 'https://xn--bcher-kva.example/'],
  ])('normalizes %s', (input, url) => {
    expect(normalizeListUrl(input)).toEqual({ url });
  });

  test.each([
    ['exa mple.com', 'contains white space'],
    ['javascript:alert(1)', 'only http and https URLs can be checked (javascript:)'],
    ['mailto:a@b.example', 'only http and https URLs can be checked (mailto:)'],
    ['https:example.com', 'not a URL'],
    ['intranet', 'not a host name on the internet: intranet'],
    ['-bad-.example', 'not a valid host name: -bad-.example'],
    ['https://user:pw@example.com/', 'URLs with credentials are not crawled'],
    ['https://exa%20mple.com/', 'not a URL'],
  ])('rejects %s', (input, error) => {
    expect(normalizeListUrl(input)).toEqual({ error });
  });
});
