// Hostile pages in a real browser with Candor: consent APIs that never answer, throw or answer garbage; a page
// that tries to forge the probe's messages; markup in cookie names, storage keys, headers and JSON-LD; a consent
// manager wrapping document.cookie and cookie names beyond ASCII; a cookie flood; megabyte and deeply nested
// JSON-LD; well-known files that are HTML, huge or never arrive; IP, IPv6, IDN, localhost, data:, blob: and about:
// URLs and a storm of fetches. The report must arrive within seconds with clear
// `valid: false` reasons, keep what it observed, and the popup must show markup as text.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserKind } from '../../src/cli/find-browser.ts';
import type { CandorBrowser } from '../../src/cli/launch.ts';
import type { DeclaredSource, DeclaredSourceKind, Report, Visit } from '../../src/core/types.ts';
import type { Internet, Route } from '../../sites/internet.ts';
import { tcString } from '../unit/declared/tc-strings.ts';
import { startFixtureInternet } from './declared-suite.ts';
import { artifact, launchWithCandor } from './harness.ts';

const HOST = 'https://hostile.example';
const PAGES = {
  silent: `${HOST}/tcf-silent.html`,
  throws: `${HOST}/tcf-throws.html`,
  garbage: `${HOST}/tcf-garbage.html`,
  forge: `${HOST}/forge.html`,
  markup: `${HOST}/markup.html`,
  wrapped: 'https://www.autoblock-shop.example/',
  huge: `${HOST}/jsonld-huge.html`,
  deep: `${HOST}/jsonld-deep.html`,
  many: `${HOST}/jsonld-many.html`,
  flood: 'https://www.cookie-flood.example/',
  slowWellKnown: 'https://www.slow-wellknown.example/',
  hugeWellKnown: 'https://www.huge-wellknown.example/',
  odd: 'https://www.odd-urls.example/',
} as const;

/** Set-Cookie lines a careless server sends: the browser keeps some, mends some and drops the rest. */
const ODD_COOKIES = [
  'odd_ok=1; Path=/; Secure; SameSite=Lax',
  'odd_bad_expiry=1; Expires=not a date; Path=/',
  'odd_past=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/',
  '=nameless_value; Path=/',
  `odd_attrs=1; Path=/; ${'Unknown=x; '.repeat(300)}`,
  `odd_huge=${'x'.repeat(5000)}; Path=/`,
  'odd_quoted="a b; c"; Path=/',
  'odd_utf8=caf\u00e9; Path=/',
  'odd_dup=first; Path=/',
  'odd_dup=second; Path=/',
  'odd_domain=1; Domain=elsewhere.example; Path=/',
  'odd_maxage=1; Max-Age=99999999999999; Path=/',
];

/** How many fetches the odd-URL page fires at once, after it has loaded. */
const STORM = 1500;
type PageName = keyof typeof PAGES;

/** A report must never wait on the page longer than this (the probe's API timeout is 2.5 s, well-known fetches 3 s). */
const REPORT_BUDGET_MS = 8000;

