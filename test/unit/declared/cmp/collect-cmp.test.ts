// The MAIN-world collector against fake pages: real-shaped CMP globals end to end through readCmps, and hostile
// globals (throwing getters, Proxies, cycles, promises, huge arrays and strings) that must cost nothing but themselves.
import { afterEach, describe, expect, test } from 'vitest';
import { collectCmpGlobals } from '../../../../src/content/collect-cmp.ts';
import { readCmps } from '../../../../src/core/declared/cmp/index.ts';

const g = globalThis as Record<string, unknown>;
function page(win: Record<string, unknown>): void {
  g.window = win;
}
afterEach(() => {
  delete g.window;
  delete g.document;
});

/** Just enough of an element for the collector's DOM reading: textContent, querySelector(All) by exact selector. */
function el(text: string, children: Record<string, unknown[]> = {}): Record<string, unknown> {
  return {
    textContent: text,
    querySelector: (selector: string) => children[selector]?.[0] ?? null,
    querySelectorAll: (selector: string) => children[selector] ?? [],
  };
}
const row = (...cells: string[]) => el('', { td: cells.map((c) => el(c)) });

function depth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depth));
}
function walk(value: unknown, visit: (v: unknown) => void): void {
  visit(value);
  if (value !== null && typeof value === 'object') for (const v of Object.values(value)) walk(v, visit);
}

