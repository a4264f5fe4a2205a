import { expect, test } from 'vitest';
import { formatJson } from '../../../src/core/export/json.ts';
import { loadReport } from './helpers.ts';

test.each(['report', 'hostile-report'] as const)('%s round-trips losslessly', (name) => {
  const report = loadReport(name);
  const out = formatJson(report);
  expect(JSON.parse(out)).toEqual(report);
  expect(out.endsWith('}\n')).toBe(true);
  expect(out).toContain('\n  "schema": "candor.report/1"');
});