function html(title: string, head: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><h1>${title}</h1></body></html>`;
}

function hostileRoutes(forgedTc: string, closing: Promise<void>): Route[] {
  const dpvContext = '"@context":{"dpv":"https://w3id.org/dpv#"},"@type":"dpv:Process","dpv:hasPurpose":"dpv:ServiceProvision"';
  // one megabyte of JSON-LD that declares DPV
  const huge = `{${dpvContext},"padding":"${'x'.repeat(1_048_576)}"}`;
  // 10,000 levels of nesting (objects and arrays alternating)
  const deep = `{${dpvContext},"dpv:hasProcess":${'{"a":['.repeat(5000)}${']}'.repeat(5000)}}`;
  // twenty blocks just under the DPV reader's 256 KB limit (5 MB of JSON-LD on one page), and a US Privacy API
  const block = (i: number) => `{${dpvContext},"@id":"#p${i}","padding":"${'y'.repeat(250_000)}"}`;
  const many = Array.from({ length: 20 }, (_, i) => `<script type="application/ld+json">${block(i)}</script>`).join('');
  const usp = `<script>window.__uspapi = function (c, v, cb) { if (c === 'getUSPData') cb({ version: 1, uspString: '1YNN' }, true); };</script>`;
  const pages: Record<string, string> = {
    '/jsonld-many.html': html('Many JSON-LD blocks', `${usp}${many}`),
    '/jsonld-huge.html': html('Megabyte JSON-LD', `<script type="application/ld+json">${huge}</script>`),
    '/jsonld-deep.html': html('Deep JSON-LD', `<script type="application/ld+json">${deep}</script>`),
  };
  // IP, IPv6, IDN and localhost hosts (all answered 404 by the local internet), a data: image, an about:blank frame,
  // a blob: fetch, and a storm of fetches on demand
  const odd = html(
    'Odd URLs',
    `<img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><iframe title="blank" src="about:blank"></iframe>
<img alt="" src="http://127.0.0.1/ip.gif"><img alt="" src="http://[::1]/v6.gif"><img alt="" src="https://b\u00fccher.example/idn.gif">
<img alt="" src="http://localhost/lh.gif">
<script>fetch(URL.createObjectURL(new Blob(['x'], { type: 'text/plain' }))).catch(() => 0);
window.storm = (n) => Promise.all(Array.from({ length: n }, (_, i) => fetch('/storm?i=' + i).catch(() => 0))).then(() => true);</script>`,
  );
  return [
    (req) => {
      if (req.host !== 'www.odd-urls.example') return null;
      if (req.url.pathname === '/') return { headers: { 'content-type': 'text/html; charset=utf-8', 'set-cookie': ODD_COOKIES }, body: odd };
      return req.url.pathname === '/storm' ? { headers: { 'content-type': 'text/plain' }, body: 'ok' } : null;
    },
    (req) => {
      if (req.host !== 'hostile.example') return null;
      if (req.url.pathname === '/js/forge-data.js') {
        return { headers: { 'content-type': 'text/javascript' }, body: `window.__FORGED_TC = ${JSON.stringify(forgedTc)};` };
      }
      const page = pages[req.url.pathname];
      return page === undefined ? null : { headers: { 'content-type': 'text/html; charset=utf-8' }, body: page };
    },
    (req) => {
      if (req.host !== 'www.slow-wellknown.example' && req.host !== 'www.huge-wellknown.example') return null;
      if (req.url.pathname === '/') return { headers: { 'content-type': 'text/html; charset=utf-8' }, body: html('Well-known', '') };
      if (req.url.pathname !== '/.well-known/gpc.json') return null;
      if (req.host === 'www.huge-wellknown.example') {
        return { headers: { 'content-type': 'application/json' }, body: `{"gpc":true,"padding":"${'x'.repeat(1_048_576)}"}` };
      }
      // never answers (until the test's internet closes)
      return closing.then(() => ({ status: 503, body: '' }));
    },
  ];
}

function visitOf(report: Report | undefined): Visit {
  const visit = report?.visits[0];
  if (!visit) throw new Error('the report has no visit');
  return visit;
}

function sourceOf(report: Report | undefined, kind: DeclaredSourceKind): DeclaredSource | undefined {
  return visitOf(report).declared.sources.find((s) => s.kind === kind);
}

function requireSource(report: Report | undefined, kind: DeclaredSourceKind): DeclaredSource {
  const found = sourceOf(report, kind);
  if (!found) throw new Error(`no ${kind} source in ${JSON.stringify(visitOf(report).declared.sources)}`);
  return found;
}

interface Forgery {
  seen: string[];
  leaked: string[];
  rounds: number;
  done: boolean;
  errors: string[];
}

export function hostileSuite(kind: BrowserKind): void {
  describe(`hostile pages in ${kind}`, () => {
    let internet: Internet;
    let b: CandorBrowser;
    let close: () => void = () => undefined;
    const tabs: Partial<Record<PageName, Page>> = {};
    const reports: Partial<Record<PageName, Report>> = {};
    const took: Partial<Record<PageName, number>> = {};

    const reportOf = async (name: PageName): Promise<Report> => {
      const started = Date.now();
      const report = await b.report(PAGES[name]);
      took[name] = Date.now() - started;
      if (!report) throw new Error(`no report for ${PAGES[name]}`);
      reports[name] = report;
      return report;
    };

    beforeAll(async () => {
      const closing = new Promise<void>((resolve) => {
        close = resolve;
      });
      internet = await startFixtureInternet(hostileRoutes(tcString({ consents: [1, 2, 3, 4, 7, 8, 9, 10], cmpId: 666 }), closing));
      b = await launchWithCandor(kind, internet);
      const names = Object.keys(PAGES) as PageName[];
      await Promise.all(
        names.map(async (name) => {
          const page = await b.newPage();
          tabs[name] = page;
          await page.goto(PAGES[name], { waitUntil: 'load' });
        }),
      );
      await tabs.forge?.waitForFunction(() => (window as unknown as { __forgery?: Forgery }).__forgery?.done === true, { timeout: 15_000, polling: 100 });
      // The flood starts once the report holds the server's cookie (bounded poll), so it is an earlier observation.
      for (let i = 0; i < 50; i++) {
        const before = await b.report(PAGES.flood);
        if (before?.visits[0]?.observed.cookies.some((c) => c.name === 'early_session')) break;
      }
      await b.message('flush', {});
      await tabs.flood?.evaluate(() => (window as unknown as { flood: () => void }).flood());
      await tabs.odd?.evaluate((n) => (window as unknown as { storm: (n: number) => Promise<boolean> }).storm(n), STORM);
      await b.message('flush', {});
      // each report is asked for on its own so its time is its own
      for (const name of names) await reportOf(name);
    });

    afterAll(async () => {
      close();
      await b?.close();
      await internet?.close();
    });

    test('a consent API that never answers times out with the reason, and the report does not wait on it', () => {
      const r = reports.silent;
      expect(took.silent).toBeLessThan(REPORT_BUDGET_MS);
      expect(requireSource(r, 'tcf')).toMatchObject({ valid: false, error: expect.stringMatching(/^the TCF API did not answer: no answer within \d+ ms$/) });
      expect(requireSource(r, 'gpp')).toMatchObject({ valid: false, error: expect.stringMatching(/^the GPP API did not answer: no answer within \d+ ms$/) });
      expect(requireSource(r, 'usp')).toMatchObject({ valid: false, error: expect.stringMatching(/^the US Privacy API did not answer: no answer within \d+ ms$/) });
      expect(visitOf(r).consent.recorded).toBeNull();
      // the rest of the snapshot still arrived
      expect(visitOf(r).declared.policyUrl).toBe(`${HOST}/privacy`);
    });

    test('a consent API that throws is rejected with what it threw', () => {
      const r = reports.throws;
      expect(took.throws).toBeLessThan(REPORT_BUDGET_MS);
      expect(requireSource(r, 'tcf')).toMatchObject({ valid: false, error: expect.stringContaining('threw: Error: CMP crashed on') });
      expect(requireSource(r, 'gpp')).toMatchObject({ valid: false, error: expect.stringContaining('threw: TypeError: gpp is broken') });
      expect(requireSource(r, 'usp')).toMatchObject({ valid: false, error: expect.stringContaining('threw: a string, not an Error') });
      expect(visitOf(r).consent.recorded).toBeNull();
    });

    test('a consent API that answers garbage (cycles, throwing getters and proxies, megabyte strings) is invalid with a reason', () => {
      const r = reports.garbage;
      expect(took.garbage).toBeLessThan(REPORT_BUDGET_MS);
      expect(requireSource(r, 'tcf')).toMatchObject({ valid: false, error: 'TC string is not base64url' });
      const gpp = requireSource(r, 'gpp');
      expect(gpp.valid).toBe(false);
      expect(gpp.error).toMatch(/GPP string/);
      expect(requireSource(r, 'usp')).toMatchObject({ valid: false, error: 'US Privacy string must be 4 characters, got 13' });
      expect(visitOf(r).consent.recorded).toBeNull();
      expect(JSON.stringify(r).length).toBeLessThan(1_000_000);
    });

    test('nothing the page posts forges an observation or a snapshot', async () => {
      const forgery = await tabs.forge?.evaluate(() => (window as unknown as { __forgery: Forgery }).__forgery);
      expect(forgery?.rounds).toBeGreaterThanOrEqual(3);
      // the page never learned the probe's channel
      expect(forgery?.leaked).toEqual([]);
      // nor saw a handshake event it did not send itself (asking with candor:init gets no hello)
      expect(forgery?.seen).toEqual([]);

      const r = reports.forge;
      const visit = visitOf(r);
      expect(r?.url).toBe(PAGES.forge);
      expect(JSON.stringify(r)).not.toContain('google.com/forged');
      expect(JSON.stringify(r)).not.toContain('evil.example');
      const cookies = visit.observed.cookies;
      // set by the server, not by the script the page names
      expect(cookies.find((c) => c.name === 'victim')?.setBy).toEqual({ via: 'http', url: PAGES.forge });
      expect(cookies.find((c) => c.name === 'forged_cookie')).toBeUndefined();
      // the genuine first-party script keeps its attribution, whatever the page did to Array, Error and JSON
      expect(cookies.find((c) => c.name === 'genuine_js')?.setBy).toEqual({ via: 'script', url: `${HOST}/js/genuine.js` });
      const storage = visit.observed.storage ?? [];
      expect(storage.find((s) => s.key === 'genuine_key')?.setBy).toEqual({ via: 'script', url: `${HOST}/js/genuine.js` });
      for (const key of ['forged_key', 'forged_foreign_key', 'forged_via_push']) expect(storage.map((s) => s.key)).not.toContain(key);
      expect(storage.every((s) => s.origin === HOST)).toBe(true);
      // the genuine snapshot arrived (its policy link), none of the forged declarations did
      expect(visit.declared.policyUrl).toBe(`${HOST}/privacy-policy`);
      const kinds = visit.declared.sources.map((s) => s.kind);
      for (const forged of ['tcf', 'usp', 'cmp', 'consent-mode'] as const) expect(kinds).not.toContain(forged);
      expect(visit.consent.recorded).toBeNull();
    });

    test('markup in cookie names, storage keys, P3P and JSON-LD is kept as data with clear reasons', () => {
      const r = reports.markup;
      const visit = visitOf(r);
      const names = visit.observed.cookies.map((c) => c.name);
      expect(names).toEqual(expect.arrayContaining(['<img src', '<b>bold</b><i>cookie</i>', 'markup_value', 'http_markup', 'big_cookie']));
      const big = visit.observed.cookies.find((c) => c.name === 'big_cookie');
      expect(big?.value?.length).toBe(4000);
      expect((visit.observed.storage ?? []).map((s) => s.key)).toContain('<img src=x onerror="window.__pwned=1">');
      const p3p = requireSource(r, 'p3p');
      expect(p3p.valid).toBe(false);
      expect(p3p.error).toMatch(/^not a P3P compact policy: unknown tokens <img, src=x/);
      const dpv = requireSource(r, 'dpv');
      expect(dpv.valid).toBe(false);
      expect(dpv.error).toMatch(/^invalid JSON: /);
      // a javascript: link is never the policy
      expect(visit.declared.policyUrl ?? '').toMatch(/^https:\/\/hostile\.example\/privacy\//);
    });

    test('a consent manager wrapping document.cookie is not the setter; names beyond ASCII arrive as text', () => {
      const cookies = visitOf(reports.wrapped).observed.cookies;
      const setBy = (name: string) => cookies.find((c) => c.name === name)?.setBy;
      const setter = { via: 'script', url: 'https://www.autoblock-shop.example/js/shop.js' };
      expect(setBy('wrapped_js')).toEqual(setter);
      // what the consent manager sets itself stays its own
      expect(setBy('CookieConsent')).toEqual({ via: 'script', url: 'https://consent.cookiebot.com/uc.js' });
      // Firefox hands these names over as UTF-8 bytes (cookies API, Set-Cookie header): one record each, as text
      expect(setBy('\u2603snow\u00e9')).toEqual(setter);
      expect(setBy('emoji_\u{1f36a}')).toEqual(setter);
      expect(setBy('\u2603http\u00e9')).toEqual({ via: 'http', url: PAGES.wrapped });
      expect(cookies.filter((c) => /snow|emoji_|http\u00e9|http\u00c3/.test(c.name))).toHaveLength(3);
    });

    test('the popup shows the markup as text and runs none of it', async () => {
      const tabId = await b.message('getTabId', { url: PAGES.markup });
      expect(typeof tabId).toBe('number');
      const popup = await b.openExtensionPage(`src/popup/index.html?tabId=${tabId}`, 'body[data-complete="true"]', {
        viewport: { width: 420, height: 900 },
        timeout: 30_000,
      });
      // every panel is in the DOM; open every disclosure (evidence, sources) so that their content is too
      const opened = await popup.evaluate(() => {
        const closed = [...document.querySelectorAll('details:not([open]) > summary')] as HTMLElement[];
        for (const summary of closed) summary.click();
        return closed.length;
      });
      expect(opened).toBeGreaterThan(0);
      await popup.waitForFunction(() => document.querySelectorAll('details:not([open])').length === 0, { timeout: 10_000 });
      await new Promise((r) => setTimeout(r, 200));
      const seen = await popup.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        injected:
          document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], script:not([src])').length +
          [...document.querySelectorAll('b, i')].filter((e) => e.textContent === 'bold' || e.textContent === 'cookie').length,
        text: document.body.textContent ?? '',
        names: [...document.querySelectorAll('[data-testid="cookie"]')].map((e) => e.getAttribute('data-name')),
      }));
      await popup.screenshot({ path: artifact(`popup-hostile-${kind}.png`) });
      await popup.close();
      expect(seen.pwned).toBeUndefined();
      expect(seen.injected).toBe(0);
      expect(seen.names).toEqual(expect.arrayContaining(['<img src', '<b>bold</b><i>cookie</i>']));
      expect(seen.text).toContain('<b>bold</b><i>cookie</i>');
      expect(seen.text).toContain('unknown tokens <img, src=x');
      // nor did the page itself run any of it
      expect(await tabs.markup?.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    });

    test('a flood of 2,000 cookies is reported (or counted as truncated) and earlier observations are kept', () => {
      const r = reports.flood;
      const visit = visitOf(r);
      const flood = visit.observed.cookies.filter((c) => c.name.startsWith('flood_'));
      const dropped = visit.observed.truncated?.cookies ?? 0;
      expect(flood.length + dropped).toBeGreaterThanOrEqual(2000);
      expect(visit.observed.cookies.find((c) => c.name === 'early_session')?.setBy.via).toBe('http');
      expect(visit.observed.requests.find((q) => q.type === 'main_frame')?.url).toBe(PAGES.flood);
    });

    test('IP, IPv6, IDN and localhost hosts are requests of their own site; data:, blob: and about: URLs are none', () => {
      const requests = visitOf(reports.odd).observed.requests.filter((q) => !q.url.includes('/storm'));
      const listed = requests.map((q) => [q.url, q.type, q.party, q.site, q.status]);
      expect(listed).toEqual(
        expect.arrayContaining([
          ['http://127.0.0.1/ip.gif', 'image', 'third', '127.0.0.1', 404],
          ['http://[::1]/v6.gif', 'image', 'third', '::1', 404],
          // the browser asks for the IDN host in its ASCII form, and so the report names it
          ['https://xn--bcher-kva.example/idn.gif', 'image', 'third', 'xn--bcher-kva.example', 404],
          ['http://localhost/lh.gif', 'image', 'third', 'localhost', 404],
        ]),
      );
      expect(requests.filter((q) => !/^https?:/.test(q.url))).toEqual([]);
      // what reached the servers from the page is all there
      const served = internet.requests.filter((q) => ['127.0.0.1', '[::1]', 'xn--bcher-kva.example', 'localhost'].includes(q.host));
      expect(served.length).toBeGreaterThanOrEqual(4);
      for (const q of served) expect(requests.some((r) => r.url === q.url.href)).toBe(true);
    });

    test('careless Set-Cookie lines: what the browser keeps is reported, attributed to the response; what it drops is not', () => {
      const cookies = visitOf(reports.odd).observed.cookies;
      const kept = (name: string) => cookies.find((c) => c.name === name);
      for (const name of ['odd_ok', 'odd_bad_expiry', 'odd_attrs', 'odd_quoted', 'odd_utf8', 'odd_dup', 'odd_maxage']) {
        expect({ name, setBy: kept(name)?.setBy }).toEqual({ name, setBy: { via: 'http', url: PAGES.odd } });
      }
      // an unreadable expiry makes a session cookie; the later of two lines wins; a value stops at the first ';'
      expect(kept('odd_bad_expiry')).toMatchObject({ session: true, lifetimeSeconds: null });
      expect(kept('odd_dup')?.value).toBe('second');
      expect(kept('odd_quoted')?.value).toBe('"a b');
      expect(kept('odd_utf8')?.value).toBe('caf\u00e9');
      // both browsers cap a lifetime at 400 days (counted from when the change was seen: a second's rounding either way)
      expect(kept('odd_maxage')?.lifetimeSeconds).toBeLessThanOrEqual(400 * 86400 + 60);
      expect(kept('odd_maxage')?.lifetimeSeconds).toBeGreaterThan(399 * 86400);
      // expired, over 4 KB, or for another site: never stored, never reported
      for (const name of ['odd_past', 'odd_huge', 'odd_domain']) expect(kept(name)).toBeUndefined();
      // `=value`: Chromium keeps it under the empty name (Firefox drops it); kept, it is the response's
      const nameless = cookies.filter((c) => c.name === '');
      if (kind === 'chromium') expect(nameless).toHaveLength(1);
      for (const c of nameless) expect(c).toMatchObject({ value: 'nameless_value', setBy: { via: 'http', url: PAGES.odd } });
    });

    test(`a storm of ${STORM} fetches: each is in the report, answered or failed, and the page's own request is kept`, () => {
      const visit = visitOf(reports.odd);
      const storm = visit.observed.requests.filter((q) => q.url.includes('/storm?i='));
      expect(visit.observed.truncated?.requests ?? 0).toBe(0);
      expect(new Set(storm.map((q) => q.url)).size).toBe(STORM);
      // Chromium fails some of them itself (net::ERR_INSUFFICIENT_RESOURCES) before they leave: those carry the error
      for (const q of storm) expect(q.status === 200 || typeof q.error === 'string').toBe(true);
      const reached = internet.requests.filter((q) => q.host === 'www.odd-urls.example' && q.url.pathname === '/storm');
      expect(storm.filter((q) => q.status === 200)).toHaveLength(reached.length);
      expect(visit.observed.requests.find((q) => q.type === 'main_frame')?.url).toBe(PAGES.odd);
    });

    test('megabyte and 10,000-deep JSON-LD: dpv is invalid with the reason, nothing else breaks', () => {
      expect(requireSource(reports.huge, 'dpv')).toMatchObject({ valid: false, error: 'JSON-LD block larger than 256 KB' });
      const deep = requireSource(reports.deep, 'dpv');
      expect(deep.valid).toBe(false);
      expect(deep.error).toMatch(/^JSON-LD nested deeper than 32 levels$|^invalid JSON: /);
      for (const name of ['huge', 'deep'] as const) {
        expect(took[name]).toBeLessThan(REPORT_BUDGET_MS);
        expect(visitOf(reports[name]).observed.requests.find((q) => q.type === 'main_frame')?.url).toBe(PAGES[name]);
      }
    });

    test('five megabytes of JSON-LD in twenty blocks: the snapshot still arrives, within bounds', () => {
      const r = reports.many;
      expect(took.many).toBeLessThan(REPORT_BUDGET_MS);
      // the rest of the snapshot survived
      expect(requireSource(r, 'usp')).toMatchObject({ valid: true, detail: { uspString: '1YNN' } });
      // the first megabyte is read, the rest is reported as not read
      const dpv = visitOf(r).declared.sources.filter((s) => s.kind === 'dpv');
      expect(dpv.filter((s) => s.valid)).toHaveLength(3);
      expect(dpv.filter((s) => !s.valid)).toEqual([
        { kind: 'dpv', valid: false, error: "17 JSON-LD blocks declaring DPV not read: the page's JSON-LD is larger than 1 MB in all" },
      ]);
    });

    test('well-known files: an HTML gpc.json is invalid; a huge one is capped; one that never arrives times out', () => {
      const html = requireSource(reports.silent, 'gpc-well-known');
      expect(html).toMatchObject({ valid: false, error: 'gpc.json is an HTML page, not JSON' });
      expect(visitOf(reports.silent).declared.gpcSupported).toBeNull();
      expect(requireSource(reports.hugeWellKnown, 'gpc-well-known')).toMatchObject({ valid: false, error: 'gpc.json is too large' });
      expect(took.slowWellKnown).toBeLessThan(REPORT_BUDGET_MS);
      expect(sourceOf(reports.slowWellKnown, 'gpc-well-known')).toBeUndefined();
      expect(visitOf(reports.slowWellKnown).declared.gpcSupported).toBeNull();
    });

    test('well-known files are fetched without cookies, once per site', () => {
      const fetches = internet.requests.filter((q) => q.host === 'hostile.example' && q.url.pathname === '/.well-known/gpc.json');
      // seven pages of hostile.example were reported, one fetch served them all
      expect(fetches).toHaveLength(1);
      expect(fetches[0]?.headers.cookie).toBeUndefined();
    });
  });
}
