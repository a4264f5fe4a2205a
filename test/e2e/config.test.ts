// candor.config.json as a site owner's CI uses it: the real `candor check` in Chromium on the demo site, with
// expectations that allow only Google's hosts and no advertising. Facebook shows up as unexpected third parties,
// the advertising trackers and cookies as unexpected purposes, and the exit code follows the config's failOn.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Finding, Report } from '../../src/core/types.ts';
import type { Internet } from '../../sites/internet.ts';
import { DEMO_URL } from '../../sites/routes.ts';
import { requireBrowser, startTestInternet } from './harness.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const CANDOR = resolve('bin/candor.js');
const home = mkdtempSync(join(tmpdir(), 'candor-config-home-'));
let internet: Internet;

/** The CLI run from `cwd`, as CI runs it from a site's repository. */
function candor(args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CANDOR, ...args],
      { cwd, env: { ...process.env, HOME: home, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : error ? null : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

function project(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'candor-site-'));
  writeFileSync(join(dir, 'candor.config.json'), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return dir;
}

const local = () => ['--proxy', internet.proxyUrl, '--insecure', '--settle', '800'];

const GOOGLE_ONLY = {
  expect: {
    thirdParties: ['google-analytics.com', 'googletagmanager.com', '*.googleapis.com'],
    purposes: ['necessary', 'functional', 'analytics'],
  },
  severity: { 'unexpected-third-party': 'high' },
  failOn: 'medium',
  phases: ['before-consent'],
};

beforeAll(async () => {
  requireBrowser('chromium');
  internet = await startTestInternet();
});
afterAll(async () => {
  await internet?.close();
});

function sitesOf(findings: Finding[]): string[] {
  return findings.map((f) => /^(\S+) receives requests/.exec(f.title)?.[1] ?? f.title).sort();
}

describe('candor.config.json', () => {
  test('an invalid ./candor.config.json stops the check: exit 2, its first error on one line', async () => {
    const dir = project({ expect: { purposes: ['analytics', 'ads'] }, failOn: 'severe' });
    const run = await candor(['check', DEMO_URL, ...local()], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(
      'candor: candor.config.json: expect.purposes[1]: "ads" is not a purpose (expected necessary, functional, analytics, advertising, social, unknown) (and 1 more)',
    );
  });

  test('unexpected Facebook and advertising; severities, phases and failOn from the config; --config and --fail-on', async () => {
    // Two checks at once: ./candor.config.json found in the working directory (failOn medium → exit 1), and
    // --config PATH (the working directory's file is not read) with --fail-on none overriding the config (exit 0).
    const other = project('{ "not": "used" }');
    mkdirSync(join(other, 'ci'));
    const path = join(other, 'ci', 'privacy.json');
    writeFileSync(path, JSON.stringify(GOOGLE_ONLY));
    const out = join(other, 'report.json');
    const [run, overridden] = await Promise.all([
      candor(['check', DEMO_URL, ...local(), '--format', 'json'], project(GOOGLE_ONLY)),
      candor(['check', DEMO_URL, ...local(), '--config', path, '--fail-on', 'none', '--format', 'json', '--out', out], other),
    ]);
    expect(overridden.stderr).toContain(`candor: using ${path}`);
    expect(overridden.code).toBe(0);
    const again = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(again.findings.some((f) => f.kind === 'unexpected-third-party')).toBe(true);

    expect(run.stderr).toContain('candor: using candor.config.json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.visits.map((v) => v.phase)).toEqual(['before-consent']);

    const thirdParties = report.findings.filter((f) => f.kind === 'unexpected-third-party');
    const sites = sitesOf(thirdParties);
    expect(sites).toEqual(expect.arrayContaining(['facebook.com', 'facebook.net']));
    for (const google of ['google-analytics.com', 'googletagmanager.com', 'fonts.googleapis.com']) expect(sites).not.toContain(google);
    // every third party that received requests and is not allowed, and nothing else
    const seen = new Set(report.visits.flatMap((v) => v.observed.requests.filter((r) => r.party === 'third').map((r) => r.site)));
    expect(sites).toEqual([...seen].filter((s) => !/google-analytics\.com|googletagmanager\.com|googleapis\.com/.test(s)).sort());
    for (const f of thirdParties) {
      expect(f.severity).toBe('high'); // the config's override
      expect(f.evidence.some((e) => e.type === 'request')).toBe(true);
      expect(f.evidence).toContainEqual({ type: 'declaration', source: 'candor.config.json' });
    }

    const purposes = report.findings.filter((f) => f.kind === 'unexpected-purpose');
    expect(purposes.length).toBeGreaterThanOrEqual(3);
    expect(new Set(purposes.map((f) => f.purpose))).toEqual(new Set(['advertising']));
    expect(purposes.every((f) => f.severity === 'medium')).toBe(true);
    const titles = purposes.map((f) => f.title).join('\n');
    expect(titles).toMatch(/Facebook/);
    expect(titles).toContain('Cookie "_fbp"');
    expect(titles).not.toMatch(/Google Analytics|"_ga"/);
  });
});
