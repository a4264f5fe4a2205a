// Six commercial CMPs read from a live page, in either browser: Didomi, Usercentrics, CookieYes, Complianz, Osano and
// TrustArc. Each has small local sites (test/sites/<state>.<cmp>-shop.example) in two states, no choice yet and a
// stored refusal or partial choice, plus a corrupt stored value for three of them. The CMP scripts are served from
// their real host names (sdk.privacy-center.org, app.usercentrics.eu, web.cmp.usercentrics.eu, cdn-cookieyes.com,
// cmp.osano.com, consent.trustarc.com; Complianz from the site's own wp-content/plugins) as clearly marked local
// stand-ins that keep the storage format and answer the JS API the way the real scripts do.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Internet } from '../../sites/internet.ts';
import type { BrowserKind } from '../../src/cli/find-browser.ts';
import type { CandorBrowser } from '../../src/cli/launch.ts';
import type { DeclaredCookie, DeclaredSource, Report, Visit } from '../../src/core/types.ts';
import { startFixtureInternet } from './declared-suite.ts';
import { launchWithCandor } from './harness.ts';

const PAGES = {
  didomi: 'https://www.didomi-shop.example/',
  didomiFirst: 'https://new.didomi-shop.example/',
  didomiLocalStorage: 'https://ls.didomi-shop.example/',
  didomiBroken: 'https://broken.didomi-shop.example/',
  usercentrics: 'https://www.usercentrics-shop.example/',
  usercentricsFirst: 'https://new.usercentrics-shop.example/',
  usercentricsV3: 'https://v3.usercentrics-shop.example/',
  usercentricsBroken: 'https://broken.usercentrics-shop.example/',
  cookieyes: 'https://www.cookieyes-shop.example/',
  cookieyesFirst: 'https://new.cookieyes-shop.example/',
  cookieyesBroken: 'https://broken.cookieyes-shop.example/',
  complianz: 'https://www.complianz-shop.example/',
  complianzFirst: 'https://new.complianz-shop.example/',
  osano: 'https://www.osano-shop.example/',
  osanoFirst: 'https://new.osano-shop.example/',
  trustarc: 'https://www.trustarc-shop.example/',
  trustarcFirst: 'https://new.trustarc-shop.example/',
  trustarcBroken: 'https://broken.trustarc-shop.example/',
} as const;
type PageName = keyof typeof PAGES;

/** Which CMP each page runs: its report is complete once that CMP's source is in. */
const CMP_OF: Record<PageName, string> = {
  didomi: 'didomi',
  didomiFirst: 'didomi',
  didomiLocalStorage: 'didomi',
  didomiBroken: 'didomi',
  usercentrics: 'usercentrics',
  usercentricsFirst: 'usercentrics',
  usercentricsV3: 'usercentrics',
  usercentricsBroken: 'usercentrics',
  cookieyes: 'cookieyes',
  cookieyesFirst: 'cookieyes',
  cookieyesBroken: 'cookieyes',
  complianz: 'complianz',
  complianzFirst: 'complianz',
  osano: 'osano',
  osanoFirst: 'osano',
  trustarc: 'trustarc',
  trustarcFirst: 'trustarc',
  trustarcBroken: 'trustarc',
};

function visitOf(report: Report | undefined): Visit {
  const visit = report?.visits[0];
  if (!visit) throw new Error('the report has no visit');
  return visit;
}

function cmpSource(report: Report | undefined, cmp: string): DeclaredSource {
  const found = visitOf(report).declared.sources.find((s) => s.kind === 'cmp' && s.detail?.cmp === cmp);
  if (!found) throw new Error(`no cmp:${cmp} source in ${JSON.stringify(visitOf(report).declared.sources)}`);
  return found;
}

function declaredBy(report: Report | undefined, cmp: string): DeclaredCookie[] {
  return visitOf(report).declared.cookies.filter((c) => c.source === `cmp:${cmp}`);
}

