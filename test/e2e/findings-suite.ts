// The findings gallery: one small local site per finding kind of ../shared/spec/findings.md (test/sites/<host>/),
// visited in a real browser with Candor. Each site's report must hold exactly the kinds listed for it (the kind it
// was built for, plus what is genuinely true of it and said so below), with evidence that points at cookies,
// requests, declarations and signals present in the same report; the clean site must hold none at all.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { BrowserKind } from '../../src/cli/find-browser.ts';
import type { CandorBrowser } from '../../src/cli/launch.ts';
import type { EvidenceItem, Finding, FindingKind, Report, Visit } from '../../src/core/types.ts';
import type { Internet } from '../../sites/internet.ts';
import { launchWithCandor, requireBrowser, startTestInternet } from './harness.ts';

/** Every kind of the public contract (findings.md); the gallery must raise each one somewhere. */
export const CONTRACT_KINDS: readonly FindingKind[] = [
  'tracking-before-consent',
  'consent-ignored',
  'positive-consent-without-choice',
  'consent-differs-from-preference',
  'gpc-ignored',
  'consent-signals-disagree',
  'undeclared-cookie',
  'undeclared-third-party',
  'wrong-purpose',
  'unclassified-cookie',
  'contradictory-declaration',
  'retention-exceeds-declared',
  'identifier-shared',
  'invalid-metadata',
  'no-consent-mechanism',
  'no-privacy-policy',
  'third-party-cookie',
];

interface Site {
  url: string;
  /** exactly the kinds its report must hold */
  expected: readonly FindingKind[];
  /** why each kind other than the one the site was built for is genuinely true */
  also?: string;
  /** what must have been observed before the report is judged (the page has done what it does) */
  settled: (visit: Visit) => boolean;
}

/**
 * the cookie's change is in, with who set it: a report built while the events are on their way finds it in the jar
 * first, unattributed and looking as if it was there before the visit (the script hook's batch trails by ~50 ms)
 */
const cookie = (name: string) => (v: Visit) => v.observed.cookies.some((c) => c.name === name && c.setBy.via !== 'unknown');
const request = (prefix: string) => (v: Visit) => v.observed.requests.some((r) => r.url.startsWith(prefix));
const recorded = (source: string) => (v: Visit) => v.consent.recorded?.source === source;
const source = (kind: string) => (v: Visit) => v.declared.sources.some((s) => s.kind === kind);
/** the page's snapshot is in: it is what finds the privacy-policy link */
const policy = source('privacy-policy-link');
const all =
  (...checks: ((v: Visit) => boolean)[]) =>
  (v: Visit) =>
    checks.every((check) => check(v));

const GA_COLLECT = 'https://region1.google-analytics.com/g/collect';
const FB_TR = 'https://www.facebook.com/tr/';
const HOTJAR_IN = 'https://in.hotjar.com/';

