// Positive and negative cases for the rules that compare what happened, or what is declared, with the declarations.
import { describe, expect, test } from 'vitest';
import type { IndependentClassifier } from '../../../src/core/findings/context.ts';
import { RULES } from '../../../src/core/findings/rules/index.ts';
import { misleads } from '../../../src/core/findings/rules/wrong-purpose.ts';
import {
  CDN,
  FONT,
  GA_COOKIE,
  GA_HIT,
  ONETRUST_COOKIE,
  type RuleCase,
  SESSION_COOKIE,
  SUBDOMAIN,
  TRACKERS,
  context,
  cookie,
  declaredCookie,
  request,
  visit,
} from './builders.ts';

/** Knows _ga (analytics), IDE (advertising) and PHPSESSID (necessary); says `heuristic` for `*track*`. */
const classify: IndependentClassifier = ({ name }) => {
  if (name === '_ga' || name.startsWith('_ga_')) return { purpose: 'analytics', source: 'known-cookie', detail: 'Google Analytics' };
  if (name === 'IDE') return { purpose: 'advertising', source: 'tracker', detail: 'DoubleClick' };
  if (name === 'PHPSESSID') return { purpose: 'necessary', source: 'known-cookie' };
  if (name.includes('track')) return { purpose: 'advertising', source: 'heuristic' };
  return { purpose: 'unknown', source: 'unknown' };
};

/** `classify` plus a functional `lang` and a social `c_user`. */
const lineClassify: IndependentClassifier = (input) => {
  if (input.name === 'lang') return { purpose: 'functional', source: 'known-cookie', detail: 'language' };
  if (input.name === 'c_user') return { purpose: 'social', source: 'tracker', detail: 'Facebook' };
  return classify(input);
};

const GA_DECLARED = declaredCookie({ name: '_ga', purpose: 'analytics', retentionSeconds: 63072000 });
const IDE_COOKIE = cookie({ name: 'IDE', domain: '.doubleclick.net', party: 'third', purpose: 'advertising', purposeSource: 'tracker' });
const DOUBLECLICK = request({ url: 'https://ad.doubleclick.net/ddm/ad?x=1', tracker: TRACKERS.doubleclick });

