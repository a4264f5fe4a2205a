// The four refinements on the demo site's report: its declarations read from the real page files
// (../declared/northwind.ts) with the cookies a first visit stores, judged by the whole engine.
import { describe, expect, test } from 'vitest';
import { computeFindings } from '../../../src/core/findings/index.ts';
import type { IndependentClassifier } from '../../../src/core/findings/index.ts';
import type { Finding, Visit } from '../../../src/core/types.ts';
import { NORTHWIND_URL, northwindDeclared } from '../declared/northwind.ts';
import { cookie } from './builders.ts';

const DAY = 86_400;
const SITE = 'northwind-coffee.example';
const first = { party: 'first', domain: `.${SITE}` } as const;

function demoVisit(phase: Visit['phase']): Visit {
  const { declared, consent } = northwindDeclared();
  return {
    phase,
    url: NORTHWIND_URL,
    startedAt: '2026-11-26T05:00:00.000Z',
    gpcSent: false,
    declared,
    consent: { ...consent, preference: {} },
    observed: {
      requests: [],
      cookies: [
        cookie({ ...first, name: '_ga', lifetimeSeconds: 730 * DAY, purpose: 'analytics', purposeSource: 'known-cookie' }),
        cookie({ ...first, name: '_ga_NW2026', lifetimeSeconds: 730 * DAY, purpose: 'analytics', purposeSource: 'known-cookie' }),
        cookie({ ...first, name: '_fbp', lifetimeSeconds: 90 * DAY, purpose: 'advertising', purposeSource: 'known-cookie' }),
        cookie({ ...first, name: 'nw_lang', lifetimeSeconds: 365 * DAY, purpose: 'functional', purposeSource: 'declared' }),
        cookie({ ...first, domain: 'www.northwind-coffee.example', name: 'usprivacy', lifetimeSeconds: 365 * DAY, purpose: 'necessary', purposeSource: 'known-cookie' }),
        cookie({ ...first, domain: 'www.northwind-coffee.example', name: 'nw_session', session: true, lifetimeSeconds: null, expiresAt: null, purpose: 'necessary', purposeSource: 'declared' }),
        cookie({ name: 'fr', party: 'third', domain: '.facebook.com', lifetimeSeconds: 90 * DAY, purpose: 'advertising', purposeSource: 'tracker' }),
      ],
    },
  };
}

/** What the known-cookie database would say: nw_session and nw_lang by heuristics only, _ga/_fbp known. */
const classify: IndependentClassifier = ({ name }) =>
  name === '_ga' || name.startsWith('_ga_')
    ? { purpose: 'analytics', source: 'known-cookie', detail: 'Google Analytics' }
    : name === '_fbp'
      ? { purpose: 'advertising', source: 'known-cookie', detail: 'Meta Pixel' }
      : name === 'cc_cookie'
        ? { purpose: 'functional', source: 'known-cookie', detail: 'vanilla-cookieconsent' }
        : name === 'nw_lang'
          ? { purpose: 'functional', source: 'known-cookie' }
          : { purpose: 'unknown', source: 'unknown' };

function of(findings: Finding[], kind: Finding['kind']): Finding[] {
  return findings.filter((f) => f.kind === kind);
}

describe.each(['browsing', 'before-consent'] as const)('Northwind Coffee, %s', (phase) => {
  const findings = computeFindings({ site: SITE, url: NORTHWIND_URL, visits: [demoVisit(phase)] }, { classify });

  test('Consent Mode granting analytics before any choice is positive consent without a choice', () => {
    const raised = of(findings, 'positive-consent-without-choice');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ severity: 'high', purpose: 'analytics' });
    expect(raised[0]?.evidence[0]).toEqual({
      type: 'signal',
      source: 'consent-mode',
      value: 'ad_storage=denied;ad_user_data=denied;ad_personalization=denied;analytics_storage=granted',
    });
    expect(raised[0]?.evidence[1]).toMatchObject({ type: 'consent', source: 'cmp:cookieconsent', choiceMade: false });
  });

  test('retention: the cookie tables are used; the 14-day server-log retention flags no consent or third-party cookie', () => {
    const raised = of(findings, 'retention-exceeds-declared');
    expect(raised.map((f) => f.evidence[0]?.type === 'cookie' && f.evidence[0].name).sort()).toEqual(['_ga', '_ga_NW2026']);
    for (const f of raised) {
      expect(f.evidence[1]).toMatchObject({ type: 'declaration', source: 'cmp:cookieconsent', retentionSeconds: 365 * DAY });
      expect(f.explanation).toContain('declares it for 1 year');
    }
  });

  test('a necessary cookie known as functional is not the wrong purpose', () => {
    expect(of(findings, 'wrong-purpose')).toEqual([]);
  });
});
