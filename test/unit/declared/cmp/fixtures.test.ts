// Every real-world variant in test/fixtures/declared/cmp/<cmp>/<variant>.json, read through readCmps: the CMP is
// detected (and nothing else is), the source is valid or says why not, and the recorded choice, declared cookies and
// signals are exactly what the fixture expects.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readCmps } from '../../../../src/core/declared/cmp/index.ts';
import type { CmpInput } from '../../../../src/core/declared/cmp/index.ts';

const ROOT = fileURLToPath(new URL('../../../fixtures/declared/cmp/', import.meta.url));

interface Fixture {
  file: string;
  cmp: string;
  name: string;
  source: string;
  input: { cookies: Record<string, string>; storage: Record<string, string>; globals: Record<string, unknown>; scripts: string[] };
  expect: {
    valid: boolean;
    recorded: { choiceMade: boolean; purposes: Record<string, boolean> } | null;
    error?: string;
    cookies?: unknown[];
    signals?: unknown[];
    skipped?: number;
    detail?: Record<string, unknown>;
  };
}

const CMPS = readdirSync(ROOT).sort();
const fixtures: Fixture[] = CMPS.flatMap((cmp) =>
  readdirSync(join(ROOT, cmp))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: `${cmp}/${f}`, ...(JSON.parse(readFileSync(join(ROOT, cmp, f), 'utf8')) as Omit<Fixture, 'file'>) })),
);

function toInput(input: Fixture['input']): CmpInput {
  return {
    cookies: Object.entries(input.cookies).map(([name, value]) => ({ name, value, domain: '.shop.example' })),
    storage: input.storage,
    globals: input.globals,
    scripts: input.scripts,
  };
}

describe('CMP fixtures', () => {
  test('every CMP has the required variants', () => {
    expect(CMPS).toEqual([...CMPS].sort());
    expect(CMPS).toHaveLength(10);
    for (const cmp of CMPS) {
      const slugs = fixtures.filter((f) => f.cmp === cmp).map((f) => f.file);
      for (const kind of [/no-choice/, /accepted/, /rejected/, /partial/, /old|legacy/, /broken/]) {
        expect(slugs.some((s) => kind.test(s)), `${cmp}: ${kind}`).toBe(true);
      }
    }
  });

  test.each(fixtures)('$file — $name', (f) => {
    const readings = readCmps(toInput(f.input));
    expect(readings.map((r) => r.cmp)).toEqual([f.cmp]);
    const [reading] = readings;
    if (!reading) throw new Error('no reading');
    expect(reading.source.kind).toBe('cmp');
    expect(reading.source.detail?.cmp).toBe(f.cmp);
    expect(reading.source.valid).toBe(f.expect.valid);
    if (f.expect.error) expect(reading.source.error).toContain(f.expect.error);
    else expect(reading.source.error).toBeUndefined();
    expect(reading.recorded).toEqual(f.expect.recorded === null ? null : { source: `cmp:${f.cmp}`, ...f.expect.recorded });
    if (f.expect.cookies) expect(reading.cookies).toEqual(f.expect.cookies);
    for (const cookie of reading.cookies) expect(cookie.source).toBe(`cmp:${f.cmp}`);
    if (f.expect.signals) expect(reading.signals).toEqual(f.expect.signals);
    if (f.expect.skipped !== undefined) expect(reading.source.detail?.skippedDeclarations).toHaveLength(f.expect.skipped);
    if (f.expect.detail) expect(reading.source.detail).toMatchObject(f.expect.detail);
    // a detected CMP always says whether a choice was made, unless its record is unreadable
    if (reading.source.valid) expect(reading.recorded?.purposes.necessary).toBe(true);
  });
});
