import { describe, expect, test } from 'vitest';
import { type DeclaredInput, mergeSignals, readDeclared } from '../../../src/core/declared/read-declared.ts';
import type { ConsentSignal } from '../../../src/core/types.ts';
import { type PageSnapshot, sanitizeSnapshot } from '../../../src/core/declared/snapshot.ts';
import { fixtureJson, fixtureText } from './fixtures.ts';

const PAGE = 'https://www.news.example/world/article-1';
const ONETRUST = {
  name: 'OptanonConsent',
  domain: '.news.example',
  value:
    'isGpcEnabled=0&datestamp=Thu+Nov+26+2026+10%3A00%3A00+GMT%2B0100&version=202512.1.0&browserGpcFlag=1&isIABGlobal=false&hosts=&consentId=7ebbb751&interactionCount=1&isAnonUser=1&landingPath=NotLandingPage&groups=C0001%3A1%2CC0002%3A1%2CC0003%3A0%2CC0004%3A0&intType=2',
};
const CLOSED = { name: 'OptanonAlertBoxClosed', domain: '.news.example', value: '2026-11-26T09:00:00.000Z' };

function snapshot(): PageSnapshot {
  const clean = sanitizeSnapshot(fixtureJson('snapshot-news-site.json'));
  if (clean === null) throw new Error('fixture is not a snapshot');
  return clean;
}

/** The fixture without the OneTrust script, so that no CMP is detected without its cookie. */
function withoutCmp(): PageSnapshot {
  const base = snapshot();
  return { ...base, scripts: base.scripts.filter((s) => !s.includes('cookielaw')) };
}

function input(overrides: Partial<DeclaredInput> = {}): DeclaredInput {
  return {
    pageUrl: PAGE,
    snapshot: snapshot(),
    cookies: [ONETRUST, CLOSED, { name: 'usprivacy', domain: '.news.example', value: '1YNN' }],
    gpcJson: { ok: true, url: 'https://www.news.example/.well-known/gpc.json', status: 200, contentType: 'application/json', body: fixtureText('gpc/valid.json'), truncated: false },
    p3pHeaders: ['CP="CAO PSA OUR"', 'CP="This is not a P3P policy!"', 'CP="CAO PSA OUR"'],
    googleRequestUrls: [
      'https://region1.google-analytics.com/g/collect?v=2&gcs=G101&gcd=11p1p1p1p5',
      'https://region1.google-analytics.com/g/collect?v=2&gcs=G101&gcd=11p1p1p1p5&en=scroll',
      'https://www.googleadservices.com/pagead/conversion?gcs=G100',
    ],
    ...overrides,
  };
}

