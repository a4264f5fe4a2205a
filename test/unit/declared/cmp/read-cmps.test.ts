// readCmps as a whole: several CMPs on one page, pages without any, and hostile input of every shape.
import { describe, expect, test } from 'vitest';
import { type CmpInput, readCmps } from '../../../../src/core/declared/cmp/index.ts';

const cookie = (name: string, value: string) => ({ name, value, domain: '.shop.example' });
const input = (over: Partial<CmpInput>): CmpInput => ({ cookies: [], storage: {}, globals: {}, scripts: [], ...over });

describe('readCmps', () => {
  test('a page without a CMP yields nothing', () => {
    expect(
      readCmps(
        input({
          cookies: [cookie('_ga', 'GA1.1.1.1'), cookie('session', 'abc')],
          storage: { theme: 'dark' },
          scripts: ['https://www.googletagmanager.com/gtag/js?id=G-X', 'not a url'],
        }),
      ),
    ).toEqual([]);
  });

  // A site's own consent cookie under Cookiebot's name, without Cookiebot's fields or script, is not Cookiebot.
  test.each(['true', 'dismiss', '{"analytics":true,"ads":false}', '%7B%22ok%22%3A1%7D'])('CookieConsent=%s alone is not Cookiebot', (value) => {
    expect(readCmps(input({ cookies: [cookie('CookieConsent', value)] }))).toEqual([]);
  });

  test('two CMPs at once (a migration from Cookiebot to OneTrust) are both read, in table order', () => {
    const readings = readCmps(
      input({
        cookies: [
          cookie('CookieConsent', "{stamp:%27x%27%2Cnecessary:true%2Cpreferences:false%2Cstatistics:true%2Cmarketing:false%2Cmethod:%27explicit%27%2Cver:1}"),
          cookie('OptanonConsent', 'isGpcEnabled=0&version=202512.1.0&interactionCount=0&landingPath=https%3A%2F%2Fshop.example%2F&groups=C0001%3A1%2CC0002%3A0%2CC0004%3A0'),
        ],
        scripts: ['https://cdn.cookielaw.org/scripttemplates/otSDKStub.js'],
      }),
    );
    expect(readings.map((r) => r.cmp)).toEqual(['onetrust', 'cookiebot']);
    expect(readings.map((r) => r.recorded?.choiceMade)).toEqual([false, true]);
    expect(readings[1]?.recorded?.purposes).toEqual({ necessary: true, functional: false, analytics: true, advertising: false });
  });

  test('detected by script host alone: present, no choice, necessary only', () => {
    for (const [src, cmp] of [
      ['https://consent.cookiebot.com/uc.js?cbid=1', 'cookiebot'],
      ['https://cdn-cookieyes.com/client_data/abc/script.js', 'cookieyes'],
      ['https://sdk.privacy-center.org/abc/loader.js', 'didomi'],
      ['https://web.cmp.usercentrics.eu/ui/loader.js', 'usercentrics'],
      ['https://shop.example/wp-content/plugins/complianz-gdpr/cookiebanner/js/complianz.min.js', 'complianz'],
      ['https://cdn.kiprotect.com/klaro/v0.7/klaro.js', 'klaro'],
      ['https://cdn.jsdelivr.net/npm/vanilla-cookieconsent@3.1.0/dist/cookieconsent.umd.js', 'cookieconsent'],
      ['https://cmp.osano.com/abc/def/osano.js', 'osano'],
      ['https://consent.trustarc.com/notice?domain=shop.example', 'trustarc'],
      ['https://cdn.cookielaw.org/scripttemplates/otSDKStub.js', 'onetrust'],
    ] as const) {
      const readings = readCmps(input({ scripts: [src] }));
      expect(readings.map((r) => r.cmp), src).toEqual([cmp]);
      expect(readings[0]?.recorded?.choiceMade, src).toBe(false);
      expect(readings[0]?.recorded?.purposes.necessary, src).toBe(true);
      expect(readings[0]?.source.detail?.detectedBy, src).toEqual([expect.stringMatching(/^script:/)]);
    }
  });

  test('a look-alike host does not count', () => {
    expect(readCmps(input({ scripts: ['https://evilcookielaw.org/otSDKStub.js'.replace('otSDKStub', 'x'), 'https://cookiebot.com.evil.example/uc.js'] }))).toEqual([]);
  });

  test('cookie names and values are data: markup passes through as plain strings', () => {
    const readings = readCmps(
      input({
        globals: {
          klaro: { config: { services: [{ name: '<img src=x onerror=alert(1)>', purposes: ['analytics'], cookies: ['<b>x</b>'] }] } },
        },
      }),
    );
    expect(readings[0]?.cookies).toEqual([{ name: '<b>x</b>', purpose: 'analytics', retentionSeconds: null, source: 'cmp:klaro' }]);
  });
});

