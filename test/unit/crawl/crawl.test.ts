// The crawl's file handling with a stand-in for the browser: outputs, resume after a kill, shards, exit codes.
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { type CrawlOptions, crawl } from '../../../src/cli/crawl.ts';
import type { RunSite } from '../../../src/cli/crawl-site.ts';
import { SUMMARY_CSV_HEADER } from '../../../src/core/export/index.ts';
import type { Report } from '../../../src/core/types.ts';

const template = JSON.parse(readFileSync('test/fixtures/export/report.json', 'utf8')) as Report;

function fakeReport(url: string): Report {
  const host = new URL(url).hostname;
  return { ...template, url, site: host, visits: template.visits.map((v) => ({ ...v, url })) };
}

function options(out: string, runSite: RunSite, extra: Partial<CrawlOptions> = {}): CrawlOptions {
  return {
    out,
    check: { browser: 'chromium', phases: ['before-consent'], gpc: false, insecure: true, timeoutMs: 1000, settleMs: 10 },
    progress: 'none',
    runSite,
    ...extra,
  };
}

const LIST = ['# list', 'a.example', '', 'b.example', 'a.example', 'not a url', 'down.example', 'c.example', 'd.example'];

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split(/\r?\n/).filter(Boolean);
}

function visitIds(out: string, table: string): number[] {
  return lines(join(out, `${table}.ndjson`)).map((l) => (JSON.parse(l) as { visit_id: number }).visit_id);
}

test('writes one report per site, tables, summary and journal; bad entries are recorded and skipped', async () => {
  const out = mkdtempSync(join(tmpdir(), 'candor-crawl-'));
  const calls: string[] = [];
  const result = await crawl(
    LIST,
    options(out, async (url) => {
      calls.push(url);
      if (url.includes('down')) throw new Error('URL unreachable (net::ERR_NAME_NOT_RESOLVED)');
      return fakeReport(url);
    }),
  );
  expect(result).toMatchObject({ ok: 4, failed: 1, skipped: 2, resumed: 0, exitCode: 1 });
  // one retry for the failing site
  expect(calls.filter((u) => u.includes('down')).length).toBe(2);
  expect(readdirSync(join(out, 'reports')).sort()).toEqual([
    'a.example.json',
    'b.example.json',
    'c.example.json',
    'd.example.json',
  ]);
  const summary = lines(join(out, 'summary.csv'));
  expect(summary[0]).toBe(SUMMARY_CSV_HEADER);
  expect(summary.length).toBe(1 + 7);
  expect(summary.filter((l) => /^[^,]*,[^,]*,error,/.test(l)).length).toBe(3);
  expect(new Set(visitIds(out, 'site_visits')).size).toBe(4);
  const manifest = JSON.parse(readFileSync(join(out, 'crawl.json'), 'utf8')) as { crawl_id: string; shard: string };
  expect(manifest.shard).toBe('0/1');
  const row = JSON.parse(lines(join(out, 'http_requests.ndjson'))[0] ?? '{}') as Record<string, unknown>;
  expect(row).toMatchObject({ crawl_id: manifest.crawl_id, phase: 'before-consent', candor_version: template.tool.version });
});

test('a killed crawl resumes: finished sites are skipped, half-written rows are cut, a finished report is reused', async () => {
  const out = mkdtempSync(join(tmpdir(), 'candor-crawl-'));
  let stopAfter = 2;
  const first = await crawl(
    LIST,
    options(
      out,
      async (url) => {
        // sites after the second never finish in the first run: the "kill"
        if (stopAfter-- <= 0) throw new Error('killed');
        return fakeReport(url);
      },
      { retries: 0 },
    ),
  ).catch((e: unknown) => e);
  expect(first).toMatchObject({ ok: 2 });
  // Simulate a kill in the middle of the next site: its report written, half of its rows, a torn journal line.
  const journal = lines(join(out, 'sites.ndjson'));
  const kept = journal.filter((l) => !l.includes('"status":"error"'));
  writeFileSync(join(out, 'sites.ndjson'), `${kept.join('\n')}\n{"key":"https://c.exam`);
  writeFileSync(join(out, 'reports', 'c.example.json'), JSON.stringify(fakeReport('https://c.example/')));
  appendFileSync(join(out, 'site_visits.ndjson'), '{"visit_id":1,"half":');
  appendFileSync(join(out, 'summary.csv'), 'c.example,https://c.example/,ok');

  const calls: string[] = [];
  const second = await crawl(
    LIST,
    options(out, async (url) => {
      calls.push(url);
      return fakeReport(url);
    }),
  );
  expect(second.resumed).toBe(kept.length);
  expect(calls.sort()).toEqual(['https://d.example/', 'https://down.example/']);
  const ids = visitIds(out, 'site_visits');
  expect(ids.length).toBe(new Set(ids).size * template.visits.length);
  expect(new Set(ids).size).toBe(5);
  const summary = lines(join(out, 'summary.csv'));
  expect(summary.length).toBe(1 + 7);
  expect(summary.filter((l) => l.startsWith('c.example,')).length).toBe(1);
  const journalAfter = lines(join(out, 'sites.ndjson'));
  expect(journalAfter.length).toBe(7);
  expect(new Set(journalAfter.map((l) => (JSON.parse(l) as { key: string }).key)).size).toBe(7);
  // a third run has nothing left to do
  const third = await crawl(
    LIST,
    options(out, () => Promise.reject(new Error('should not run'))),
  );
  expect(third).toMatchObject({ ok: 0, failed: 0, resumed: 7, exitCode: 1 });
  await expect(
    crawl(
      LIST,
      options(out, async (u) => fakeReport(u), { shard: { index: 1, count: 2 } }),
    ),
  ).rejects.toThrow(/other options/);
});

test('shards split the list; exit code 2 when nothing could be checked', async () => {
  const outs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'candor-crawl-')));
  const seen: string[] = [];
  for (const [index, out] of outs.entries()) {
    await crawl(
      LIST,
      options(
        out,
        async (url) => {
          seen.push(url);
          return fakeReport(url);
        },
        { shard: { index, count: 2 }, crawlId: 'shared' },
      ),
    );
  }
  expect(seen.sort()).toEqual(['a', 'b', 'c', 'd', 'down'].map((s) => `https://${s}.example/`));
  const broken = await crawl(
    ['x.example'],
    options(mkdtempSync(join(tmpdir(), 'candor-crawl-')), () => Promise.reject(new Error('no'))),
  );
  expect(broken.exitCode).toBe(2);
  await expect(
    crawl(
      ['# nothing', 'not a url'],
      options(mkdtempSync(join(tmpdir(), 'candor-crawl-')), async (u) => fakeReport(u)),
    ),
  ).rejects.toThrow(/no URL/);
});
