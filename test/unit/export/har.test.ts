import { describe, expect, test } from 'vitest';
import { formatHar } from '../../../src/core/export/har.ts';
import { harValidator, loadReport } from './helpers.ts';

interface HarEntry {
  pageref: string;
  startedDateTime: string;
  time: number;
  request: { method: string; url: string; headers: { name: string; value: string }[]; queryString: { name: string; value: string }[]; cookies: { name: string; value: string }[] };
  response: {
    status: number;
    headers: { name: string; value: string }[];
    cookies: { name: string; value: string; path?: string; httpOnly?: boolean; secure?: boolean }[];
    content: { size: number; mimeType: string };
    redirectURL: string;
    bodySize: number;
    _error?: string;
  };
  timings: { send: number; wait: number; receive: number };
  serverIPAddress?: string;
  _resourceType: string;
  _candor: { party: string; tracker: { name: string } | null; phase: string };
}
interface Har {
  log: { version: string; creator: { name: string; version: string }; browser: { name: string; version: string }; pages: { id: string; title: string; startedDateTime: string }[]; entries: HarEntry[] };
}

const validate = harValidator();
const report = loadReport('report');
const hostile = loadReport('hostile-report');
const har = (r = report): Har => JSON.parse(formatHar(r, { creatorVersion: '9.9.9' })) as Har;

describe('formatHar', () => {
  test.each([
    ['realistic', report],
    ['hostile', hostile],
    ['no visits', { ...report, visits: [] }],
  ])('%s validates against the HAR 1.2 schema', (_name, r) => {
    const ok = validate(har(r));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test('the validator does reject a broken HAR', () => {
    const broken = har();
    const first = broken.log.entries[0];
    if (first === undefined) throw new Error('no entries');
    (first as unknown as Record<string, unknown>).request = { url: 1 };
    expect(validate(broken)).toBe(false);
  });

  const { log } = har();

  test('log, creator, browser and one page per visit', () => {
    expect(log.version).toBe('1.2');
    expect(log.creator).toEqual({ name: 'candor', version: '9.9.9' });
    expect(log.browser).toEqual({ name: 'Chromium', version: '156.0.8078.108' });
    expect(log.pages.map((p) => [p.id, p.title, p.startedDateTime])).toEqual([
      ['before-consent', 'https://www.shop.example/basket', '2026-11-26T10:00:00.000Z'],
      ['after-reject', 'https://www.shop.example/basket', '2026-11-26T10:01:00.000Z'],
      ['after-accept', 'https://www.shop.example/basket', '2026-11-26T10:02:00.000Z'],
    ]);
    expect(log.entries).toHaveLength(report.summary.requests);
  });

  test('entries start at visit start + at, and point at their page', () => {
    const ga = log.entries.find((e) => e.pageref === 'before-consent' && e.request.url.includes('/g/collect'));
    expect(ga?.startedDateTime).toBe('2026-11-26T10:00:01.234Z');
    expect(ga?.request.method).toBe('POST');
    expect(ga?.request.queryString).toContainEqual({ name: 'dl', value: 'https://www.shop.example/basket' });
    expect(ga?.response.status).toBe(204);
    expect(ga?._candor.party).toBe('third');
    expect(ga?._candor.tracker?.name).toBe('Google Analytics');
    expect(ga?._resourceType).toBe('ping');
    expect(ga?.request.headers).toEqual([]);
    const times = log.entries.filter((e) => e.pageref === 'after-accept').map((e) => e.startedDateTime);
    expect([...times].sort()).toEqual(times);
  });

  test('recorded headers, cookies, MIME type and server address', () => {
    const doc = log.entries.find((e) => e.pageref === 'after-reject' && e._resourceType === 'document');
    expect(doc?.request.headers).toContainEqual({ name: 'accept', value: 'text/html' });
    expect(doc?.request.cookies).toEqual([
      { name: 'sid', value: 'abc123' },
      { name: 'theme', value: 'dark' },
    ]);
    expect(doc?.response.cookies).toEqual([{ name: 'sid', value: 'abc123', path: '/', secure: true, httpOnly: true }]);
    expect(doc?.response.content).toEqual({ size: 48213, mimeType: 'text/html; charset=utf-8' });
    expect(doc?.serverIPAddress).toBe('192.0.2.10');
  });

  test.each([
    ['redirect from Location', 'https://cdn.shop-assets.example/logo.png', 301, 'https://cdn.shop-assets.example/v2/logo.png'],
    ['no redirect', 'https://cdn.shop-assets.example/v2/logo.png', 200, ''],
    ['failed request', 'https://fonts.unreachable.example/font.woff2', 0, ''],
  ])('%s', (_name, url, status, redirectURL) => {
    const entry = log.entries.find((e) => e.request.url === url);
    expect(entry?.response.status).toBe(status);
    expect(entry?.response.redirectURL).toBe(redirectURL);
  });

  test('failed requests carry the error, unknown sizes are -1', () => {
    const failed = log.entries.find((e) => e.request.url.includes('unreachable'));
    expect(failed?.response._error).toBe('net::ERR_NAME_NOT_RESOLVED');
    expect(failed?.response.bodySize).toBe(-1);
    expect(failed?.serverIPAddress).toBeUndefined();
  });

  test('custom fields start with an underscore', () => {
    const standard = new Set(['pageref', 'startedDateTime', 'time', 'request', 'response', 'cache', 'timings', 'serverIPAddress', 'connection', 'comment']);
    for (const entry of log.entries) {
      for (const key of Object.keys(entry)) expect(standard.has(key) || key.startsWith('_')).toBe(true);
    }
  });

  test('hostile strings stay exact data', () => {
    const evil = har(hostile).log.entries[0];
    // normalised the way a browser sends it, so the HAR's `uri` format holds
    expect(evil?.request.url).toBe('https://evil.example/p?q=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E&a=%27b%27&c=%5D%5D%3E&d=%0A');
    expect(evil?._candor.phase).toBe('browsing');
    expect(evil?.response.headers).toContainEqual({ name: 'content-type', value: 'text/html"><x>' });
  });
});
