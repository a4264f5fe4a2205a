import { describe, expect, test } from 'vitest';
import type { ObservedRequest } from '../../../src/core/types.ts';
import { LOG_ITEMS, loggedItems, recipientLogs } from '../../../src/core/view/recipient-logs.ts';
import type { LogItem } from '../../../src/core/view/recipient-logs.ts';
import { observed, report, request, sent, tracker, visit } from './fixture.ts';

const PAGE = 'https://www.shop.example/basket';

describe('loggedItems', () => {
  test.each<[string, Partial<ObservedRequest>, LogItem[]]>([
    ['headers never seen: only IP and time', { sent: null }, ['ip', 'time']],
    ['nothing sent', {}, ['ip', 'time']],
    ['origin referrer: referrer, not the page', { sent: sent({ referer: true, refererKind: 'origin' }) }, ['ip', 'time', 'referrer']],
    ['full referrer: the page too', { sent: sent({ referer: true, refererKind: 'full' }) }, ['ip', 'time', 'page', 'referrer']],
    ['user agent: browser and OS', { sent: sent({ userAgent: true }) }, ['ip', 'time', 'browser', 'os']],
    ['low-entropy client hints: browser only', { sent: sent({ clientHints: ['sec-ch-ua', 'sec-ch-ua-mobile'] }) }, ['ip', 'time', 'browser']],
    ['platform hint: OS', { sent: sent({ clientHints: ['Sec-CH-UA-Platform'] }) }, ['ip', 'time', 'os']],
    ['language', { sent: sent({ language: true }) }, ['ip', 'time', 'language']],
    ['cookies', { sent: sent({ cookies: true }) }, ['ip', 'time', 'cookies']],
    ['page URL in the query, encoded', { url: `https://ga.example/collect?dl=${encodeURIComponent(PAGE)}` }, ['ip', 'time', 'page']],
    ['page URL in the query, plain', { url: `https://ga.example/collect?u=${PAGE}`, sent: null }, ['ip', 'time', 'page']],
    ['a URL that merely starts like the page', { url: `${PAGE}.css`, party: 'first' }, ['ip', 'time']],
    ['the page itself', { type: 'main_frame', url: PAGE, party: 'first' }, ['ip', 'time', 'page']],
    ['a redirect on the way to the page', { type: 'main_frame', url: 'https://t.example/r/1', party: 'third', status: 302 }, ['ip', 'time', 'page']],
    ['a download from another site, the page staying on screen', { type: 'main_frame', url: 'https://files.example/list.zip', party: 'third', status: 200 }, ['ip', 'time']],
    ['a download that sent the page as referrer', { type: 'main_frame', url: 'https://files.example/list.zip', party: 'third', status: 200, sent: sent({ referer: true, refererKind: 'full' }) }, ['ip', 'time', 'page', 'referrer']],
    ['the page fetched by its service worker', { type: 'xmlhttprequest', url: PAGE, party: 'first', serviceWorker: true }, ['ip', 'time', 'page']],
    ['the page’s URL fetched by the page itself', { type: 'xmlhttprequest', url: PAGE, party: 'first' }, ['ip', 'time']],
    // Firefox: a cached answer with no server address never reached the server; with one, it was revalidated there
    ['taken from the cache without asking the server', { fromCache: true, sent: sent({ userAgent: true, cookies: true }) }, []],
    ['revalidated with the server (or Chromium’s cache)', { fromCache: true, remoteIp: '192.0.2.1', sent: sent({ cookies: true }) }, ['ip', 'time', 'cookies']],
  ])('%s', (_name, overrides, expected) => {
    const items = loggedItems(request(overrides), [PAGE]);
    expect(LOG_ITEMS.filter((i) => items.has(i))).toEqual(expected);
  });
});

describe('recipientLogs', () => {
  const everything = sent({ referer: true, refererKind: 'full', userAgent: true, language: true, cookies: true });
  const fixture = observed([
    request({ url: 'https://ads.example/a', site: 'ads.example', sent: sent({ userAgent: true }), tracker: tracker({ name: 'Ads' }) }),
    request({ url: 'https://ads.example/b', site: 'ads.example', sent: sent({ userAgent: true, cookies: true }) }),
    request({ url: PAGE, type: 'main_frame', site: 'shop.example', party: 'first', sent: everything }),
    request({ url: 'https://cdn.example/x', site: 'cdn.example', sent: null }),
  ]);

  test('site first, then by items handed over', () => {
    expect(recipientLogs(fixture).map((r) => [r.site, r.party, r.requests, r.handedOver, r.unseen])).toEqual([
      ['shop.example', 'first', 1, 8, 0],
      ['ads.example', 'third', 2, 5, 0],
      ['cdn.example', 'third', 1, 2, 1],
    ]);
  });

  test('counts and the first example per item', () => {
    const ads = recipientLogs(fixture).find((r) => r.site === 'ads.example');
    expect(ads?.items.browser).toEqual({ count: 2, example: 'https://ads.example/a' });
    expect(ads?.items.cookies).toEqual({ count: 1, example: 'https://ads.example/b' });
    expect(ads?.items.language).toEqual({ count: 0, example: null });
    expect(ads?.trackers).toEqual(['Ads']);
  });

  test('aggregates across visits', () => {
    const one = { requests: [request({ site: 'a.example' })], cookies: [] };
    const r = report({ visits: [visit({ phase: 'before-consent', observed: one }), visit({ phase: 'after-accept', observed: one })] });
    expect(recipientLogs(r)[0]?.requests).toBe(2);
  });
});
