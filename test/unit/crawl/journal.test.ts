import { expect, test } from 'vitest';
import { type JournalEntry, journalKey, journalLine, parseJournal, planResume } from '../../../src/core/crawl/journal.ts';
import { parseList } from '../../../src/core/crawl/list.ts';
import { crawlExitCode } from '../../../src/core/crawl/outcome.ts';

function entry(key: string, status: JournalEntry['status'], sizes: Record<string, number>, high = 0): JournalEntry {
  return {
    crawl_id: 'c',
    key,
    status,
    line: 1,
    input: key,
    url: key,
    rank: 1,
    visit_id: 1,
    report: null,
    error: null,
    attempts: 1,
    attempt_errors: [],
    started_at: null,
    finished_at: '2026-11-26T00:00:00.000Z',
    duration_ms: 1,
    findings: status === 'ok' ? { high, medium: 0, low: 0, info: 0 } : null,
    sizes,
  };
}

test('a torn last line is not part of the journal', () => {
  const a = journalLine(entry('https://a.example/', 'ok', { 'x.ndjson': 10 }));
  const b = journalLine(entry('https://b.é.example/', 'ok', { 'x.ndjson': 20 }));
  const parsed = parseJournal(`${a}${b}{"key":"https://c.exa`);
  expect(parsed.entries.map((e) => e.key)).toEqual(['https://a.example/', 'https://b.é.example/']);
  expect(parsed.bytes).toBe(Buffer.byteLength(a + b));
  expect(parseJournal('').entries).toEqual([]);
  expect(parseJournal(`${a}not json\n${b}`).entries.length).toBe(1);
});

test('resume skips finished sites and recorded problems, and cuts outputs back to the last finished entry', () => {
  const { entries, problems } = parseList('a.example\nb.example\nbad line\nc.example\na.example\n');
  const journal = [
    entry('https://a.example/', 'ok', { 'x.ndjson': 10, 'summary.csv': 50 }),
    entry('line:3', 'invalid', { 'x.ndjson': 10, 'summary.csv': 70 }),
  ];
  const plan = planResume(entries, problems, journal, { 'x.ndjson': 0, 'summary.csv': 30, 'y.ndjson': 0 });
  expect(plan.todo.map((e) => e.url)).toEqual(['https://b.example/', 'https://c.example/']);
  expect(plan.problems.map((p) => journalKey(p))).toEqual(['line:5']);
  expect(plan.sizes).toEqual({ 'x.ndjson': 10, 'summary.csv': 70, 'y.ndjson': 0 });
  const fresh = planResume(entries, problems, [], { 'summary.csv': 30 });
  expect(fresh.todo.length).toBe(3);
  expect(fresh.sizes).toEqual({ 'summary.csv': 30 });
});

test('exit code over the whole crawl: 2 when nothing was checked, else by --fail-on', () => {
  expect(crawlExitCode([], 'high')).toBe(2);
  expect(crawlExitCode([entry('a', 'error', {}), entry('b', 'invalid', {})], 'high')).toBe(2);
  expect(crawlExitCode([entry('a', 'ok', {}), entry('b', 'error', {})], 'high')).toBe(0);
  expect(crawlExitCode([entry('a', 'ok', {}, 2)], 'high')).toBe(1);
  expect(crawlExitCode([entry('a', 'ok', {}, 2)], 'none')).toBe(0);
});
