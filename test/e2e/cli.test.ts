// `npx candor check` as a site owner runs it: the real command, a real browser with the built extension, the
// demo site through the local internet. Every phase and every format, in both browsers, with the exit codes of
// ../shared/spec/cli.md.
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BrowserKind, findBrowser } from '../../src/cli/find-browser.ts';
import type { Report } from '../../src/core/types.ts';
import type { Internet } from '../../sites/internet.ts';
import { DEMO_URL } from '../../sites/routes.ts';
import { findAll, harValidator, parseXml, sarifValidator } from '../unit/export/helpers.ts';
import { requireBrowser, startTestInternet } from './harness.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let internet: Internet;
const home = mkdtempSync(join(tmpdir(), 'candor-cli-home-'));

function candor(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/candor.js', ...args],
      { env: { ...process.env, HOME: home, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024, timeout: 170_000 },
      (error, stdout, stderr) => {
        const code = error && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : error ? null : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** What the browser itself says it is: `Chromium 156.0.8078.108`, `Firefox 140.5.0`. */
function browserVersion(kind: BrowserKind): string {
  const path = findBrowser(kind) ?? '';
  const said = execFileSync(path, ['--version'], { encoding: 'utf8', env: { ...process.env, HOME: home } });
  const m = /(Chromium|Google Chrome|Mozilla Firefox)\s+([\d.]+(?:esr)?)/.exec(said);
  if (!m) throw new Error(`${path} --version said ${said}`);
  return `${m[1] === 'Mozilla Firefox' ? 'Firefox' : m[1]} ${m[2]?.replace(/esr$/, '')}`;
}

const local = () => ['--proxy', internet.proxyUrl, '--insecure', '--settle', '800'];

beforeAll(async () => {
  internet = await startTestInternet();
});
afterAll(async () => {
  await internet?.close();
});

describe('usage and failures exit 2 with one clear line', () => {
  test.each([
    [['check'], /needs a URL/],
    [['check', DEMO_URL, '--format', 'pdf'], /unknown --format pdf/],
    [['check', DEMO_URL, '--phases', 'before-consent,sideways'], /unknown phase sideways/],
    [['frobnicate', 'x'], /unknown command frobnicate/],
    [['check', DEMO_URL, '--browser-path', '/nonexistent/chromium'], /no chromium found: install it with/],
    [[], /a command is needed/],
    [['check', DEMO_URL, '--bogus'], /^candor: unknown option --bogus /],
    [['check', DEMO_URL, '--format'], /^candor: --format needs a value /],
    [['check', DEMO_URL, 'https://other.example/'], /check takes one URL, not also https:\/\/other.example\//],
    [['check', DEMO_URL, '--proxy', 'not a proxy'], /--proxy takes an HTTP proxy address/],
    [['check', DEMO_URL, '--fail-on', 'critical'], /unknown --fail-on critical/],
  ])('%j', async (args, message) => {
    const run = await candor(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  test('--help prints the usage of both commands on stdout and exits 0', async () => {
    for (const args of [['--help'], ['check', '-h'], ['crawl', '--help']]) {
      const run = await candor(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('usage: candor crawl <list> --out <dir> [options]');
      expect(run.stderr).toBe('');
    }
  });

  test('the browser is found on PATH', async () => {
    // a folder on PATH holding only a `chromium` that says which it is: found, run, and its failure reported
    const bin = mkdtempSync(join(tmpdir(), 'candor-path-'));
    const fake = join(bin, 'chromium');
    writeFileSync(fake, '#!/bin/sh\necho "fake chromium on PATH" >&2\nexit 3\n');
    chmodSync(fake, 0o755);
    const run = await new Promise<Run>((resolve) => {
      execFile(process.execPath, ['bin/candor.js', 'check', DEMO_URL, '--phases', 'before-consent', '--timeout', '5000'], { env: { ...process.env, HOME: home, PATH: `${bin}:${process.env.PATH ?? ''}` } }, (error, stdout, stderr) =>
        resolve({ code: error && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : error ? null : 0, stdout, stderr }),
      );
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(fake);
  });

  test('an unreachable page', async () => {
    const run = await candor(['check', 'https://nothing-here.example/', ...local(), '--phases', 'before-consent']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/HTTP 404|unreachable/);
    expect(run.stdout).toBe('');
  });
});

describe.each<BrowserKind>(['chromium', 'firefox'])('candor check in %s', (kind) => {
  beforeAll(() => requireBrowser(kind));

  test('every phase, as JSON, exit 1 for the demo’s high findings', async () => {
    const run = await candor(['check', DEMO_URL, ...local(), '--browser', kind, '--format', 'json', '--phases', 'before-consent,after-reject,after-accept,after-revoke']);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.schema).toBe('candor.report/1');
    // the browser's full version, not the user-agent string's reduced one (156.0.0.0)
    expect(report.tool.browser).toBe(browserVersion(kind));
    expect(report.visits.map((v) => v.phase)).toEqual(['before-consent', 'after-reject', 'after-accept', 'after-revoke']);
    const reject = report.visits[1];
    expect(reject?.interaction).toMatchObject({ cmp: 'cookieconsent3', action: 'reject', ok: true });
    expect(reject?.consent.recorded).toMatchObject({ source: 'cmp:cookieconsent', choiceMade: true, purposes: { analytics: false } });
    const accept = report.visits[2];
    expect(accept?.consent.recorded?.purposes.analytics).toBe(true);
    // Hotjar only loads after consent: in after-accept, not in after-reject.
    expect(accept?.observed.requests.some((r) => r.site === 'hotjar.com')).toBe(true);
    expect(reject?.observed.requests.some((r) => r.site === 'hotjar.com')).toBe(false);
    // Withdrawal: accept, then reopen the banner through the CMP's API and reject.
    expect(report.visits[3]?.interaction).toMatchObject({ action: 'accept, then withdraw', ok: true });
    expect(report.visits[3]?.consent.recorded?.purposes.analytics).toBe(false);
    const kinds = new Set(report.findings.map((f) => `${f.phase}:${f.kind}`));
    expect(kinds).toContain('before-consent:tracking-before-consent');
    expect(kinds).toContain('after-reject:consent-ignored');
    expect(run.stderr).toMatch(/after-reject: rejected through cookieconsent3/);
  });

  test('a page that opens native dialogs while loading is still checked (the dialogs are answered OK)', async () => {
    const run = await candor(['check', 'https://hostile.example/age-gate.html', ...local(), '--browser', kind, '--format', 'json', '--phases', 'before-consent', '--fail-on', 'none']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    const names = report.visits[0]?.observed.cookies.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['age_ok', '_ga']));
  });

  test('a page that breaks JSON.stringify (recursive Array.prototype.toJSON) still gets every phase', async () => {
    const run = await candor(['check', 'https://hostile.example/tojson.html', ...local(), '--browser', kind, '--format', 'json', '--phases', 'before-consent,after-reject', '--fail-on', 'none']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.visits.map((v) => v.phase)).toEqual(['before-consent', 'after-reject']);
    expect(report.visits[1]?.interaction?.ok).toBe(false);
    expect(report.visits[1]?.observed.cookies.map((c) => c.name)).toContain('_ga');
  });

  test.each(['text', 'sarif', 'junit', 'html', 'har'] as const)('--format %s', async (format) => {
    const out = join(mkdtempSync(join(tmpdir(), 'candor-out-')), `report.${format}`);
    const run = await candor(['check', DEMO_URL, ...local(), '--browser', kind, '--format', format, '--out', out, '--phases', 'before-consent', '--fail-on', 'none']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    if (format === 'text') {
      expect(text).toMatch(/^HIGH \(\d+\)/m);
      expect(text.includes(String.fromCharCode(27))).toBe(false); // no colours when not a terminal
    } else if (format === 'sarif') {
      const validate = sarifValidator();
      const sarif = JSON.parse(text) as { runs: { results: { ruleId: string }[] }[] };
      expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(sarif.runs[0]?.results.map((r) => r.ruleId)).toContain('tracking-before-consent');
    } else if (format === 'junit') {
      const suite = parseXml(text);
      expect(findAll(suite, 'testcase').length).toBeGreaterThanOrEqual(1);
    } else if (format === 'html') {
      expect(text).toMatch(/^<!doctype html>/i);
      expect(text).toContain('northwind-coffee.example');
      expect(text).not.toMatch(/<script/i);
    } else {
      const validate = harValidator();
      const har = JSON.parse(text) as { log: { entries: { request: { url: string; headers: unknown[] } }[] } };
      expect(validate(har), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      const ga = har.log.entries.find((e) => e.request.url.includes('google-analytics.com/g/collect'));
      expect(ga?.request.headers.length).toBeGreaterThan(0);
    }
  });
});
