// CNAME cloaking, in Firefox (the only browser with a `dns` API): trackers served from hosts of the site's own.
// Firefox resolves through the local internet's DNS-over-HTTPS route (sites/doh.ts), which answers with real CNAME
// chains, so Candor's lookups are the browser's own. Adobe Analytics (metrics.) and Eulerian (collect., two hops)
// must be named on their requests with the canonical name that gave them away; a CDN host (static.) and a plain
// host (img.) must not; the popup says where each tracker hid.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CandorBrowser } from '../../src/cli/launch.ts';
import type { ObservedRequest, Report } from '../../src/core/types.ts';
import { DOH_HOST, dohFirefoxPrefs, dohRoute } from '../../sites/doh.ts';
import { type Internet, startInternet } from '../../sites/internet.ts';
import { DEMO_ROOT, demoRoutes } from '../../sites/routes.ts';
import { launchWithCandor, TEST_SITES } from './harness.ts';

const SHOP = 'https://www.cname-shop.example/';
const ADOBE_CNAME = 'cname-shop.example.sc.omtrdc.net';
const EULERIAN_CNAME = 'cname-shop.eulerian.net';
const CNAMES = {
  'metrics.cname-shop.example': ADOBE_CNAME,
  'collect.cname-shop.example': 'cname-shop.edge-alias.example',
  'cname-shop.edge-alias.example': EULERIAN_CNAME,
  'static.cname-shop.example': 'd1cnameshop.cloudfront.net',
};

/** The shop's other hosts answer anything: a pixel, or a script for the tag. */
const shopHosts = (req: { host: string; url: URL }) => {
  if (!/^(metrics|collect|static|img)\.cname-shop\.example$/.test(req.host)) return null;
  return req.url.pathname.endsWith('.js')
    ? { headers: { 'content-type': 'text/javascript' }, body: "new Image().src = 'https://collect.cname-shop.example/col2/hit?uid=7c1e2b9a44d0f3e8';" }
    : { headers: { 'content-type': 'image/gif' }, body: '' };
};

describe('CNAME-cloaked trackers in firefox', () => {
  let internet: Internet;
  let b: CandorBrowser;
  let page: Page;
  const questions: string[] = [];
  let report: Report;

  const requestsTo = (host: string): ObservedRequest[] => report.visits[0]?.observed.requests.filter((r) => new URL(r.url).hostname === host) ?? [];

  beforeAll(async () => {
    internet = await startInternet({ roots: [DEMO_ROOT, TEST_SITES], routes: [dohRoute(CNAMES, questions), shopHosts, ...demoRoutes] });
    b = await launchWithCandor('firefox', internet, true, { firefoxPrefs: dohFirefoxPrefs() });
    page = await b.newPage();
    await page.goto(SHOP, { waitUntil: 'load' });
    // settled: every request of the page is in, and both cloaked hosts are named on all of theirs
    const deadline = Date.now() + 20_000;
    for (;;) {
      await b.message('flush', {});
      const r = await b.report(SHOP);
      const requests = r?.visits[0]?.observed.requests ?? [];
      const named = (host: string, n: number) => requests.filter((q) => q.url.includes(`//${host}/`) && q.cname).length >= n;
      if (r && named('metrics.cname-shop.example', 2) && named('collect.cname-shop.example', 2)) {
        report = r;
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(`the cloaked trackers were never named; DNS questions ${questions.join(', ') || 'none'}; requests ${requests.map((q) => `${q.url} ${q.cname ?? '-'} ${q.tracker?.key ?? '-'}`).join(' | ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, 60_000);

  afterAll(async () => {
    await b?.close();
    await internet?.close();
  });

  test("Firefox asked the local resolver about the shop's other hosts, never about the page's own", () => {
    for (const host of ['metrics', 'collect', 'static', 'img']) expect(questions).toContain(`A ${host}.cname-shop.example`);
    expect(questions).not.toContain('A www.cname-shop.example');
    expect(questions.some((q) => q.endsWith(DOH_HOST))).toBe(false);
  });

  test('Adobe Analytics behind metrics. is named on every request to it, with the CNAME that gave it away', () => {
    const beacons = requestsTo('metrics.cname-shop.example');
    expect(beacons).toHaveLength(2);
    for (const r of beacons) {
      expect(r).toMatchObject({ party: 'first', site: 'cname-shop.example', cname: ADOBE_CNAME });
      expect(r.tracker).toMatchObject({ key: 'adobe_experience_cloud', organization: 'Adobe', purpose: 'analytics' });
    }
  });

  test('a chain of two CNAMEs ends at Eulerian: its script and its hit are named', () => {
    const collect = requestsTo('collect.cname-shop.example');
    expect(collect.map((r) => new URL(r.url).pathname).sort()).toEqual(['/col2/hit', '/col2/tag.js']);
    for (const r of collect) expect(r).toMatchObject({ party: 'first', cname: EULERIAN_CNAME, tracker: { key: 'eulerian' } });
    // what the recipient could log is recorded as for any tracker: the identifier in its query
    expect(collect.find((r) => r.url.includes('/hit'))?.sent?.identifiers).toEqual(['uid']);
  });

  test('a CDN host and a plain host of the shop stay the shop’s own', () => {
    for (const host of ['static.cname-shop.example', 'img.cname-shop.example', 'www.cname-shop.example']) {
      const requests = requestsTo(host);
      expect(requests.length).toBeGreaterThan(0);
      for (const r of requests) {
        expect(r.cname).toBeUndefined();
        expect(r.tracker).toBeNull();
      }
    }
  });

  test('the cloaked trackers count as tracking: no consent mechanism, and the report counts them', () => {
    expect(report.summary.trackers).toBe(2);
    const finding = report.findings.find((f) => f.kind === 'no-consent-mechanism');
    const urls = finding?.evidence.flatMap((e) => (e.type === 'request' ? [e.url] : [])) ?? [];
    expect(urls.some((u) => u.startsWith('https://metrics.cname-shop.example/'))).toBe(true);
    expect(urls.some((u) => u.startsWith('https://collect.cname-shop.example/'))).toBe(true);
  });

  test('the popup says which host of the site each tracker hid behind', async () => {
    const tabId = await b.message('getTabId', { url: page.url() });
    const popup = await b.openExtensionPage(`src/popup/index.html?tabId=${tabId}`, 'body[data-complete="true"]');
    await popup.click('[data-testid="tab-trackers"]');
    await popup.waitForSelector('[data-testid="tracker-cloaked"]');
    const lines = await popup.$$eval('[data-testid="tracker-cloaked"]', (els) => els.map((e) => e.textContent ?? ''));
    expect(lines.sort()).toEqual([
      `behind the site’s own collect.cname-shop.example (its DNS name points to ${EULERIAN_CNAME})`,
      `behind the site’s own metrics.cname-shop.example (its DNS name points to ${ADOBE_CNAME})`,
    ]);
    await popup.close();
  });
});
