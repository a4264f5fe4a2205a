// Positive and negative cases for the rules that compare what happened with what was agreed.
import { describe, expect, test } from 'vitest';
import type { RuleContext } from '../../../src/core/findings/context.ts';
import { RULES } from '../../../src/core/findings/rules/index.ts';
import type { ConsentSignal, FindingKind, PurposeMap, RecordedConsent } from '../../../src/core/types.ts';
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

/** vanilla-cookieconsent before any choice: only the necessary category is on. */
const noChoice = recorded({ source: 'cmp:cookieconsent', choiceMade: false, purposes: { necessary: true, analytics: false, advertising: false } });
/** Google Consent Mode defaults as readDeclared keeps them when a CMP's record wins on priority. */
function cmDefault(purposes: PurposeMap, raw = 'analytics_storage=granted'): ConsentSignal {
  return { source: 'consent-mode', purposes, choiceMade: false, raw };
}
const refusedAnalytics = recorded({ purposes: { necessary: true, analytics: false, advertising: false } });
const recordedAt = (r: RecordedConsent, at: number) => ({ ...r, at });
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
    name: 'a known advertising cookie the site declares necessary still needs consent',
    kind: 'tracking-before-consent',
    ctx: context(
      visit({
        phase: 'before-consent',
        cookies: [cookie({ name: '_fbp', purpose: 'necessary', purposeSource: 'declared', independentPurpose: 'advertising' })],
      }),
    ),
    count: 1,
    mentions: 'Advertising',
  },
  {
    name: 'a declaration that merely differs on necessary vs functional changes nothing',
    kind: 'tracking-before-consent',
    ctx: context(
      visit({
        phase: 'before-consent',
        cookies: [cookie({ name: 'lang', purpose: 'necessary', purposeSource: 'declared', independentPurpose: 'functional' })],
      }),
    ),
    count: 0,
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
  {
    name: 'US opt-out regime: a US Privacy standing decision (1YNN) is no pending choice in a check either',
    kind: 'tracking-before-consent',
    ctx: context(
      visit({
        phase: 'before-consent',
        consent: { recorded: recorded({ source: 'usp', choiceMade: true, purposes: {} }), signals: [{ source: 'usp', purposes: {}, optedOut: false, raw: '1YNN' }] },
        cookies: [GA_COOKIE],
        requests: [GA_HIT],
      }),
    ),
    count: 0,
  },
  {
    name: 'US opt-out regime: a GPP US section with an opt-out (GPC honoured) is a choice; analytics is not before consent',
    kind: 'tracking-before-consent',
    ctx: context(
      visit({
        phase: 'before-consent',
        consent: {
          recorded: recorded({ source: 'gpp', choiceMade: true, purposes: { advertising: false } }),
          signals: [{ source: 'gpp', purposes: { advertising: false }, optedOut: true, raw: 'DBABLA~BVQqAAAAAgA.QA' }],
        },
        cookies: [GA_COOKIE],
      }),
    ),
    count: 0,
  },
  {
    name: 'a TCF record inside GPP is no US standing decision: tracking before any interaction still counts',
    kind: 'tracking-before-consent',
    ctx: context(
      visit({
        phase: 'before-consent',
        consent: { recorded: recorded({ source: 'gpp', choiceMade: true, purposes: { necessary: true, analytics: true, advertising: true } }), signals: [] },
        cookies: [GA_COOKIE],
      }),
    ),
    count: 1,
  },
  {
    name: 'browsing, choice made during the visit: what came before the page was last read with no choice still counts',
    kind: 'tracking-before-consent',
    ctx: context(
      visit({
        consent: {
          recorded: refusedAnalytics,
          history: [
            { ...noChoice, source: 'cmp:onetrust', at: 1500 },
            { ...refusedAnalytics, at: 9000 },
          ],
        },
        cookies: [GA_COOKIE],
        requests: [GA_HIT, { ...GA_HIT, url: `${GA_HIT.url}&late=1`, at: 9500 }],
      }),
    ),
    count: 2,
  },
  {
    name: 'browsing, choice made during the visit: a cookie set before it and cleared on the refusal still counts',
    kind: 'tracking-before-consent',
    ctx: context(
      visit({
        consent: { recorded: refusedAnalytics, history: [{ ...noChoice, at: 1500 }] },
        cookies: [{ ...GA_COOKIE, removed: true, at: 9200, firstAt: 1000 }],
      }),
    ),
    count: 1,
    mentions: '_ga',
  },
  {
    name: 'browsing, choice made during the visit: a cookie first set before it and rewritten after it still counts',
    kind: 'tracking-before-consent',
    ctx: context(
      visit({
        consent: { recorded: recorded({ purposes: { analytics: true } }), history: [{ ...noChoice, at: 1500 }] },
        cookies: [{ ...GA_COOKIE, at: 9200, firstAt: 1000 }],
      }),
    ),
    count: 1,
  },
  {
    name: 'browsing, choice made during the visit: a cookie set after the last undecided reading and cleared is not',
    kind: 'tracking-before-consent',
    ctx: context(
      visit({
        consent: { recorded: refusedAnalytics, history: [{ ...noChoice, at: 1500 }] },
        cookies: [{ ...GA_COOKIE, removed: true, at: 9200, firstAt: 2000 }],
      }),
    ),
    count: 0,
  },
  {
    name: 'browsing, choice made during the visit: only what was observed up to the last undecided moment',
    kind: 'tracking-before-consent',
    ctx: context(
      visit({
        consent: {
          recorded: recorded({ purposes: { analytics: true } }),
          history: [
            { ...noChoice, source: 'cmp:onetrust', at: 500 },
            { ...noChoice, source: 'cmp:onetrust', purposes: { necessary: true }, at: 800 },
            recordedAt(recorded({ purposes: { analytics: true } }), 900),
          ],
        },
        // set after the last moment read with no choice: the visitor may have accepted by then
        cookies: [{ ...GA_COOKIE, at: 850 }],
        requests: [{ ...GA_HIT, at: 950 }],
      }),
    ),
    count: 0,
  },
  {
    name: 'browsing, a returning visitor whose choice was recorded from the first reading: nothing before consent',
    kind: 'tracking-before-consent',
    ctx: context(
      visit({
        consent: { recorded: recorded({ purposes: { analytics: true } }), history: [recordedAt(recorded({ purposes: { analytics: true } }), 700)] },
        cookies: [{ ...GA_COOKIE, at: 0 }],
        requests: [{ ...GA_HIT, at: 100 }],
      }),
    ),
    count: 0,
  },
  {
    name: 'browsing, a history the page forged (no times, odd shapes) decides nothing',
    kind: 'tracking-before-consent',
    ctx: context(
      visit({
        consent: {
          recorded: recorded({ purposes: { analytics: true } }),
          history: [{ source: 'cmp:onetrust', choiceMade: 'no', at: 5 }, { source: 'cmp:onetrust', choiceMade: false }, null] as never,
        },
        cookies: [{ ...GA_COOKIE, at: 0 }],
      }),
    ),
    count: 0,
  },
  {
    name: 'browsing, Consent Mode defaults read first are no undecided consent mechanism',
    kind: 'tracking-before-consent',
    ctx: context(
      visit({
        consent: {
          recorded: recorded({ purposes: { analytics: true } }),
          history: [recordedAt(recorded({ source: 'consent-mode', choiceMade: false }), 300), recordedAt(recorded({ purposes: { analytics: true } }), 900)],
        },
        cookies: [{ ...GA_COOKIE, at: 100 }],
      }),
    ),
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
    name: 'after-reject phase: a cookie only still stored from before the click is no evidence; the requests carrying it are',
    kind: 'consent-ignored',
    ctx: context(visit({ phase: 'after-reject', cookies: [{ ...GA_COOKIE, at: 0, preexisting: true, setBy: { via: 'unknown' } }], requests: [GA_HIT] })),
    count: 1,
    mentions: 'Google Analytics',
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
  // positive-consent-without-choice from a consent signal: Consent Mode defaults granting before any choice
  {
    name: 'banner without a choice, Consent Mode default grants analytics',
    kind: 'positive-consent-without-choice',
    ctx: context(visit({ consent: { recorded: noChoice, signals: [cmDefault({ analytics: true, advertising: false })] } })),
    count: 1,
    mentions: 'Google Consent Mode',
  },
  {
    name: 'one finding per purpose a default grants',
    kind: 'positive-consent-without-choice',
    ctx: context(visit({ consent: { recorded: noChoice, signals: [cmDefault({ analytics: true, advertising: true, functional: true })] } })),
    count: 2,
  },
  {
    name: 'once per signal source and purpose: repeated readings fold, another source counts apart',
    kind: 'positive-consent-without-choice',
    ctx: context(
      visit({
        consent: {
          recorded: noChoice,
          signals: [
            cmDefault({ analytics: true }),
            cmDefault({ analytics: true }, 'analytics_storage=granted;ad_storage=granted'),
            { source: 'gcs', purposes: { analytics: true }, choiceMade: false, raw: 'gcs=G101&gcd=13t3t3l3l5' },
          ],
        },
      }),
    ),
    count: 2,
  },
  {
    name: 'before-consent phase: a default granting analytics, the CMP record aside',
    kind: 'positive-consent-without-choice',
    ctx: context(visit({ phase: 'before-consent', consent: { signals: [cmDefault({ analytics: true })] } })),
    count: 1,
    mentions: 'before anyone touched the consent banner',
  },
  {
    name: 'the site holds a choice: a default granting analytics is not raised',
    kind: 'positive-consent-without-choice',
    ctx: context(visit({ consent: { recorded: recorded({ choiceMade: true, purposes: { analytics: false } }), signals: [cmDefault({ analytics: true })] } })),
    count: 0,
  },
  {
    name: 'no record at all while browsing: nothing says the banner is still waiting',
    kind: 'positive-consent-without-choice',
    ctx: context(visit({ consent: { signals: [cmDefault({ analytics: true })] } })),
    count: 0,
  },
  {
    name: 'a Consent Mode update (a choice reached the tags) is not a default',
    kind: 'positive-consent-without-choice',
    ctx: context(visit({ consent: { recorded: noChoice, signals: [{ ...cmDefault({ analytics: true }), choiceMade: true }] } })),
    count: 0,
  },
  {
    name: 'a signal that does not say whether a choice was made (gcs alone) is not raised',
    kind: 'positive-consent-without-choice',
    ctx: context(visit({ consent: { recorded: noChoice, signals: [{ source: 'gcs', purposes: { analytics: true }, raw: 'gcs=G101' }] } })),
    count: 0,
  },
  {
    name: 'a default granting only functional storage',
    kind: 'positive-consent-without-choice',
    ctx: context(visit({ consent: { recorded: noChoice, signals: [cmDefault({ functional: true, analytics: false })] } })),
    count: 0,
  },
  {
    name: 'without a consent mechanism a granted default is a tag setting',
    kind: 'positive-consent-without-choice',
    ctx: context(
      visit({
        declared: { sources: [] },
        consent: {
          recorded: recorded({ source: 'consent-mode', choiceMade: false, purposes: { analytics: true } }),
          signals: [{ source: 'gcs', purposes: { analytics: true }, choiceMade: false, raw: 'gcd=13t3t3l3l5' }],
        },
      }),
    ),
    count: 0,
  },
  {
    name: 'after-reject phase: the default is the check’s business, not this rule’s',
    kind: 'positive-consent-without-choice',
    ctx: context(visit({ phase: 'after-reject', consent: { recorded: noChoice, signals: [cmDefault({ analytics: true })] } })),
    count: 0,
  },
  {
    name: 'the recorded CMP’s own signal is the record, not a second finding',
    kind: 'positive-consent-without-choice',
    ctx: context(
      visit({
        consent: {
          recorded: recorded({ choiceMade: false, purposes: { necessary: true, analytics: true } }),
          signals: [{ source: 'cmp:onetrust', purposes: { analytics: true }, choiceMade: false }],
        },
      }),
    ),
    count: 1,
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
    ctx: context(visit({ consent: { recorded: recorded({ purposes: { analytics: true } }), preference: {} } })),
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

  test('a choice made during a browsing visit: the evidence is the state read before it, with its time, and only what came before', () => {
    const early = { ...GA_HIT, url: `${GA_HIT.url}&early=1`, at: 1200 };
    const late = { ...GA_HIT, url: `${GA_HIT.url}&late=1`, at: 9500 };
    const v = visit({
      consent: { recorded: refusedAnalytics, history: [{ ...noChoice, at: 1500 }, { ...refusedAnalytics, at: 9000 }] },
      cookies: [GA_COOKIE, { ...GA_COOKIE, name: '_ga_X', at: 9600 }],
      requests: [early, late],
    });
    const found = RULES['tracking-before-consent'](context(v));
    const consent = { type: 'consent', source: 'cmp:cookieconsent', choiceMade: false, purposes: noChoice.purposes, phase: 'browsing', at: 1500 };
    expect(found.map((f) => f.evidence)).toEqual([
      [{ type: 'cookie', name: '_ga', domain: '.shop.example', phase: 'browsing' }, consent],
      [{ type: 'request', url: early.url, phase: 'browsing' }, consent],
    ]);
    // what came after the choice is consent-ignored's: the late hit and the cookie set after the refusal
    const ignored = RULES['consent-ignored'](context(v)).flatMap((f) => f.evidence.filter((e) => e.type !== 'consent'));
    expect(ignored).toEqual([
      { type: 'cookie', name: '_ga_X', domain: '.shop.example', phase: 'browsing' },
      { type: 'request', url: late.url, phase: 'browsing' },
    ]);
  });

  test('evidence lists at most five example requests', () => {
    const [finding] = RULES['tracking-before-consent'](context(visit({ phase: 'before-consent', requests: hits(8) })));
    expect(finding?.evidence.filter((e) => e.type === 'request')).toHaveLength(5);
  });

  test('a granted default names the signal and the record that holds no choice', () => {
    const findings = RULES['positive-consent-without-choice'](
      context(visit({ consent: { recorded: noChoice, signals: [cmDefault({ analytics: true, advertising: false }, 'ad_storage=denied;analytics_storage=granted')] } })),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'high', purpose: 'analytics', phase: 'browsing' });
    expect(findings[0]?.evidence).toEqual([
      { type: 'signal', source: 'consent-mode', value: 'ad_storage=denied;analytics_storage=granted' },
      { type: 'consent', source: 'cmp:cookieconsent', choiceMade: false, purposes: { necessary: true, analytics: false, advertising: false }, phase: 'browsing' },
    ]);
    expect(findings[0]?.explanation).toContain('the Cookieconsent consent banner holds no choice yet');
  });

  test('a signal without a raw value is described by its purposes', () => {
    const [finding] = RULES['positive-consent-without-choice'](
      context(visit({ phase: 'before-consent', consent: { signals: [{ source: 'tcf', purposes: { advertising: true, analytics: false }, choiceMade: false }] } })),
    );
    expect(finding?.evidence).toEqual([{ type: 'signal', source: 'tcf', value: 'analytics=denied, advertising=granted' }]);
  });

  test('the refusal is the first evidence item of consent-ignored', () => {
    const [finding] = RULES['consent-ignored'](context(visit({ phase: 'after-reject', cookies: [GA_COOKIE] })));
    expect(finding?.evidence[0]).toMatchObject({ type: 'consent', choiceMade: true, purposes: { analytics: false } });
  });
});
