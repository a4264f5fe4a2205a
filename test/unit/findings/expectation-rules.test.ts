// The site owner's pinned expectations (candor.config.json `expect`): unexpected-third-party and unexpected-purpose,
// each silent unless its list is configured.
import { describe, expect, test } from 'vitest';
import type { Expectations } from '../../../src/core/findings/context.ts';
import { computeFindings } from '../../../src/core/findings/index.ts';
import { RULES } from '../../../src/core/findings/rules/index.ts';
import { allowsSite } from '../../../src/core/findings/rules/unexpected-third-party.ts';
import type { Finding } from '../../../src/core/types.ts';
import {
  CDN,
  FONT,
  GA_COOKIE,
  GA_HIT,
  ONETRUST_COOKIE,
  PAGE,
  type RuleCase,
  SESSION_COOKIE,
  SITE,
  SUBDOMAIN,
  TRACKERS,
  context,
  cookie,
  request,
  visit,
} from './builders.ts';

const PIXEL = request({ url: 'https://connect.facebook.net/en_US/fbevents.js', tracker: TRACKERS.facebook });
const PIXEL_HIT = request({ url: 'https://connect.facebook.net/tr?id=1&ev=PageView', type: 'image', tracker: TRACKERS.facebook });
const DC = request({ url: 'https://ad.doubleclick.net/activity;src=1', type: 'image', tracker: TRACKERS.doubleclick });
const DC_2 = request({ url: 'https://stats.g.doubleclick.net/g/collect?v=2', type: 'ping', tracker: TRACKERS.doubleclick });
const API = request({ url: 'https://api.partner.example/v1/stock', type: 'xmlhttprequest' });
const FBP = cookie({ name: '_fbp', purpose: 'advertising', purposeSource: 'known-cookie' });
const FR = cookie({ name: 'fr', domain: '.facebook.com', party: 'third', purpose: 'advertising', purposeSource: 'tracker' });
const UNKNOWN = cookie({ name: 'mystery', purpose: 'unknown' });
const CONSENT_AS_ADS = { ...ONETRUST_COOKIE, purpose: 'advertising' as const };
const CLOAKED = request({
  url: 'https://metrics.shop.example/collect',
  party: 'first',
  site: SITE,
  cname: 'shop.example.adobedc.net',
  tracker: { ...TRACKERS.doubleclick, key: 'adobe', name: 'Adobe Experience Cloud', organization: 'Adobe' },
});
const MYSTERY_TRACKER = request({
  url: 'https://cdn.misc.example/x.js',
  tracker: { key: 'misc', name: 'Misc', category: 'misc', organization: null, purpose: 'unknown' },
});

const ALL_TRAFFIC = [GA_HIT, FONT, CDN, SUBDOMAIN, PIXEL, PIXEL_HIT, DC, DC_2, API];
const GOOGLE_ONLY: Expectations = { thirdParties: ['google-analytics.com', 'doubleclick.net', 'gstatic.com'] };
const NO_ADS: Expectations = { purposes: ['necessary', 'functional', 'analytics'] };

const cases: (RuleCase & { sites?: string[] })[] = [
  // unexpected-third-party
  {
    name: 'not configured: silent',
    kind: 'unexpected-third-party',
    ctx: context(visit({ requests: ALL_TRAFFIC })),
    count: 0,
  },
  {
    name: 'only purposes configured: silent',
    kind: 'unexpected-third-party',
    ctx: context(visit({ requests: ALL_TRAFFIC }), { expectations: NO_ADS }),
    count: 0,
  },
  {
    name: 'every third party expected: none',
    kind: 'unexpected-third-party',
    ctx: context(visit({ requests: [GA_HIT, FONT, DC] }), { expectations: GOOGLE_ONLY }),
    count: 0,
  },
  {
    name: 'Facebook, Cloudflare and a plain API host are not expected: one finding per site',
    kind: 'unexpected-third-party',
    ctx: context(visit({ requests: ALL_TRAFFIC }), { expectations: GOOGLE_ONLY }),
    count: 3,
    sites: ['cloudflare.com', 'facebook.net', 'partner.example'],
  },
  {
    name: 'wildcard, subdomain and upper-case entries name the same registrable domains',
    kind: 'unexpected-third-party',
    ctx: context(visit({ requests: [GA_HIT, FONT, DC, DC_2] }), {
      expectations: { thirdParties: ['*.gstatic.com', 'WWW.Google-Analytics.com', 'ad.doubleclick.net.'] },
    }),
    count: 0,
  },
  {
    name: 'an empty list expects no third party at all; the site itself and its subdomains are never third parties',
    kind: 'unexpected-third-party',
    ctx: context(visit({ requests: [GA_HIT, SUBDOMAIN, CLOAKED] }), { expectations: { thirdParties: [] } }),
    count: 1,
    mentions: 'google-analytics.com',
  },
  // unexpected-purpose
  {
    name: 'not configured: silent',
    kind: 'unexpected-purpose',
    ctx: context(visit({ requests: ALL_TRAFFIC, cookies: [FBP, FR] })),
    count: 0,
  },
  {
    name: 'only third parties configured: silent',
    kind: 'unexpected-purpose',
    ctx: context(visit({ requests: ALL_TRAFFIC, cookies: [FBP, FR] }), { expectations: { thirdParties: [] } }),
    count: 0,
  },
  {
    name: 'every purpose expected: none',
    kind: 'unexpected-purpose',
    ctx: context(visit({ requests: ALL_TRAFFIC, cookies: [GA_COOKIE, FBP, FR] }), {
      expectations: { purposes: ['necessary', 'functional', 'analytics', 'advertising', 'social'] },
    }),
    count: 0,
  },
  {
    name: 'advertising and social: one per tracker (DoubleClick, Facebook) and one per cookie (_fbp, fr)',
    kind: 'unexpected-purpose',
    ctx: context(visit({ requests: ALL_TRAFFIC, cookies: [GA_COOKIE, SESSION_COOKIE, FBP, FR, FBP] }), { expectations: NO_ADS }),
    count: 4,
  },
  {
    name: 'unknown purposes, consent records and first-party requests are not judged; CNAME-cloaked trackers are',
    kind: 'unexpected-purpose',
    ctx: context(
      visit({
        requests: [MYSTERY_TRACKER, request({ url: 'https://www.facebook.com/tr', party: 'first', tracker: TRACKERS.facebook }), CLOAKED],
        cookies: [UNKNOWN, CONSENT_AS_ADS],
      }),
      { expectations: NO_ADS },
    ),
    count: 1,
    mentions: 'Adobe Experience Cloud',
  },
  {
    name: 'an empty list expects no purpose: even a necessary cookie is unexpected',
    kind: 'unexpected-purpose',
    ctx: context(visit({ cookies: [SESSION_COOKIE] }), { expectations: { purposes: [] } }),
    count: 1,
    mentions: 'no purpose at all',
  },
];

