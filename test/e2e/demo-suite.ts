// The demo site in a real browser with Candor: what the report must say, in either browser.
import type { Page } from 'puppeteer-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserKind } from '../../src/cli/find-browser.ts';
import type { CandorBrowser } from '../../src/cli/launch.ts';
import type { Report } from '../../src/core/types.ts';
import { DEMO_URL } from '../../sites/routes.ts';
import type { Internet } from '../../sites/internet.ts';
import { artifact, launchWithCandor, startTestInternet } from './harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export function demoSuite(kind: BrowserKind): void {
  describe(`demo site in ${kind}`, () => {
    let internet: Internet;
    let b: CandorBrowser;
    let page: Page;
    let report: Report;

    beforeAll(async () => {
      internet = await startTestInternet();
      b = await launchWithCandor(kind, internet);
      page = await b.newPage();
      await page.goto(DEMO_URL, { waitUntil: 'load' });
      await page.waitForNetworkIdle({ idleTime: 800 });
      await b.message('flush', {});
      const got = await b.report(page.url());
      if (!got) throw new Error('no report for the demo page');
      report = got;
    });

    afterAll(async () => {
      await b?.close();
      await internet?.close();
    });

    test('the report follows candor.report/1 and names the site', () => {
      expect(report.schema).toBe('candor.report/1');
      expect(report.site).toBe('northwind-coffee.example');
      expect(report.tool.trackerDb).toMatch(/^@ghostery\/trackerdb \d/);
      expect(report.tool.browser.toLowerCase()).toContain(kind === 'chromium' ? 'chrom' : 'firefox');
      expect(report.visits).toHaveLength(1);
    });

    test('files the browser takes from its HTTP cache are still requests of the visit', async () => {
      const url = 'http://www.cached-bakery.test/';
      const first = await b.newPage();
      await first.goto(url, { waitUntil: 'load' });
      await first.close();
      const second = await b.newPage();
      await second.goto(`${url}menu/`, { waitUntil: 'load' });
      await second.waitForNetworkIdle({ idleTime: 300 });
      await b.message('flush', {});
      const cached = await b.report(second.url());
      await second.close();
      const assets = (cached?.visits[0]?.observed.requests ?? []).filter((q) => q.url.includes('/assets/bakery.'));
      expect(assets.map((q) => [q.url, q.type, q.status, q.party, q.fromCache])).toEqual([
        [`${url}assets/bakery.css`, 'stylesheet', 200, 'first', true],
        [`${url}assets/bakery.js`, 'script', 200, 'first', true],
      ]);
    });

    test('requests are recorded with party, tracker and company', () => {
      const requests = report.visits[0]?.observed.requests ?? [];
      const main = requests.find((r) => r.type === 'main_frame');
      expect(main).toMatchObject({ party: 'first', site: 'northwind-coffee.example', status: 200 });
      const ga = requests.find((r) => r.url.startsWith('https://region1.google-analytics.com/g/collect'));
      expect(ga).toMatchObject({ party: 'third', site: 'google-analytics.com', status: 204 });
      expect(ga?.tracker).toMatchObject({ name: 'Google Analytics', organization: 'Google', purpose: 'analytics' });
      expect(ga?.sent).toMatchObject({ userAgent: true, language: true, referer: true });
      const pixel = requests.find((r) => r.url.startsWith('https://www.facebook.com/tr/'));
      expect(pixel?.tracker?.purpose).toBe('advertising');
      expect(pixel?.sent?.identifiers).toContain('fbp');
      // googleapis.com is a private public suffix: fonts.googleapis.com is its own site.
      const fonts = requests.find((r) => r.url.startsWith('https://fonts.googleapis.com/'));
      expect(fonts?.site).toBe('fonts.googleapis.com');
      expect(fonts?.party).toBe('third');
      expect(fonts?.tracker?.purpose ?? 'necessary').not.toBe('advertising');
    });

    test('cookies are recorded with party, lifetime, setter and purpose', () => {
      const cookies = report.visits[0]?.observed.cookies ?? [];
      const ga = cookies.find((c) => c.name === '_ga');
      expect(ga).toMatchObject({ party: 'first', domain: '.northwind-coffee.example', session: false, purpose: 'analytics' });
      expect(ga?.setBy).toEqual({ via: 'script', url: 'https://www.googletagmanager.com/gtag/js?id=G-NW2026' });
      expect(ga?.lifetimeSeconds).toBeGreaterThan(300 * 86400);
      const session = cookies.find((c) => c.name === 'nw_session');
      expect(session).toMatchObject({ party: 'first', session: true, httpOnly: true, purpose: 'necessary' });
      expect(session?.setBy.via).toBe('http');
      const fr = cookies.find((c) => c.name === 'fr');
      expect(fr).toMatchObject({ party: 'third', domain: '.facebook.com', purpose: 'advertising' });
      expect(fr?.setBy.via).toBe('http');
    });

    test('declarations and consent are read from the live page', () => {
      const visit = report.visits[0];
      const kinds = visit?.declared.sources.map((s) => `${s.kind}:${s.valid}`) ?? [];
      expect(kinds).toEqual(expect.arrayContaining(['cmp:true', 'dpv:true', 'usp:true', 'gpc-well-known:true', 'p3p:false']));
      expect(visit?.declared.policyUrl).toBe('https://www.northwind-coffee.example/privacy/');
      expect(visit?.declared.gpcSupported).toBe(true);
      expect(visit?.consent.recorded).toMatchObject({ source: 'cmp:cookieconsent', choiceMade: false });
    });

    test('the demo site’s violations are findings with evidence', () => {
      const kinds = new Set(report.findings.map((f) => f.kind));
      for (const kind of ['tracking-before-consent', 'identifier-shared', 'undeclared-third-party', 'invalid-metadata']) {
        expect(kinds).toContain(kind);
      }
      const shared = report.findings.find((f) => f.kind === 'identifier-shared' && f.evidence.some((e) => e.type === 'cookie' && e.name === '_fbp'));
      expect(shared?.evidence.some((e) => e.type === 'request' && e.url.includes('facebook.com/tr'))).toBe(true);
      expect(kinds).not.toContain('no-privacy-policy');
      expect(report.summary.trackers).toBeGreaterThanOrEqual(4);
    });

    test('the toolbar badge counts the tab’s trackers, coloured by its worst finding as soon as the report has findings', async () => {
      const tabId = await b.message('getTabId', { url: page.url() });
      const trackers = new Set(report.visits[0]?.observed.requests.flatMap((r) => (r.tracker ? [r.tracker.key] : [])));
      expect(report.findings.some((f) => f.severity === 'high')).toBe(true);
      const control = await b.openExtensionPage('src/options/index.html', 'body');
      const badge = () =>
        control.evaluate(async (id) => {
          interface ActionApi {
            action: { getBadgeText(d: { tabId: number }): Promise<string>; getBadgeBackgroundColor(d: { tabId: number }): Promise<number[]> };
          }
          const g = globalThis as unknown as { browser?: ActionApi; chrome: ActionApi };
          const api = g.browser ?? g.chrome;
          return { text: await api.action.getBadgeText({ tabId: id }), color: await api.action.getBadgeBackgroundColor({ tabId: id }) };
        }, tabId as number);
      // the badge is throttled (one update per tab every 300 ms): poll until it shows the report's findings
      await expect.poll(badge, { timeout: 5000 }).toEqual({ text: String(trackers.size), color: [0xb3, 0x26, 0x1e, 255] });
      await control.close();
    });

    test('the popup renders the report as text', async () => {
      const tabId = await b.message('getTabId', { url: page.url() });
      expect(typeof tabId).toBe('number');
      const popup = await b.openExtensionPage(`src/popup/index.html?tabId=${tabId}`, 'body[data-complete="true"]', {
        viewport: { width: 420, height: 900 },
      });
      const text = await popup.evaluate(() => document.body.textContent ?? '');
      expect(text).toContain('northwind-coffee.example');
      await popup.screenshot({ path: artifact(`popup-${kind}.png`) });
      // axe-core, the accessibility engine, over every section of the popup.
      await popup.evaluate(axeSource);
      const violations = (await popup.evaluate(
        "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))",
      )) as string[];
      expect(violations).toEqual([]);
      await popup.close();
    });

    test('same-document navigations stay in the visit and are listed', async () => {
      const app = await b.newPage();
      await app.goto('https://www.slow-news.example/app.html', { waitUntil: 'load' });
      await app.waitForFunction(() => document.title === 'ready');
      await b.message('flush', {});
      // The visit is found under its start URL; the navigations say where it went.
      await expect
        .poll(async () => (await b.report('https://www.slow-news.example/app.html'))?.visits[0]?.navigations?.map((n) => n.kind), { timeout: 10_000 })
        .toEqual(['push', 'replace', 'hash']); // replaceState to the same path is a new URL (query added)
      const report = await b.report('https://www.slow-news.example/app.html');
      expect(report?.visits[0]?.navigations?.at(-1)?.url).toBe('https://www.slow-news.example/app/section/world?sort=new#story-42');
      expect(report?.visits[0]?.observed.requests.some((r) => r.url.includes('/view?page=%2Fapp%2Fsection%2Fworld'))).toBe(true);
      await app.close();
    });

    test('history keeps a per-site summary of the visit, nothing more', async () => {
      const history = await b.message('getHistory', {});
      const entry = history.find((h) => h.site === 'northwind-coffee.example');
      expect(entry?.trackers).toEqual(expect.arrayContaining(['Google Analytics']));
      expect(entry?.requests).toBeGreaterThan(5);
      expect(Object.keys(entry ?? {}).sort()).toEqual(['at', 'cookies', 'findings', 'requests', 'site', 'thirdParties', 'trackers', 'url']);
    });

    test('the options page saves the visitor’s consent preferences and GPC', async () => {
      const options = await b.openExtensionPage('src/options/index.html', '[data-testid="section-gpc"] input[type="checkbox"]');
      const before = await b.message('getPreferences', {});
      expect(before.gpc).toBe(false);
      expect(before.retentionDays).toBe(14);
      await options.click('[data-testid="section-gpc"] input[type="checkbox"]');
      await expect.poll(async () => (await b.message('getPreferences', {})).gpc, { timeout: 5000 }).toBe(true);
      await options.close();
    });

    test('with GPC on, requests carry Sec-GPC, the page sees it, and the ignored signal is a finding', async () => {
      expect((await b.message('getPreferences', {})).gpc).toBe(true);
      const gpcPage = await b.newPage();
      await gpcPage.goto(`${DEMO_URL}?gpc`, { waitUntil: 'load' });
      await gpcPage.waitForNetworkIdle({ idleTime: 800 });
      expect(await gpcPage.evaluate('navigator.globalPrivacyControl')).toBe(true);
      const seen = internet.requests.filter((r) => r.url.href === `${DEMO_URL}?gpc`);
      expect(seen.at(-1)?.headers['sec-gpc']).toBe('1');
      await b.message('flush', {});
      const gpcReport = await b.report(gpcPage.url());
      const visit = gpcReport?.visits[0];
      expect(visit?.gpcSent).toBe(true);
      expect(visit?.observed.requests.find((r) => r.type === 'main_frame')?.sent?.gpc).toBe(true);
      expect(gpcReport?.findings.map((f) => f.kind)).toContain('gpc-ignored');
      await gpcPage.close();
    });
  });
}
