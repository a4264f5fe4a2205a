// Positive and negative cases for the rules that compare what happened with what was agreed.
import { describe, expect, test } from 'vitest';
import type { RuleContext } from '../../../src/core/findings/context.ts';
import { RULES } from '../../../src/core/findings/rules/index.ts';
import type { FindingKind } from '../../../src/core/types.ts';
import {
  CDN,
  CMP_SCRIPT,
  FONT,
  GA_COOKIE,
  GA_HIT,
  ONETRUST_COOKIE,
  SESSION_COOKIE,
  SUBDOMAIN,
  TRACKERS,
  context,
  cookie,
  recorded,
  request,
  visit,
} from './builders.ts';

interface Case {
  name: string;
  kind: FindingKind;
  ctx: RuleContext;
  /** number of findings expected */
  count: number;
  /** a text every finding's title or explanation mentions */
  mentions?: string;
}

const refusedAnalytics = recorded({ purposes: { necessary: true, analytics: false, advertising: false } });
const hits = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ ...GA_HIT, url: `${GA_HIT.url}&_p=${i}`, at: 1000 + i }));

const cases: Case[] = [
  // tracking-before-consent
  {
    name: 'banner still open: analytics cookie and Google Analytics requests',
    kind: 'tracking-before-consent',
    ctx: context(visit({ consent: { recorded: recorded({ choiceMade: false }) }, cookies: [GA_COOKIE], requests: [GA_HIT] })),
    count: 2,
  },
  {
    name: 'before-consent phase: three hits to one tracker are one finding',
    kind: 'tracking-before-consent',
    ctx: context(visit({ phase: 'before-consent', requests: hits(3) })),
    count: 1,
    mentions: 'Google Analytics',
  },
  {
    name: 'CNAME-cloaked first-party tracker counts',
    kind: 'tracking-before-consent',
    ctx: context(
      visit({
        phase: 'before-consent',
        requests: [request({ url: 'https://metrics.shop.example/collect', tracker: TRACKERS.googleAnalytics, cname: 'x.google-analytics.com' })],
      }),
    ),
    count: 1,
  },
  {
    name: 'consent given and honoured: no finding in browsing',
    kind: 'tracking-before-consent',
    ctx: context(visit({ consent: { recorded: recorded({ purposes: { analytics: true } }) }, cookies: [GA_COOKIE], requests: [GA_HIT] })),
    count: 0,
  },
  {
    name: 'traps: necessary cookie, the CMP cookie, fonts, CDN, CMP script, first-party subdomain',
    kind: 'tracking-before-consent',
    ctx: context(
      visit({
        phase: 'before-consent',
        cookies: [SESSION_COOKIE, ONETRUST_COOKIE, cookie({ name: 'lang', purpose: 'functional' })],
        requests: [FONT, CDN, CMP_SCRIPT, SUBDOMAIN],
      }),
    ),
    count: 0,
  },
  {
    name: 'the site is itself in the tracker database (first-party, no CNAME)',
    kind: 'tracking-before-consent',
    ctx: context(visit({ phase: 'before-consent', requests: [request({ url: 'https://www.shop.example/tr', tracker: TRACKERS.facebook })] })),
    count: 0,
  },
  {
    name: 'Consent Mode defaults alone are no consent mechanism (that is no-consent-mechanism)',
    kind: 'tracking-before-consent',
    ctx: context(visit({ declared: { sources: [] }, consent: { recorded: recorded({ source: 'consent-mode', choiceMade: false }) }, requests: [GA_HIT] })),
    count: 0,
  },
  {
    name: 'after-accept phase whose click did not register is not "before consent"',
    kind: 'tracking-before-consent',
    ctx: context(visit({ phase: 'after-accept', consent: { recorded: recorded({ choiceMade: false }) }, cookies: [GA_COOKIE] })),
    count: 0,
  },
  // consent-ignored
  {
    name: 'cookie updated after the recorded refusal',
    kind: 'consent-ignored',
    ctx: context(visit({ consent: { recorded: refusedAnalytics }, cookies: [ONETRUST_COOKIE, { ...GA_COOKIE, at: 6000 }] })),
    count: 1,
    mentions: '_ga',
  },
  {
    name: 'cookie set before the refusal is not evidence',
    kind: 'consent-ignored',
    ctx: context(visit({ consent: { recorded: refusedAnalytics }, cookies: [ONETRUST_COOKIE, { ...GA_COOKIE, at: 1000 }] })),
    count: 0,
  },
  {
    name: 'requests after the refusal, not those before',
    kind: 'consent-ignored',
    ctx: context(
      visit({ consent: { recorded: refusedAnalytics }, cookies: [ONETRUST_COOKIE], requests: [GA_HIT, { ...GA_HIT, url: `${GA_HIT.url}&late`, at: 7000 }] }),
    ),
    count: 1,
    mentions: 'Google Analytics',
  },
  {
    name: 'refusal from an earlier visit: a pre-existing cookie (at 0) is not evidence',
    kind: 'consent-ignored',
    ctx: context(visit({ consent: { recorded: refusedAnalytics }, cookies: [{ ...GA_COOKIE, at: 0 }] })),
    count: 0,
  },
  {
    name: 'refusal from an earlier visit: a cookie written during this visit is',
    kind: 'consent-ignored',
    ctx: context(visit({ consent: { recorded: refusedAnalytics }, cookies: [{ ...GA_COOKIE, at: 300 }] })),
    count: 1,
  },
  {
    name: 'after-reject phase: everything observed counts',
    kind: 'consent-ignored',
    ctx: context(visit({ phase: 'after-reject', cookies: [{ ...GA_COOKIE, at: 10 }], requests: [GA_HIT] })),
    count: 2,
  },
  {
    name: 'after-reject phase whose automation failed is no refusal',
    kind: 'consent-ignored',
    ctx: context(visit({ phase: 'after-reject', interaction: { cmp: null, action: 'reject', ok: false }, cookies: [GA_COOKIE] })),
    count: 0,
  },
  {
    name: 'a cookie the site removed after the refusal honours it',
    kind: 'consent-ignored',
    ctx: context(visit({ phase: 'after-reject', cookies: [{ ...GA_COOKIE, removed: true }] })),
    count: 0,
  },
  {
    name: 'consent given and then honoured',
    kind: 'consent-ignored',
    ctx: context(visit({ consent: { recorded: recorded({ purposes: { analytics: true } }) }, cookies: [{ ...GA_COOKIE, at: 9000 }], requests: [{ ...GA_HIT, at: 9000 }] })),
    count: 0,
  },
  {
    name: 'advertising refused, analytics granted: analytics is fine',
    kind: 'consent-ignored',
    ctx: context(visit({ consent: { recorded: recorded({ purposes: { analytics: true, advertising: false } }) }, cookies: [{ ...GA_COOKIE, at: 9000 }] })),
    count: 0,
  },
  {
    name: 'no recorded consent in browsing: nothing was refused',
    kind: 'consent-ignored',
    ctx: context(visit({ cookies: [GA_COOKIE], requests: [GA_HIT] })),
    count: 0,
  },
  // positive-consent-without-choice
  {
    name: 'pre-ticked analytics',
    kind: 'positive-consent-without-choice',
    ctx: context(visit({ consent: { recorded: recorded({ choiceMade: false, purposes: { necessary: true, analytics: true } }) } })),
    count: 1,
    mentions: 'analytics',
  },
  {
    name: 'before-consent phase: a record claiming a choice nobody made',
    kind: 'positive-consent-without-choice',
    ctx: context(visit({ phase: 'before-consent', consent: { recorded: recorded({ choiceMade: true, purposes: { advertising: true } }) } })),
    count: 1,
  },
  {
    name: 'no choice, only necessary and functional granted',
    kind: 'positive-consent-without-choice',
    ctx: context(visit({ consent: { recorded: recorded({ choiceMade: false, purposes: { necessary: true, functional: true, analytics: false } }) } })),
    count: 0,
  },
  {
    name: 'a real choice in browsing',
    kind: 'positive-consent-without-choice',
    ctx: context(visit({ consent: { recorded: recorded({ choiceMade: true, purposes: { analytics: true } }) } })),
    count: 0,
  },
  {
    name: 'Consent Mode defaulting to granted is a tag setting, not a consent record',
    kind: 'positive-consent-without-choice',
    ctx: context(visit({ consent: { recorded: recorded({ source: 'consent-mode', choiceMade: false, purposes: { analytics: true } }) } })),
    count: 0,
  },
  {
    name: 'after-accept phase: the grant is the click',
    kind: 'positive-consent-without-choice',
    ctx: context(visit({ phase: 'after-accept', consent: { recorded: recorded({ choiceMade: false, purposes: { analytics: true } }) } })),
    count: 0,
  },
  // consent-differs-from-preference
  {
    name: 'site records analytics the saved preference refuses',
    kind: 'consent-differs-from-preference',
    ctx: context(visit({ consent: { recorded: recorded({ purposes: { analytics: true } }), preference: { analytics: false } } })),
    count: 1,
    mentions: 'analytics',
  },
  {
    name: 'site honours the preference',
    kind: 'consent-differs-from-preference',
    ctx: context(visit({ consent: { recorded: recorded({ purposes: { analytics: false, necessary: true } }), preference: { analytics: false, necessary: false } } })),
    count: 0,
  },
  {
    name: 'no saved preference',
    kind: 'consent-differs-from-preference',
    ctx: context(visit({ consent: { recorded: recorded({ purposes: { analytics: true } }), preference: null } })),
    count: 0,
  },
  // gpc-ignored
  {
    name: 'GPC sent, US Privacy string says not opted out',
    kind: 'gpc-ignored',
    ctx: context(visit({ gpcSent: true, consent: { signals: [{ source: 'usp', purposes: {}, optedOut: false, raw: '1YNN' }] } })),
    count: 1,
    mentions: '1YNN',
  },
  {
    name: 'GPC sent, GPP usnat and OneTrust both not opted out',
    kind: 'gpc-ignored',
    ctx: context(
      visit({
        gpcSent: true,
        consent: {
          signals: [
            { source: 'gpp:usnat', purposes: {}, optedOut: false, raw: 'DBABLA~BVQqAAAAAgA.QA' },
            { source: 'cmp:onetrust', purposes: {}, optedOut: false, raw: 'isGpcEnabled=0' },
          ],
        },
      }),
    ),
    count: 2,
  },
  {
    name: 'GPC not sent',
    kind: 'gpc-ignored',
    ctx: context(visit({ gpcSent: false, consent: { signals: [{ source: 'usp', purposes: {}, optedOut: false, raw: '1YNN' }] } })),
    count: 0,
  },
  {
    name: 'GPC honoured (1YYN) or framework not applicable (1---)',
    kind: 'gpc-ignored',
    ctx: context(
      visit({
        gpcSent: true,
        consent: {
          signals: [
            { source: 'usp', purposes: {}, optedOut: true, raw: '1YYN' },
            { source: 'usp', purposes: {}, optedOut: null, raw: '1---' },
          ],
        },
      }),
    ),
    count: 0,
  },
  // consent-signals-disagree
  {
    name: 'CMP refuses analytics, Consent Mode grants it',
    kind: 'consent-signals-disagree',
    ctx: context(visit({ consent: { recorded: refusedAnalytics, signals: [{ source: 'consent-mode', purposes: { analytics: true } }] } })),
    count: 1,
    mentions: 'Google Consent Mode',
  },
  {
    name: 'gcs timeline: a denied hit before the choice, granted after it',
    kind: 'consent-signals-disagree',
    ctx: context(
      visit({
        consent: {
          recorded: recorded({ purposes: { analytics: true, advertising: true } }),
          signals: [
            { source: 'gcs', purposes: { analytics: false, advertising: false }, raw: 'G100' },
            { source: 'gcs', purposes: { analytics: true, advertising: true }, raw: 'G111' },
          ],
        },
      }),
    ),
    count: 0,
  },
  {
    name: 'gcs timeline: still denied after the choice',
    kind: 'consent-signals-disagree',
    ctx: context(
      visit({
        consent: {
          recorded: recorded({ purposes: { analytics: true, advertising: true } }),
          signals: [
            { source: 'gcs', purposes: { analytics: true, advertising: true }, raw: 'G111' },
            { source: 'gcs', purposes: { analytics: false, advertising: false }, raw: 'G100' },
          ],
        },
      }),
    ),
    count: 1,
    mentions: 'analytics and advertising',
  },
  {
    name: 'Consent Mode default before any choice',
    kind: 'consent-signals-disagree',
    ctx: context(visit({ consent: { recorded: refusedAnalytics, signals: [{ source: 'consent-mode', choiceMade: false, purposes: { analytics: true } }] } })),
    count: 0,
  },
  {
    name: 'recorded consent holds no choice',
    kind: 'consent-signals-disagree',
    ctx: context(visit({ consent: { recorded: recorded({ choiceMade: false, purposes: { analytics: false } }), signals: [{ source: 'tcf', purposes: { analytics: true } }] } })),
    count: 0,
  },
  {
    name: 'signals agree, cover other purposes, or differ only on necessary',
    kind: 'consent-signals-disagree',
    ctx: context(
      visit({
        consent: {
          recorded: refusedAnalytics,
          signals: [
            { source: 'consent-mode', purposes: { analytics: false, advertising: false } },
            { source: 'gcs', purposes: { functional: true } },
            { source: 'tcf', purposes: { necessary: false } },
          ],
        },
      }),
    ),
    count: 0,
  },
];

describe('consent rules', () => {
  test.each(cases)('$kind: $name', ({ kind, ctx, count, mentions }) => {
    const findings = RULES[kind](ctx);
    expect(findings).toHaveLength(count);
    for (const finding of findings) {
      expect(finding.kind).toBe(kind);
      expect(finding.phase).toBe(ctx.visit.phase);
      if (mentions) expect(`${finding.title} ${finding.explanation}`).toContain(mentions);
    }
  });

  test('evidence lists at most five example requests', () => {
    const [finding] = RULES['tracking-before-consent'](context(visit({ phase: 'before-consent', requests: hits(8) })));
    expect(finding?.evidence.filter((e) => e.type === 'request')).toHaveLength(5);
  });

  test('the refusal is the first evidence item of consent-ignored', () => {
    const [finding] = RULES['consent-ignored'](context(visit({ phase: 'after-reject', cookies: [GA_COOKIE] })));
    expect(finding?.evidence[0]).toMatchObject({ type: 'consent', choiceMade: true, purposes: { analytics: false } });
  });
});