/** Only one CMP source on each page: no reader mistakes another CMP's storage or globals for its own. */
function cmpNames(report: Report | undefined): unknown[] {
  return visitOf(report).declared.sources.filter((s) => s.kind === 'cmp').map((s) => s.detail?.cmp);
}

/** The report of `url` once it holds `cmp`'s source with what the CMP script set up (bounded poll, no fixed sleep). */
async function settledReport(b: CandorBrowser, url: string, cmp: string, ready: (r: Report) => boolean): Promise<Report> {
  const deadline = Date.now() + 15_000;
  let last: Report | null = null;
  for (;;) {
    last = await b.report(url);
    if (last && ready(last)) return last;
    if (Date.now() > deadline) break;
    await b.message('flush', {});
  }
  throw new Error(`no cmp:${cmp} source for ${url} within 15 s: ${JSON.stringify(last?.visits[0]?.declared.sources ?? null)}`);
}

export function cmpSuite(kind: BrowserKind): void {
  describe(`six CMPs read from live pages in ${kind}`, () => {
    let internet: Internet;
    let b: CandorBrowser;
    const reports: Partial<Record<PageName, Report>> = {};

    beforeAll(async () => {
      internet = await startFixtureInternet([]);
      b = await launchWithCandor(kind, internet);
      const names = Object.keys(PAGES) as PageName[];
      // Every page in its own tab, side by side; each report then asks its tab for a fresh snapshot.
      await Promise.all(
        names.map(async (name) => {
          const page = await b.newPage();
          await page.goto(PAGES[name], { waitUntil: 'load' });
        }),
      );
      await b.message('flush', {});
      for (const name of names) {
        const cmp = CMP_OF[name];
        reports[name] = await settledReport(b, PAGES[name], cmp, (r) => {
          const sources = r.visits[0]?.declared.sources ?? [];
          const source = sources.find((s) => s.kind === 'cmp' && s.detail?.cmp === cmp);
          const by = source?.detail?.detectedBy;
          // the global is in once the CMP script has run (the broken pages' readers stop before they look)
          return Array.isArray(by) && (by.includes(`global:${cmp}`) || source?.valid === false);
        });
      }
    }, 50_000);

    afterAll(async () => {
      await b?.close();
      await internet?.close();
    });

    test('every CMP script was fetched from its real host name, over the local internet', () => {
      const hosts = new Set(internet.requests.map((r) => r.host));
      for (const host of ['sdk.privacy-center.org', 'app.usercentrics.eu', 'web.cmp.usercentrics.eu', 'cdn-cookieyes.com', 'cmp.osano.com', 'consent.trustarc.com']) {
        expect(hosts).toContain(host);
      }
      expect(internet.requests.some((r) => r.url.pathname === '/wp-content/plugins/complianz-gdpr/cookiebanner/js/complianz.min.js')).toBe(true);
    });

    test('Didomi: a partial choice in the didomi_token cookie, with the Didomi global and the SDK host', () => {
      const r = reports.didomi;
      const d = cmpSource(r, 'didomi');
      expect(d.valid).toBe(true);
      expect(d.detail?.detectedBy).toEqual(['cookie:didomi_token', 'global:didomi', 'script:sdk.privacy-center.org']);
      expect(d.detail).toMatchObject({ version: 2, updated: '2026-11-20T09:14:07.845Z' });
      // analytics-HpBJrrK7 and measure_content_performance enabled; every advertising purpose disabled
      expect(visitOf(r).consent.recorded).toEqual({ source: 'cmp:didomi', choiceMade: true, purposes: { necessary: true, analytics: true, advertising: false } });
      expect(cmpNames(r)).toEqual(['didomi']);
    });

    test('Didomi: a refusal stored in localStorage only', () => {
      const r = reports.didomiLocalStorage;
      const d = cmpSource(r, 'didomi');
      expect(d.valid).toBe(true);
      expect(d.detail?.detectedBy).toEqual(['storage:didomi_token', 'global:didomi', 'script:sdk.privacy-center.org']);
      expect(visitOf(r).consent.recorded).toEqual({ source: 'cmp:didomi', choiceMade: true, purposes: { necessary: true, analytics: false, advertising: false } });
    });

    test('Didomi: first visit, no token; getCurrentUserStatus() gives the defaults and no choice', () => {
      const r = reports.didomiFirst;
      const d = cmpSource(r, 'didomi');
      expect(d.valid).toBe(true);
      expect(d.detail?.detectedBy).toEqual(['global:didomi', 'script:sdk.privacy-center.org']);
      expect(visitOf(r).consent.recorded).toEqual({ source: 'cmp:didomi', choiceMade: false, purposes: { necessary: true, analytics: false, advertising: false } });
    });

    test('Didomi: a didomi_token cut short is invalid with the reason', () => {
      const r = reports.didomiBroken;
      const d = cmpSource(r, 'didomi');
      expect(d.valid).toBe(false);
      expect(d.error).toBe('didomi_token: not valid JSON');
      expect(visitOf(r).consent.recorded).toBeNull();
    });

    test('Usercentrics V2: an explicit partial choice in uc_settings, categories from UC_UI', () => {
      const r = reports.usercentrics;
      const uc = cmpSource(r, 'usercentrics');
      expect(uc.valid).toBe(true);
      expect(uc.detail?.detectedBy).toEqual(['storage:uc_settings', 'storage:uc_user_interaction', 'global:usercentrics', 'script:app.usercentrics.eu']);
      expect(uc.detail).toMatchObject({ version: 2 });
      expect(uc.detail?.servicesWithoutCategory).toBeUndefined();
      // YouTube (functional) allowed; Google Analytics and the Facebook Pixel (marketing) refused
      expect(visitOf(r).consent.recorded).toEqual({
        source: 'cmp:usercentrics',
        choiceMade: true,
        purposes: { necessary: true, functional: true, advertising: false },
      });
      expect(cmpNames(r)).toEqual(['usercentrics']);
    });

    test('Usercentrics V2: first visit, the loader wrote implicit defaults; no choice', () => {
      const r = reports.usercentricsFirst;
      const uc = cmpSource(r, 'usercentrics');
      expect(uc.valid).toBe(true);
      expect(uc.detail?.detectedBy).toEqual(['storage:uc_settings', 'global:usercentrics', 'script:app.usercentrics.eu']);
      expect(visitOf(r).consent.recorded).toEqual({
        source: 'cmp:usercentrics',
        choiceMade: false,
        purposes: { necessary: true, functional: false, advertising: false },
      });
    });

    test('Usercentrics V3: ucData services and its Consent Mode state, the __ucCmp global', () => {
      const r = reports.usercentricsV3;
      const uc = cmpSource(r, 'usercentrics');
      expect(uc.valid).toBe(true);
      expect(uc.detail?.detectedBy).toEqual(['storage:ucData', 'storage:uc_user_interaction', 'global:usercentrics', 'script:web.cmp.usercentrics.eu']);
      expect(uc.detail).toMatchObject({ version: 3, servicesWithoutCategory: 3 });
      // storage names no service category: purposes come from gcm (analytics granted, ads denied)
      expect(visitOf(r).consent.recorded).toEqual({
        source: 'cmp:usercentrics',
        choiceMade: true,
        purposes: { necessary: true, analytics: true, advertising: false },
      });
    });

    test('Usercentrics V3: a ucData cut short is invalid with the reason', () => {
      const r = reports.usercentricsBroken;
      const uc = cmpSource(r, 'usercentrics');
      expect(uc.valid).toBe(false);
      expect(uc.error).toBe('ucData: not valid JSON');
      expect(uc.detail?.detectedBy).toEqual(['storage:ucData', 'global:usercentrics', 'script:web.cmp.usercentrics.eu']);
      expect(visitOf(r).consent.recorded).toBeNull();
    });

    test('CookieYes: a partial choice in cookieyes-consent; _ckyConfig declares the cookies', () => {
      const r = reports.cookieyes;
      const cy = cmpSource(r, 'cookieyes');
      expect(cy.valid).toBe(true);
      expect(cy.detail?.detectedBy).toEqual(['cookie:cookieyes-consent', 'global:cookieyes', 'script:cdn-cookieyes.com']);
      expect(cy.detail).toMatchObject({ action: 'yes', consent: 'yes' });
      expect(visitOf(r).consent.recorded).toEqual({
        source: 'cmp:cookieyes',
        choiceMade: true,
        purposes: { necessary: true, functional: true, analytics: true, advertising: false },
      });
      const declared = declaredBy(r, 'cookieyes');
      expect(declared).toContainEqual(expect.objectContaining({ name: 'cookieyes-consent', purpose: 'necessary', retentionSeconds: 365 * 86400 }));
      expect(declared).toContainEqual(expect.objectContaining({ name: 'PHPSESSID', purpose: 'necessary', session: true, retentionSeconds: null }));
      expect(declared).toContainEqual(expect.objectContaining({ name: 'pll_language', purpose: 'functional' }));
      expect(declared).toContainEqual(expect.objectContaining({ name: '_ga', purpose: 'analytics', domain: '.cookieyes-shop.example' }));
      expect(declared).toContainEqual(expect.objectContaining({ name: '_ga_', prefix: true, purpose: 'analytics' }));
      expect(declared).toContainEqual(expect.objectContaining({ name: '_gid', purpose: 'analytics', retentionSeconds: 86400 }));
      expect(declared).toContainEqual(expect.objectContaining({ name: '_fbp', purpose: 'advertising', retentionSeconds: 90 * 86400 }));
      expect(declared).toContainEqual(expect.objectContaining({ name: 'IDE', purpose: 'advertising', domain: '.doubleclick.net' }));
      expect(cmpNames(r)).toEqual(['cookieyes']);
    });

    test('CookieYes: first visit, the script wrote its defaults with an empty action; no choice', () => {
      const r = reports.cookieyesFirst;
      const cy = cmpSource(r, 'cookieyes');
      expect(cy.valid).toBe(true);
      expect(cy.detail).toMatchObject({ action: '', consent: 'no' });
      expect(visitOf(r).consent.recorded).toEqual({
        source: 'cmp:cookieyes',
        choiceMade: false,
        purposes: { necessary: true, functional: false, analytics: false, advertising: false },
      });
      expect(declaredBy(r, 'cookieyes').length).toBeGreaterThan(0);
    });

    test('CookieYes: a cookieyes-consent with a broken escape is invalid with the reason', () => {
      const r = reports.cookieyesBroken;
      const cy = cmpSource(r, 'cookieyes');
      expect(cy.valid).toBe(false);
      expect(cy.error).toBe('cookieyes-consent is not valid URL-encoding');
      expect(visitOf(r).consent.recorded).toBeNull();
    });

    test('Complianz: cmplz_ category cookies and the complianz settings object', () => {
      const r = reports.complianz;
      const cz = cmpSource(r, 'complianz');
      expect(cz.valid).toBe(true);
      expect(cz.detail?.detectedBy).toEqual(['cookie:cmplz_*', 'global:complianz', 'script:/plugins/complianz-gdpr']);
      expect(cz.detail).toMatchObject({ prefix: 'cmplz_', consentType: 'optin', bannerStatus: 'dismissed' });
      // functional is Complianz's always-on category; preferences (→ functional) and marketing refused
      expect(visitOf(r).consent.recorded).toEqual({
        source: 'cmp:complianz',
        choiceMade: true,
        purposes: { necessary: true, functional: false, analytics: true, advertising: false },
      });
      expect(cmpNames(r)).toEqual(['complianz']);
    });

    test('Complianz: first visit, no cookies; cmplz_has_consent() answers the opt-in defaults', () => {
      const r = reports.complianzFirst;
      const cz = cmpSource(r, 'complianz');
      expect(cz.valid).toBe(true);
      expect(cz.detail?.detectedBy).toEqual(['global:complianz', 'script:/plugins/complianz-gdpr']);
      expect(visitOf(r).consent.recorded).toEqual({
        source: 'cmp:complianz',
        choiceMade: false,
        purposes: { necessary: true, functional: false, analytics: false, advertising: false },
      });
    });

    test('Osano: an opaque osano_consentmanager record in localStorage, the choice from Osano.cm.getConsent()', () => {
      const r = reports.osano;
      const o = cmpSource(r, 'osano');
      expect(o.valid).toBe(true);
      expect(o.detail?.detectedBy).toEqual([
        'storage:osano_consentmanager',
        'cookie-or-storage:osano_consentmanager_uuid',
        'global:osano',
        'script:cmp.osano.com',
      ]);
      expect(o.detail).toMatchObject({ from: 'Osano.cm.getConsent()' });
      expect(visitOf(r).consent.recorded).toEqual({
        source: 'cmp:osano',
        choiceMade: true,
        purposes: { necessary: true, analytics: true, advertising: false, functional: false },
      });
      expect(cmpNames(r)).toEqual(['osano']);
    });

    test('Osano: first visit, nothing saved and the dialog open; no choice', () => {
      const r = reports.osanoFirst;
      const o = cmpSource(r, 'osano');
      expect(o.valid).toBe(true);
      expect(o.detail?.detectedBy).toEqual(['global:osano', 'script:cmp.osano.com']);
      expect(visitOf(r).consent.recorded).toEqual({
        source: 'cmp:osano',
        choiceMade: false,
        purposes: { necessary: true, analytics: false, advertising: false, functional: false },
      });
    });

    test('TrustArc: notice_gdpr_prefs buckets 0,1 (required, functional), the truste global and the notice host', () => {
      const r = reports.trustarc;
      const t = cmpSource(r, 'trustarc');
      expect(t.valid).toBe(true);
      expect(t.detail?.detectedBy).toEqual([
        'cookie:notice_gdpr_prefs',
        'cookie:notice_preferences',
        'cookie:cmapi_cookie_privacy',
        'cookie:notice_behavior',
        'cookie:TAconsentID',
        'global:trustarc',
        'script:consent.trustarc.com',
      ]);
      expect(t.detail).toMatchObject({ behavior: 'expressed,eu', from: 'notice_gdpr_prefs' });
      expect(visitOf(r).consent.recorded).toEqual({
        source: 'cmp:trustarc',
        choiceMade: true,
        purposes: { necessary: true, functional: true, advertising: false },
      });
      expect(cmpNames(r)).toEqual(['trustarc']);
    });

    test('TrustArc: first visit under the expressed regime; no choice, required only', () => {
      const r = reports.trustarcFirst;
      const t = cmpSource(r, 'trustarc');
      expect(t.valid).toBe(true);
      expect(t.detail?.detectedBy).toEqual(['cookie:notice_behavior', 'global:trustarc', 'script:consent.trustarc.com']);
      expect(visitOf(r).consent.recorded).toEqual({
        source: 'cmp:trustarc',
        choiceMade: false,
        purposes: { necessary: true, functional: false, advertising: false },
      });
    });

    test('TrustArc: a notice_gdpr_prefs that is not a bucket list is invalid with the reason', () => {
      const r = reports.trustarcBroken;
      const t = cmpSource(r, 'trustarc');
      expect(t.valid).toBe(false);
      expect(t.error).toBe('notice_gdpr_prefs is not a list of bucket numbers');
      expect(visitOf(r).consent.recorded).toBeNull();
    });

    test('a corrupt stored value is reported as invalid metadata, a missing choice is not', () => {
      for (const name of ['didomiBroken', 'usercentricsBroken', 'cookieyesBroken', 'trustarcBroken'] as const) {
        expect(cmpSource(reports[name], CMP_OF[name]).valid).toBe(false);
      }
      for (const name of ['didomiFirst', 'usercentricsFirst', 'cookieyesFirst', 'complianzFirst', 'osanoFirst', 'trustarcFirst'] as const) {
        expect(reports[name]?.findings.filter((f) => f.kind === 'invalid-metadata')).toEqual([]);
      }
    });
  });
}
