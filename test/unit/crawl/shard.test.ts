import { expect, test } from 'vitest';
import { parseList } from '../../../src/core/crawl/list.ts';
import { formatShard, inShard, parseShard } from '../../../src/core/crawl/shard.ts';

test.each([
  ['0/1', { index: 0, count: 1 }],
  ['3/8', { index: 3, count: 8 }],
  [' 1 / 2 ', { index: 1, count: 2 }],
])('parses --shard %s', (text, shard) => {
  expect(parseShard(text)).toEqual(shard);
});

test.each(['1/1', '2/0', 'a/b', '1', '-1/3', '1/2/3'])('rejects --shard %s', (text) => {
  expect(parseShard(text)).toHaveProperty('error');
});

test('shards are disjoint and cover the whole list, bad lines included', () => {
  const text = Array.from({ length: 23 }, (_, i) => (i % 5 === 4 ? `bad line ${i}` : `site${i}.example`)).join('\n');
  const { entries, problems } = parseList(text);
  const items = [...entries, ...problems];
  const count = 4;
  const taken = Array.from({ length: count }, (_, index) => items.filter((e) => inShard(e.ordinal, { index, count })));
  expect(taken.flat().length).toBe(items.length);
  expect(new Set(taken.flat()).size).toBe(items.length);
  // balanced: every shard gets ⌊23/4⌋ or ⌈23/4⌉ lines
  for (const part of taken) expect([5, 6]).toContain(part.length);
  expect(inShard(7, undefined)).toBe(true);
  expect(formatShard(undefined)).toBe('0/1');
  expect(formatShard({ index: 2, count: 5 })).toBe('2/5');
});