describe('readDeclared over a snapshot fixture', () => {
  const { declared, consent } = readDeclared(input());

  test('every source, valid or not, in detection order', () => {
    expect(declared.sources.map((s) => [s.kind, s.valid])).toEqual([
      ['cmp', true],
      ['tcf', true],
      ['gpp', true],
      ['usp', true],
      ['consent-mode', true],
      ['dpv', true],
      ['dpv', false],
      ['privacy-policy-link', true],
      ['gpc-well-known', true],
      ['p3p', true],
      ['p3p', false],
    ]);
    expect(declared.sources.find((s) => s.kind === 'usp')?.detail).toMatchObject({ from: 'cookie:usprivacy' });
  });

  test('declarations', () => {
    expect(declared.recipients).toEqual(['adserver.example', 'google-analytics.com']);
    expect(declared.retentionSeconds).toBe(13 * 30 * 86_400);
    expect(declared.gpcSupported).toBe(true);
    expect(declared.policyUrl).toBe('https://www.news.example/datenschutz');
    expect(declared.purposes?.sort()).toEqual(['advertising', 'analytics']);
  });

  test('the CMP choice is the recorded consent; the rest are signals', () => {
    expect(consent.recorded).toMatchObject({ source: 'cmp:onetrust', choiceMade: true, purposes: { analytics: true, advertising: false } });
    const bySource = (source: string) => consent.signals.filter((s) => s.source === source);
    expect(bySource('tcf')).toEqual([
      {
        source: 'tcf',
        choiceMade: true,
        purposes: { functional: false, analytics: true, advertising: false },
        raw: 'CQuSqEAQuSqEAAcADBENCWFgAIHAAEIAAAYgF5wAgAFALzAAAAAA.IAAA.YAAAAAAAAAAA',
      },
    ]);
    // one reading of a source is one signal: the opt-out signal and the recorded state that lost on priority merge
    expect(bySource('gpp')).toEqual([{ source: 'gpp', purposes: {}, optedOut: false, choiceMade: true, raw: 'DBABLA~CAAqAAAAAABA.YA' }]);
    expect(bySource('usp')).toEqual([{ source: 'usp', purposes: {}, optedOut: false, choiceMade: true, raw: '1YNN' }]);
    expect(bySource('consent-mode')).toEqual([
      { source: 'consent-mode', purposes: { advertising: false, analytics: true }, choiceMade: true, raw: expect.stringContaining('analytics_storage=granted') },
    ]);
    expect(bySource('gcs').map((s) => s.raw)).toEqual(['gcs=G101&gcd=11p1p1p1p5', 'gcs=G100']);
  });

  test('without a CMP the TCF string is the recorded consent', () => {
    const { consent: c } = readDeclared(input({ cookies: [], snapshot: withoutCmp() }));
    expect(c.recorded).toEqual({ source: 'tcf', choiceMade: true, purposes: { functional: false, analytics: true, advertising: false } });
    expect(c.signals.some((s) => s.source === 'tcf')).toBe(false);
  });

  test('then GPP, then US Privacy, then Consent Mode', () => {
    const base = withoutCmp();
    const noTcf = { ...base, tcf: { present: false, answered: false } };
    expect(readDeclared(input({ cookies: [], snapshot: noTcf })).consent.recorded?.source).toBe('gpp');
    const noGpp = { ...noTcf, gpp: { present: false, answered: false } };
    const usp = readDeclared(input({ cookies: [{ name: 'usprivacy', domain: '.news.example', value: '1YYN' }], snapshot: noGpp }));
    expect(usp.consent.recorded).toEqual({ source: 'usp', choiceMade: true, purposes: { advertising: false } });
    expect(readDeclared(input({ cookies: [], snapshot: noGpp })).consent.recorded?.source).toBe('consent-mode');
  });
});

describe('readDeclared edge cases', () => {
  test('nothing at all', () => {
    expect(readDeclared({ pageUrl: PAGE, snapshot: null, cookies: [], gpcJson: null, p3pHeaders: [], googleRequestUrls: [] })).toEqual({
      declared: { sources: [], cookies: [], recipients: null, retentionSeconds: null, gpcSupported: null, policyUrl: null },
      consent: { recorded: null, signals: [] },
    });
  });

  test('a stored TC string with no snapshot', () => {
    const tc = 'CQuSqEAQuSqEAAcADBENCWFgAIHAAEIAAAYgF5wAgAFALzAAAAAA.IAAA.YAAAAAAAAAAA';
    const { declared, consent } = readDeclared({ ...input({ snapshot: null, cookies: [{ name: 'euconsent-v2', domain: '.news.example', value: tc }] }), p3pHeaders: [], googleRequestUrls: [], gpcJson: null });
    expect(declared.sources).toEqual([expect.objectContaining({ kind: 'tcf', valid: true, detail: expect.objectContaining({ from: 'cookie:euconsent-v2' }) })]);
    expect(consent.recorded?.source).toBe('tcf');
  });

  test('Cookiebot with TCF on: the TC string inside its CookieConsent cookie (iab2) is read when the API does not answer', () => {
    const tc = 'CQuSqEAQuSqEAAcADBENCWFgAIHAAEIAAAYgF5wAgAFALzAAAAAA.IAAA.YAAAAAAAAAAA';
    const value = encodeURIComponent(`{stamp:'Rm4fk9xx==',necessary:true,preferences:false,statistics:true,marketing:false,method:'explicit',ver:1,utc:1684336814039,iab2:'${tc}',gacm:'1~',region:'de'}`);
    const { declared } = readDeclared({ ...input({ snapshot: null, cookies: [{ name: 'CookieConsent', domain: '.news.example', value }] }), p3pHeaders: [], googleRequestUrls: [], gpcJson: null });
    expect(declared.sources).toContainEqual(expect.objectContaining({ kind: 'tcf', valid: true, detail: expect.objectContaining({ from: 'cookie:CookieConsent.iab2' }) }));
  });

  test('a reader that throws becomes an invalid source, and the others still run', () => {
    const hostile = snapshot();
    Object.defineProperty(hostile, 'jsonLd', {
      get() {
        throw new Error('boom');
      },
    });
    const { declared } = readDeclared(input({ snapshot: hostile }));
    expect(declared.sources).toContainEqual({ kind: 'dpv', valid: false, error: 'reader failed: boom' });
    expect(declared.policyUrl).toBe('https://www.news.example/datenschutz');
    expect(declared.gpcSupported).toBe(true);
  });
});

