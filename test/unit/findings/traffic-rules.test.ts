// Positive and negative cases for the rules about traffic alone: shared identifiers, missing consent, third-party cookies.
import { describe, expect, test } from 'vitest';
import { RULES } from '../../../src/core/findings/rules/index.ts';
import {
  CDN,
  CMP_SCRIPT,
  FONT,
  GA_COOKIE,
  GA_HIT,
  ONETRUST_COOKIE,
  type RuleCase,
  SESSION_COOKIE,
  SUBDOMAIN,
  context,
  cookie,
  recorded,
  request,
  visit,
} from './builders.ts';

const NO_CMP = { sources: [] };
const UID = cookie({ name: 'uid', purpose: 'unknown', value: 'a8F3kQ9zLm2xR7tB' });
const base64Uid = btoa('a8F3kQ9zLm2xR7tB');

const cases: RuleCase[] = [
  // identifier-shared
  {
    name: 'the _ga client id sent to Google Analytics',
    kind: 'identifier-shared',
    ctx: context(visit({ cookies: [GA_COOKIE], requests: [GA_HIT] })),
    count: 1,
    mentions: 'Google Analytics',
  },
  {
    name: 'a first-party id URL-encoded and base64-encoded to two third parties',
    kind: 'identifier-shared',
    ctx: context(
      visit({
        cookies: [{ ...UID, value: 'a8F3kQ9z/Lm2xR7tB' }, UID],
        requests: [
          request({ url: `https://px.ads.example/p?u=${encodeURIComponent('a8F3kQ9z/Lm2xR7tB')}` }),
          request({ url: `https://sync.partner.example/s?d=${base64Uid}` }),
        ],
      }),
    ),
    count: 1,
  },
  {
    name: 'base64 form',
    kind: 'identifier-shared',
    ctx: context(visit({ cookies: [UID], requests: [request({ url: `https://sync.partner.example/s?d=${base64Uid}` })] })),
    count: 1,
    mentions: 'partner.example',
  },
  {
    name: 'traps: words, booleans, timestamps, low entropy, the CMP cookie, first-party subdomain, third-party cookie',
    kind: 'identifier-shared',
    ctx: context(
      visit({
        cookies: [
          cookie({ name: 'consent', value: 'accepted' }),
          cookie({ name: 'flag', value: 'true' }),
          cookie({ name: 'seen', value: '1764150000' }),
          cookie({ name: 'pad', value: '0000000000' }),
          cookie({ name: 'theme', value: 'DarkMode' }),
          { ...ONETRUST_COOKIE, value: 'a8F3kQ9zLm2xR7tB' },
          { ...UID, party: 'third', domain: '.partner.example' },
        ],
        requests: [
          request({ url: 'https://t.partner.example/?a=accepted&b=true&c=1764150000&d=0000000000&e=DarkMode&f=a8F3kQ9zLm2xR7tB' }),
          { ...SUBDOMAIN, url: 'https://static.shop.example/?a8F3kQ9zLm2xR7tB' },
        ],
      }),
    ),
    count: 0,
  },
  {
    name: 'a value that is also in the page URL is not the cookie being shared',
    kind: 'identifier-shared',
    ctx: context(
      visit({
        url: 'https://www.shop.example/order/a8F3kQ9zLm2xR7tB',
        cookies: [UID],
        requests: [request({ url: 'https://www.google-analytics.com/g/collect?dl=https%3A%2F%2Fwww.shop.example%2Forder%2Fa8F3kQ9zLm2xR7tB' })],
      }),
    ),
    count: 0,
  },
  // no-consent-mechanism
  {
    name: 'tracking and no CMP, TCF, GPP or recorded consent',
    kind: 'no-consent-mechanism',
    ctx: context(visit({ declared: NO_CMP, cookies: [GA_COOKIE], requests: [GA_HIT] })),
    count: 1,
    mentions: 'Google Analytics',
  },
  {
    name: 'Consent Mode defaults are not a mechanism',
    kind: 'no-consent-mechanism',
    ctx: context(visit({ declared: NO_CMP, consent: { recorded: recorded({ source: 'consent-mode', choiceMade: false }) }, requests: [GA_HIT] })),
    count: 1,
  },
  {
    name: 'a CMP source is a mechanism',
    kind: 'no-consent-mechanism',
    ctx: context(visit({ cookies: [GA_COOKIE], requests: [GA_HIT] })),
    count: 0,
  },
  {
    name: 'recorded consent is a mechanism',
    kind: 'no-consent-mechanism',
    ctx: context(visit({ declared: NO_CMP, consent: { recorded: recorded() }, requests: [GA_HIT] })),
    count: 0,
  },
  {
    name: 'traps: no tracking, only necessary cookies, fonts, CDN, CMP script',
    kind: 'no-consent-mechanism',
    ctx: context(visit({ declared: NO_CMP, cookies: [SESSION_COOKIE], requests: [FONT, CDN, CMP_SCRIPT, SUBDOMAIN] })),
    count: 0,
  },
  // third-party-cookie
  {
    name: 'a cookie in a third-party context',
    kind: 'third-party-cookie',
    ctx: context(visit({ cookies: [cookie({ name: 'IDE', domain: '.doubleclick.net', party: 'third', purpose: 'advertising' }), GA_COOKIE] })),
    count: 1,
    mentions: 'doubleclick.net',
  },
  {
    name: 'first-party cookies, including on a subdomain',
    kind: 'third-party-cookie',
    ctx: context(visit({ cookies: [GA_COOKIE, cookie({ name: 'x', domain: 'static.shop.example' })] })),
    count: 0,
  },
];

describe('traffic rules', () => {
  test.each([
    [undefined, 'across websites'],
    ['https://shop.example', 'cannot follow you'],
  ])('third-party cookie with partitionKey %s explains %s', (partitionKey, words) => {
    const partial = partitionKey === undefined ? {} : { partitionKey };
    const ide = cookie({ name: 'IDE', domain: '.doubleclick.net', party: 'third', purpose: 'advertising', ...partial });
    const [finding] = RULES['third-party-cookie'](context(visit({ cookies: [ide] })));
    expect(finding?.explanation).toContain(words);
  });

  test.each(cases)('$kind: $name', ({ kind, ctx, count, mentions }) => {
    const findings = RULES[kind](ctx);
    expect(findings).toHaveLength(count);
    for (const finding of findings) {
      expect(finding.kind).toBe(kind);
      if (mentions) expect(`${finding.title} ${finding.explanation}`).toContain(mentions);
    }
  });

  test('no-consent-mechanism is raised once per report, and not when another phase saw a CMP', () => {
    const a = visit({ phase: 'before-consent', declared: NO_CMP, requests: [GA_HIT] });
    const b = visit({ phase: 'after-accept', declared: NO_CMP, requests: [GA_HIT] });
    expect([a, b].flatMap((v) => RULES['no-consent-mechanism'](context(v, { visits: [a, b] })))).toHaveLength(1);
    const c = visit({ phase: 'after-reject', requests: [GA_HIT] });
    expect([a, c].flatMap((v) => RULES['no-consent-mechanism'](context(v, { visits: [a, c] })))).toHaveLength(0);
  });
});
