import { describe, expect, test } from 'vitest';
import type { Consent } from '../../../src/core/types.ts';
import { declaredView, safeHttpUrl } from '../../../src/core/view/declared-view.ts';
import { declared, report, visit } from './fixture.ts';

const consent: Consent = {
  recorded: { source: 'cmp:onetrust', choiceMade: true, purposes: { necessary: true, analytics: true, advertising: false } },
  signals: [
    { source: 'consent-mode', purposes: { analytics: false } },
    { source: 'usp', purposes: {}, optedOut: false, raw: '1YNN' },
  ],
  preference: { analytics: false, advertising: false },
};

const fixture = report({
  visits: [
    visit({
      gpcSent: true,
      consent,
      declared: declared({
        gpcSupported: false,
        policyUrl: 'https://www.shop.example/privacy',
        sources: [
          { kind: 'tcf', valid: true, detail: { cmpId: 10, tcString: 'CP' } },
          { kind: 'gpc-well-known', valid: false, error: 'gpc must be a boolean' },
        ],
      }),
    }),
  ],
});

describe('declaredView', () => {
  test('every source, invalid first, with flat detail', () => {
    expect(declaredView(fixture).sources).toEqual([
      { kind: 'gpc-well-known', valid: false, error: 'gpc must be a boolean', detail: [], phases: ['browsing'] },
      {
        kind: 'tcf',
        valid: true,
        error: null,
        detail: [
          { key: 'cmpId', value: '10' },
          { key: 'tcString', value: 'CP' },
        ],
        phases: ['browsing'],
      },
    ]);
  });

  test.each([
    ['necessary', true, null, [], false],
    ['functional', null, null, [], false],
    ['analytics', true, false, [{ source: 'consent-mode', value: false }], true],
    ['advertising', false, false, [], false],
  ])('%s: recorded %s, preference %s', (purpose, recorded, preference, signals, differs) => {
    const row = declaredView(fixture).consent.rows.find((r) => r.purpose === purpose);
    expect(row).toEqual({ purpose, recorded, preference, signals, differs });
  });

  test('GPC, opt-outs and the recorded source', () => {
    const view = declaredView(fixture);
    expect(view.gpc).toEqual({ sent: true, supported: false });
    expect(view.consent.optOuts).toEqual([{ source: 'usp', optedOut: false, raw: '1YNN' }]);
    expect([view.consent.recordedSource, view.consent.choiceMade, view.consent.hasPreference]).toEqual(['cmp:onetrust', true, true]);
  });

  test('the readings of the visit are listed once the site’s record changed, oldest first', () => {
    const history = [
      { source: 'cmp:onetrust', choiceMade: false, purposes: { necessary: true }, at: 612.4 },
      { source: 'cmp:onetrust', choiceMade: true, purposes: { necessary: true, analytics: false }, at: 8050 },
    ];
    expect(declaredView(report({ visits: [visit({ consent: { ...consent, history } })] })).consent.history).toEqual([
      { seconds: '0.6', source: 'cmp:onetrust', choiceMade: false },
      { seconds: '8.1', source: 'cmp:onetrust', choiceMade: true },
    ]);
    // a single reading (nothing changed) and no readings at all say nothing more than the recorded consent
    expect(declaredView(report({ visits: [visit({ consent: { ...consent, history: history.slice(0, 1) } })] })).consent.history).toEqual([]);
    expect(declaredView(fixture).consent.history).toEqual([]);
  });

  test('same source in two phases is listed once', () => {
    const v = visit({ declared: declared({ sources: [{ kind: 'cmp', valid: true }] }) });
    const r = report({ visits: [{ ...v, phase: 'before-consent' }, { ...v, phase: 'after-reject' }] });
    expect(declaredView(r).sources.map((s) => s.phases)).toEqual([['before-consent', 'after-reject']]);
  });

  test('long detail values are cut', () => {
    const r = report({ visits: [visit({ declared: declared({ sources: [{ kind: 'dpv', valid: true, detail: { x: 'a'.repeat(500) } }] }) })] });
    expect(declaredView(r).sources[0]?.detail[0]?.value.length).toBe(201);
  });
});

describe('safeHttpUrl', () => {
  test.each([
    ['https://shop.example/privacy', 'https://shop.example/privacy'],
    ['http://shop.example/', 'http://shop.example/'],
    ['javascript:alert(1)', null],
    ['data:text/html,x', null],
    ['not a url', null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
});