function siteOfFinding(finding: Finding): string {
  return /^(\S+) receives requests/.exec(finding.title)?.[1] ?? '';
}

describe('expectation rules', () => {
  test.each(cases)('$kind: $name', ({ kind, ctx, count, mentions, sites }) => {
    const findings = RULES[kind](ctx);
    expect(findings).toHaveLength(count);
    for (const finding of findings) {
      expect(finding.kind).toBe(kind);
      expect(finding.severity).toBe('medium');
      expect(finding.evidence.at(-1)).toEqual({ type: 'declaration', source: 'candor.config.json' });
      if (mentions) expect(`${finding.title} ${finding.explanation}`).toContain(mentions);
    }
    if (sites) expect(findings.map(siteOfFinding).sort()).toEqual(sites);
  });

  test('unexpected-third-party: example requests as evidence, the tracker named, its purpose kept', () => {
    const findings = RULES['unexpected-third-party'](context(visit({ phase: 'before-consent', requests: ALL_TRAFFIC }), { expectations: GOOGLE_ONLY }));
    const facebook = findings.find((f) => f.title.startsWith('facebook.net'));
    expect(facebook?.evidence).toEqual([
      { type: 'request', url: PIXEL.url, phase: 'before-consent' },
      { type: 'request', url: PIXEL_HIT.url, phase: 'before-consent' },
      { type: 'declaration', source: 'candor.config.json' },
    ]);
    expect(facebook?.purpose).toBe('social');
    expect(facebook?.explanation).toContain('Facebook Connect (Meta, facebook.net)');
    expect(findings.find((f) => f.title.startsWith('partner.example'))?.purpose).toBeUndefined();
  });

  test('unexpected-purpose: the tracker and cookie findings carry their purpose and evidence', () => {
    const findings = RULES['unexpected-purpose'](context(visit({ requests: ALL_TRAFFIC, cookies: [FBP] }), { expectations: NO_ADS }));
    expect(findings.map((f) => [f.purpose, f.evidence.length])).toEqual([
      ['social', 3],
      ['advertising', 3],
      ['advertising', 2],
    ]);
    expect(findings[1]?.title).toBe('DoubleClick is used for advertising, which is not an expected purpose');
    expect(findings[2]?.evidence[0]).toEqual({ type: 'cookie', name: '_fbp', domain: `.${SITE}`, phase: 'browsing' });
    expect(findings[2]?.explanation).toContain('expects only strictly necessary, functional and analytics');
  });

  test.each([
    [['google-analytics.com'], 'google-analytics.com', true],
    [['www.google-analytics.com'], 'google-analytics.com', true],
    [['*.googleapis.com'], 'fonts.googleapis.com', true],
    [['googleapis.com'], 'fonts.googleapis.com', true],
    [['fonts.googleapis.com'], 'fonts.googleapis.com', true],
    [['fonts.googleapis.com'], 'storage.googleapis.com', false],
    [['google.com'], 'notgoogle.com', false],
    [['*.google.com'], 'google.com.evil.example', false],
    [['google.com'], '', false],
    [[], 'google.com', false],
  ])('allowsSite(%j, %s) is %s', (entries, site, allowed) => {
    expect(allowsSite(entries, site)).toBe(allowed);
  });

  test('computeFindings passes expectations through; severity overrides apply to the new kinds', () => {
    const report = { site: SITE, url: PAGE, visits: [visit({ phase: 'before-consent', requests: ALL_TRAFFIC, cookies: [FBP] })] };
    const kinds = (findings: Finding[]) => findings.map((f) => f.kind).filter((k) => k.startsWith('unexpected-'));
    expect(kinds(computeFindings(report))).toEqual([]);
    const pinned = computeFindings(report, {
      expectations: { ...GOOGLE_ONLY, ...NO_ADS },
      severity: { 'unexpected-third-party': 'high' },
    });
    expect(pinned.filter((f) => f.kind === 'unexpected-third-party').map((f) => f.severity)).toEqual(['high', 'high', 'high']);
    expect(pinned.filter((f) => f.kind === 'unexpected-purpose').map((f) => f.severity)).toEqual(['medium', 'medium', 'medium']);
  });
});
