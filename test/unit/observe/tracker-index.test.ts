import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import loadTrackerDB from '@ghostery/trackerdb';
import { describe, expect, it } from 'vitest';
import { mixedRequests } from '../../../bench/mixed-requests.ts';
import { buildTrackerIndex, requiredLiteral } from '../../../src/core/tracker-index.ts';
import { type TrackerDbEngine, type TrackerDbMatch, toTrackerInfo, trackerDatabase } from '../../../src/core/trackers.ts';

const require = createRequire(import.meta.url);
const bytes = new Uint8Array(readFileSync(join(dirname(dirname(require.resolve('@ghostery/trackerdb'))), 'trackerdb.engine')));
const loaded = await loadTrackerDB(bytes);
const engine = loaded as unknown as TrackerDbEngine;

function bare(url: string, sourceUrl: string, type: string): string | null {
  try {
    return engine.matchUrl({ url, sourceUrl, type })[0]?.pattern.key ?? null;
  } catch {
    return null;
  }
}

const CASES: [string, string, string][] = [
  ['https://www.google-analytics.com/analytics.js', 'https://shop.example/', 'script'],
  ['https://www.googletagmanager.com/gtm.js?id=GTM-ABC123', 'https://shop.example/', 'script'],
  ['https://www.googletagmanager.com/gtm.js?id=GTM-ABC123', 'https://www.google.com/', 'script'],
  ['https://connect.facebook.net/en_US/fbevents.js', 'https://shop.example/', 'script'],
  ['https://www.facebook.com/tr/?id=1&ev=PageView', 'https://shop.example/', 'image'],
  ['https://www.facebook.com/', 'https://www.facebook.com/', 'main_frame'],
  ['https://static.shop.example/app.js', 'https://shop.example/', 'script'],
  ['https://cdn.example.net/lib/mbox.js', 'https://shop.example/', 'script'],
  ['https://img.example.net/AdButler/banner.png', 'https://shop.example/', 'image'],
  ['https://shop.example/wp-content/plugins/cleantalk-spam-protect/js/apbct.js', 'https://shop.example/', 'script'],
  ['https://smetrics.shop.example/b/ss/x', 'https://shop.example/', 'image'],
  ['http://ox-d.publisher.example/w/1.0/jstag', 'https://shop.example/', 'script'],
  ['https://sync.1dmp.io/pixel.gif?x=1', 'https://shop.example/', 'image'],
  ['https://sync.1dmp.io/other.gif', 'https://shop.example/', 'image'],
  ['https://192.168.1.20/collect', 'https://shop.example/', 'xmlhttprequest'],
  ['wss://ws.example/socket', 'https://shop.example/', 'websocket'],
  ['https://EXAMPLE.com/Mbox.JS', 'https://shop.example/', 'script'],
];

describe('tracker index', () => {
  it('finds required literals of regular expressions', () => {
    expect(requiredLiteral('baynote(-observer)?([0-9]+)\\.js')).toBe('baynote');
    expect(requiredLiteral('\\/resxcls[ax][0-9a-z_]*\\.js')).toBe('/resxcls');
    expect(requiredLiteral('(ga|xhr)\\.[0-9]+\\.js')).toBe('.js');
    expect(requiredLiteral('a|b')).toBe('');
    expect(requiredLiteral('^https:\\/\\/www\\.googletagmanager\\.com\\/a\\?(?:.+&)?gtm=')).toBe('https://www.googletagmanager.com/a?');
    expect(requiredLiteral('abcd?e')).toBe('abc');
  });

  it('answers as bare matchUrl does', () => {
    const db = trackerDatabase(engine, 'test');
    for (const [url, sourceUrl, type] of CASES) {
      expect(db.matchRequest({ url, sourceUrl, type })?.key ?? null, url).toBe(bare(url, sourceUrl, type));
    }
    for (const r of mixedRequests(3000, 7)) {
      expect(db.matchRequest(r)?.key ?? null, r.url).toBe(bare(r.url, r.sourceUrl, r.type));
    }
  });

  it('decides most requests itself and hands unusual ones to matchUrl', () => {
    const index = buildTrackerIndex(loaded, (h) => engine.matchDomain(h), (m) => toTrackerInfo(m as TrackerDbMatch | undefined));
    expect(index).not.toBeNull();
    expect(index?.lookup('wss://ws.example/socket', 'https://shop.example/', 'websocket')).toBeUndefined();
    expect(index?.lookup('https://static.shop.example/app.js', 'https://shop.example/', 'script')).toEqual({ info: null });
    expect(index?.lookup('https://www.google-analytics.com/analytics.js', 'https://shop.example/', 'script')?.info?.key).toBe(
      'google_analytics',
    );
  });

  it('falls back to matchUrl for an engine without internals', () => {
    const calls: string[] = [];
    const fake: TrackerDbEngine = {
      matchUrl: (q) => {
        calls.push(q.url);
        return [];
      },
      matchDomain: () => [],
    };
    expect(buildTrackerIndex(fake, () => [], () => null)).toBeNull();
    expect(trackerDatabase(fake, 'x').matchRequest({ url: 'https://a.example/', sourceUrl: '', type: 'script' })).toBeNull();
    expect(calls).toEqual(['https://a.example/']);
  });
});

describe('Google tag IDs', () => {
  const db = trackerDatabase(engine, 'test');
  const purposeOf = (url: string) => db.matchRequest({ url, sourceUrl: 'https://shop.example/', type: 'script' });
  it.each([
    ['https://www.googletagmanager.com/gtag/js?id=G-B00KS00001', 'analytics'],
    ['https://www.googletagmanager.com/gtag/js?id=G-B00KS00001&l=dataLayer&cx=c', 'analytics'],
    ['https://www.googletagmanager.com/gtag/destination?id=G-ABC&cx=c', 'analytics'],
    ['https://www.googletagmanager.com/gtag/js?id=UA-12345-1', 'analytics'],
    ['https://www.googletagmanager.com/gtag/js?id=AW-123456789', 'advertising'],
    ['https://www.googletagmanager.com/gtag/js?id=DC-123', 'advertising'],
    ['https://www.googletagmanager.com/gtag/js?id=GT-ABCDEF', 'advertising'],
    ['https://www.googletagmanager.com/gtag/js', 'advertising'],
    ['https://www.googletagmanager.com/gtag/js?id=G-ABC&id=AW-1', 'advertising'],
  ])('%s serves %s', (url, purpose) => {
    const info = purposeOf(url);
    expect(info?.key).toBe('google_tag');
    expect(info?.purpose).toBe(purpose);
  });
});

describe('the index answers most requests itself', () => {
  it('asks the engine only for the requests the index cannot decide (a known "no tracker" is an answer)', () => {
    let calls = 0;
    const counting: TrackerDbEngine = {
      ...engine,
      engine: engine.engine,
      matchUrl: (request) => {
        calls++;
        return engine.matchUrl(request);
      },
      matchDomain: (domain) => engine.matchDomain(domain),
    };
    const db = trackerDatabase(counting, 'test');
    const requests = mixedRequests(2000, 11);
    const none = requests.filter((r) => db.matchRequest(r) === null).length;
    expect(none).toBeGreaterThan(200);
    expect(calls).toBeLessThan(requests.length / 10);
  });
});
