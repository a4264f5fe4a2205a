// Completeness: a page that makes every common kind of request (document, stylesheet, font, CSS background,
// preload, scripts, a 404, images, an http image the browser upgrades to https, a redirect chain with a cookie on a
// hop, a third-party frame with its own subresources and cookies, partitioned ones too, fetch GET/POST, a JSON POST
// the browser checks first with a CORS preflight, XHR, sendBeacon, keepalive fetch, a dedicated worker's fetch, a
// WebSocket) and sets cookies and storage each way. The local internet logs what really reached the servers; the
// report must list every one of those requests — no more, no fewer, including one whose answer the browser discarded
// (no CORS header) — with its type, party, status and redirect hop, and every cookie with its setter. This is the
// OpenWPM-style check the observe issue asks for, in each browser.
// Then the cases where a request is not the tab's own: a page restored from the back/forward cache, beacons a page
// sends as it is left (the left page's, not the next one's), a download or a 204 (the page stays on screen, and its
// visit goes on) and a page its service worker answers (the worker's fetches, which carry no tab, are the page's).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserKind } from '../../src/cli/find-browser.ts';
import type { CandorBrowser } from '../../src/cli/launch.ts';
import type { ObservedRequest, Report, Visit } from '../../src/core/types.ts';
import { type Internet, type Route, type SiteRequest, startInternet } from '../../sites/internet.ts';
import { TEST_SITES, launchWithCandor } from './harness.ts';

const ZOO = 'https://www.request-zoo.example/';
const ZOO_HOSTS = new Set([
  'www.request-zoo.example',
  'cdn.zoo-static.example',
  'embed.zoo-widgets.example',
  'api.zoo-data.example',
  'live.zoo-data.example',
  'r.zoo-ads.example',
  'r2.zoo-ads.example',
  'px.zoo-ads.example',
]);
const HOP1 = 'https://r.zoo-ads.example/hop1?uid=7f3a9c2e51b84d06';
const HOP2 = 'https://r2.zoo-ads.example/hop2';
const FINAL = 'https://px.zoo-ads.example/final.gif';

/** The redirect chain: two 302 hops, the first setting a third-party cookie. */
const zooRoutes: Route[] = [
  (req) =>
    req.host === 'r.zoo-ads.example' && req.url.pathname === '/hop1'
      ? { status: 302, headers: { location: HOP2, 'set-cookie': 'hop_id=h0p1d2e3f4a5b6c7; Path=/; Max-Age=86400; Secure; SameSite=None' } }
      : null,
  (req) => (req.host === 'r2.zoo-ads.example' && req.url.pathname === '/hop2' ? { status: 302, headers: { location: FINAL } } : null),
  // a page whose server takes 5 s to answer: a navigation to it can be taken over before any answer
  async (req) => {
    if (req.host !== 'www.leaving-news.example' || req.url.pathname !== '/slow') return null;
    await new Promise((resolve) => setTimeout(resolve, 5000));
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!doctype html><title>Slow</title><p>Slow.' };
  },
  // a link the shop answers with 204 No Content: the browser stays on the page
  (req) => (req.host === 'www.download-shop.example' && req.url.pathname === '/no-content' ? { status: 204 } : null),
];

/**
 * What reached the zoo's servers from the page: not the browser's own favicon fetch, nor Candor's read of the
 * site's /.well-known/gpc.json (the worker's, made for the report).
 */
function served(internet: Internet): SiteRequest[] {
  return internet.requests.filter(
    (r) => ZOO_HOSTS.has(r.host) && r.url.pathname !== '/favicon.ico' && r.url.pathname !== '/.well-known/gpc.json',
  );
}

/**
 * Waits until the tab shows `path` again, loaded; true when it came from the back/forward cache (the page's own
 * `candorRound` mark survived), false when the browser loaded it afresh.
 */
