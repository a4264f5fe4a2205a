import { describe, expect, test } from 'vitest';
import { classifyRequest, hostnameOf } from '../../../src/core/observe/classify-request.ts';
import {
  LIMITS,
  type RawCookie,
  cookieBelongsTo,
  isKnownRequest,
  isNavigationUnanswered,
  isPending,
  recordBody,
  recordCompleted,
  recordConsentMoment,
  recordError,
  recordRedirect,
  recordSent,
  recordCookie,
  recordNavigation,
  recordRequest,
  recordResponse,
  recordScriptCookie,
  startVisit,
  withPresentCookies,
} from '../../../src/core/observe/visit-state.ts';

const T0 = 1_800_000_000_000;
const cookie = (over: Partial<RawCookie> = {}): RawCookie => ({
  name: '_ga',
  value: 'GA1.1.123456789.1795668198',
  domain: '.shop.example',
  path: '/',
  secure: false,
  httpOnly: false,
  session: false,
  expirationDate: T0 / 1000 + 86400,
  ...over,
});

function visitWith(urls: string[]) {
  const state = startVisit(7, 'https://www.shop.example/', T0);
  urls.forEach((url, i) => {
    recordRequest(
      state,
      { requestId: String(i), url, method: 'GET', type: 'script', frameId: 0, timeStamp: T0 + i },
      classifyRequest(null, url, state.url, state.topSite, 'script'),
    );
  });
  return state;
}

describe('hostnameOf', () => {
  test.each([
    ['https://www.shop.example/a?b', 'www.shop.example'],
    ['https://user:pw@Host.Example:8443/x', 'host.example'],
    ['http://[::1]:8080/', '[::1]'],
    ['data:text/plain,hi', ''],
    ['not a url', ''],
  ])('%s', (url, host) => {
    expect(hostnameOf(url)).toBe(host);
  });
});

