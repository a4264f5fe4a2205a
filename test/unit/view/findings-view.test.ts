import { describe, expect, test } from 'vitest';
import type { EvidenceItem } from '../../../src/core/types.ts';
import { evidenceLine, findingsView } from '../../../src/core/view/findings-view.ts';
import { finding, report } from './fixture.ts';

describe('findingsView', () => {
  test('most severe first, stable within a severity', () => {
    const r = report({
      findings: [
        finding({ kind: 'third-party-cookie', severity: 'info' }),
        finding({ kind: 'undeclared-cookie', severity: 'medium' }),
        finding({ kind: 'tracking-before-consent', severity: 'high' }),
        finding({ kind: 'identifier-shared', severity: 'medium' }),
      ],
    });
    expect(findingsView(r).map((f) => f.id)).toEqual([
      'tracking-before-consent-2',
      'undeclared-cookie-1',
      'identifier-shared-3',
      'third-party-cookie-0',
    ]);
  });
});

describe('evidenceLine', () => {
  test.each<[EvidenceItem, string, string, string | null]>([
    [{ type: 'cookie', name: '_ga', domain: '.shop.example' }, 'evidence_cookie', '_ga (.shop.example)', null],
    [{ type: 'request', url: 'https://a.example/x' }, 'evidence_request', 'https://a.example/x', null],
    [{ type: 'storage', key: 'k', origin: 'https://a.example' }, 'evidence_storage', 'k (https://a.example)', null],
    [{ type: 'consent', source: 'cmp:onetrust', choiceMade: false }, 'evidence_consent', 'cmp:onetrust', 'choiceNotMade'],
    [{ type: 'consent', source: 'cmp:onetrust', choiceMade: false, at: 1534.2 }, 'evidence_consentAt', 'cmp:onetrust · 1.5 s', 'choiceNotMade'],
    [{ type: 'declaration', source: 'cmp', name: '_ga', purpose: 'necessary' }, 'evidence_declaration', 'cmp: _ga → necessary', null],
    [{ type: 'declaration', source: 'dpv' }, 'evidence_declaration', 'dpv', null],
    [{ type: 'source', kind: 'usp', error: 'bad string' }, 'evidence_source', 'usp: bad string', null],
    [{ type: 'signal', source: 'usp', value: '1YNN' }, 'evidence_signal', 'usp = 1YNN', null],
    [{ type: 'gpc', sent: true }, 'evidence_gpc', '', 'gpc_sent'],
  ])('%j', (item, key, value, flagKey) => {
    const line = evidenceLine(item);
    expect([line.key, line.value, line.flagKey]).toEqual([key, value, flagKey]);
  });

  test('purpose maps become granted/refused lists', () => {
    expect(evidenceLine({ type: 'preference', purposes: { analytics: false, social: true } }).purposes).toEqual([
      { purpose: 'analytics', granted: false },
      { purpose: 'social', granted: true },
    ]);
  });
});