/** Visited with the default preferences (no saved consent preference, no GPC). */
export const SITES = {
  clean: {
    url: 'https://www.quiet-bakery.example/',
    expected: [],
    settled: all(policy, recorded('cmp:cookieconsent'), cookie('bakery_session'), cookie('bakery_lang'), source('gpc-well-known')),
  },
  trackingBeforeConsent: {
    url: 'https://www.harbor-outfitters.example/',
    expected: ['tracking-before-consent', 'identifier-shared'],
    also: 'the _ga client id is in the cid parameter of the Google Analytics hit',
    settled: all(policy, recorded('cmp:cookieconsent'), cookie('_ga'), request(GA_COLLECT)),
  },
  consentIgnored: {
    url: 'https://www.riverside-tickets.example/',
    expected: ['consent-ignored', 'identifier-shared', 'third-party-cookie'],
    also: 'the pixel sends _fbp to facebook.com/tr, and facebook.com sets fr in a third-party context',
    settled: all(policy, recorded('cmp:cookiebot'), cookie('_fbp'), cookie('fr'), request(FB_TR)),
  },
  positiveConsentWithoutChoice: {
    url: 'https://www.maple-recipes.example/',
    expected: ['positive-consent-without-choice'],
    settled: all(policy, recorded('cmp:cookiebot'), cookie('CookieConsent')),
  },
  consentSignalsDisagree: {
    url: 'https://www.lakeside-clinic.example/',
    expected: ['consent-signals-disagree'],
    settled: all(policy, recorded('cmp:cookiebot'), source('consent-mode')),
  },
  undeclaredCookie: {
    url: 'https://www.pinecone-games.example/',
    expected: ['undeclared-cookie'],
    settled: all(policy, recorded('cmp:cookiebot'), cookie('_hjSessionUser_3712'), cookie('_hjSession_3712'), request(HOTJAR_IN)),
  },
  undeclaredThirdParty: {
    url: 'https://www.atlas-travel.example/',
    expected: ['undeclared-third-party'],
    settled: all(policy, recorded('usp'), source('dpv'), request(HOTJAR_IN)),
  },
  wrongPurpose: {
    url: 'https://www.cobalt-fitness.example/',
    expected: ['wrong-purpose', 'identifier-shared', 'third-party-cookie'],
    also: 'the pixel sends _fbp to facebook.com/tr, and facebook.com sets fr in a third-party context',
    settled: all(policy, recorded('cmp:cookiebot'), cookie('_fbp'), cookie('fr'), request(FB_TR)),
  },
  declarationFlaws: {
    url: 'https://www.lumen-gallery.example/',
    expected: ['unclassified-cookie', 'contradictory-declaration'],
    settled: all(policy, recorded('cmp:cookiebot'), (v) => v.declared.cookies.some((c) => c.name === 'ab_bucket')),
  },
  retentionExceedsDeclared: {
    url: 'https://www.tidewater-news.example/',
    expected: ['retention-exceeds-declared'],
    settled: all(policy, recorded('cmp:cookiebot'), cookie('tw_edition')),
  },
  identifierShared: {
    url: 'https://www.orchard-market.example/',
    expected: ['identifier-shared'],
    settled: all(policy, recorded('cmp:cookiebot'), cookie('_ga'), request(GA_COLLECT), source('consent-mode')),
  },
  invalidMetadata: {
    url: 'https://www.meadow-radio.example/',
    expected: ['invalid-metadata'],
    settled: all(policy, source('tcf'), source('gpc-well-known')),
  },
  noConsentMechanism: {
    url: 'https://blog.no-banner.example/',
    expected: ['no-consent-mechanism'],
    settled: all(policy, cookie('_hjSessionUser_3712'), cookie('_hjSession_3712'), request(HOTJAR_IN)),
  },
  noPrivacyPolicy: {
    url: 'https://www.corner-florist.example/',
    expected: ['no-privacy-policy'],
    settled: (v) => (v.observed.storage ?? []).some((e) => e.key === 'florist_recently_viewed'),
  },
  thirdPartyCookie: {
    url: 'https://www.trailhead-hiking.example/',
    expected: ['third-party-cookie'],
    settled: all(policy, cookie('wx_units')),
  },
  /** its recorded consent grants everything: nothing to say until the visitor's preference refuses advertising */
  consentDiffersFromPreference: {
    url: 'https://www.copper-kettle-shop.example/',
    expected: [],
    settled: all(policy, recorded('cmp:cookiebot'), cookie('CookieConsent')),
  },
} satisfies Record<string, Site>;
type SiteName = keyof typeof SITES;

/** Visited after the visitor saved preferences: advertising refused on copper-kettle-shop.example, GPC on. */
const PREFERENCE_SITES = {
  consentDiffersFromPreference: { ...SITES.consentDiffersFromPreference, expected: ['consent-differs-from-preference'] },
  gpcIgnored: {
    url: 'https://www.sunset-realty.example/',
    expected: ['gpc-ignored'],
    settled: all(policy, recorded('usp'), (v) => v.consent.signals.some((s) => s.source === 'usp')),
  },
} satisfies Record<string, Site>;
type PreferenceSiteName = keyof typeof PREFERENCE_SITES;

const PREFERENCES = {
  defaults: {},
  sites: { 'copper-kettle-shop.example': { advertising: false } },
  gpc: true,
  retentionDays: 14,
};

function visitOf(report: Report | null | undefined): Visit {
  const visit = report?.visits[0];
  if (!visit) throw new Error('the report has no visit');
  return visit;
}

function kindsOf(report: Report): FindingKind[] {
  return [...new Set(report.findings.map((f) => f.kind))].sort();
}

