// Every declared-practices and consent source read from a live page, in either browser. The TCF and GPP pages
// run the IAB's own CMP API implementations (@iabtechlabtcf/cmpapi, @iabgpp/cmpapi), bundled here at start; the
// commercial CMPs are faithful reproductions of their cookies and globals (test/sites/<host>/).
import { build } from 'esbuild';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserKind } from '../../src/cli/find-browser.ts';
import type { CandorBrowser } from '../../src/cli/launch.ts';
import type { DeclaredSource, DeclaredSourceKind, Report, Visit } from '../../src/core/types.ts';
import { type Internet, type Route, startInternet } from '../../sites/internet.ts';
import { DEMO_ROOT, demoRoutes } from '../../sites/routes.ts';
import { tcString } from '../unit/declared/tc-strings.ts';
import { launchWithCandor, TEST_SITES } from './harness.ts';

/** `host/path` → JavaScript served there (page scripts bundled at start). */
export type PageScripts = Record<string, string>;

/** Bundles a page script (ES module source importing npm packages) into one classic script. */
export async function bundlePageScript(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'js', sourcefile: 'page-script.js' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new Error('esbuild produced no output');
  return text;
}

export function pageScriptRoutes(scripts: PageScripts): Route[] {
  return [
    (req) => {
      const body = scripts[`${req.host}${req.url.pathname}`];
      return body === undefined ? null : { headers: { 'content-type': 'text/javascript; charset=utf-8' }, body };
    },
  ];
}

/** The test internet (demo site + test/sites) with extra routes tried first. */
export function startFixtureInternet(routes: Route[]): Promise<Internet> {
  return startInternet({ roots: [DEMO_ROOT, TEST_SITES], routes: [...routes, ...demoRoutes] });
}

const PAGES = {
  tcf: 'https://news.tcf-publisher.example/',
  tcfFirstVisit: 'https://news.tcf-publisher.example/first-visit.html',
  gppOptOut: 'https://www.gpp-us-news.example/optout.html',
  gppNoOptOut: 'https://www.gpp-us-news.example/optin.html',
  usp: 'https://www.ccpa-retailer.example/',
  consentMode: 'https://www.consent-mode-store.example/',
  oneTrust: 'https://shop.onetrust-demo.example/',
  cookiebot: 'https://www.cookiebot-demo.example/',
  klaro: 'https://www.klaro-demo.example/',
  klaroLocalStorage: 'https://www.klaro-demo.example/localstorage.html',
  p3p: 'https://www.legacy-portal.example/',
  p3pBogus: 'https://www.legacy-portal.example/bogus.html',
  dpv: 'https://www.dpv-declared.example/',
  german: 'https://www.datenschutz-beispiel.example/',
  french: 'https://www.boutique-confidentialite.example/',
} as const;
type PageName = keyof typeof PAGES;

// consented: storage (1), basic ads (2), the three measurement purposes (8, 9, 10); legitimate interest only: 7
const TCF = { cmpId: 300, consents: [1, 2, 8, 9, 10], legitimateInterests: [7] };

async function pageScripts(): Promise<PageScripts> {
  const tc = tcString({ cmpId: TCF.cmpId, consents: TCF.consents, legitimateInterests: TCF.legitimateInterests, vendors: [10, 755] });
  const tcf = await bundlePageScript(`
    import { CmpApi } from '@iabtechlabtcf/cmpapi';
    // A CMP that found the visitor's saved choice: no UI shown, the stored TC string is current.
    const cmpApi = new CmpApi(${TCF.cmpId}, 3, true);
    cmpApi.update(${JSON.stringify(tc)}, false);
  `);
  const tcfFirstVisit = await bundlePageScript(`
    import { CmpApi } from '@iabtechlabtcf/cmpapi';
    // '' = GDPR applies and no string exists yet; uiVisible = the banner is up (eventStatus cmpuishown)
    const cmpApi = new CmpApi(${TCF.cmpId}, 3, true);
    cmpApi.update('', true);
  `);
  const gpp = await bundlePageScript(`
    import { CmpApi, CmpStatus, SignalStatus } from '@iabgpp/cmpapi';
    const optOut = Boolean(window.GPP_FIXTURE && window.GPP_FIXTURE.optOut);
    const cmpApi = new CmpApi(300, 2);
    cmpApi.setSupportedAPIs(['7:usnat']);
    cmpApi.setApplicableSections([7]);
    for (const notice of ['SharingNotice', 'SaleOptOutNotice', 'SharingOptOutNotice', 'TargetedAdvertisingOptOutNotice']) {
      cmpApi.setFieldValue('usnat', notice, 1);
    }
    // 1 = opted out, 2 = did not opt out
    for (const field of ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut']) cmpApi.setFieldValue('usnat', field, optOut ? 1 : 2);
    cmpApi.setFieldValue('usnat', 'MspaCoveredTransaction', 2);
    cmpApi.setCmpStatus(CmpStatus.LOADED);
    cmpApi.setSignalStatus(SignalStatus.READY);
    cmpApi.fireSectionChange('usnat');
  `);
  return {
    'news.tcf-publisher.example/assets/cmp.js': tcf,
    'news.tcf-publisher.example/assets/cmp-first-visit.js': tcfFirstVisit,
    'www.gpp-us-news.example/assets/gpp.js': gpp,
  };
}