const cases: RuleCase[] = [
  // undeclared-cookie
  {
    name: 'an advertising cookie missing from the CMP list',
    kind: 'undeclared-cookie',
    ctx: context(visit({ declared: { cookies: [GA_DECLARED] }, cookies: [GA_COOKIE, IDE_COOKIE] })),
    count: 1,
    mentions: 'IDE',
  },
  {
    name: 'exact, case-insensitive, prefix and wildcard declarations cover cookies',
    kind: 'undeclared-cookie',
    ctx: context(
      visit({
        declared: {
          cookies: [
            declaredCookie({ name: '_GA' }),
            declaredCookie({ name: '_ga_', prefix: true }),
            declaredCookie({ name: '_hjSession_*' }),
            declaredCookie({ name: 'IDE', domain: 'doubleclick.net', purpose: 'advertising' }),
          ],
        },
        cookies: [GA_COOKIE, cookie({ name: '_ga_ABC123', purpose: 'analytics' }), cookie({ name: '_hjSession_42', purpose: 'analytics' }), IDE_COOKIE],
      }),
    ),
    count: 0,
  },
  {
    name: "a declaration under the provider's domain still covers the cookie",
    kind: 'undeclared-cookie',
    ctx: context(visit({ declared: { cookies: [declaredCookie({ name: '_ga', domain: 'google.com' }), declaredCookie({ name: '_gat_UA-<id>' }), declaredCookie({ name: '_hjid_###' })] }, cookies: [GA_COOKIE, cookie({ name: '_gat_UA-12345-1', purpose: 'analytics' }), cookie({ name: '_hjid_77', purpose: 'analytics' })] })),
    count: 0,
  },
  {
    name: 'a declaration of a similar name does not cover the cookie',
    kind: 'undeclared-cookie',
    ctx: context(visit({ declared: { cookies: [declaredCookie({ name: '_gat' }), declaredCookie({ name: '_gid*' })] }, cookies: [cookie({ name: '_gat_UA-1', purpose: 'analytics' })] })),
    count: 1,
  },
  {
    name: 'retention: a same-domain declaration wins over the provider-domain one',
    kind: 'retention-exceeds-declared',
    ctx: context(
      visit({
        declared: {
          cookies: [
            declaredCookie({ name: '_ga', domain: 'google.com', retentionSeconds: 63072000 }),
            declaredCookie({ name: '_ga', domain: 'shop.example', retentionSeconds: 86400 }),
          ],
        },
        cookies: [GA_COOKIE],
      }),
    ),
    count: 1,
  },
  {
    name: 'traps: the CMP consent cookie and necessary cookies are exempt',
    kind: 'undeclared-cookie',
    ctx: context(visit({ declared: { cookies: [GA_DECLARED] }, cookies: [ONETRUST_COOKIE, SESSION_COOKIE, cookie({ name: 'euconsent-v2' })] })),
    count: 0,
  },
  {
    name: 'a site that declares no cookies at all',
    kind: 'undeclared-cookie',
    ctx: context(visit({ declared: { cookies: [] }, cookies: [IDE_COOKIE] })),
    count: 0,
  },
  // undeclared-third-party
  {
    name: 'DoubleClick receives requests but only google-analytics.com is declared',
    kind: 'undeclared-third-party',
    ctx: context(visit({ declared: { recipients: ['google-analytics.com'] }, requests: [GA_HIT, DOUBLECLICK, { ...DOUBLECLICK, url: `${DOUBLECLICK.url}&2` }] })),
    count: 1,
    mentions: 'doubleclick.net',
  },
  {
    name: 'recipients given as hosts are compared by registrable domain',
    kind: 'undeclared-third-party',
    ctx: context(visit({ declared: { recipients: ['www.google-analytics.com', 'https://ad.doubleclick.net/'] }, requests: [GA_HIT, DOUBLECLICK] })),
    count: 0,
  },
  {
    name: 'traps: fonts, CDN and first-party subdomains are not undeclared recipients',
    kind: 'undeclared-third-party',
    ctx: context(visit({ declared: { recipients: [] }, requests: [FONT, CDN, SUBDOMAIN] })),
    count: 0,
  },
  {
    name: 'nothing declares recipients',
    kind: 'undeclared-third-party',
    ctx: context(visit({ declared: { recipients: null }, requests: [DOUBLECLICK] })),
    count: 0,
  },
  // wrong-purpose
  {
    name: '_ga declared necessary is analytics',
    kind: 'wrong-purpose',
    ctx: context(visit({ declared: { cookies: [declaredCookie({ name: '_ga', purpose: 'necessary' })] }, cookies: [{ ...GA_COOKIE, purpose: 'necessary', purposeSource: 'declared' }] }), { classify }),
    count: 1,
    mentions: 'analytics',
  },
  {
    name: 'a declared cookie not observed is still classified',
    kind: 'wrong-purpose',
    ctx: context(visit({ declared: { cookies: [declaredCookie({ name: 'IDE', purpose: 'analytics' })] } }), { classify }),
    count: 1,
  },
  {
    name: 'a prefix declaration is judged on the cookies it matches',
    kind: 'wrong-purpose',
    ctx: context(visit({ declared: { cookies: [declaredCookie({ name: '_ga_', prefix: true, purpose: 'functional' })] }, cookies: [cookie({ name: '_ga_XYZ' })] }), { classify }),
    count: 1,
  },
  {
    name: 'correct, over-cautious, heuristic-only and unknown classifications are not wrong',
    kind: 'wrong-purpose',
    ctx: context(
      visit({
        declared: {
          cookies: [
            GA_DECLARED,
            declaredCookie({ name: 'IDE', purpose: 'advertising' }),
            declaredCookie({ name: 'PHPSESSID', purpose: 'functional' }),
            declaredCookie({ name: 'mytracker', purpose: 'necessary' }),
            declaredCookie({ name: 'whatever', purpose: 'necessary' }),
            declaredCookie({ name: 'OptanonConsent', purpose: 'necessary' }),
          ],
        },
      }),
      { classify },
    ),
    count: 0,
  },
  {
    name: 'without an injected classifier the rule stays silent',
    kind: 'wrong-purpose',
    ctx: context(visit({ declared: { cookies: [declaredCookie({ name: '_ga', purpose: 'necessary' })] }, cookies: [GA_COOKIE] })),
    count: 0,
  },
  // unclassified-cookie
  {
    name: 'a declared cookie without a purpose',
    kind: 'unclassified-cookie',
    ctx: context(visit({ declared: { cookies: [declaredCookie({ name: 'mystery', purpose: 'unknown' }), GA_DECLARED] } })),
    count: 1,
    mentions: 'mystery',
  },
  {
    name: 'every declared cookie has a purpose',
    kind: 'unclassified-cookie',
    ctx: context(visit({ declared: { cookies: [GA_DECLARED, declaredCookie({ name: 'IDE', purpose: 'advertising' })] } })),
    count: 0,
  },
  // contradictory-declaration
  {
    name: '_ga declared as analytics by the CMP and advertising by DPV',
    kind: 'contradictory-declaration',
    ctx: context(visit({ declared: { cookies: [GA_DECLARED, declaredCookie({ name: '_ga', purpose: 'advertising', source: 'dpv' })] } })),
    count: 1,
    mentions: 'advertising',
  },
  {
    name: 'the same purpose twice, an unknown next to a purpose, and same name on two domains',
    kind: 'contradictory-declaration',
    ctx: context(
      visit({
        declared: {
          cookies: [
            GA_DECLARED,
            declaredCookie({ name: '_ga', source: 'dpv' }),
            declaredCookie({ name: '_ga', purpose: 'unknown' }),
            declaredCookie({ name: 'id', domain: 'a.example', purpose: 'necessary' }),
            declaredCookie({ name: 'id', domain: 'b.example', purpose: 'advertising' }),
          ],
        },
      }),
    ),
    count: 0,
  },
  // retention-exceeds-declared
  {
    name: 'a two-year cookie declared for 30 days',
    kind: 'retention-exceeds-declared',
    ctx: context(visit({ declared: { cookies: [declaredCookie({ name: '_ga', retentionSeconds: 30 * 86400 })] }, cookies: [GA_COOKIE] })),
    count: 1,
    mentions: '2 years',
  },
  {
    name: 'a persistent cookie declared as a session cookie',
    kind: 'retention-exceeds-declared',
    ctx: context(visit({ declared: { cookies: [declaredCookie({ name: '_ga', retentionSeconds: null, session: true })] }, cookies: [GA_COOKIE] })),
    count: 1,
  },
  {
    name: 'site-level retention applies to first-party cookies without their own declaration',
    kind: 'retention-exceeds-declared',
    ctx: context(visit({ declared: { retentionSeconds: 365 * 86400 }, cookies: [GA_COOKIE, { ...IDE_COOKIE, lifetimeSeconds: 63072000 }] })),
    count: 1,
    mentions: '_ga',
  },
  {
    name: 'within 1.5×, session cookies, and nothing declared',
    kind: 'retention-exceeds-declared',
    ctx: context(
      visit({
        declared: { cookies: [declaredCookie({ name: '_ga', retentionSeconds: 400 * 86400 }), declaredCookie({ name: 'PHPSESSID', retentionSeconds: 60 })] },
        cookies: [{ ...GA_COOKIE, lifetimeSeconds: 599 * 86400 }, SESSION_COOKIE, cookie({ name: 'other' })],
      }),
    ),
    count: 0,
  },
  {
    name: 'site-level retention: a consent manager’s own cookie is exempt',
    kind: 'retention-exceeds-declared',
    ctx: context(
      visit({
        declared: { retentionSeconds: 14 * 86400 },
        cookies: [cookie({ name: 'usprivacy', lifetimeSeconds: 365 * 86400 }), cookie({ name: 'cc_cookie', lifetimeSeconds: 182 * 86400 })],
      }),
    ),
    count: 0,
  },
  {
    name: 'site-level retention: a third party’s cookie is not what the site’s statement covers',
    kind: 'retention-exceeds-declared',
    ctx: context(visit({ declared: { retentionSeconds: 14 * 86400 }, cookies: [cookie({ name: 'fr', domain: '.facebook.com', party: 'third', lifetimeSeconds: 90 * 86400 })] })),
    count: 0,
  },
  {
    name: 'site-level retention (DPV, 14 days): the explanation says it is the site’s general statement',
    kind: 'retention-exceeds-declared',
    ctx: context(
      visit({
        declared: { retentionSeconds: 14 * 86400, sources: [{ kind: 'dpv', valid: true }] },
        cookies: [cookie({ name: 'nw_lang', lifetimeSeconds: 365 * 86400 })],
      }),
    ),
    count: 1,
    mentions: 'the site declares it keeps collected data for 14 days (in its machine-readable privacy declaration (DPV))',
  },
  {
    name: 'a cookie-level declaration wins over the site-level one, and the explanation names the cookie list',
    kind: 'retention-exceeds-declared',
    ctx: context(
      visit({
        declared: { retentionSeconds: 14 * 86400, cookies: [declaredCookie({ name: '_ga', retentionSeconds: 365 * 86400, source: 'cmp:cookieconsent' })] },
        cookies: [GA_COOKIE, cookie({ name: 'nw_lang', lifetimeSeconds: 7 * 86400 })],
      }),
    ),
    count: 1,
    mentions: "the site's cookie list (the Cookieconsent consent banner) declares it for 1 year",
  },
  // wrong-purpose across the necessary/functional line and between tracking purposes
  {
    name: 'declared necessary, known functional (and the reverse): lists draw that line differently',
    kind: 'wrong-purpose',
    ctx: context(
      visit({
        declared: { cookies: [declaredCookie({ name: 'lang', purpose: 'necessary' }), declaredCookie({ name: 'PHPSESSID', purpose: 'functional' })] },
      }),
      { classify: lineClassify },
    ),
    count: 0,
  },
  {
    name: 'declared advertising, known analytics: a swap',
    kind: 'wrong-purpose',
    ctx: context(visit({ declared: { cookies: [declaredCookie({ name: '_ga', purpose: 'advertising' })] }, cookies: [GA_COOKIE] }), { classify: lineClassify }),
    count: 1,
    mentions: 'declared as advertising but serves analytics',
  },
  {
    name: 'declared functional, known social media: understated',
    kind: 'wrong-purpose',
    ctx: context(visit({ declared: { cookies: [declaredCookie({ name: 'c_user', purpose: 'functional' })] } }), { classify: lineClassify }),
    count: 1,
  },
  {
    name: 'social versus advertising is not raised',
    kind: 'wrong-purpose',
    ctx: context(
      visit({ declared: { cookies: [declaredCookie({ name: 'c_user', purpose: 'advertising' }), declaredCookie({ name: 'IDE', purpose: 'social' })] } }),
      { classify: lineClassify },
    ),
    count: 0,
  },
  // invalid-metadata
  {
    name: 'a malformed gpc.json and a bad TC string',
    kind: 'invalid-metadata',
    ctx: context(
      visit({
        declared: {
          sources: [
            { kind: 'gpc-well-known', valid: false, error: 'gpc must be a boolean' },
            { kind: 'tcf', valid: false, error: 'bad TC string' },
            { kind: 'cmp', valid: true },
          ],
        },
      }),
    ),
    count: 2,
  },
  {
    name: 'all sources valid',
    kind: 'invalid-metadata',
    ctx: context(visit({ declared: { sources: [{ kind: 'usp', valid: true }] } })),
    count: 0,
  },
  // no-privacy-policy
  {
    name: 'no policy URL and no policy link',
    kind: 'no-privacy-policy',
    ctx: context(visit({ declared: { policyUrl: null } })),
    count: 1,
  },
  {
    name: 'a privacy-policy link source without a resolved URL',
    kind: 'no-privacy-policy',
    ctx: context(visit({ declared: { policyUrl: null, sources: [{ kind: 'privacy-policy-link', valid: true }] } })),
    count: 0,
  },
  {
    name: 'a policy URL',
    kind: 'no-privacy-policy',
    ctx: context(visit()),
    count: 0,
  },
];

