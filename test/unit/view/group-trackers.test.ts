import { describe, expect, test } from 'vitest';
import { groupTrackers } from '../../../src/core/view/group-trackers.ts';
import { purposeCounts } from '../../../src/core/view/purpose-counts.ts';
import { observed, request, tracker } from './fixture.ts';

const ga = tracker();
const ads = tracker({ key: 'doubleclick', name: 'DoubleClick', category: 'advertising', purpose: 'advertising' });
const fb = tracker({ key: 'facebook_connect', name: 'Facebook Connect', category: 'social_media', organization: 'Meta', purpose: 'social' });
const orphan = tracker({ key: 'tiny', name: 'Tiny Pixel', category: 'misc', organization: null, purpose: 'unknown' });

const fixture = observed([
  request({ tracker: ga, site: 'google-analytics.com' }),
  request({ tracker: ga, site: 'google-analytics.com' }),
  request({ tracker: ga, site: 'googletagmanager.com' }),
  request({ tracker: ads, site: 'doubleclick.net' }),
  request({ tracker: fb, site: 'facebook.net' }),
  request({ tracker: orphan, site: 'tiny.example' }),
  request({ tracker: null }),
]);

describe('groupTrackers', () => {
  test('groups by company, busiest first, with purposes and counts', () => {
    const groups = groupTrackers(fixture);
    expect(groups.map((g) => [g.company, g.companyKnown, g.requests, g.purposes])).toEqual([
      ['Google', true, 4, ['analytics', 'advertising']],
      ['Meta', true, 1, ['social']],
      ['Tiny Pixel', false, 1, ['unknown']],
    ]);
    const google = groups[0];
    expect(google?.trackers.map((t) => [t.name, t.requests, t.sites])).toEqual([
      ['Google Analytics', 3, ['google-analytics.com', 'googletagmanager.com']],
      ['DoubleClick', 1, ['doubleclick.net']],
    ]);
  });

  test('a tracker found behind a host of the site (CNAME) names that host and where it points, once each', () => {
    const adobe = tracker({ key: 'adobe_experience_cloud', name: 'Adobe Experience Cloud', category: 'site_analytics', organization: 'Adobe', purpose: 'analytics' });
    const cname = 'shop.example.sc.omtrdc.net';
    const groups = groupTrackers(
      observed([
        request({ tracker: adobe, party: 'first', site: 'shop.example', url: 'https://metrics.shop.example/b/ss/1', cname }),
        request({ tracker: adobe, party: 'first', site: 'shop.example', url: 'https://metrics.shop.example/b/ss/2', cname }),
        request({ tracker: adobe, party: 'first', site: 'shop.example', url: 'https://smetrics.shop.example/b/ss/3', cname: `s${cname}` }),
        request({ tracker: adobe, site: 'omtrdc.net', url: 'https://shop.sc.omtrdc.net/b/ss/4' }),
        request({ tracker: adobe, site: 'omtrdc.net', url: 'not a url', cname: 'x.omtrdc.net' }),
      ]),
    );
    expect(groups[0]?.trackers[0]?.cloaked).toEqual([
      { host: 'metrics.shop.example', cname },
      { host: 'smetrics.shop.example', cname: `s${cname}` },
    ]);
    expect(groupTrackers(fixture)[0]?.trackers[0]?.cloaked).toEqual([]);
  });

  test('no trackers → no groups', () => {
    expect(groupTrackers(observed([request()]))).toEqual([]);
  });

  test('memoized per report object', () => {
    expect(groupTrackers(fixture)).toBe(groupTrackers(fixture));
  });
});

describe('purposeCounts', () => {
  test.each([
    ['analytics', 1, 3],
    ['advertising', 1, 1],
    ['social', 1, 1],
    ['unknown', 1, 1],
  ])('%s: %d trackers, %d requests', (purpose, trackers, requests) => {
    const row = purposeCounts(fixture).find((c) => c.purpose === purpose);
    expect([row?.trackers, row?.requests, row?.share]).toEqual([trackers, requests, 1]);
  });

  test('purposes without trackers are left out, order follows PURPOSES', () => {
    expect(purposeCounts(fixture).map((c) => c.purpose)).toEqual(['analytics', 'advertising', 'social', 'unknown']);
  });

  test('share is relative to the largest bar', () => {
    const two = observed([request({ tracker: ga }), request({ tracker: tracker({ key: 'x', name: 'X' }) }), request({ tracker: ads })]);
    expect(purposeCounts(two).map((c) => [c.purpose, c.share])).toEqual([
      ['analytics', 1],
      ['advertising', 0.5],
    ]);
  });
});
