// The bundled demo site (sites/hosts/www.northwind-coffee.example) as Candor reads it, without a browser: its real
// consent.js runs against a stand-in for vanilla-cookieconsent v3's API (getConfig returns the config the page passed
// to CookieConsent.run, as the library does), the MAIN-world CMP collector copies it, and the snapshot carries the
// page's own Consent Mode default, DPV JSON-LD and US Privacy answer.
import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { collectCmpGlobals } from '../../../src/content/collect-cmp.ts';
import { type DeclaredInput, readDeclared } from '../../../src/core/declared/read-declared.ts';
import type { DeclaredOutput } from '../../../src/core/declared/read-declared.ts';
import { type PageSnapshot, sanitizeSnapshot } from '../../../src/core/declared/snapshot.ts';

const SITE = new URL('../../../sites/hosts/www.northwind-coffee.example/', import.meta.url);
export const NORTHWIND_URL = 'https://www.northwind-coffee.example/';

function siteFile(path: string): string {
  return readFileSync(new URL(path, SITE), 'utf8');
}

/** The config consent.js hands to `CookieConsent.run`, built in this realm (its `/^_ga/` stays a RegExp). */
export function northwindConfig(): Record<string, unknown> {
  const configs: Record<string, unknown>[] = [];
  const run = runInThisContext(`(function (CookieConsent, gtag) {\n${siteFile('js/consent.js')}\n})`) as (
    cc: { run: (c: Record<string, unknown>) => void },
    gtag: () => void,
  ) => void;
  run(
    {
      run: (c) => {
        configs.push(c);
      },
    },
    () => {},
  );
  const [config] = configs;
  if (config === undefined) throw new Error('consent.js did not call CookieConsent.run');
  return config;
}

/** vanilla-cookieconsent v3 before any choice: getConfig(field) = the library's own setting, else the page's config. */
function cookieConsentApi(config: Record<string, unknown>): Record<string, unknown> {
  const own: Record<string, unknown> = { mode: 'opt-in', revision: 0, cookie: { name: 'cc_cookie' } };
  return {
    getUserPreferences: () => ({ acceptType: '', acceptedCategories: [], rejectedCategories: ['functional', 'analytics', 'marketing'] }),
    acceptedCategory: () => false,
    getCookie: () => ({}),
    getConfig: (field?: string) => (field === undefined ? { ...config, ...own } : (own[field] ?? config[field])),
    run: () => {},
  };
}

/** collectCmpGlobals() on the demo page. */
export function northwindCmpGlobals(): Record<string, unknown> {
  const g = globalThis as Record<string, unknown>;
  g.window = { CookieConsent: cookieConsentApi(northwindConfig()) };
  try {
    return collectCmpGlobals();
  } finally {
    delete g.window;
  }
}

function jsonLd(): string[] {
  const html = siteFile('index.html');
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
}

export function northwindSnapshot(): PageSnapshot {
  const snapshot = sanitizeSnapshot({
    url: NORTHWIND_URL,
    gpcInPage: true,
    tcf: { present: false, answered: false },
    gpp: { present: false, answered: false },
    usp: { present: true, answered: true, data: { version: 1, uspString: '1YNN' } },
    consentMode: {
      commands: [{ command: 'default', params: { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'granted' } }],
      ics: null,
    },
    cmp: northwindCmpGlobals(),
    storage: {},
    scripts: ['https://www.googletagmanager.com/gtag/js?id=G-NW2026', 'https://connect.facebook.net/en_US/fbevents.js', 'https://cdn.jsdelivr.net/npm/vanilla-cookieconsent@3.1.0/dist/cookieconsent.umd.js'],
    jsonLd: jsonLd(),
    links: { privacyPolicy: [], anchors: [{ href: 'https://www.northwind-coffee.example/privacy/', text: 'Privacy Policy', rel: '', inFooter: true }] },
  });
  if (snapshot === null) throw new Error('not a snapshot');
  return snapshot;
}

export function northwindInput(): DeclaredInput {
  return {
    pageUrl: NORTHWIND_URL,
    snapshot: northwindSnapshot(),
    cookies: [
      { name: 'usprivacy', domain: 'www.northwind-coffee.example', value: '1YNN' },
      { name: 'nw_session', domain: 'www.northwind-coffee.example', value: 's%3A7f3a9c2e81d44b0f' },
    ],
    gpcJson: null,
    p3pHeaders: [],
    googleRequestUrls: [],
  };
}

export function northwindDeclared(): DeclaredOutput {
  return readDeclared(northwindInput());
}