async function shownAgain(page: Page, path: string): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const cached = await page
      .evaluate(
        (p) => (location.pathname === p && document.readyState === 'complete' ? (window as { candorRound?: number }).candorRound === 1 : null),
        path,
      )
      .catch(() => null); // between two documents
    if (cached !== null) return cached;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${path} was not shown again within 10 s`);
}

function key(method: string, url: string): string {
  return `${method} ${url}`;
}

export function completenessSuite(kind: BrowserKind): void {
  describe(`every request and cookie of a page in ${kind}`, () => {
    let internet: Internet;
    let b: CandorBrowser;
    let page: Page;
    let report: Report;
    let visit: Visit;
    const byUrl = (url: string): ObservedRequest[] => visit.observed.requests.filter((r) => r.url === url);

    beforeAll(async () => {
      internet = await startInternet({ roots: [TEST_SITES], routes: zooRoutes });
      b = await launchWithCandor(kind, internet);
      page = await b.newPage();
      await page.goto(ZOO, { waitUntil: 'load' });
      // Wait until the report holds every request the servers saw (the worker's fetch and the beacon may come last).
      const deadline = Date.now() + 20_000;
      for (;;) {
        await b.message('flush', {});
        const got = await b.report(ZOO);
        const v = got?.visits[0];
        const seen = new Set((v?.observed.requests ?? []).map((r) => key(r.method, r.url)));
        const expected = served(internet);
        const cookiesIn = ['zoo_session', 'zoo_pref', 'widget_id', 'widget_chip', 'widget_seen', 'hop_id'].every((n) => v?.observed.cookies.some((c) => c.name === n && c.setBy.via !== 'unknown'));
        // and every request has its answer or its error (the servers may log a request before the browser reports its end)
        const unsettled = (v?.observed.requests ?? []).filter((r) => ZOO_HOSTS.has(new URL(r.url).hostname) && r.status === null && r.error === undefined);
        if (got && v && expected.length >= 20 && expected.every((r) => seen.has(key(r.method, r.url.href))) && cookiesIn && unsettled.length === 0) {
          report = got;
          visit = v;
          break;
        }
        if (Date.now() > deadline) {
          const missing = expected.filter((r) => !seen.has(key(r.method, r.url.href))).map((r) => key(r.method, r.url.href));
          throw new Error(
            `the report never caught up with the servers: missing ${missing.join(', ') || 'none'}; unanswered ${unsettled.map((r) => r.url).join(', ') || 'none'}; cookies ${JSON.stringify(v?.observed.cookies.map((c) => [c.name, c.setBy.via]))}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    });

    afterAll(async () => {
      await b?.close();
      await internet?.close();
    });

    test('every request that reached a server is in the report, and nothing else', () => {
      const fromServers = served(internet).map((r) => key(r.method, r.url.href)).sort();
      const inReport = visit.observed.requests
        .filter((r) => ZOO_HOSTS.has(new URL(r.url).hostname) && new URL(r.url).pathname !== '/favicon.ico')
        .map((r) => key(r.method, r.url))
        .sort();
      expect(inReport).toEqual(fromServers);
      // the keepalive POST's answer has no CORS header: the browser discards it, yet the data went out and is listed
      const [keepalive] = byUrl('https://api.zoo-data.example/keepalive');
      expect(keepalive).toMatchObject({ method: 'POST', error: expect.any(String) });
      // mixed content the browser upgraded itself: listed once, as the https request the server saw, never as http
      expect(byUrl('https://cdn.zoo-static.example/upgraded.gif')).toEqual([expect.objectContaining({ status: 200, type: 'image' })]);
      expect(visit.observed.requests.filter((r) => r.url.startsWith('http:'))).toEqual([]);
      // every kind the page uses is there
      for (const path of ['/zoo.css', '/app.js', '/worker.js', '/zoo.woff2', '/bg.gif', '/preloaded.gif', '/lib.js', '/injected.js', '/missing.js']) {
        expect({ path, found: visit.observed.requests.some((r) => new URL(r.url).pathname === path) }).toEqual({ path, found: true });
      }
      for (const path of ['/fetch-get', '/fetch-post', '/xhr', '/beacon', '/keepalive', '/from-worker', '/from-frame', '/frame.html', '/badge.gif']) {
        expect({ path, found: visit.observed.requests.some((r) => new URL(r.url).pathname === path) }).toEqual({ path, found: true });
      }
    });

    test('each request has its type, party, site and status', () => {
      const one = (url: string): ObservedRequest => {
        const [r] = byUrl(url);
        if (!r) throw new Error(`no request ${url}`);
        return r;
      };
      expect(one(ZOO)).toMatchObject({ type: 'main_frame', party: 'first', site: 'request-zoo.example', status: 200, method: 'GET' });
      expect(one('https://www.request-zoo.example/zoo.css')).toMatchObject({ type: 'stylesheet', party: 'first' });
      expect(one('https://cdn.zoo-static.example/zoo.woff2')).toMatchObject({ type: 'font', party: 'third', site: 'zoo-static.example' });
      expect(one('https://cdn.zoo-static.example/bg.gif')).toMatchObject({ type: 'image', party: 'third' });
      expect(one('https://cdn.zoo-static.example/lib.js')).toMatchObject({ type: 'script', status: 200 });
      expect(one('https://cdn.zoo-static.example/missing.js')).toMatchObject({ type: 'script', status: 404 });
      expect(one('https://embed.zoo-widgets.example/frame.html')).toMatchObject({ type: 'sub_frame', party: 'third', site: 'zoo-widgets.example' });
      expect(one('https://api.zoo-data.example/fetch-post')).toMatchObject({ method: 'POST', type: 'xmlhttprequest', party: 'third' });
      expect(one('https://api.zoo-data.example/xhr')).toMatchObject({ type: 'xmlhttprequest' });
      // sendBeacon: Chromium says ping, Firefox beacon
      expect(['ping', 'beacon']).toContain(one('https://api.zoo-data.example/beacon').type);
      // a WebSocket: its handshake, answered 101
      expect(one('wss://live.zoo-data.example/socket?sid=5e1f0c9a7b3d2e48')).toMatchObject({ type: 'websocket', party: 'third', status: 101 });
      // the frame's own requests stay third-party to the page, not first-party to the frame
      expect(one('https://embed.zoo-widgets.example/badge.gif')).toMatchObject({ party: 'third', site: 'zoo-widgets.example' });
      expect(one('https://api.zoo-data.example/from-frame')).toMatchObject({ party: 'third' });
      for (const r of visit.observed.requests) expect({ url: r.url, at: Number.isFinite(r.at) && r.at >= 0 }).toEqual({ url: r.url, at: true });
    });

    test('each request has its frame, its initiator and, where the server said, its size', () => {
      const one = (url: string): ObservedRequest => {
        const [r] = byUrl(url);
        if (!r) throw new Error(`no request ${url}`);
        return r;
      };
      // the page's own subresources are the top frame's; the frame's document and its subresources are the frame's
      expect(one('https://www.request-zoo.example/zoo.css').frameId).toBe(0);
      expect(one('https://cdn.zoo-static.example/lib.js').frameId).toBe(0);
      const frameId = one('https://embed.zoo-widgets.example/frame.html').frameId;
      expect(frameId).toBeGreaterThan(0);
      expect(one('https://embed.zoo-widgets.example/badge.gif').frameId).toBe(frameId);
      expect(one('https://api.zoo-data.example/from-frame').frameId).toBe(frameId);
      // who asked: Chromium names the origin, Firefox the document's URL
      expect(one('https://cdn.zoo-static.example/lib.js').initiator).toMatch(/^https:\/\/www\.request-zoo\.example(\/|$)/);
      expect(one('https://embed.zoo-widgets.example/badge.gif').initiator).toMatch(/^https:\/\/embed\.zoo-widgets\.example(\/|$)/);
      // the stylesheet's Content-Length, as the server sent it
      expect(one('https://www.request-zoo.example/zoo.css').size).toBe(statSync(join(TEST_SITES, 'www.request-zoo.example', 'zoo.css')).size);
    });

    test('a redirect chain is one request per hop, each pointing at the hop before, with its status', () => {
      expect(byUrl(HOP1)).toEqual([expect.objectContaining({ status: 302, type: 'image' })]);
      expect(byUrl(HOP2)).toEqual([expect.objectContaining({ status: 302, redirectedFrom: HOP1 })]);
      expect(byUrl(FINAL)).toEqual([expect.objectContaining({ status: 200, redirectedFrom: HOP2 })]);
    });

    test('what each recipient could log: referrer, cookies, identifiers in the query and the body', () => {
      const [get] = byUrl('https://api.zoo-data.example/fetch-get?cid=4c1e9a7b2d5f8e03');
      expect(get?.sent).toMatchObject({ referer: true, userAgent: true, language: true, identifiers: ['cid'] });
      // a JSON POST is not a simple request: the browser asks first (OPTIONS, no body, no cookies); both reached the
      // server, and the id nested in the body is named by its path
      expect(served(internet).filter((r) => r.url.pathname === '/fetch-json').map((r) => r.method).sort()).toEqual(['OPTIONS', 'POST']);
      const json = byUrl('https://api.zoo-data.example/fetch-json');
      const preflight = json.find((r) => r.method === 'OPTIONS');
      expect(preflight).toMatchObject({ type: 'xmlhttprequest', party: 'third', status: 200, sent: { referer: true, cookies: false, identifiers: [] } });
      expect(preflight?.sent?.bodyIdentifiers).toBeUndefined();
      expect(json.find((r) => r.method === 'POST')?.sent?.bodyIdentifiers).toEqual(['events[].device_id']);
      const [post] = byUrl('https://api.zoo-data.example/fetch-post');
      expect(post?.sent?.bodyIdentifiers).toEqual(['uid']);
      // hop_id is host-only to r.zoo-ads.example: the second hop, on r2, is sent no cookie
      const [hop2] = byUrl(HOP2);
      expect(hop2?.sent).toMatchObject({ cookies: false });
      const [hop1] = byUrl(HOP1);
      expect(hop1?.sent?.identifiers).toEqual(['uid']);
    });

    test('every cookie, with party, lifetime and who set it', () => {
      const cookie = (name: string) => visit.observed.cookies.find((c) => c.name === name);
      expect(cookie('zoo_session')).toMatchObject({
        party: 'first',
        session: true,
        httpOnly: true,
        secure: true,
        sameSite: 'lax',
        setBy: { via: 'http', url: ZOO },
      });
      expect(cookie('zoo_pref')).toMatchObject({ party: 'first', session: false, setBy: { via: 'script', url: 'https://www.request-zoo.example/app.js' } });
      expect(cookie('zoo_pref')?.lifetimeSeconds).toBeGreaterThan(2_591_000);
      expect(cookie('widget_id')).toMatchObject({
        party: 'third',
        domain: 'embed.zoo-widgets.example',
        sameSite: 'none',
        setBy: { via: 'http', url: 'https://embed.zoo-widgets.example/frame.html' },
      });
      expect(cookie('hop_id')).toMatchObject({ party: 'third', setBy: { via: 'http', url: HOP1 } });
      // Partitioned cookies (CHIPS; in Firefox, Total Cookie Protection keeps every cookie of a third-party frame
      // in a jar of the page's site): the frame's `Partitioned` cookies, one from its response and one from its script,
      // are listed with the site they are kept for. widget_id asks for no partition: Chromium keeps it in the
      // third party's own jar, Firefox still partitions it.
      const zooSite = 'https://request-zoo.example';
      expect(cookie('widget_chip')).toMatchObject({
        party: 'third',
        partitionKey: zooSite,
        setBy: { via: 'http', url: 'https://embed.zoo-widgets.example/frame.html' },
      });
      expect(cookie('widget_seen')).toMatchObject({
        party: 'third',
        partitionKey: zooSite,
        setBy: { via: 'script', url: 'https://embed.zoo-widgets.example/frame.js' },
      });
      expect(cookie('widget_id')?.partitionKey).toBe(kind === 'firefox' ? zooSite : undefined);
      const partitioned = report.findings.find((f) => f.kind === 'third-party-cookie' && f.title.includes('"widget_chip"'));
      expect(partitioned?.explanation).toContain('partitioned to this site');
      expect(visit.observed.storage).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ key: 'zoo_visits', area: 'local', party: 'first', setBy: { via: 'script', url: 'https://www.request-zoo.example/app.js' } }),
        ]),
      );
      expect(report.summary.cookies).toBe(visit.observed.cookies.length);
    });

    test('a page shown again from the back/forward cache is a visit of its own, with nothing of the page left', async () => {
      // other.html may be cached (no `no-store`); the story in between loads an ad image
      const other = 'https://www.speculative-news.example/other.html';
      const story = 'https://www.speculative-news.example/story.html';
      // Whether a page goes into the cache is the browser's call: a page left right after its load is sometimes not
      // cached by Chromium (IgnoreEventAndEvict), without Candor too, mostly on a fresh browser's first page, and
      // Firefox too evicts now and then. A reader stays a moment; the round is tried again (three times at most) when
      // the browser loaded the page afresh, which the page itself shows: its own state did not survive.
      let cachedByBrowser = false;
      let before = 0;
      for (let round = 1; round <= 3 && !cachedByBrowser; round++) {
        await page.goto(other, { waitUntil: 'load' });
        await page.evaluate(() => {
          (window as { candorRound?: number }).candorRound = 1;
        });
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await page.goto(story, { waitUntil: 'load' });
        before = internet.requests.length;
        // a page restored from the cache fires no load event: wait until it is on screen and has run its scripts
        void page.goBack().catch(() => undefined);
        cachedByBrowser = await shownAgain(page, '/other.html');
      }
      expect(cachedByBrowser).toBe(true);
      await expect.poll(async () => (await b.report(other))?.visits[0]?.restoredFromCache, { timeout: 10_000 }).toBe(true);
      await b.message('flush', {});
      const restored = (await b.report(other))?.visits[0];
      // nothing was fetched again for the restored page, and the story's requests stayed with the story
      expect(internet.requests.slice(before).filter((r) => r.host === 'www.speculative-news.example' && r.url.pathname === '/other.html')).toEqual([]);
      expect((restored?.observed.requests ?? []).map((r) => r.url).filter((u) => u.includes('zoo-ads') || u === story)).toEqual([]);
      expect(await b.report(story)).toBeNull();
      // the story's visit, left for the cached page, is in the history like any visit left
      await expect.poll(async () => (await b.message('getHistory', {})).some((h) => h.url === story), { timeout: 5_000 }).toBe(true);
    });

    test('what a page sends as the visitor leaves it is that page’s, not the next page’s', async () => {
      // The news page reports the time spent on `pagehide` (a beacon and a keepalive fetch); the reader goes on to a
      // bakery on another site. The requests reach the servers after the bakery's visit has started in the tab.
      const news = 'https://www.leaving-news.example/';
      const bakery = 'https://www.quiet-bakery.example/';
      const tab = await b.newPage();
      await tab.goto(news, { waitUntil: 'load' });
      await b.message('flush', {});
      const before = internet.requests.length;
      await tab.goto(bakery, { waitUntil: 'load' });
      const sentOnLeaving = () => internet.requests.slice(before).filter((r) => r.url.pathname === '/bye' || r.url.pathname === '/keepalive');
      await expect.poll(() => sentOnLeaving().length, { timeout: 10_000 }).toBe(2);
      await b.message('flush', {});
      const bakeryVisit = (await b.report(bakery))?.visits[0];
      expect(bakeryVisit?.observed.requests.map((r) => r.url)).toContain(bakery);
      expect((bakeryVisit?.observed.requests ?? []).filter((r) => r.site === 'zoo-ads.example' || r.site === 'zoo-data.example')).toEqual([]);
      // the news visit's history counts them: its page talked to no third party before it was left
      await expect
        .poll(async () => (await b.message('getHistory', {})).find((h) => h.url === news)?.thirdParties, { timeout: 10_000 })
        .toBe(2);
      await tab.close();
    });

    test('a navigation taken over before any answer was never a page: what the page on screen sends as it goes stays its own', async () => {
      // The reader clicks a link to a slow page, then, before it answers, goes to the bakery. The news page was on
      // screen all along: its leaving beacons are its own, and the slow page never appears.
      const news = 'https://www.leaving-news.example/';
      const slow = `${news}slow`;
      const bakery = 'https://www.quiet-bakery.example/';
      const tab = await b.newPage();
      // this test's visits only (the test before visited the news page too)
      const since = new Date().toISOString();
      await tab.goto(news, { waitUntil: 'load' });
      await b.message('flush', {});
      const before = internet.requests.length;
      void tab.evaluate((url) => {
        location.href = url;
      }, slow);
      await expect.poll(() => internet.requests.slice(before).some((r) => r.url.pathname === '/slow'), { timeout: 5_000 }).toBe(true);
      await tab.goto(bakery, { waitUntil: 'load' });
      await expect
        .poll(() => internet.requests.slice(before).filter((r) => r.url.pathname === '/bye' || r.url.pathname === '/keepalive').length, { timeout: 10_000 })
        .toBe(2);
      await b.message('flush', {});
      expect((await b.report(bakery))?.visits[0]?.observed.requests.filter((r) => r.site === 'zoo-ads.example' || r.site === 'zoo-data.example')).toEqual([]);
      const newsVisits = async () => (await b.message('getHistory', {})).filter((h) => h.url === news && h.at >= since);
      await expect.poll(async () => (await newsVisits()).map((h) => h.thirdParties), { timeout: 10_000 }).toEqual([2]);
      expect((await b.message('getHistory', {})).filter((h) => h.url === slow)).toEqual([]);
      await tab.close();
    });

    test('a download or a 204 leaves the page on screen: its visit goes on, with those requests in it', async () => {
      const shop = 'https://www.download-shop.example/';
      const catalogue = 'https://files.download-cdn.example/catalogue.csv';
      const tab = await b.newPage();
      await tab.goto(shop, { waitUntil: 'load' });
      await tab.click('#catalogue');
      await expect.poll(() => internet.requests.some((r) => r.url.href === catalogue), { timeout: 5_000 }).toBe(true);
      await tab.click('#prices');
      await expect.poll(() => internet.requests.some((r) => r.url.pathname === '/price-list'), { timeout: 5_000 }).toBe(true);
      await tab.click('#nothing');
      await expect.poll(() => internet.requests.some((r) => r.url.pathname === '/no-content'), { timeout: 5_000 }).toBe(true);
      // the shop is still on screen and still making requests
      await tab.evaluate(() => fetch('/after-download?n=1').catch(() => undefined));
      await expect
        .poll(
          async () => {
            await b.message('flush', {});
            return (await b.report(shop))?.visits[0]?.observed.requests.map((r) => `${r.url} ${r.status}`) ?? [];
          },
          { timeout: 10_000 },
        )
        .toEqual(
          expect.arrayContaining([
            `${shop} 200`,
            `${catalogue} 200`,
            'https://files.download-cdn.example/price-list 200',
            `${shop}no-content 204`,
            `${shop}after-download?n=1 404`,
          ]),
        );
      const visit = (await b.report(shop))?.visits[0];
      // the file came from another site: a third party of the shop's, not a page of its own
      expect(visit?.observed.requests.find((r) => r.url === catalogue)).toMatchObject({ party: 'third', site: 'download-cdn.example', status: 200 });
      expect(visit?.observed.requests.find((r) => r.url === `${shop}no-content`)).toMatchObject({ party: 'first', status: 204 });
      expect(await b.report(catalogue)).toBeNull();
      await tab.close();
    });

    test('a page its service worker answers: every fetch the servers saw is in the visit, the worker’s own beacon and cookie too', async () => {
      // The first visit installs the worker; from the second on it passes every fetch of the page to the network and
      // sends a beacon of its own. Chromium then reports neither the navigation nor the page's fetches as the tab's.
      const shop = 'https://www.worker-shop.example/';
      const workerHosts = new Set(['www.worker-shop.example', 'cdn.worker-assets.example']);
      // a tab of its own: the test before leaves its tab in a back navigation
      const tab = await b.newPage();
      await tab.goto(shop, { waitUntil: 'load' });
      await tab.waitForFunction(() => document.documentElement.dataset.sw === 'installed', { timeout: 10_000 });
      await b.message('flush', {});
      // the worker's script is fetched without a tab too
      expect((await b.report(shop))?.visits[0]?.observed.requests.find((r) => r.url === `${shop}sw.js`)).toMatchObject({
        serviceWorker: true,
        party: 'first',
        status: 200,
      });
      const before = internet.requests.length;
      await tab.goto(shop, { waitUntil: 'load' });
      await tab.waitForFunction(() => document.documentElement.dataset.sw === 'controlled', { timeout: 10_000 });
      const seenByServers = () =>
        internet.requests
          .slice(before)
          .filter((r) => workerHosts.has(r.host) && r.url.pathname !== '/favicon.ico' && r.url.pathname !== '/.well-known/gpc.json')
          .map((r) => key(r.method, r.url.href));
      const beacon = `https://cdn.worker-assets.example/sw-beacon?page=${encodeURIComponent(shop)}`;
      let shopVisit: Visit | undefined;
      await expect
        .poll(
          async () => {
            await b.message('flush', {});
            shopVisit = (await b.report(shop))?.visits[0];
            const listed = (shopVisit?.observed.requests ?? []).filter((r) => r.url !== `${shop}favicon.ico`).map((r) => key(r.method, r.url));
            return listed.sort();
          },
          { timeout: 15_000 },
        )
        .toEqual(seenByServers().sort());
      // the servers saw the page, its image, its fetch and the worker's beacon: all made by the worker
      expect(seenByServers()).toEqual(expect.arrayContaining([key('GET', shop), key('GET', beacon), key('GET', `${shop}api/basket?cart=c4rt1d`)]));
      // every request listed; the beacon's answer (and the cookie it sets) may come a moment later
      await expect
        .poll(
          async () => {
            await b.message('flush', {});
            shopVisit = (await b.report(shop))?.visits[0];
            return shopVisit?.observed.requests.find((r) => r.url === beacon)?.status;
          },
          { timeout: 10_000 },
        )
        .toBe(200);
      const requests = shopVisit?.observed.requests ?? [];
      expect(requests.filter((r) => r.url !== `${shop}sw.js` && r.url !== `${shop}favicon.ico`).every((r) => r.serviceWorker === true)).toBe(true);
      expect(requests.find((r) => r.url === beacon)).toMatchObject({ party: 'third', site: 'worker-assets.example', status: 200 });
      // a new visit, not the first one's: its requests are this load's only
      expect(requests.filter((r) => r.url === shop)).toHaveLength(1);
      if (kind === 'chromium') expect(shopVisit?.servedByServiceWorker).toBe(true);
      expect(shopVisit?.observed.cookies.find((c) => c.name === 'wa_uid')).toMatchObject({
        party: 'third',
        setBy: { via: 'http', url: beacon },
      });
      await tab.close();
    });
  });
}
