import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { hash53, hashHex8 } from '../../../src/core/crawl/hash.ts';
import { reportName } from '../../../src/core/crawl/names.ts';
import { formatDurationShort, progressBar, siteLine } from '../../../src/core/crawl/progress.ts';
import { siteRows } from '../../../src/core/crawl/rows.ts';
import { defaultConcurrency, defaultSiteTimeout } from '../../../src/core/crawl/schedule.ts';
import { TABLE_NAMES } from '../../../src/core/export/ndjson.ts';
import type { Report } from '../../../src/core/types.ts';

test('hashes are stable safe integers', () => {
  expect(hash53('https://a.example/')).toBe(hash53('https://a.example/'));
  expect(hash53('https://a.example/')).not.toBe(hash53('https://b.example/'));
  expect(Number.isSafeInteger(hash53('x'))).toBe(true);
  expect(hashHex8('x')).toMatch(/^[0-9a-f]{8}$/);
});

test.each([
  ['https://www.example.com/', /^www\.example\.com$/],
  ['http://www.example.com/', /^http_www\.example\.com-[0-9a-f]{8}$/],
  ['https://www.example.com/a/b?c=d', /^www\.example\.com_a_b_c_d-[0-9a-f]{8}$/],
  ['https://example.com:8443/', /^example\.com_8443-[0-9a-f]{8}$/],
  [`https://example.com/${'x'.repeat(300)}`, /^example\.com_x+-[0-9a-f]{8}$/],
])('report name of %s', (url, name) => {
  const n = reportName(url);
  expect(n).toMatch(name);
  expect(n.length).toBeLessThanOrEqual(120);
});

test('defaults suit the machine', () => {
  expect(defaultConcurrency(1)).toBe(1);
  expect(defaultConcurrency(2)).toBe(1);
  expect(defaultConcurrency(16)).toBe(8);
  expect(defaultSiteTimeout(2, 30_000)).toBe(150_000);
});

test('progress text', () => {
  const bar = progressBar({ total: 10, finished: 4, ok: 3, failed: 1, resumed: 2, running: 1, elapsedMs: 60_000 }, 120);
  expect(bar).toBe('[############------------------] 4/10  ok 3  failed 1  running 1  4.0 sites/min  ETA 1m30s  (2 done before)');
  expect(progressBar({ total: 0, finished: 0, ok: 0, failed: 0, resumed: 0, running: 0, elapsedMs: 0 }, 40).length).toBeLessThan(
    40,
  );
  expect(formatDurationShort(3_725_000)).toBe('1h02m');
  expect(
    siteLine({
      index: 3,
      total: 9,
      url: 'https://a.example/',
      status: 'error',
      durationMs: 1234,
      attempts: 2,
      detail: 'timed out',
    }),
  ).toBe('[3/9] error https://a.example/ (1.2 s, 2 attempts) timed out');
});

test('every row carries provenance: crawl, visit, rank, versions, phase, visit start', () => {
  const report = JSON.parse(readFileSync('test/fixtures/export/report.json', 'utf8')) as Report;
  const tables = siteRows(report, { crawlId: 'c1', visitId: 42, rank: 7 });
  let rows = 0;
  for (const name of TABLE_NAMES) {
    for (const row of tables[name]) {
      rows++;
      expect(row).toMatchObject({
        crawl_id: 'c1',
        visit_id: 42,
        candor_version: report.tool.version,
        browser: report.tool.browser,
        tracker_db: report.tool.trackerDb,
      });
      expect(typeof row.phase).toBe('string');
      expect(row.visit_started_at).toBe(report.visits.find((v) => v.phase === row.phase)?.startedAt);
    }
  }
  expect(rows).toBeGreaterThan(5);
  expect(tables.site_visits[0]?.site_rank).toBe(7);
});
