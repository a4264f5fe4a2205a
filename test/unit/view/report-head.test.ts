import { describe, expect, test } from 'vitest';
import { reportHead } from '../../../src/core/view/report-head.ts';
import { verdict } from '../../../src/core/view/verdict.ts';
import { cookie, finding, observed, request } from './fixture.ts';

describe('reportHead', () => {
  const requests = Array.from({ length: 50 }, (_, i) => request({ url: `https://cdn.example/${i}.js` }));
  const full = observed(requests, [cookie({ name: '_ga' }), cookie({ name: 'sid' })], {
    observed: { requests, cookies: [cookie({ name: '_ga' })], storage: [], truncated: { requests: 7 } },
  });
  full.findings = [finding({ kind: 'tracking-before-consent', severity: 'high' })];
  const head = reportHead(full);

  test('drops the observation lists and keeps everything the header and findings show', () => {
    const visit = head.visits[0];
    expect(visit?.observed.requests).toEqual([]);
    expect(visit?.observed.cookies).toEqual([]);
    expect(visit?.observed.storage).toEqual([]);
    expect(visit?.observed.truncated).toEqual({ requests: 7 });
    expect(head.findings).toEqual(full.findings);
    expect(head.summary).toEqual(full.summary);
    expect(visit?.declared).toEqual(full.visits[0]?.declared);
    expect(visit?.consent).toEqual(full.visits[0]?.consent);
    expect(verdict(head)).toEqual(verdict(full));
  });

  test('leaves the report it was made from alone', () => {
    expect(full.visits[0]?.observed.requests).toHaveLength(50);
    expect(JSON.stringify(head).length).toBeLessThan(JSON.stringify(full).length / 3);
  });
});