test('DPV blocks the probe had to skip (the page sent over 1 MB of JSON-LD) are an invalid dpv source with the reason', () => {
  const snap = sanitizeSnapshot({ ...snapshot(), jsonLdSkipped: 3 });
  expect(snap?.jsonLdSkipped).toBe(3);
  expect(sanitizeSnapshot({ ...snapshot(), jsonLdSkipped: 'many' })).not.toHaveProperty('jsonLdSkipped');
  const { declared } = readDeclared(input({ snapshot: snap }));
  expect(declared.sources).toContainEqual({
    kind: 'dpv',
    valid: false,
    error: "3 JSON-LD blocks declaring DPV not read: the page's JSON-LD is larger than 1 MB in all",
  });
});

test('schema.org names the policy when no link does', () => {
  const base = snapshot();
  const snap = {
    ...base,
    links: { privacyPolicy: [], anchors: [] },
    jsonLd: ['{"@context":"https://schema.org","@type":"WebPage","name":"Privacy Policy","url":"/privacy"}'],
  };
  const { declared } = readDeclared(input({ snapshot: snap }));
  expect(declared.policyUrl).toBe('https://www.news.example/privacy');
  expect(declared.sources).toContainEqual({ kind: 'privacy-policy-link', valid: true, detail: { url: 'https://www.news.example/privacy', via: 'schema.org' } });
});

describe('mergeSignals: one signal per source where the readings agree', () => {
  const usp = { source: 'usp', purposes: {}, optedOut: false, raw: '1YNN' };
  const uspRecorded = { source: 'usp', purposes: {}, choiceMade: true };
  test.each<[string, ConsentSignal[], ConsentSignal[]]>([
    ['the US Privacy opt-out signal and its recorded state', [usp, uspRecorded], [{ ...usp, choiceMade: true }]],
    ['in either order', [uspRecorded, usp], [{ ...uspRecorded, optedOut: false, raw: '1YNN' }]],
    ['an opted-out string and a not-opted-out one stay apart', [usp, { ...usp, optedOut: true, raw: '1YYN', purposes: { advertising: false } }], [usp, { ...usp, optedOut: true, raw: '1YYN', purposes: { advertising: false } }]],
    [
      'two gcs values over the visit stay a timeline',
      [{ source: 'gcs', purposes: { analytics: true }, raw: 'gcs=G101' }, { source: 'gcs', purposes: { analytics: false }, raw: 'gcs=G100' }],
      [{ source: 'gcs', purposes: { analytics: true }, raw: 'gcs=G101' }, { source: 'gcs', purposes: { analytics: false }, raw: 'gcs=G100' }],
    ],
    [
      'a reading agreeing with an earlier one but not the latest stays apart',
      [{ source: 'gcs', purposes: { analytics: true }, raw: 'a' }, { source: 'gcs', purposes: { analytics: false }, raw: 'b' }, { source: 'gcs', purposes: { analytics: true } }],
      [{ source: 'gcs', purposes: { analytics: true }, raw: 'a' }, { source: 'gcs', purposes: { analytics: false }, raw: 'b' }, { source: 'gcs', purposes: { analytics: true } }],
    ],
    ['a different choiceMade stays apart', [{ ...uspRecorded, choiceMade: false }, uspRecorded], [{ ...uspRecorded, choiceMade: false }, uspRecorded]],
    ['different sources never merge', [usp, { ...usp, source: 'gpp' }], [usp, { ...usp, source: 'gpp' }]],
    ['nothing', [], []],
  ])('%s', (_name, signals, expected) => {
    expect(mergeSignals(signals)).toEqual(expected);
  });
});