/** Polls the report (a fresh snapshot each time, at most 20 s) until the page has done what it does and the expected kinds are in. */
async function settledReport(b: CandorBrowser, site: Site): Promise<Report> {
  const deadline = Date.now() + 20_000;
  let last: Report | null = null;
  for (;;) {
    await b.message('flush', {});
    last = await b.report(site.url);
    const visit = last?.visits[0];
    if (last && visit && site.settled(visit)) {
      const kinds = new Set(kindsOf(last));
      if (site.expected.every((k) => kinds.has(k))) return last;
    }
    if (Date.now() > deadline) {
      const seen = visit
        ? `recorded ${JSON.stringify(visit.consent.recorded)}, cookies ${visit.observed.cookies.map((c) => `${c.name}(${c.setBy.via})=${String(c.value ?? '').slice(0, 40)}`).join(' ')}, sources ${visit.declared.sources.map((s) => s.kind).join(' ')}, third-party requests ${visit.observed.requests
            .filter((r) => r.party === 'third')
            .map((r) => `${r.url.slice(0, 160)} (${r.status ?? r.error ?? 'pending'})`)
            .join(' ')}`
        : 'no visit';
      throw new Error(`${site.url} never settled with ${site.expected.join(', ') || 'no findings'}; last findings: ${last ? kindsOf(last).join(', ') : 'no report'}; ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Whether the report holds what an evidence item names (report.md: evidence points at things in the same report). */
function pointsInto(item: EvidenceItem, report: Report): boolean {
  const visit = visitOf(report);
  switch (item.type) {
    case 'cookie':
      return visit.observed.cookies.some((c) => c.name === item.name && c.domain === item.domain);
    case 'request':
      return visit.observed.requests.some((r) => r.url === item.url);
    case 'consent':
      return visit.consent.recorded?.source === item.source;
    case 'preference':
      return Object.entries(item.purposes).every(([p, v]) => visit.consent.preference?.[p as keyof typeof item.purposes] === v);
    case 'declaration':
      if (item.source === 'recipients') return visit.declared.recipients !== null;
      if (item.name === undefined) return visit.declared.cookies.some((c) => c.source === item.source);
      return visit.declared.cookies.some((c) => c.source === item.source && c.name === item.name);
    case 'signal':
      return visit.consent.signals.some((s) => s.source === item.source);
    case 'source':
      return visit.declared.sources.some((s) => s.kind === item.kind && s.valid === false);
    case 'gpc':
      return visit.gpcSent === item.sent;
    case 'storage':
      return (visit.observed.storage ?? []).some((s) => s.key === item.key);
  }
}

function findingsOf(report: Report, kind: FindingKind): Finding[] {
  return report.findings.filter((f) => f.kind === kind);
}

function evidenceOf<T extends EvidenceItem['type']>(finding: Finding | undefined, type: T): Extract<EvidenceItem, { type: T }>[] {
  return (finding?.evidence ?? []).filter((e): e is Extract<EvidenceItem, { type: T }> => e.type === type);
}

export function findingsSuite(kind: BrowserKind): void {
  describe(`findings gallery in ${kind}`, () => {
    let internet: Internet;
    let b: CandorBrowser;
    /** with the default preferences */
    const reports: Partial<Record<SiteName, Report>> = {};
    /** after the visitor saved preferences */
    const later: Partial<Record<PreferenceSiteName, Report>> = {};
    const report = (name: SiteName): Report => {
      const got = reports[name];
      if (!got) throw new Error(`no report for ${name}`);
      return got;
    };
    const pages: Partial<Record<SiteName, Page>> = {};
    const laterReport = (name: PreferenceSiteName): Report => {
      const got = later[name];
      if (!got) throw new Error(`no report for ${name} after the preferences were saved`);
      return got;
    };

    beforeAll(async () => {
      internet = await startTestInternet();
      b = await launchWithCandor(kind, internet);
      const names = Object.keys(SITES) as SiteName[];
      // Every site in its own tab, side by side; each report then asks its tab for a fresh snapshot.
      await Promise.all(
        names.map(async (name) => {
          const page = await b.newPage();
          pages[name] = page;
          await page.goto(SITES[name].url, { waitUntil: 'load' });
        }),
      );
      for (const name of names) reports[name] = await settledReport(b, SITES[name]);
      // The visitor refuses advertising on one site and turns on Global Privacy Control.
      await b.message('savePreferences', { preferences: PREFERENCES });
      later.consentDiffersFromPreference = await settledReport(b, PREFERENCE_SITES.consentDiffersFromPreference);
      const page = await b.newPage();
      await page.goto(PREFERENCE_SITES.gpcIgnored.url, { waitUntil: 'load' });
      later.gpcIgnored = await settledReport(b, PREFERENCE_SITES.gpcIgnored);
    });

    afterAll(async () => {
      await b?.close();
      await internet?.close();
    });

    test('each site raises exactly its documented kinds; together they cover every kind of the contract', () => {
      const judged: [Site, Report][] = [
        ...(Object.keys(SITES) as SiteName[]).map((name): [Site, Report] => [SITES[name], report(name)]),
        ...(Object.keys(PREFERENCE_SITES) as PreferenceSiteName[]).map((name): [Site, Report] => [PREFERENCE_SITES[name], laterReport(name)]),
      ];
      const seen = new Set<FindingKind>();
      for (const [site, got] of judged) {
        expect({ site: site.url, kinds: kindsOf(got) }).toEqual({ site: site.url, kinds: [...site.expected].sort() });
        for (const k of kindsOf(got)) seen.add(k);
      }
      expect(CONTRACT_KINDS.filter((k) => !seen.has(k))).toEqual([]);
    });

    test('every evidence item points at something in the same report', () => {
      for (const got of [...Object.values(reports), ...Object.values(later)]) {
        for (const finding of got.findings) {
          for (const item of finding.evidence) {
            expect({ site: got.url, kind: finding.kind, item, found: pointsInto(item, got) }).toMatchObject({ found: true });
          }
        }
      }
    });

    test('the clean site: banner waiting, necessary and declared cookies only, no findings at all', () => {
      const r = report('clean');
      const visit = visitOf(r);
      expect(r.findings).toEqual([]);
      expect(r.findings.filter((f) => f.severity === 'high' || f.severity === 'medium')).toEqual([]);
      expect(visit.consent.recorded).toMatchObject({ source: 'cmp:cookieconsent', choiceMade: false });
      expect(visit.observed.cookies.map((c) => `${c.name}:${c.purpose}`).sort()).toEqual(['bakery_lang:functional', 'bakery_session:necessary']);
      // third parties: a font host and a CDN, neither a tracker; Hotjar waits for consent
      const thirdParties = [...new Set(visit.observed.requests.filter((q) => q.party === 'third').map((q) => q.site))].sort();
      expect(thirdParties).toEqual(['fonts.googleapis.com', 'jsdelivr.net']);
      expect(visit.observed.requests.some((q) => q.site === 'hotjar.com')).toBe(false);
      expect(visit.declared.policyUrl).toBe('https://www.quiet-bakery.example/privacy');
      expect(visit.declared.gpcSupported).toBe(true);
      expect(r.summary.findings).toEqual({ high: 0, medium: 0, low: 0, info: 0 });
    });

    test('the clean site’s banner is respected: "Reject all" keeps Hotjar out, "Accept all" lets it in, no findings either way', async () => {
      const page = pages.clean;
      if (!page) throw new Error('the clean site’s tab is gone');
      const analytics = (granted: boolean) => (v: Visit) =>
        v.consent.recorded?.choiceMade === true && v.consent.recorded.purposes.analytics === granted;
      await page.bringToFront();
      await page.click('#cc-main .cm__btn[data-role="necessary"]');
      const rejected = await settledReport(b, { url: SITES.clean.url, expected: [], settled: all(analytics(false), cookie('cc_cookie')) });
      expect(rejected.findings).toEqual([]);
      expect(visitOf(rejected).observed.requests.some((q) => q.site === 'hotjar.com')).toBe(false);
      // the visitor changes their mind through the footer's "Cookie settings"
      await page.click('[data-cc="show-preferencesModal"]');
      await page.waitForSelector('#cc-main .pm__btn[data-role="all"]', { visible: true });
      await page.click('#cc-main .pm__btn[data-role="all"]');
      const accepted = await settledReport(b, {
        url: SITES.clean.url,
        expected: [],
        settled: all(analytics(true), cookie('_hjSessionUser_3712'), request(HOTJAR_IN)),
      });
      expect(accepted.findings).toEqual([]);
    });

    test('tracking-before-consent: Google Analytics cookies and hits while the banner holds no choice', () => {
      const r = report('trackingBeforeConsent');
      const found = findingsOf(r, 'tracking-before-consent');
      expect(found.every((f) => f.severity === 'high' && f.phase === 'browsing')).toBe(true);
      const ga = found.find((f) => evidenceOf(f, 'cookie').some((e) => e.name === '_ga'));
      expect(evidenceOf(ga, 'consent')).toEqual([expect.objectContaining({ source: 'cmp:cookieconsent', choiceMade: false })]);
      expect(found.some((f) => evidenceOf(f, 'request').some((e) => e.url.startsWith(GA_COLLECT)))).toBe(true);
      expect(found.map((f) => f.purpose)).toEqual(expect.arrayContaining(['analytics']));
    });

    test('"Reject all" later in the visit keeps what happened before it, judged against the consent state read then', async () => {
      const page = pages.trackingBeforeConsent;
      if (!page) throw new Error('the tracking-before-consent site’s tab is gone');
      await page.bringToFront();
      await page.click('#cc-main .cm__btn[data-role="necessary"]');
      const refused = (v: Visit) => v.consent.recorded?.choiceMade === true && v.consent.recorded.purposes.analytics === false;
      const after = await settledReport(b, {
        url: SITES.trackingBeforeConsent.url,
        expected: ['tracking-before-consent'],
        settled: all(refused, cookie('cc_cookie')),
      });
      const visit = visitOf(after);
      const history = visit.consent.history ?? [];
      expect(history[0]).toMatchObject({ source: 'cmp:cookieconsent', choiceMade: false });
      expect(history.at(-1)).toMatchObject({ source: 'cmp:cookieconsent', choiceMade: true, purposes: expect.objectContaining({ analytics: false }) });
      const lastUndecided = history.filter((m) => !m.choiceMade).at(-1);
      const found = findingsOf(after, 'tracking-before-consent');
      for (const f of found) {
        expect(evidenceOf(f, 'consent')).toEqual([expect.objectContaining({ source: 'cmp:cookieconsent', choiceMade: false, at: lastUndecided?.at })]);
      }
      // the Google Analytics hit from the page load, and _ga: first set then, changed since (cleared by the banner on
      // the refusal, and perhaps written again by the tag, which the page loads unconditionally)
      expect(found.some((f) => evidenceOf(f, 'request').some((e) => e.url.startsWith(GA_COLLECT)))).toBe(true);
      const ga = visit.observed.cookies.find((c) => c.name === '_ga');
      expect({
        ga: ga && { at: ga.at, firstAt: ga.firstAt, removed: ga.removed, setBy: ga.setBy.via },
        until: lastUndecided?.at,
        inFinding: found.some((f) => evidenceOf(f, 'cookie').some((e) => e.name === '_ga')),
        firstBeforeChoice: (ga?.firstAt ?? Number.NaN) <= (lastUndecided?.at ?? Number.NaN),
      }).toMatchObject({ inFinding: true, firstBeforeChoice: true });
      for (const f of after.findings) for (const item of f.evidence) expect({ item, found: pointsInto(item, after) }).toMatchObject({ found: true });
      // the popup lists the readings, and says which consent state the finding was judged against
      const tabId = await b.message('getTabId', { url: SITES.trackingBeforeConsent.url });
      const popup = await b.openExtensionPage(`src/popup/index.html?tabId=${tabId}`, 'body[data-complete="true"]');
      // open every finding's evidence (rendered once opened)
      await popup.evaluate(() => {
        for (const d of document.querySelectorAll<HTMLDetailsElement>('details.evidence-details')) d.open = true;
      });
      await popup.waitForSelector('.evidence-list');
      const shown = await popup.evaluate(() => ({
        readings: [...document.querySelectorAll('[data-testid="consent-history"] li')].map((li) => li.textContent ?? ''),
        text: document.body.textContent ?? '',
      }));
      await popup.close();
      expect(shown.readings.length).toBe(history.length);
      expect(shown.readings[0]).toContain('cmp:cookieconsent');
      expect(shown.text).toContain('Consent at that time');
    });

    test('consent-ignored: the refusal sent with the page, then the Meta pixel, its cookie and its hit', () => {
      const r = report('consentIgnored');
      const found = findingsOf(r, 'consent-ignored');
      const refusal = { source: 'cmp:cookiebot', choiceMade: true, purposes: expect.objectContaining({ advertising: false, analytics: false }) };
      for (const f of found) expect(evidenceOf(f, 'consent')).toEqual([expect.objectContaining(refusal)]);
      expect(found.some((f) => evidenceOf(f, 'cookie').some((e) => e.name === '_fbp' && e.domain === '.riverside-tickets.example'))).toBe(true);
      expect(found.some((f) => evidenceOf(f, 'request').some((e) => e.url.startsWith(FB_TR)))).toBe(true);
      // the refusal came first: the consent record was written (by Set-Cookie) before the pixel's cookie
      const visit = visitOf(r);
      const at = (name: string) => visit.observed.cookies.find((c) => c.name === name)?.at ?? Number.NaN;
      expect(visit.observed.cookies.find((c) => c.name === 'CookieConsent')?.setBy.via).toBe('http');
      expect(visit.observed.cookies.find((c) => c.name === '_fbp')?.setBy).toEqual({ via: 'script', url: 'https://connect.facebook.net/en_US/fbevents.js' });
      expect(at('CookieConsent')).toBeLessThan(at('_fbp'));
    });

    test('positive-consent-without-choice: "implied" consent recorded as soon as the page loads', () => {
      const [f, ...rest] = findingsOf(report('positiveConsentWithoutChoice'), 'positive-consent-without-choice');
      expect(rest).toEqual([]);
      expect(f?.severity).toBe('high');
      expect(evidenceOf(f, 'consent')).toEqual([
        expect.objectContaining({ source: 'cmp:cookiebot', choiceMade: false, purposes: expect.objectContaining({ analytics: true, advertising: true }) }),
      ]);
    });

    test('consent-differs-from-preference: only once the visitor’s saved preference refuses advertising', () => {
      // the same visit, judged before and after the preference was saved
      expect(kindsOf(report('consentDiffersFromPreference'))).toEqual([]);
      const r = laterReport('consentDiffersFromPreference');
      expect(visitOf(r).consent.preference).toEqual({ advertising: false });
      const [f, ...rest] = findingsOf(r, 'consent-differs-from-preference');
      expect(rest).toEqual([]);
      expect(f?.severity).toBe('medium');
      expect(f?.purpose).toBe('advertising');
      expect(evidenceOf(f, 'consent')).toEqual([expect.objectContaining({ source: 'cmp:cookiebot', purposes: expect.objectContaining({ advertising: true }) })]);
      expect(evidenceOf(f, 'preference')).toEqual([{ type: 'preference', purposes: { advertising: false } }]);
    });

    test('gpc-ignored: Sec-GPC sent, the US Privacy string still says "not opted out"', () => {
      const r = laterReport('gpcIgnored');
      expect(visitOf(r).gpcSent).toBe(true);
      const main = internet.requests.filter((q) => q.url.href === PREFERENCE_SITES.gpcIgnored.url).at(-1);
      expect(main?.headers['sec-gpc']).toBe('1');
      const [f] = findingsOf(r, 'gpc-ignored');
      expect(f?.severity).toBe('high');
      expect(f?.evidence).toEqual([
        { type: 'signal', source: 'usp', value: '1YNN' },
        { type: 'gpc', sent: true },
      ]);
    });

    test('consent-signals-disagree: Cookiebot refused statistics, Consent Mode was updated to granted', () => {
      const [f, ...rest] = findingsOf(report('consentSignalsDisagree'), 'consent-signals-disagree');
      expect(rest).toEqual([]);
      expect(f?.purpose).toBe('analytics');
      expect(evidenceOf(f, 'consent')).toEqual([expect.objectContaining({ source: 'cmp:cookiebot', purposes: expect.objectContaining({ analytics: false }) })]);
      expect(evidenceOf(f, 'signal')).toEqual([{ type: 'signal', source: 'consent-mode', value: expect.stringContaining('analytics_storage=granted') }]);
    });

    test('undeclared-cookie: Hotjar’s cookies are missing from the Cookiebot tables', () => {
      const found = findingsOf(report('undeclaredCookie'), 'undeclared-cookie');
      expect(found.flatMap((f) => evidenceOf(f, 'cookie').map((e) => e.name)).sort()).toEqual(['_hjSessionUser_3712', '_hjSession_3712']);
      for (const f of found) expect(evidenceOf(f, 'declaration')).toEqual([{ type: 'declaration', source: 'cmp:cookiebot' }]);
    });

    test('undeclared-third-party: DPV names Google Analytics as recipient, Hotjar receives the data', () => {
      const r = report('undeclaredThirdParty');
      expect(visitOf(r).declared.recipients).toEqual(['google-analytics.com']);
      const [f, ...rest] = findingsOf(r, 'undeclared-third-party');
      expect(rest).toEqual([]);
      expect(evidenceOf(f, 'request').map((e) => new URL(e.url).hostname).sort()).toEqual(['in.hotjar.com', 'static.hotjar.com']);
      expect(evidenceOf(f, 'declaration')).toEqual([{ type: 'declaration', source: 'recipients' }]);
    });

    test('wrong-purpose: the Meta pixel’s _fbp declared strictly necessary (high)', () => {
      const [f, ...rest] = findingsOf(report('wrongPurpose'), 'wrong-purpose');
      expect(rest).toEqual([]);
      expect(f?.severity).toBe('high');
      expect(evidenceOf(f, 'declaration')).toEqual([{ type: 'declaration', source: 'cmp:cookiebot', name: '_fbp', purpose: 'necessary' }]);
      expect(evidenceOf(f, 'cookie')).toEqual([
        expect.objectContaining({ name: '_fbp', domain: '.cobalt-fitness.example', classification: expect.objectContaining({ purpose: 'advertising', source: 'known-cookie' }) }),
      ]);
    });

    test('unclassified-cookie and contradictory-declaration: a cookie list with loose ends (low)', () => {
      const r = report('declarationFlaws');
      const [unclassified, ...more] = findingsOf(r, 'unclassified-cookie');
      expect(more).toEqual([]);
      expect(unclassified?.severity).toBe('low');
      expect(unclassified?.evidence).toEqual([{ type: 'declaration', source: 'cmp:cookiebot', name: 'ab_bucket', purpose: 'unknown' }]);
      const [contradictory, ...others] = findingsOf(r, 'contradictory-declaration');
      expect(others).toEqual([]);
      expect(contradictory?.severity).toBe('low');
      expect(evidenceOf(contradictory, 'declaration').map((e) => `${e.name}:${e.purpose}`).sort()).toEqual(['lumen_layout:analytics', 'lumen_layout:functional']);
    });

    test('retention-exceeds-declared: declared 30 days, set for two years', () => {
      const r = report('retentionExceedsDeclared');
      const [f, ...rest] = findingsOf(r, 'retention-exceeds-declared');
      expect(rest).toEqual([]);
      expect(evidenceOf(f, 'declaration')).toEqual([{ type: 'declaration', source: 'cmp:cookiebot', name: 'tw_edition', retentionSeconds: 30 * 86400 }]);
      expect(evidenceOf(f, 'cookie')).toEqual([expect.objectContaining({ name: 'tw_edition', domain: '.tidewater-news.example' })]);
      const lifetime = visitOf(r).observed.cookies.find((c) => c.name === 'tw_edition')?.lifetimeSeconds ?? 0;
      // asked for two years; both browsers cap any cookie at 400 days, still far beyond 1.5 × 30 days. The lifetime
      // is counted from when the change was observed, which can trail the Set-Cookie by a second or so.
      expect(lifetime).toBeGreaterThan(400 * 86400 - 60);
      expect(lifetime).toBeLessThanOrEqual(2 * 365 * 86400);
    });

    test('identifier-shared: with consent, the _ga client id still travels to Google Analytics (medium)', () => {
      const r = report('identifierShared');
      const [f, ...rest] = findingsOf(r, 'identifier-shared');
      expect(rest).toEqual([]);
      expect(f?.severity).toBe('medium');
      expect(evidenceOf(f, 'cookie')).toEqual([expect.objectContaining({ name: '_ga', domain: '.orchard-market.example' })]);
      const ga = visitOf(r).observed.cookies.find((c) => c.name === '_ga')?.value ?? '';
      const clientId = ga.split('.').slice(2).join('.');
      expect(clientId.length).toBeGreaterThan(8);
      expect(evidenceOf(f, 'request').some((e) => e.url.startsWith(GA_COLLECT) && e.url.includes(`cid=${clientId}`))).toBe(true);
    });

    test('invalid-metadata: a truncated TC string and a gpc.json with a string for its boolean (low)', () => {
      const found = findingsOf(report('invalidMetadata'), 'invalid-metadata');
      expect(found.every((f) => f.severity === 'low')).toBe(true);
      expect(found.flatMap((f) => evidenceOf(f, 'source')).map((e) => e.kind).sort()).toEqual(['gpc-well-known', 'tcf']);
      expect(found.flatMap((f) => evidenceOf(f, 'source')).find((e) => e.kind === 'gpc-well-known')?.error).toBe('gpc must be a boolean');
    });

    test('no-consent-mechanism: Hotjar on a blog with no banner at all', () => {
      const r = report('noConsentMechanism');
      expect(visitOf(r).consent.recorded).toBeNull();
      const [f, ...rest] = findingsOf(r, 'no-consent-mechanism');
      expect(rest).toEqual([]);
      expect(evidenceOf(f, 'request').some((e) => new URL(e.url).hostname.endsWith('hotjar.com'))).toBe(true);
      expect(evidenceOf(f, 'cookie').map((e) => e.name).sort()).toEqual(['_hjSessionUser_3712', '_hjSession_3712']);
    });

    test('no-privacy-policy: no policy link anywhere on the page (low)', () => {
      const r = report('noPrivacyPolicy');
      expect(visitOf(r).declared.policyUrl).toBeNull();
      expect(findingsOf(r, 'no-privacy-policy')).toEqual([expect.objectContaining({ severity: 'low', evidence: [] })]);
    });

    test('third-party-cookie: an embedded weather widget sets its own cookie (info)', () => {
      const r = report('thirdPartyCookie');
      const [f, ...rest] = findingsOf(r, 'third-party-cookie');
      expect(rest).toEqual([]);
      expect(f?.severity).toBe('info');
      expect(evidenceOf(f, 'cookie')).toEqual([expect.objectContaining({ name: 'wx_units', domain: 'widgets.weather-embed.example' })]);
      expect(visitOf(r).observed.cookies.find((c) => c.name === 'wx_units')?.party).toBe('third');
    });
  });
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `candor check` as a child process, the way a site owner runs it in CI. */
function candor(args: string[], home: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/candor.js', ...args],
      { env: { ...process.env, HOME: home, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : error ? null : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The CLI on the clean site (passes `--fail-on medium`) and on a violating one (fails it). */
export function findingsCliSuite(kind: BrowserKind): void {
  describe(`candor check on the gallery in ${kind}`, () => {
    let internet: Internet;
    const home = mkdtempSync(join(tmpdir(), 'candor-findings-home-'));
    const check = (url: string) =>
      candor(
        ['check', url, '--browser', kind, '--proxy', internet.proxyUrl, '--insecure', '--settle', '800', '--format', 'json', '--phases', 'before-consent', '--fail-on', 'medium'],
        home,
      );

    beforeAll(async () => {
      requireBrowser(kind);
      internet = await startTestInternet();
    });
    afterAll(async () => {
      await internet?.close();
    });

    test('the clean site passes --fail-on medium (exit 0)', async () => {
      const run = await check(SITES.clean.url);
      expect(run.code).toBe(0);
      const r = JSON.parse(run.stdout) as Report;
      expect(r.visits.map((v) => v.phase)).toEqual(['before-consent']);
      expect(visitOf(r).consent.recorded).toMatchObject({ source: 'cmp:cookieconsent', choiceMade: false });
      expect(r.findings.filter((f) => f.severity === 'high' || f.severity === 'medium')).toEqual([]);
    });

    test('a site that tracks before consent fails it (exit 1)', async () => {
      const run = await check(SITES.trackingBeforeConsent.url);
      expect(run.code).toBe(1);
      const r = JSON.parse(run.stdout) as Report;
      const found = r.findings.filter((f) => f.kind === 'tracking-before-consent');
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((f) => f.phase === 'before-consent' && f.severity === 'high')).toBe(true);
      expect(found.some((f) => f.evidence.some((e) => e.type === 'cookie' && e.name === '_ga'))).toBe(true);
    });
  });
}