describe('visit state', () => {
  test('requests get party, site and timing; redirects keep their origin', () => {
    const state = visitWith(['https://cdn.shop.example/app.js', 'https://www.google-analytics.com/g/collect?v=2']);
    expect(state.requests.map((r) => [r.party, r.site, r.at])).toEqual([
      ['first', 'shop.example', 0],
      ['third', 'google-analytics.com', 1],
    ]);
    recordRequest(
      state,
      { requestId: '1', url: 'https://region1.google-analytics.com/g/collect?v=2', method: 'GET', type: 'script', frameId: 0, timeStamp: T0 + 5 },
      classifyRequest(null, 'https://region1.google-analytics.com/g/collect?v=2', state.url, state.topSite, 'script'),
    );
    expect(state.requests[2]?.redirectedFrom).toBe('https://www.google-analytics.com/g/collect?v=2');
    recordCompleted(state, '1', 204, false, '127.0.0.1');
    expect(state.requests[2]).toMatchObject({ status: 204, remoteIp: '127.0.0.1' });
  });

  test('a redirect ends its hop; the next start with the same id is the target, even at the same URL', () => {
    const state = visitWith(['https://t.example/sync']);
    recordResponse(state, '0', { statusCode: 302, setCookieNames: ['uid'] });
    recordCompleted(state, '0', 302, false, '127.0.0.1', false);
    recordRedirect(state, '0');
    expect(isPending(state, '0')).toBe(false);
    expect(isKnownRequest(state, '0')).toBe(true);
    const start = { requestId: '0', url: 'https://t.example/sync', method: 'GET', type: 'image', frameId: 0, timeStamp: T0 + 9 };
    recordRequest(state, start, { site: 't.example', party: 'third', tracker: null });
    expect(state.requests.map((r) => [r.status, r.redirectedFrom])).toEqual([
      [302, undefined],
      [null, 'https://t.example/sync'],
    ]);
    expect(state.httpSetters.uid).toBe('https://t.example/sync');
    expect(state.redirects).toEqual({});
    recordCompleted(state, '0', 200);
    expect(isKnownRequest(state, '0')).toBe(false);
  });

  test('identifiers in a body seen before the headers join the sent data; an error forgets them', () => {
    const state = visitWith([]);
    recordBody(state, 'b', ['cid', 'uid']);
    recordBody(state, 'c', ['cid']);
    recordBody(state, 'd', []);
    expect(state.bodyIdentifiers).toEqual({ b: ['cid', 'uid'], c: ['cid'] });
    const start = { requestId: 'b', url: 'https://t.example/collect', method: 'POST', type: 'xmlhttprequest', frameId: 0, timeStamp: T0 };
    recordRequest(state, start, { site: 't.example', party: 'third', tracker: null });
    recordSent(state, 'b', { referer: false, refererKind: 'none', cookies: false, userAgent: true, language: false, clientHints: [], gpc: false, identifiers: [] });
    expect(state.requests[0]?.sent?.bodyIdentifiers).toEqual(['cid', 'uid']);
    recordError(state, 'c', 'net::ERR_BLOCKED_BY_CLIENT');
    expect(state.bodyIdentifiers).toEqual({});
  });

  test('the request cap counts what it drops instead of growing', () => {
    const state = visitWith([]);
    for (let i = 0; i < LIMITS.requests + 25; i++) {
      recordRequest(
        state,
        { requestId: String(i), url: `https://t.example/${i}`, method: 'GET', type: 'image', frameId: 0, timeStamp: T0 },
        { site: 't.example', party: 'third', tracker: null },
      );
    }
    expect(state.requests).toHaveLength(LIMITS.requests);
    expect(state.dropped.requests).toBe(25);
  });

  test('cookies belong to the visit of their site, a contacted site or their partition', () => {
    const state = visitWith(['https://www.facebook.com/tr/']);
    expect(cookieBelongsTo(state, cookie())).toBe(true);
    expect(cookieBelongsTo(state, cookie({ domain: '.facebook.com' }))).toBe(true);
    expect(cookieBelongsTo(state, cookie({ domain: '.elsewhere.example' }))).toBe(false);
    expect(cookieBelongsTo(state, cookie({ domain: '.elsewhere.example', partitionKey: 'https://shop.example' }))).toBe(true);
  });

  test('setter attribution: script hook and Set-Cookie, in either order', () => {
    const state = visitWith(['https://www.facebook.com/tr/']);
    recordCookie(state, cookie(), false, T0 + 10);
    recordScriptCookie(state, '_ga', 'https://www.googletagmanager.com/gtag/js?id=G-X');
    recordCookie(state, cookie({ name: 'fr', domain: '.facebook.com' }), false, T0 + 20);
    recordResponse(state, '0', { statusCode: 200, setCookieNames: ['fr'] });
    const byName = Object.fromEntries(Object.values(state.cookies).map((r) => [r.cookie.name, r]));
    expect(byName._ga?.setBy).toEqual({ via: 'script', url: 'https://www.googletagmanager.com/gtag/js?id=G-X' });
    expect(byName.fr?.setBy).toEqual({ via: 'http', url: 'https://www.facebook.com/tr/' });
    expect(byName.fr?.party).toBe('third');
    expect(byName._ga?.at).toBe(10);
  });

  test('cookie names that are Object.prototype members get their own setters, not the prototype', () => {
    const state = visitWith(['https://www.shop.example/set']);
    recordResponse(state, '0', { statusCode: 200, setCookieNames: ['__proto__'] });
    recordCookie(state, cookie({ name: '__proto__' }), false, T0 + 5);
    recordCookie(state, cookie({ name: 'constructor' }), false, T0 + 6);
    recordCookie(state, cookie({ name: 'toString' }), false, T0 + 7);
    recordScriptCookie(state, 'toString', 'https://www.shop.example/app.js', T0 + 7);
    const byName = new Map(Object.values(state.cookies).map((r) => [r.cookie.name, r]));
    expect(byName.get('__proto__')?.setBy).toEqual({ via: 'http', url: 'https://www.shop.example/set' });
    expect(byName.get('constructor')?.setBy).toEqual({ via: 'unknown' });
    expect(byName.get('toString')?.setBy).toEqual({ via: 'script', url: 'https://www.shop.example/app.js' });
    expect(Object.getPrototypeOf(state.httpSetters)).toBe(Object.prototype);
    expect(JSON.stringify(state.httpSetters)).toBe('{"__proto__":"https://www.shop.example/set"}'); // survives the storage.session mirror
    const merged = withPresentCookies(state, [cookie({ name: 'valueOf' })]);
    expect(Object.values(merged.cookies).find((r) => r.cookie.name === 'valueOf')?.setBy).toEqual({ via: 'unknown' });
  });

  test('huge and markup-laden cookies are kept as bounded plain data', () => {
    const state = visitWith([]);
    recordCookie(state, cookie({ name: '<img src=x onerror=alert(1)>', value: 'x'.repeat(100_000) }), false, T0);
    const record = Object.values(state.cookies)[0];
    expect(record?.cookie.name).toBe('<img src=x onerror=alert(1)>');
    expect(record?.cookie.value).toHaveLength(LIMITS.valueLength);
  });

  test('cookies present but never announced join the visit, marked as such', () => {
    const state = visitWith([]);
    recordScriptCookie(state, '_ga_X', 'https://www.googletagmanager.com/gtag/js');
    const merged = withPresentCookies(state, [cookie({ name: 'old' }), cookie({ name: '_ga_X' }), cookie({ domain: '.elsewhere.example' })]);
    const byName = Object.fromEntries(Object.values(merged.cookies).map((r) => [r.cookie.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['_ga_X', 'old']);
    expect(byName.old?.preexisting).toBe(true);
    expect(byName._ga_X?.preexisting).toBe(false);
    expect(byName._ga_X?.setBy.via).toBe('script');
    expect(Object.keys(state.cookies)).toHaveLength(0); // the stored state is not changed
  });
});

test('present cookies past the cap are counted as dropped, not lost silently', () => {
  const state = visitWith([]);
  for (let i = 0; i < LIMITS.cookies; i++) recordCookie(state, cookie({ name: `c${i}` }), false, T0);
  const merged = withPresentCookies(state, [cookie({ name: 'late_a' }), cookie({ name: 'late_b' }), cookie({ name: 'c1' })]);
  expect(Object.keys(merged.cookies)).toHaveLength(LIMITS.cookies);
  expect(merged.dropped.cookies).toBe(2);
  expect(state.dropped.cookies).toBe(0); // the stored state is not changed
});

describe('recordNavigation', () => {
  test('history API and fragment changes are listed once each', () => {
    const state = startVisit(1, 'https://www.shop.example/', T0);
    recordNavigation(state, 'https://www.shop.example/a', 'push', T0 + 5);
    recordNavigation(state, 'https://www.shop.example/a', 'replace', T0 + 6);
    recordNavigation(state, 'https://www.shop.example/a#x', 'pop', T0 + 7);
    recordNavigation(state, 'https://www.shop.example/a#x', 'hash', T0 + 7);
    expect(state.navigations).toEqual([
      { url: 'https://www.shop.example/a', at: 5, kind: 'push' },
      { url: 'https://www.shop.example/a#x', at: 7, kind: 'hash' },
    ]);
  });
});

describe('when a cookie was set, with a busy worker', () => {
  test('a cookie first seen after the page hook timed its setting is dated by the hook, not by the late event', () => {
    const state = startVisit(1, 'https://www.shop.example/', T0);
    recordScriptCookie(state, '_ga', 'https://www.googletagmanager.com/gtag/js?id=G-X', T0 + 300);
    recordCookie(state, cookie(), false, T0 + 2500);
    expect(Object.values(state.cookies).map((r) => [r.cookie.name, r.at, r.setBy.via])).toEqual([['_ga', 300, 'script']]);
    // a later change is dated when its event comes (the hook's time is of an earlier write)
    recordCookie(state, cookie({ value: 'GA1.1.2.3' }), false, T0 + 4000);
    expect(Object.values(state.cookies).map((r) => [r.at, r.firstAt])).toEqual([[4000, 300]]);
  });
});

describe('when a cookie first appeared', () => {
  test('survives rewrites and removal: during the visit, or 0 when it was stored before it', () => {
    const state = startVisit(1, 'https://www.shop.example/', T0);
    recordCookie(state, cookie(), false, T0 + 1000);
    recordCookie(state, cookie({ name: '_gid' }), false, T0 + 1100);
    recordCookie(state, cookie({ name: '_gid' }), false, T0 + 4000);
    recordCookie(state, cookie(), true, T0 + 9000);
    recordCookie(state, cookie({ name: 'old' }), true, T0 + 9100);
    recordCookie(state, cookie({ name: 'once' }), false, T0 + 9200);
    const records = Object.values(state.cookies);
    expect(records.map((r) => [r.cookie.name, r.at, r.removed, r.firstAt])).toEqual([
      ['_ga', 9000, true, 1000],
      ['_gid', 4000, false, 1100],
      ['old', 9100, true, 0],
      ['once', 9200, false, undefined],
    ]);
  });
});

describe('recordConsentMoment', () => {
  const undecided = { source: 'cmp:onetrust', choiceMade: false, purposes: { necessary: true, analytics: false } };
  const refused = { source: 'cmp:onetrust', choiceMade: true, purposes: { necessary: true, analytics: false } };

  test('keeps one moment per change, timed when the page began to be read', () => {
    const state = startVisit(1, 'https://www.shop.example/', T0);
    recordConsentMoment(state, null, T0 + 100, T0 + 200); // no mechanism yet: nothing
    recordConsentMoment(state, undecided, T0 + 600, T0 + 900);
    recordConsentMoment(state, { ...undecided, purposes: { analytics: false, necessary: true } }, T0 + 2000, T0 + 2100); // unchanged
    recordConsentMoment(state, refused, T0 + 5000, T0 + 5300);
    expect(state.consentMoments).toEqual([
      { ...undecided, at: 600 },
      { ...refused, at: 5000 },
    ]);
  });

  test('a reading time from the page is clamped into the visit, up to when it arrived', () => {
    const state = startVisit(1, 'https://www.shop.example/', T0);
    recordConsentMoment(state, undecided, T0 - 50_000, T0 + 10);
    recordConsentMoment(state, refused, T0 + 99_999_999, T0 + 700);
    recordConsentMoment(state, undecided, Number.NaN, T0 + 800);
    expect(state.consentMoments?.map((m) => m.at)).toEqual([0, 700, 800]);
  });

  test('past the cap the first moments stay and the latest replaces the last; odd purposes are dropped', () => {
    const state = startVisit(1, 'https://www.shop.example/', T0);
    for (let i = 0; i < 50; i++) {
      recordConsentMoment(state, { ...refused, choiceMade: i % 2 === 1, purposes: { analytics: i % 2 === 1, bogus: 'x' } as never }, T0 + i, T0 + i);
    }
    expect(state.consentMoments).toHaveLength(LIMITS.consentMoments);
    expect(state.consentMoments?.[0]).toEqual({ source: 'cmp:onetrust', choiceMade: false, purposes: { analytics: false }, at: 0 });
    expect(state.consentMoments?.at(-1)?.at).toBe(49);
  });
});

describe('cookies the browser never announced', () => {
  test('keep the time the page hook saw them set', () => {
    const state = startVisit(1, 'https://www.shop.example/', T0);
    recordScriptCookie(state, '_fbp', 'https://connect.facebook.net/en_US/fbevents.js', T0 + 420);
    const merged = withPresentCookies(state, [cookie({ name: '_fbp' })]);
    const record = Object.values(merged.cookies)[0];
    expect(record?.at).toBe(420);
    expect(record?.preexisting).toBe(false);
  });
});

test('a cookie first seen in the jar is re-dated when the page hook reports it later', () => {
  const state = startVisit(1, 'https://www.shop.example/', T0);
  const merged = withPresentCookies(state, [cookie({ name: '_fbp' })]);
  state.cookies = merged.cookies;
  recordScriptCookie(state, '_fbp', 'https://connect.facebook.net/en_US/fbevents.js', T0 + 300);
  const record = Object.values(state.cookies)[0];
  expect(record).toMatchObject({ at: 300, preexisting: false, setBy: { via: 'script' } });
});

describe('isNavigationUnanswered', () => {
  const nav = (url = 'https://www.shop.example/') => {
    const state = startVisit(1, url, T0);
    state.navigationId = 'n1';
    return state;
  };
  const start = { requestId: 'n1', url: 'https://www.shop.example/', method: 'GET', type: 'main_frame', frameId: 0, timeStamp: T0 };
  const cls = classifyRequest(null, start.url, start.url, 'shop.example', 'main_frame');

  test('not sent yet, or sent with no answer: unanswered', () => {
    const state = nav();
    expect(isNavigationUnanswered(state)).toBe(true);
    recordRequest(state, start, cls);
    expect(isNavigationUnanswered(state)).toBe(true);
  });

  test('redirected: unanswered until the last hop answers', () => {
    const state = nav();
    recordRequest(state, start, cls);
    recordResponse(state, 'n1', { statusCode: 302, setCookieNames: [] });
    expect(isNavigationUnanswered(state)).toBe(true);
    recordRedirect(state, 'n1');
    expect(isNavigationUnanswered(state)).toBe(true);
    recordRequest(state, { ...start, url: 'https://www.shop.example/en/' }, cls);
    expect(isNavigationUnanswered(state)).toBe(true);
    recordCompleted(state, 'n1', 200);
    expect(isNavigationUnanswered(state)).toBe(false);
  });

  test('answered, or failed: not', () => {
    const state = nav();
    recordRequest(state, start, cls);
    recordCompleted(state, 'n1', 200);
    expect(isNavigationUnanswered(state)).toBe(false);
    const failed = nav();
    recordRequest(failed, start, cls);
    recordError(failed, 'n1', 'net::ERR_NAME_NOT_RESOLVED');
    expect(isNavigationUnanswered(failed)).toBe(false);
  });

  test('a visit no navigation request started (a service worker’s, an older build’s) is never unanswered', () => {
    expect(isNavigationUnanswered(startVisit(1, 'https://www.shop.example/', T0))).toBe(false);
  });
});
