import { describe, expect, test } from 'vitest';
import { absorbAbandoned, isAbortedNavigation, keepsPageOnScreen } from '../../../src/core/observe/abandoned.ts';
import { classifyRequest } from '../../../src/core/observe/classify-request.ts';
import { type RawCookie, recordCompleted, recordCookie, recordRequest, recordResponse, startVisit } from '../../../src/core/observe/visit-state.ts';

const T0 = 1_800_000_000_000;

describe('keepsPageOnScreen', () => {
  test.each([
    [204, undefined, true],
    [205, undefined, true],
    [200, 'attachment; filename="catalogue.csv"', true],
    [200, 'Attachment', true],
    [200, '  attachment;filename=a.zip', true],
    [200, 'inline; filename="report.pdf"', false],
    [200, undefined, false],
    [200, 'attachmentless', false],
    [404, undefined, false],
    [undefined, undefined, false],
  ])('status %s, Content-Disposition %s: %s', (status, disposition, expected) => {
    expect(keepsPageOnScreen(status, disposition)).toBe(expected);
  });

  test.each([
    ['text/html; charset=utf-8', false],
    ['TEXT/PLAIN', false],
    ['image/svg+xml', false],
    ['video/mp4', false],
    ['application/pdf', false],
    ['application/json', false],
    ['application/xhtml+xml; charset=utf-8', false],
    ['application/rss+xml', false],
    ['application/ld+json', false],
    ['', false],
    ['application/octet-stream', true],
    ['application/zip', true],
    ['application/pdfx', true],
    ['application/vnd.ms-excel', true],
    ['application/x-msdownload', true],
  ])('a page sent as %s is downloaded: %s', (type, expected) => {
    expect(keepsPageOnScreen(200, undefined, type)).toBe(expected);
  });

  test('an error page is shown whatever its type', () => {
    expect(keepsPageOnScreen(500, undefined, 'application/octet-stream')).toBe(false);
  });
});

test.each([
  ['net::ERR_ABORTED', true],
  ['NS_BINDING_ABORTED', true],
  ['net::ERR_NAME_NOT_RESOLVED', false],
  ['NS_ERROR_UNKNOWN_HOST', false],
])('isAbortedNavigation(%s) is %s', (error, expected) => {
  expect(isAbortedNavigation(error)).toBe(expected);
});

describe('absorbAbandoned', () => {
  const raw = (over: Partial<RawCookie>): RawCookie => ({
    name: 'dl_id',
    value: 'a1b2c3d4e5f6',
    domain: 'files.cdn.example',
    path: '/',
    secure: true,
    httpOnly: false,
    session: true,
    ...over,
  });

  function shopAndDownload() {
    const shop = startVisit(3, 'https://www.shop.example/', T0);
    const cls = (url: string, state = shop) => classifyRequest(null, url, state.url, state.topSite, 'image');
    recordRequest(shop, { requestId: '1', url: 'https://www.shop.example/', method: 'GET', type: 'main_frame', frameId: 0, timeStamp: T0 + 5 }, cls('https://www.shop.example/'));
    recordCookie(shop, raw({ name: 'basket', domain: 'www.shop.example' }), false, T0 + 50);
    const download = startVisit(3, 'https://files.cdn.example/catalogue.csv', T0 + 2000);
    const url = 'https://files.cdn.example/catalogue.csv';
    recordRequest(download, { requestId: '9', url, method: 'GET', type: 'main_frame', frameId: 0, timeStamp: T0 + 2001 }, cls(url, download));
    recordResponse(download, '9', { statusCode: 200, setCookieNames: ['dl_id'] });
    recordCompleted(download, '9', 200);
    recordCookie(download, raw({}), false, T0 + 2010);
    recordCookie(download, raw({ name: 'basket', domain: 'www.shop.example', value: 'other' }), false, T0 + 2011);
    return { shop, download };
  }

  test('the page on screen takes the request back, as a third party of its own, timed from its start', () => {
    const { shop, download } = shopAndDownload();
    expect(download.requests[0]?.party).toBe('first');
    absorbAbandoned(shop, download, (r) => classifyRequest(null, r.url, shop.url, shop.topSite, r.type));
    expect(shop.requests.map((r) => [r.url, r.party, r.site, r.status, r.at])).toEqual([
      ['https://www.shop.example/', 'first', 'shop.example', null, 5],
      ['https://files.cdn.example/catalogue.csv', 'third', 'cdn.example', 200, 2001],
    ]);
    expect(shop.sites['cdn.example']).toBe(true);
  });

  test('and the cookies its answer set, without replacing what the page already had', () => {
    const { shop, download } = shopAndDownload();
    absorbAbandoned(shop, download, (r) => classifyRequest(null, r.url, shop.url, shop.topSite, r.type));
    const records = Object.values(shop.cookies);
    expect(records.map((c) => [c.cookie.name, c.cookie.value, c.party, c.at, c.setBy.via])).toEqual([
      ['basket', 'a1b2c3d4e5f6', 'first', 50, 'unknown'],
      // dated by the response that set it (1 ms into the download's visit), from the shop's start
      ['dl_id', 'a1b2c3d4e5f6', 'third', 2001, 'http'],
    ]);
  });

  test('past the caps, what does not fit is counted, not kept', () => {
    const { shop, download } = shopAndDownload();
    shop.requests.length = 0;
    for (let i = 0; i < 5000; i++) shop.requests.push({ ...(download.requests[0] as (typeof download.requests)[number]) });
    absorbAbandoned(shop, download, (r) => classifyRequest(null, r.url, shop.url, shop.topSite, r.type));
    expect(shop.requests).toHaveLength(5000);
    expect(shop.dropped.requests).toBe(1);
  });
});
