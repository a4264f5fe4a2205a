import { describe, expect, test } from 'vitest';
import { isConsentManagerScript, setterScript } from '../../../src/core/observe/setter-script.ts';
import type { TrackerInfo } from '../../../src/core/types.ts';

const info = (key: string, category: string): TrackerInfo => ({ key, name: key, category, organization: null, purpose: 'unknown' });
/** A stand-in for the tracker database's answers (the real categories of these hosts in @ghostery/trackerdb). */
const DB: Record<string, TrackerInfo> = {
  'consent.cookiebot.com': info('cookiebot', 'consent'),
  'web.cmp.usercentrics.eu': info('usercentrics', 'consent'),
  'cdn.cookielaw.org': info('onetrust', 'consent'),
  'cdn-cookieyes.com': info('cookieyes', 'consent'),
  'cs.iubenda.com': info('iubenda.com', 'consent'),
  'www.googletagmanager.com': info('google_tag_manager', 'utilities'),
  'staticw2.yotpo.com': info('yotpo', 'site_analytics'),
};
const isCmp = (url: string): boolean => isConsentManagerScript(url, DB[new URL(url).hostname] ?? null);

const CMP = {
  cookiebot: 'https://consent.cookiebot.com/uc.js',
  usercentrics: 'https://web.cmp.usercentrics.eu/ui/loader.js',
  onetrust: 'https://cdn.cookielaw.org/consent/0190-abc/OtAutoBlock.js',
  cookieyes: 'https://cdn-cookieyes.com/client_data/abc/script.js',
  iubenda: 'https://cs.iubenda.com/autoblocking/12345.js',
  complianz: 'https://www.sofa.example/wp-content/plugins/complianz-gdpr/cookiebanner/js/complianz.min.js',
};
const YOTPO = 'https://staticw2.yotpo.com/widget.js';
const GTM = 'https://www.googletagmanager.com/gtm.js?id=GTM-ABC';
const PAGE = 'https://www.sofa.example/';

describe('isConsentManagerScript', () => {
  test.each(Object.entries(CMP))('%s is a consent manager', (_, url) => {
    expect(isCmp(url)).toBe(true);
  });

  test.each([YOTPO, GTM, PAGE, 'https://www.sofa.example/wp-content/plugins/woocommerce/assets/js/cart.js'])('%s is not', (url) => {
    expect(isCmp(url)).toBe(false);
  });
});

describe('setterScript', () => {
  test('nothing on the stack: no setter', () => {
    expect(setterScript(undefined, isCmp)).toBeUndefined();
    expect(setterScript([], isCmp)).toBeUndefined();
  });

  test('the nearest script when no consent manager wraps the setter', () => {
    expect(setterScript([YOTPO, PAGE], isCmp)).toBe(YOTPO);
  });

  test.each(Object.entries(CMP))('a %s wrapper of document.cookie is passed over for the script it wraps', (_, cmp) => {
    expect(setterScript([cmp, YOTPO, PAGE], isCmp)).toBe(YOTPO);
  });

  test('several consent-manager frames (a stub and its auto-blocker) are all passed over', () => {
    expect(setterScript([CMP.onetrust, 'https://cdn.cookielaw.org/scripttemplates/otSDKStub.js', YOTPO], isCmp)).toBe(YOTPO);
  });

  test('a tag manager that runs a tracker inline is no wrapper: it is credited', () => {
    expect(setterScript([GTM, PAGE], isCmp)).toBe(GTM);
    expect(setterScript([CMP.cookiebot, GTM, PAGE], isCmp)).toBe(GTM);
  });

  test('a consent manager setting its own cookie with nothing else on the stack is the setter', () => {
    expect(setterScript([CMP.cookiebot], isCmp)).toBe(CMP.cookiebot);
    expect(setterScript([CMP.onetrust, 'https://cdn.cookielaw.org/scripttemplates/otSDKStub.js'], isCmp)).toBe(CMP.onetrust);
  });

  test('asks about no more scripts than it needs', () => {
    const asked: string[] = [];
    setterScript([CMP.cookiebot, YOTPO, PAGE], (url) => {
      asked.push(url);
      return isCmp(url);
    });
    expect(asked).toEqual([CMP.cookiebot, YOTPO]);
  });
});