describe('hostile globals', () => {
  test.each([
    ['null everywhere', { onetrust: null, cookiebot: null, klaro: null, cookieconsent: null, osano: null }],
    ['wrong types', { onetrust: 'x', cookiebot: 42, klaro: [], didomi: true, usercentrics: 'UC', trustarc: [1, 2] }],
    [
      'wrong nested types',
      {
        onetrust: { activeGroups: 42, domainData: { Groups: 'C0001' } },
        cookiebot: { consent: 'yes', tables: { necessary: 'x', statistics: [1, null, 'a', [null]] } },
        klaro: { config: { services: { name: 'x' } }, consents: 'all' },
        cookieconsent: { config: { categories: ['necessary'], language: 7 }, cookie: 'x' },
        usercentrics: { services: [{ id: {}, consent: 'yes' }] },
        complianz: { settings: { prefix: { toString: 'x' } }, hasConsent: [true] },
        osano: { consent: ['ACCEPT'] },
        didomi: { status: { purposes: [] } },
        cookieyes: { consent: { categories: 'all' }, config: { _categories: {} } },
        trustarc: { prefCookie: {}, behavior: 9 },
      },
    ],
  ])('%s: readers neither throw nor invent consent', (_label, globals) => {
    const readings = readCmps(input({ globals: globals as Record<string, unknown> }));
    for (const r of readings) {
      expect(r.source.error ?? '').not.toMatch(/reader failed/);
      expect(r.recorded?.purposes.analytics ?? false).toBe(false);
      expect(r.recorded?.purposes.advertising ?? false).toBe(false);
    }
  });

  test('__proto__ keys are data, never prototypes', () => {
    const consents = JSON.parse('{"__proto__":{"polluted":true},"constructor":true,"ga":true}') as unknown;
    const readings = readCmps(
      input({
        cookies: [cookie('klaro', encodeURIComponent('{"__proto__":{"x":1},"toString":false,"ga":true}'))],
        globals: {
          klaro: { config: { services: [{ name: 'ga', purposes: ['analytics'] }, { name: '__proto__', purposes: ['marketing'] }] }, consents },
          onetrust: JSON.parse('{"__proto__":{"activeGroups":",C0004,"}}') as unknown,
        },
      }),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('x');
    const klaro = readings.find((r) => r.cmp === 'klaro');
    expect(klaro?.recorded?.purposes).toEqual({ necessary: true, analytics: true });
    const onetrust = readings.find((r) => r.cmp === 'onetrust');
    expect(onetrust?.recorded?.purposes.advertising).toBeUndefined();
  });

  test('huge arrays are bounded', () => {
    const services = Array.from({ length: 100_000 }, (_, i) => ({ name: `s${i}`, purposes: ['analytics'], cookies: [`c${i}`, `d${i}`] }));
    const groups = Array.from({ length: 50_000 }, (_, i) => ({
      CustomGroupId: `C${i}`,
      GroupName: 'Performance Cookies',
      FirstPartyCookies: Array.from({ length: 20 }, (_, j) => ({ Name: `n${i}_${j}`, Length: '1' })),
    }));
    const readings = readCmps(input({ globals: { klaro: { config: { services } }, onetrust: { domainData: { Groups: groups } } } }));
    for (const r of readings) expect(r.cookies.length).toBeLessThanOrEqual(2000);
    expect(readings.find((r) => r.cmp === 'klaro')?.cookies).toHaveLength(600);
  });

  test('malformed input containers do not throw', () => {
    const bad = { cookies: [null, 1, { name: 1 }, { name: 'OptanonConsent' }], storage: null, globals: 'x', scripts: [null, 5] };
    expect(readCmps(bad as unknown as CmpInput)).toEqual([]);
  });

  test('an oversized cookie is reported, not parsed forever', () => {
    const big = `{"categories":[${'"a",'.repeat(50_000)}"necessary"]}`;
    const [reading] = readCmps(input({ cookies: [cookie('cc_cookie', big)] }));
    expect(reading?.source.valid).toBe(false);
    expect(reading?.recorded).toBeNull();
  });
});