describe('collectCmpGlobals', () => {
  test('a page without CMPs gives {}', () => {
    page({ dataLayer: [], jQuery: () => {} });
    expect(collectCmpGlobals()).toEqual({});
  });

  test('without a window at all it still answers', () => {
    expect(collectCmpGlobals()).toEqual({});
  });

  test('real-shaped globals of every CMP, read back by readCmps', () => {
    const domainData = {
      Language: { description: 'x'.repeat(10_000) },
      Groups: [
        {
          CustomGroupId: 'C0002',
          GroupName: 'Performance Cookies',
          GroupDescription: 'These cookies…',
          Status: 'inactive',
          FirstPartyCookies: [{ Name: '_ga', Host: 'shop.example', IsSession: false, Length: '730', description: 'GA', thirdPartyKey: '' }],
          Hosts: [],
          ShowInPopup: true,
        },
      ],
    };
    page({
      OneTrust: { GetDomainData: () => domainData, IsAlertBoxClosed: () => true, ToggleInfoDisplay: () => {} },
      OnetrustActiveGroups: ',C0001,C0002,',
      OptanonWrapper: () => {},
      Cookiebot: {
        consent: { necessary: true, preferences: false, statistics: true, marketing: false, method: 'explicit' },
        consented: true,
        declined: false,
        hasResponse: true,
        show: () => {},
        dialog: { cookieTableStatistics: [['_ga', 'Google', 'Registers a unique ID', '2 years', 'HTTP Cookie', 1, '', '']] },
      },
      klaroConfig: {
        cookieName: 'klaro',
        services: [{ name: 'ga', purposes: ['analytics'], cookies: [/^_ga/, '_gid'], callback: () => {} }],
      },
      klaro: { getManager: () => ({ consents: { ga: true }, confirmed: true }) },
      CookieConsent: {
        getUserPreferences: () => ({ acceptType: 'custom', acceptedCategories: ['necessary'], rejectedCategories: ['analytics'] }),
        acceptedCategory: () => false,
        getCookie: () => ({ categories: ['necessary'], revision: 0 }),
        getConfig: (field: string) => (field === 'categories' ? { necessary: { readOnly: true }, analytics: {} } : field === 'revision' ? 0 : undefined),
      },
      Osano: { cm: { getConsent: () => ({ ANALYTICS: 'ACCEPT', MARKETING: 'DENY' }), dialogOpen: false } },
      truste: { eu: { bindMap: { prefCookie: '0', behavior: 'expressed' } }, cma: { callApi: () => ({ consentDecision: 1, source: 'asserted' }) } },
      Didomi: { getCurrentUserStatus: () => ({ purposes: { cookies: { id: 'cookies', enabled: true } }, user_id: 'secret' }), shouldConsentBeCollected: () => false },
      UC_UI: { getServicesBaseInfo: () => [{ id: 'HkocEodjb7', name: 'Google Analytics', categorySlug: 'marketing', consent: { status: false, history: [] } }] },
      complianz: { prefix: 'cmplz_', consenttype: 'optin', version: '7.1', url: 'https://shop.example/wp-json/' },
      cmplz_has_consent: (c: string) => c === 'functional',
      getCkyConsent: () => ({ categories: { necessary: true, analytics: false }, isUserActionCompleted: true }),
    });
    const globals = collectCmpGlobals();
    expect(Object.keys(globals).sort()).toEqual(
      ['complianz', 'cookiebot', 'cookieconsent', 'cookieyes', 'didomi', 'klaro', 'onetrust', 'osano', 'trustarc', 'usercentrics'].sort(),
    );
    expect(JSON.parse(JSON.stringify(globals))).toEqual(globals);
    expect(globals.klaro).toMatchObject({ config: { services: [{ cookies: [{ $regex: '^_ga', flags: '' }, '_gid'] }] }, consents: { ga: true } });
    expect(JSON.stringify(globals.didomi)).not.toContain('secret');
    expect(JSON.stringify(globals.onetrust)).not.toContain('xxxx');

    const readings = readCmps({ cookies: [], storage: {}, globals, scripts: [] });
    const by = Object.fromEntries(readings.map((r) => [r.cmp, r]));
    expect(by.onetrust?.recorded).toEqual({ source: 'cmp:onetrust', choiceMade: true, purposes: { necessary: true, analytics: true } });
    expect(by.onetrust?.cookies).toEqual([{ name: '_ga', domain: 'shop.example', purpose: 'analytics', retentionSeconds: 63_072_000, source: 'cmp:onetrust' }]);
    expect(by.cookiebot?.recorded?.purposes).toEqual({ necessary: true, functional: false, analytics: true, advertising: false });
    expect(by.cookiebot?.cookies.map((c) => c.name)).toEqual(['_ga']);
    expect(by.klaro?.recorded).toEqual({ source: 'cmp:klaro', choiceMade: true, purposes: { necessary: true, analytics: true } });
    expect(by.klaro?.cookies.map((c) => [c.name, c.prefix ?? false])).toEqual([['_ga', true], ['_gid', false]]);
    expect(by.cookieconsent?.recorded).toEqual({ source: 'cmp:cookieconsent', choiceMade: true, purposes: { necessary: true, analytics: false } });
    expect(by.osano?.recorded).toEqual({ source: 'cmp:osano', choiceMade: false, purposes: { necessary: true, analytics: true, advertising: false } });
    expect(by.trustarc?.recorded).toEqual({ source: 'cmp:trustarc', choiceMade: true, purposes: { necessary: true, functional: false, advertising: false } });
    expect(by.usercentrics?.recorded?.purposes).toEqual({ necessary: true, advertising: false });
    expect(by.complianz?.recorded?.purposes).toEqual({ necessary: true, functional: false, analytics: false, advertising: false });
    expect(by.cookieyes?.recorded).toEqual({ source: 'cmp:cookieyes', choiceMade: true, purposes: { necessary: true, analytics: false } });
  });

  test("Cookiebot's historical CookieConsent alias goes to cookiebot, not to vanilla-cookieconsent", () => {
    page({ CookieConsent: { consent: { necessary: true, marketing: false }, consented: false, hasResponse: false } });
    const globals = collectCmpGlobals();
    expect(Object.keys(globals)).toEqual(['cookiebot']);
  });

  test("Cookiebot's rendered cookie declaration (cd.js) is read from the page", () => {
    const header = el('', { th: [el('Name'), el('Provider')] });
    const block = (title: string, rows: unknown[]) =>
      el('', { '.CookieDeclarationTypeHeader': [el(title)], tr: [header, ...rows] });
    const blocks = [
      block('Necessary (1)', [row('CookieConsent', 'Cookiebot', 'Stores the user\'s cookie consent state', '1 year', 'HTTP Cookie')]),
      block('Statistik (2)', [row('_ga', 'Google', 'Registers a unique ID', '2 Jahre', 'HTTP Cookie'), row('_ga_#', 'Google', 'Collects data', '2 Jahre', 'HTTP Cookie')]),
      block('Marketing (1)', [row('IDE', 'Google', 'Ads', '400 days', 'HTTP Cookie'), row('ads_ls', 'Google', 'Ads', 'Persistent', 'HTML Local Storage')]),
      block('Funktionell (1)', [row('lang', 'shop', 'Language', 'Session', 'HTTP Cookie')]),
    ];
    g.document = { querySelectorAll: (selector: string) => (selector === '.CookieDeclarationType' ? blocks : []) };
    page({});
    const globals = collectCmpGlobals();
    expect(Object.keys(globals)).toEqual(['cookiebot']);
    const [reading] = readCmps({ cookies: [], storage: {}, globals, scripts: [] });
    expect(reading?.recorded).toEqual({ source: 'cmp:cookiebot', choiceMade: false, purposes: { necessary: true } });
    expect(reading?.cookies).toEqual([
      { name: 'CookieConsent', purpose: 'necessary', retentionSeconds: 31_536_000, source: 'cmp:cookiebot' },
      { name: '_ga', purpose: 'analytics', retentionSeconds: 63_072_000, source: 'cmp:cookiebot' },
      { name: '_ga_', purpose: 'analytics', retentionSeconds: 63_072_000, source: 'cmp:cookiebot', prefix: true },
      { name: 'IDE', purpose: 'advertising', retentionSeconds: 34_560_000, source: 'cmp:cookiebot' },
    ]);
  });

  test('vanilla-cookieconsent v3 cookie tables survive the copy, ten levels down, as string cells', () => {
    const deep = { a: { b: { c: { d: { e: { f: { g: { h: { i: { j: { k: { l: 'too deep' } } } } } } } } } } } };
    const section = {
      linkedCategory: 'analytics',
      cookieTable: {
        headers: { name: 'Name', expiration: 'Expiration', rank: 3 },
        body: [
          { name: '_ga', expiration: '2 years', desc: 'x'.repeat(1000), extra: deep, fn: () => 1 },
          'not a row',
        ],
      },
      title: 'not collected',
    };
    page({
      CookieConsent: {
        getUserPreferences: () => ({ acceptedCategories: [], rejectedCategories: ['analytics'] }),
        acceptedCategory: () => false,
        getCookie: () => ({}),
        getConfig: (field: string) =>
          field === 'language' ? { translations: { de: { preferencesModal: { sections: [] } }, en: { preferencesModal: { sections: [section] } } } } : field === 'categories' ? { analytics: { deep } } : undefined,
      },
    });
    const globals = collectCmpGlobals();
    expect(depth(globals)).toBeLessThanOrEqual(12);
    expect(globals.cookieconsent).toMatchObject({
      config: {
        language: {
          translations: {
            en: {
              preferencesModal: {
                sections: [
                  {
                    linkedCategory: 'analytics',
                    cookieTable: { headers: { name: 'Name', expiration: 'Expiration' }, body: [{ name: '_ga', expiration: '2 years', desc: 'x'.repeat(300) }, null] },
                  },
                ],
              },
            },
          },
        },
      },
    });
    const [reading] = readCmps({ cookies: [], storage: {}, globals, scripts: [] });
    expect(reading?.cookies).toEqual([{ name: '_ga', purpose: 'analytics', retentionSeconds: 63_072_000, source: 'cmp:cookieconsent' }]);
  });

  test('hostile globals cost only themselves', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        ownKeys() {
          throw new Error('trap');
        },
        has() {
          throw new Error('trap');
        },
      },
    );
    const win: Record<string, unknown> = {
      OnetrustActiveGroups: ',C0001,',
      OneTrust: { GetDomainData: () => ({ Groups: [cyclic, trap, { CustomGroupId: 'C0002', FirstPartyCookies: trap }] }), IsAlertBoxClosed: () => { throw new Error('boom'); } },
      Cookiebot: trap,
      Didomi: { getCurrentUserStatus: () => Promise.resolve({ purposes: {} }), getUserStatus: () => ({ purposes: { consent: { enabled: Array.from({ length: 100_000 }, (_, i) => `p${i}`) } } }) },
      klaroConfig: { services: [{ name: 'x'.repeat(1_000_000), cookies: [/^_ga/, 10n, Symbol('s'), () => 1] }], nested: cyclic },
      Osano: { cm: { getConsent: () => JSON.parse('{"__proto__":{"polluted":true},"ANALYTICS":"ACCEPT"}') as unknown } },
      complianz: { prefix: 'cmplz_', categories: Array.from({ length: 10_000 }, () => 'x') },
    };
    Object.defineProperty(win, 'UC_UI', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    Object.defineProperty(win, 'truste', { enumerable: true, get: () => trap });
    page(win);
    const globals = collectCmpGlobals();
    // A global that exists but answers nothing but throws is still a marker: its key stays, empty.
    expect(Object.keys(globals).sort()).toEqual(['complianz', 'cookiebot', 'didomi', 'klaro', 'onetrust', 'osano', 'trustarc']);
    expect(globals.cookiebot).toEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(globals))).toEqual(globals);
    expect(depth(globals)).toBeLessThanOrEqual(12); // 11 levels under each CMP key: the snapshot sanitizer's 12 with the key
    walk(globals, (v) => {
      if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(4096);
      if (Array.isArray(v)) expect(v.length).toBeLessThanOrEqual(500);
    });
    expect(globals.onetrust).toMatchObject({ activeGroups: ',C0001,' });
    expect((globals.onetrust as Record<string, unknown>).alertBoxClosed).toBeUndefined();
    // the reader then reads what survived without throwing
    const readings = readCmps({ cookies: [], storage: {}, globals, scripts: [] });
    expect(readings.map((r) => r.cmp)).toEqual(['onetrust', 'cookiebot', 'didomi', 'complianz', 'klaro', 'osano', 'trustarc']);
    for (const r of readings) expect(r.source.error ?? '').not.toMatch(/reader failed/);
  });
});
