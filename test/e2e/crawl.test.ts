// `candor crawl` end to end: the real CLI, real Chromium with Candor, local sites on the local internet.
// Bad input, sites that hang, flood or crash their tab, a crawl killed with SIGKILL and resumed, shards.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SUMMARY_CSV_HEADER } from '../../src/core/export/index.ts';
import type { Internet } from '../../sites/internet.ts';
import { requireBrowser, startTestInternet } from './harness.ts';

const CLI = resolve('bin/candor.js');
const GOOD = ['crawl-bakery.test', 'crawl-bikes.test', 'crawl-books.test', 'crawl-garden.test'];

let internet: Internet;
let scratch: string;

interface Run {
  code: number | null;
  stderr: string;
  ms: number;
}

function env(): NodeJS.ProcessEnv {
  // Browsers write under $HOME and their profiles under $TMPDIR: both in a scratch folder.
  return { ...process.env, HOME: join(scratch, 'home'), TMPDIR: join(scratch, 'tmp'), NO_COLOR: '1' };
}

function start(args: string[]): { child: ChildProcess; done: Promise<Run> } {
  const began = Date.now();
  const child = spawn(process.execPath, [CLI, 'crawl', ...args, '--proxy', internet.proxyUrl, '--insecure'], {
    env: env(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const done = new Promise<Run>((resolveRun) => {
    child.on('exit', (code) => resolveRun({ code, stderr, ms: Date.now() - began }));
  });
  return { child, done };
}

function list(name: string, lines: string[]): string {
  const path = join(scratch, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function ndjson(path: string): Record<string, unknown>[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function csvLines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\r\n').filter(Boolean);
}

/** Browser processes whose profile is in this test's scratch folder (none may outlive a crawl). */
function leftoverBrowsers(): string[] {
  const ps = execFileSync('ps', ['-eo', 'pid,stat,args'], { encoding: 'utf8' });
  return ps.split('\n').filter((l) => l.includes(join(scratch, 'tmp')) && !/\sZ/.test(l));
}

async function until(predicate: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('candor crawl', () => {
  beforeAll(async () => {
    requireBrowser('chromium');
    scratch = mkdtempSync(join(tmpdir(), 'candor-crawl-e2e-'));
    mkdirSync(join(scratch, 'home'));
    mkdirSync(join(scratch, 'tmp'));
    internet = await startTestInternet();
  });

  afterAll(async () => {
    await internet?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('bad entries are reported and skipped; hanging, flooding and crashing sites time out cleanly; the crawl goes on', async () => {
    const path = list('bad.txt', [
      '# bad input, and sites that misbehave',
      '',
      'crawl-bakery.test',
      'crawl-bakery.test',
      'https://crawl-bakery.test/   # the same site again',
      'not a url',
      'ftp://crawl-bikes.test/',
      'intranet',
      'nothing-here.crawl-nowhere.test',
      'crawl-hang.test',
      'crawl-flood.test',
      'crawl-crash.test',
      '   ',
      'crawl-tea.test',
    ]);
    const out = join(scratch, 'bad');
    const run = await start([
      path,
      '--out',
      out,
      '--phases',
      'before-consent',
      '--timeout',
      '8000',
      '--settle',
      '500',
      '--site-timeout',
      '20000',
    ]).done;
    expect(run.stderr).toContain('line 4: skipped (duplicate of line 3)');
    expect(run.stderr).toContain('line 5: skipped (duplicate of line 3)');
    expect(run.stderr).toContain('line 6: skipped (contains white space)');
    expect(run.stderr).toContain('line 7: skipped (only http and https URLs can be checked (ftp:))');
    expect(run.stderr).toContain('line 8: skipped (not a host name on the internet: intranet)');
    // findings at or above high on the good sites
    expect(run.code, run.stderr).toBe(1);

    const journal = ndjson(join(out, 'sites.ndjson'));
    const status = Object.fromEntries(journal.map((e) => [String(e.input), e.status]));
    const errors = Object.fromEntries(journal.map((e) => [String(e.input), String(e.error)]));
    expect(status, JSON.stringify(errors)).toMatchObject({
      'crawl-bakery.test': 'ok',
      'crawl-tea.test': 'ok',
      'nothing-here.crawl-nowhere.test': 'error',
      'crawl-hang.test': 'error',
      'crawl-crash.test': 'error',
      'not a url': 'invalid',
    });
    expect(errors['nothing-here.crawl-nowhere.test']).toContain('HTTP 404');
    expect(errors['crawl-hang.test']).toMatch(/timed out|never loaded/);
    // A flood either ends at the site limit or, when the page still loads, is observed (capped) within it.
    if (status['crawl-flood.test'] === 'ok') {
      const flood = ndjson(join(out, 'site_visits.ndjson')).find((v) => v.site_url === 'https://crawl-flood.test/');
      expect(Number(flood?.requests)).toBeGreaterThan(50);
    } else {
      expect(errors['crawl-flood.test']).toMatch(/timed out|never loaded/);
    }
    // one retry each, every attempt within the site limit (plus the time to end the site's process)
    for (const site of ['crawl-hang.test', 'crawl-crash.test', 'nothing-here.crawl-nowhere.test']) {
      const entry = journal.find((e) => e.input === site);
      expect(entry?.attempts).toBe(2);
      // (plus, after a site process was ended, the start of a fresh one, which is not part of the site's time)
      expect(Number(entry?.duration_ms)).toBeLessThan(2 * 20_000 + 30_000);
    }
    // every data line accounted for once
    expect(journal.length).toBe(11);
    const summary = csvLines(join(out, 'summary.csv'));
    expect(summary[0]).toBe(SUMMARY_CSV_HEADER);
    expect(summary.length).toBe(1 + 11);
    const checked = ['crawl-bakery.test', 'crawl-flood.test', 'crawl-tea.test'].filter((site) => status[site] === 'ok');
    expect(readdirSync(join(out, 'reports')).sort()).toEqual(checked.map((site) => `${site}.json`));

    // tables: rows for the checked sites only, each with its provenance
    const visits = ndjson(join(out, 'site_visits.ndjson'));
    expect(visits.map((v) => v.site_url).sort()).toEqual(checked.map((site) => `https://${site}/`));
    const requests = ndjson(join(out, 'http_requests.ndjson'));
    expect(requests.some((r) => r.tracker === 'Google Analytics' || r.tracker_organization === 'Google')).toBe(true);
    for (const row of [
      ...visits,
      ...requests,
      ...ndjson(join(out, 'findings.ndjson')),
      ...ndjson(join(out, 'javascript_cookies.ndjson')),
    ]) {
      expect(row.candor_version).toMatch(/^\d+\.\d+\.\d+/);
      expect(row.browser).toMatch(/Chrom/);
      expect(row.tracker_db).toMatch(/trackerdb/);
      expect(row.phase).toBe('before-consent');
      expect(row.visit_started_at).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(typeof row.crawl_id).toBe('string');
    }
    // nothing left running from the sites that were ended
    await until(() => leftoverBrowsers().length === 0, 10_000);
  }, 240_000);

  test('a crawl killed with SIGKILL resumes: finished sites are skipped, no site is in the tables twice', async () => {
    const path = list('resume.txt', GOOD);
    const out = join(scratch, 'resume');
    const args = [path, '--out', out, '--phases', 'before-consent', '--settle', '500', '--progress', 'lines'];
    const first = start(args);
    await until(() => ndjson(join(out, 'sites.ndjson')).length >= 1, 90_000);
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.code).toBeNull();
    const finishedBefore = ndjson(join(out, 'sites.ndjson')).length;
    expect(finishedBefore).toBeLessThan(GOOD.length);
    // the killed crawl's site process and browser go away by themselves
    await until(() => leftoverBrowsers().length === 0, 15_000);

    const second = await start(args).done;
    expect(second.code, second.stderr).toBe(1);
    expect(second.stderr).toContain(`${finishedBefore} entries already finished`);
    const journal = ndjson(join(out, 'sites.ndjson'));
    expect(journal.map((e) => e.input).sort()).toEqual([...GOOD].sort());
    expect(
      journal.map((e) => e.status),
      JSON.stringify(journal.map((e) => [e.input, e.error, e.attempt_errors])),
    ).toEqual(GOOD.map(() => 'ok'));
    const visits = ndjson(join(out, 'site_visits.ndjson'));
    expect(visits.length).toBe(GOOD.length);
    expect(new Set(visits.map((v) => v.visit_id)).size).toBe(GOOD.length);
    expect(csvLines(join(out, 'summary.csv')).length).toBe(1 + GOOD.length);
    const manifest = JSON.parse(readFileSync(join(out, 'crawl.json'), 'utf8')) as { runs: unknown[]; crawl_id: string };
    expect(manifest.runs.length).toBe(2);
    expect(new Set(visits.map((v) => v.crawl_id))).toEqual(new Set([manifest.crawl_id]));

    // a third run has nothing to do and says so
    const third = await start(args).done;
    expect(third.code).toBe(1);
    expect(third.stderr).toContain('0 checked, 0 failed');
  }, 240_000);

  test('SIGTERM (a pod being stopped) ends the sites in progress with their browsers; the crawl resumes later', async () => {
    const path = list('stop.txt', GOOD.slice(0, 3));
    const out = join(scratch, 'stop');
    const args = [path, '--out', out, '--phases', 'before-consent', '--settle', '500'];
    const first = start(args);
    await until(() => ndjson(join(out, 'sites.ndjson')).length >= 1, 90_000);
    // the next site is being checked: its browser runs with a profile in our scratch folder
    await until(() => leftoverBrowsers().length > 0, 30_000);
    first.child.kill('SIGTERM');
    const stopped = await first.done;
    expect(stopped.code).toBe(143);
    expect(stopped.stderr).toContain('crawl stopped by SIGTERM; run the same command again to resume');
    await until(() => leftoverBrowsers().length === 0, 15_000);
    const again = await start(args).done;
    expect(again.code, again.stderr).toBe(1);
    expect(ndjson(join(out, 'site_visits.ndjson')).length).toBe(3);
  }, 240_000);

  test('--shard i/n splits a list between machines: disjoint, complete, one crawl id', async () => {
    const path = list('shards.txt', GOOD);
    const outs = [0, 1].map((i) => join(scratch, `shard-${i}`));
    const runs = await Promise.all(
      outs.map(
        (out, i) =>
          start([path, '--out', out, '--shard', `${i}/2`, '--crawl-id', 'job-1', '--phases', 'before-consent', '--settle', '500'])
            .done,
      ),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(1);
    const sites = outs.map((out) => ndjson(join(out, 'site_visits.ndjson')).map((v) => v.site_url));
    expect(sites[0]).toEqual(['https://crawl-bakery.test/', 'https://crawl-books.test/']);
    expect(sites[1]).toEqual(['https://crawl-bikes.test/', 'https://crawl-garden.test/']);
    for (const out of outs) {
      for (const v of ndjson(join(out, 'site_visits.ndjson'))) expect(v.crawl_id).toBe('job-1');
    }
  }, 240_000);

  test('usage errors exit 2 with one clear line', async () => {
    const noOut = await start([list('one.txt', ['crawl-tea.test'])]).done;
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('crawl needs --out <dir>');
    const empty = await start([list('empty.txt', ['# nothing', 'not a url']), '--out', join(scratch, 'empty')]).done;
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('the list holds no URL or domain to check');
    const badShard = await start([list('two.txt', ['crawl-tea.test']), '--out', join(scratch, 'x'), '--shard', '2/2']).done;
    expect(badShard.code).toBe(2);
    expect(badShard.stderr).toContain('i counts from 0');
    const badFormat = await start([list('three.txt', ['crawl-tea.test']), '--out', join(scratch, 'y'), '--format', 'pdf']).done;
    expect(badFormat.code).toBe(2);
    for (const run of [noOut, empty, badShard, badFormat]) expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(badFormat.stderr.trim()).toBe('candor: unknown --format pdf (candor --help shows the usage)');
  });

  test('--format adds a file per site in that format beside its JSON; when no site could be checked, one line says so even with --progress none', async () => {
    const out = join(scratch, 'formats');
    const run = await start([list('format.txt', ['crawl-tea.test']), '--out', out, '--phases', 'before-consent', '--settle', '500', '--format', 'sarif', '--fail-on', 'none']).done;
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(join(out, 'reports')).sort();
    expect(files).toHaveLength(2);
    const [json, sarifFile] = files;
    expect(json).toMatch(/\.json$/);
    expect(sarifFile).toBe(json?.replace(/\.json$/, '.sarif'));
    const sarif = JSON.parse(readFileSync(join(out, 'reports', String(sarifFile)), 'utf8')) as { version: string; runs: unknown[] };
    expect(sarif).toMatchObject({ version: '2.1.0', runs: [expect.anything()] });
    const none = await start([list('none.txt', ['nothing-here.crawl-nowhere.test']), '--out', join(scratch, 'none'), '--phases', 'before-consent', '--retries', '0', '--progress', 'none']).done;
    expect(none.code).toBe(2);
    expect(none.stderr.trim().split('\n')).toEqual([expect.stringContaining('candor: no site could be checked (1 failed')]);
  }, 120_000);
});
