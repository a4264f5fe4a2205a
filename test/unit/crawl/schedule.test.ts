import { expect, test } from 'vitest';
import { parseList } from '../../../src/core/crawl/list.ts';
import { runSites, type SiteOutcome } from '../../../src/core/crawl/schedule.ts';

const { entries } = parseList(Array.from({ length: 7 }, (_, i) => `s${i}.example`).join('\n'));

test('runs every site once, never more than `concurrency` at a time, and retries a failure once', async () => {
  let active = 0;
  let peak = 0;
  const calls: string[] = [];
  const done: SiteOutcome<string>[] = [];
  await runSites(entries, {
    concurrency: 3,
    now: () => 0,
    run: async (entry, attempt) => {
      calls.push(`${entry.url}#${attempt}`);
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      if (entry.url.includes('s2') && attempt === 1) throw new Error('flaky\nstack');
      if (entry.url.includes('s4')) throw new Error('always broken');
      return entry.url;
    },
    onDone: (o) => {
      done.push(o);
    },
  });
  expect(peak).toBe(3);
  expect(done.length).toBe(7);
  const s2 = done.find((o) => o.entry.url.includes('s2'));
  expect(s2).toMatchObject({ attempts: 2, errors: ['flaky'], result: { ok: true } });
  const s4 = done.find((o) => o.entry.url.includes('s4'));
  expect(s4).toMatchObject({ attempts: 2, result: { ok: false, error: 'always broken' } });
  expect(calls.filter((c) => c.endsWith('#2')).sort()).toEqual(['https://s2.example/#2', 'https://s4.example/#2']);
});

test('retries: 0 means one attempt; an empty list finishes at once', async () => {
  const done: SiteOutcome<never>[] = [];
  await runSites(entries.slice(0, 2), {
    concurrency: 4,
    retries: 0,
    now: () => 0,
    run: () => Promise.reject(new Error('no')),
    onDone: (o) => {
      done.push(o);
    },
  });
  expect(done.map((o) => o.attempts)).toEqual([1, 1]);
  await runSites([], { concurrency: 2, now: () => 0, run: () => Promise.reject(new Error('never')), onDone: () => undefined });
});