function visitOf(report: Report | undefined): Visit {
  const visit = report?.visits[0];
  if (!visit) throw new Error('the report has no visit');
  return visit;
}

function sourcesOf(report: Report | undefined, kind: DeclaredSourceKind): DeclaredSource[] {
  return visitOf(report).declared.sources.filter((s) => s.kind === kind);
}

function sourceOf(report: Report | undefined, kind: DeclaredSourceKind, cmp?: string): DeclaredSource {
  const found = sourcesOf(report, kind).find((s) => cmp === undefined || s.detail?.cmp === cmp);
  if (!found) throw new Error(`no ${kind}${cmp ? `:${cmp}` : ''} source in ${JSON.stringify(visitOf(report).declared.sources)}`);
  return found;
}

export function declaredSuite(kind: BrowserKind): void {
  describe(`declared and consent sources in ${kind}`, () => {
    let internet: Internet;
    let b: CandorBrowser;
    const reports: Partial<Record<PageName, Report>> = {};
    const pages: Page[] = [];

    beforeAll(async () => {
      const scripts = await pageScripts();
      internet = await startFixtureInternet(pageScriptRoutes(scripts));
      b = await launchWithCandor(kind, internet);
      const names = Object.keys(PAGES) as PageName[];
      // All pages load side by side in their own tabs; each report then asks its tab for a fresh snapshot.
      await Promise.all(
        names.map(async (name) => {
          const page = await b.newPage();
          pages.push(page);
          await page.goto(PAGES[name], { waitUntil: 'load' });
        }),
      );
      await b.message('flush', {});
      for (const name of names) {
        const report = await b.report(PAGES[name]);
        if (!report) throw new Error(`no report for ${PAGES[name]}`);
        reports[name] = report;
      }
    });

    afterAll(async () => {
      await b?.close();
      await internet?.close();
    });

    test('IAB TCF: the real CmpApi answers with the TC string; cmpId and purposes are decoded', () => {
      const r = reports.tcf;
      const tcf = sourceOf(r, 'tcf');
      expect(tcf.valid).toBe(true);
      expect(tcf.detail).toMatchObject({
        from: 'api',
        cmpId: TCF.cmpId,
        cmpVersion: 3,
        eventStatus: 'tcloaded',
        gdprApplies: true,
        isServiceSpecific: true,
        publisherCC: 'DE',
        purposeConsents: TCF.consents,
        purposeLegitimateInterests: TCF.legitimateInterests,
        vendorConsentCount: 2,
      });
      expect(tcf.detail?.tcString).toMatch(/^C[A-Za-z0-9_-]+/);
      // purpose 7 (measure ad performance) rests on legitimate interest only: advertising is not consented as a whole
      expect(visitOf(r).consent.recorded).toEqual({ source: 'tcf', choiceMade: true, purposes: { advertising: false, analytics: true, functional: false } });
    });

    test('IAB TCF on a first visit: the banner is up and no TC string exists yet — no choice, not invalid', () => {
      const r = reports.tcfFirstVisit;
      expect(sourceOf(r, 'tcf')).toMatchObject({
        valid: true,
        detail: { from: 'api', eventStatus: 'cmpuishown', gdprApplies: true, cmpId: TCF.cmpId },
      });
      expect(visitOf(r).consent.recorded).toEqual({
        source: 'tcf',
        choiceMade: false,
        purposes: { advertising: false, analytics: false, functional: false },
      });
      expect(r?.findings.filter((f) => f.kind === 'invalid-metadata')).toEqual([]);
    });

    test('GPP: a usnat section with an opt-out, read from @iabgpp/cmpapi', () => {
      const r = reports.gppOptOut;
      const gpp = sourceOf(r, 'gpp');
      expect(gpp.valid).toBe(true);
      expect(gpp.detail).toMatchObject({ from: 'api', applicableSections: [7], sections: ['usnat'] });
      expect(gpp.detail?.gppString).toMatch(/^DB/);
      expect((gpp.detail?.decoded as Record<string, unknown> | undefined)?.usnat).toMatchObject({ SaleOptOut: 1, SharingOptOut: 1, TargetedAdvertisingOptOut: 1, SaleOptOutNotice: 1 });
      const consent = visitOf(r).consent;
      expect(consent.recorded).toEqual({ source: 'gpp', choiceMade: true, purposes: { advertising: false } });
      expect(consent.signals).toContainEqual(expect.objectContaining({ source: 'gpp', optedOut: true, purposes: { advertising: false } }));
    });

    test('GPP: a usnat section without an opt-out', () => {
      const r = reports.gppNoOptOut;
      const gpp = sourceOf(r, 'gpp');
      expect(gpp.valid).toBe(true);
      expect((gpp.detail?.decoded as Record<string, unknown> | undefined)?.usnat).toMatchObject({ SaleOptOut: 2, SharingOptOut: 2, TargetedAdvertisingOptOut: 2 });
      const consent = visitOf(r).consent;
      expect(consent.recorded).toEqual({ source: 'gpp', choiceMade: true, purposes: {} });
      expect(consent.signals).toContainEqual(expect.objectContaining({ source: 'gpp', optedOut: false }));
    });

    test('US Privacy: __uspapi answers 1YYN (opted out of sale)', () => {
      const r = reports.usp;
      const usp = sourceOf(r, 'usp');
      expect(usp).toMatchObject({
        valid: true,
        detail: { from: 'api', uspString: '1YYN', notice: true, optOutSale: true, lspaCovered: false, applies: true },
      });
      const consent = visitOf(r).consent;
      expect(consent.recorded).toEqual({ source: 'usp', choiceMade: true, purposes: { advertising: false } });
      expect(consent.signals).toContainEqual({ source: 'usp', purposes: { advertising: false }, optedOut: true, raw: '1YYN' });
    });

    test('Google Consent Mode: default then update, replayed from dataLayer', () => {
      const r = reports.consentMode;
      const cm = sourceOf(r, 'consent-mode');
      expect(cm).toMatchObject({
        valid: true,
        detail: {
          from: 'dataLayer',
          updated: true,
          states: {
            ad_storage: false,
            ad_user_data: false,
            ad_personalization: false,
            analytics_storage: true,
            functionality_storage: true,
            security_storage: true,
          },
        },
      });
      expect(visitOf(r).consent.recorded).toEqual({
        source: 'consent-mode',
        choiceMade: true,
        purposes: { advertising: false, analytics: true, functional: true, necessary: true },
      });
    });

    test('OneTrust: OptanonConsent + OptanonAlertBoxClosed are the choice, GetDomainData() the declaration', () => {
      const r = reports.oneTrust;
      const ot = sourceOf(r, 'cmp', 'onetrust');
      expect(ot.valid).toBe(true);
      expect(ot.detail?.detectedBy).toEqual(
        expect.arrayContaining(['cookie:OptanonConsent', 'cookie:OptanonAlertBoxClosed', 'global:onetrust']),
      );
      expect(ot.detail).toMatchObject({ version: '202510.1.0', interactionCount: 1, landingPage: false, geolocation: 'DE;BE' });
      const visit = visitOf(r);
      expect(visit.consent.recorded).toEqual({
        source: 'cmp:onetrust',
        choiceMade: true,
        purposes: { necessary: true, analytics: true, functional: false, advertising: false, social: false },
      });
      expect(visit.consent.signals).toContainEqual(expect.objectContaining({ source: 'cmp:onetrust', optedOut: false }));
      const declared = visit.declared.cookies.filter((c) => c.source === 'cmp:onetrust');
      expect(declared).toContainEqual(expect.objectContaining({ name: '_ga', purpose: 'analytics', retentionSeconds: 730 * 86400 }));
      expect(declared).toContainEqual(expect.objectContaining({ name: '_gid', purpose: 'analytics', retentionSeconds: 86400 }));
      expect(declared).toContainEqual(expect.objectContaining({ name: 'shop_lang', purpose: 'functional', retentionSeconds: 30 * 86400 }));
      expect(declared).toContainEqual(expect.objectContaining({ name: '_fbp', purpose: 'advertising', retentionSeconds: 90 * 86400 }));
      expect(declared).toContainEqual(
        expect.objectContaining({ name: 'IDE', purpose: 'advertising', domain: 'doubleclick.net', retentionSeconds: 390 * 86400 }),
      );
      expect(declared).toContainEqual(expect.objectContaining({ name: 'JSESSIONID', purpose: 'necessary', session: true, retentionSeconds: null }));
      expect(declared).toContainEqual(expect.objectContaining({ name: 'OptanonConsent', purpose: 'necessary' }));
    });

    test('Cookiebot: the CookieConsent object literal is the choice, the dialog tables the declaration', () => {
      const r = reports.cookiebot;
      const cb = sourceOf(r, 'cmp', 'cookiebot');
      expect(cb.valid).toBe(true);
      expect(cb.detail?.detectedBy).toEqual(expect.arrayContaining(['cookie:CookieConsent', 'global:cookiebot']));
      expect(cb.detail).toMatchObject({ method: 'explicit', region: 'de', ver: 1 });
      const visit = visitOf(r);
      expect(visit.consent.recorded).toEqual({
        source: 'cmp:cookiebot',
        choiceMade: true,
        purposes: { necessary: true, functional: true, analytics: false, advertising: false },
      });
      const declared = visit.declared.cookies.filter((c) => c.source === 'cmp:cookiebot');
      expect(declared).toContainEqual(expect.objectContaining({ name: '_ga', purpose: 'analytics', retentionSeconds: 730 * 86400 }));
      expect(declared).toContainEqual(expect.objectContaining({ name: '_ga_', prefix: true, purpose: 'analytics' }));
      expect(declared).toContainEqual(expect.objectContaining({ name: '_fbp', purpose: 'advertising', retentionSeconds: 90 * 86400 }));
      expect(declared).toContainEqual(expect.objectContaining({ name: 'lang', purpose: 'functional', session: true }));
      expect(declared).toContainEqual(expect.objectContaining({ name: 'CookieConsent', purpose: 'necessary', retentionSeconds: 365 * 86400 }));
      // local storage rows of the table are not cookies
      expect(declared.some((c) => c.name.startsWith('_hjSessionUser'))).toBe(false);
      // the orestbida reader must not mistake Cookiebot's `CookieConsent` alias for its own
      expect(sourcesOf(r, 'cmp').map((s) => s.detail?.cmp)).not.toContain('cookieconsent');
    });

    test('Klaro: klaroConfig services declare cookies, the klaro cookie is the choice', () => {
      const r = reports.klaro;
      const k = sourceOf(r, 'cmp', 'klaro');
      expect(k.valid).toBe(true);
      expect(k.detail).toMatchObject({ services: 3, from: 'storage' });
      expect(k.detail?.detectedBy).toEqual(expect.arrayContaining(['cookie:klaro', 'global:klaro']));
      const visit = visitOf(r);
      expect(visit.consent.recorded).toEqual({
        source: 'cmp:klaro',
        choiceMade: true,
        purposes: { necessary: true, analytics: true, advertising: false, functional: true },
      });
      const declared = visit.declared.cookies.filter((c) => c.source === 'cmp:klaro');
      expect(declared).toContainEqual(expect.objectContaining({ name: '_pk_', prefix: true, purpose: 'analytics' }));
      expect(declared).toContainEqual(expect.objectContaining({ name: '_gcl_au', purpose: 'advertising', domain: '.klaro-demo.example' }));
      expect(declared).toContainEqual(expect.objectContaining({ name: 'klaro_demo_session', purpose: 'functional' }));
    });

    test('Klaro with storageMethod localStorage: the stored choice refuses both services', () => {
      const r = reports.klaroLocalStorage;
      const k = sourceOf(r, 'cmp', 'klaro');
      expect(k.valid).toBe(true);
      expect(k.detail?.detectedBy).toEqual(expect.arrayContaining(['storage:klaro-consents', 'global:klaro']));
      expect(k.detail).toMatchObject({ services: 2, from: 'storage' });
      expect(visitOf(r).consent.recorded).toEqual({
        source: 'cmp:klaro',
        choiceMade: true,
        purposes: { necessary: true, advertising: false, analytics: false },
      });
      const declared = visitOf(r).declared.cookies.filter((c) => c.source === 'cmp:klaro');
      expect(declared).toContainEqual(expect.objectContaining({ name: 'VISITOR_INFO1_LIVE', purpose: 'advertising' }));
      expect(declared).toContainEqual(expect.objectContaining({ name: 'YSC', purpose: 'advertising' }));
    });

    test('P3P: a real compact policy is decoded, a bogus one is invalid with the reason', () => {
      const real = sourceOf(reports.p3p, 'p3p');
      expect(real.valid).toBe(true);
      expect(real.detail).toMatchObject({
        policyref: '/w3c/p3p.xml',
        purposes: ['CUR:always', 'ADM:always', 'DEV:always', 'PSA:opt-out'],
        recipients: ['OUR'],
      });
      expect(visitOf(reports.p3p).declared.purposes).toEqual(expect.arrayContaining(['necessary', 'analytics']));
      const bogus = sourceOf(reports.p3pBogus, 'p3p');
      expect(bogus.valid).toBe(false);
      expect(bogus.error).toMatch(/^not a P3P compact policy: unknown tokens This, is, not/);
      expect(visitOf(reports.p3pBogus).declared.purposes ?? []).toEqual([]);
    });

    test('DPV JSON-LD: purposes, recipients and storage durations', () => {
      const r = reports.dpv;
      const dpv = sourceOf(r, 'dpv');
      expect(dpv.valid).toBe(true);
      expect(dpv.detail).toMatchObject({
        namespaces: ['https://w3id.org/dpv#', 'https://w3id.org/dpv/legal/eu/gdpr#', 'https://w3id.org/dpv/pd#'],
        // the PersonalDataHandling node and its two processes
        processes: 3,
        legalBases: ['A6-1-b', 'Consent'],
        purposes: ['ServiceProvision', 'ServiceUsageAnalytics'],
        personalData: ['BrowsingBehaviour', 'EmailAddress', 'IPAddress'],
        recipients: ['matomo.cloud'],
        recipientNames: ['Matomo Cloud'],
        retentionSeconds: 13 * 30 * 86400,
      });
      const declared = visitOf(r).declared;
      expect(declared.purposes).toEqual(expect.arrayContaining(['necessary', 'analytics']));
      expect(declared.recipients).toEqual(['matomo.cloud']);
      expect(declared.retentionSeconds).toBe(13 * 30 * 86400);
      expect(declared.policyUrl).toBe('https://www.dpv-declared.example/privacy');
    });

    test('/.well-known/gpc.json: a valid file says the site honours GPC', () => {
      const gpc = sourceOf(reports.dpv, 'gpc-well-known');
      expect(gpc).toEqual({
        kind: 'gpc-well-known',
        valid: true,
        detail: { url: 'https://www.dpv-declared.example/.well-known/gpc.json', status: 200, gpc: true, lastUpdate: '2026-04-15' },
      });
      expect(visitOf(reports.dpv).declared.gpcSupported).toBe(true);
    });

    test('/.well-known/gpc.json: an HTML soft 404 is invalid, not support', () => {
      const gpc = sourceOf(reports.german, 'gpc-well-known');
      expect(gpc.valid).toBe(false);
      expect(gpc.error).toBe('gpc.json is an HTML page, not JSON');
      expect(visitOf(reports.german).declared.gpcSupported).toBeNull();
    });

    test('privacy policy links in German and French are found by their text', () => {
      const german = visitOf(reports.german).declared;
      expect(german.policyUrl).toBe('https://www.datenschutz-beispiel.example/rechtliches/datenschutzerklaerung');
      expect(sourceOf(reports.german, 'privacy-policy-link').detail).toMatchObject({ via: 'text', text: 'Datenschutzerklärung' });
      const french = visitOf(reports.french).declared;
      expect(french.policyUrl).toBe('https://www.boutique-confidentialite.example/politique-de-confidentialite');
      expect(sourceOf(reports.french, 'privacy-policy-link').detail).toMatchObject({ via: 'text', text: 'Politique de confidentialité' });
    });

    test('pages without a source report none of it', () => {
      for (const name of ['german', 'french', 'p3p'] as const) {
        const kinds = visitOf(reports[name]).declared.sources.map((s) => s.kind);
        for (const absent of ['tcf', 'gpp', 'usp', 'consent-mode', 'cmp', 'dpv'] as const) expect(kinds).not.toContain(absent);
        expect(visitOf(reports[name]).consent.recorded).toBeNull();
      }
    });
  });
}