describe('declaration rules', () => {
  test.each(cases)('$kind: $name', ({ kind, ctx, count, mentions }) => {
    const findings = RULES[kind](ctx);
    expect(findings).toHaveLength(count);
    for (const finding of findings) {
      expect(finding.kind).toBe(kind);
      if (mentions) expect(`${finding.title} ${finding.explanation}`).toContain(mentions);
    }
  });

  test.each([
    ['necessary', 'high'],
    ['functional', 'medium'],
  ] as const)('wrong-purpose declared %s is %s', (declaredPurpose, severity) => {
    const ctx = context(visit({ declared: { cookies: [declaredCookie({ name: '_ga', purpose: declaredPurpose })] }, cookies: [GA_COOKIE] }), { classify });
    const [finding] = RULES['wrong-purpose'](ctx);
    expect(finding?.severity).toBe(severity);
    expect(finding?.evidence).toContainEqual(
      expect.objectContaining({ type: 'cookie', name: '_ga', classification: { purpose: 'analytics', source: 'known-cookie', detail: 'Google Analytics' } }),
    );
  });

  test('wrong-purpose for a declared cookie not observed carries the classification and its source on the declaration', () => {
    const ctx = context(visit({ declared: { cookies: [declaredCookie({ name: 'IDE', purpose: 'analytics' })] } }), { classify });
    const [finding] = RULES['wrong-purpose'](ctx);
    expect(finding?.evidence).toEqual([
      {
        type: 'declaration',
        source: 'cmp:onetrust',
        name: 'IDE',
        purpose: 'analytics',
        classification: { purpose: 'advertising', source: 'tracker', detail: 'DoubleClick' },
      },
    ]);
  });

  test('site-level evidence says `site-retention` without a cookie name; cookie-level names the declaration', () => {
    const site = RULES['retention-exceeds-declared'](context(visit({ declared: { retentionSeconds: 14 * 86400 }, cookies: [GA_COOKIE] })));
    expect(site[0]?.evidence).toEqual([
      { type: 'cookie', name: '_ga', domain: '.shop.example', phase: 'browsing' },
      { type: 'declaration', source: 'site-retention', retentionSeconds: 14 * 86400 },
    ]);
    expect(site[0]?.explanation).toContain('No retention is declared for this cookie itself');
    const own = RULES['retention-exceeds-declared'](
      context(visit({ declared: { retentionSeconds: 14 * 86400, cookies: [declaredCookie({ name: '_ga', retentionSeconds: 30 * 86400 })] }, cookies: [GA_COOKIE] })),
    );
    expect(own[0]?.evidence[1]).toEqual({ type: 'declaration', source: 'cmp:onetrust', name: '_ga', retentionSeconds: 30 * 86400 });
  });

  // declared × known: the finding only where the declaration understates tracking or swaps analytics and advertising
  test.each([
    ['necessary', 'functional', false],
    ['functional', 'necessary', false],
    ['necessary', 'analytics', true],
    ['necessary', 'advertising', true],
    ['necessary', 'social', true],
    ['functional', 'analytics', true],
    ['functional', 'advertising', true],
    ['functional', 'social', true],
    ['analytics', 'advertising', true],
    ['advertising', 'analytics', true],
    ['analytics', 'social', false],
    ['social', 'advertising', false],
    ['advertising', 'social', false],
    ['social', 'analytics', false],
    ['analytics', 'functional', false],
    ['advertising', 'necessary', false],
    ['analytics', 'analytics', false],
    ['unknown', 'advertising', false],
    ['necessary', 'unknown', false],
  ] as const)('misleads(declared %s, known %s) = %s', (declared, known, expected) => {
    expect(misleads(declared, known)).toBe(expected);
  });

  test('a classifier that throws is treated as no classification', () => {
    const ctx = context(visit({ declared: { cookies: [declaredCookie({ name: '_ga', purpose: 'necessary' })] } }), {
      classify: () => {
        throw new Error('boom');
      },
    });
    expect(RULES['wrong-purpose'](ctx)).toEqual([]);
  });
});
