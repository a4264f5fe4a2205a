import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readGpcWellKnown } from '../../../src/core/declared/gpc-well-known.ts';
import type { WellKnownFetch } from '../../../src/core/declared/input.ts';

const URL = 'https://shop.example/.well-known/gpc.json';
const fixture = (name: string) => readFileSync(new globalThis.URL(`../../fixtures/declared/gpc/${name}`, import.meta.url), 'utf8');
const ok = (body: string, contentType = 'application/json', status = 200): WellKnownFetch => ({ ok: true, url: URL, status, contentType, body, truncated: false });

describe('readGpcWellKnown', () => {
  test.each<[string, WellKnownFetch, boolean | null, boolean, RegExp | null]>([
    ['valid', ok(fixture('valid.json')), true, true, null],
    ['gpc false with a legacy version member', ok(fixture('valid-false-legacy-version.json')), false, true, null],
    ['BOM and a date-time', ok(fixture('bom-datetime.json')), true, true, null],
    ['served as text/plain', ok(fixture('valid.json'), 'text/plain'), true, true, null],
    ['"gpc": "yes"', ok(fixture('gpc-string.json')), null, false, /gpc must be a boolean/],
    ['gpc missing', ok(fixture('missing-gpc.json')), null, false, /gpc must be a boolean/],
    ['an array', ok(fixture('array.json')), null, false, /JSON object/],
    ['broken JSON', ok(fixture('broken.json')), null, false, /not valid JSON/],
    ['HTML soft-404 served as text/html', ok(fixture('soft-404.html'), 'text/html; charset=utf-8'), null, false, /HTML page/],
    ['HTML soft-404 served as JSON', ok(fixture('soft-404.html')), null, false, /HTML page/],
    // §1.3: an invalid date is an unknown date, the file stands on its gpc member
    ['lastUpdate not RFC 3339', ok(fixture('bad-date.json')), true, true, null],
    ['lastUpdate an impossible date', ok(fixture('impossible-date.json')), true, true, null],
    ['JSON served as text/html', ok(fixture('valid.json'), 'text/html'), true, true, null],
  ])('%s', (_name, fetched, gpcSupported, valid, error) => {
    const reading = readGpcWellKnown(fetched);
    expect(reading.gpcSupported).toBe(gpcSupported);
    expect(reading.source?.kind).toBe('gpc-well-known');
    expect(reading.source?.valid).toBe(valid);
    if (error) expect(reading.source?.error).toMatch(error);
    else expect(reading.source?.error).toBeUndefined();
  });

  test('an invalid lastUpdate is kept aside as an unknown date', () => {
    const reading = readGpcWellKnown(ok(fixture('bad-date.json')));
    expect(reading.source?.detail).toMatchObject({ gpc: true, lastUpdate: null, lastUpdateInvalid: '15/04/2025' });
    expect(readGpcWellKnown(ok(fixture('valid.json'))).source?.detail?.lastUpdate).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });

  test.each<[string, WellKnownFetch | null]>([
    ['not fetched', null],
    ['404', { ok: false, url: URL, status: 404, error: 'HTTP 404' }],
    ['404 reported as a response', ok('Not found', 'text/plain', 404)],
    ['network error', { ok: false, url: URL, error: 'timeout' }],
    ['server error', ok('oops', 'text/plain', 500)],
  ])('no file: %s → no source, gpcSupported null', (_name, fetched) => {
    expect(readGpcWellKnown(fetched)).toEqual({ source: null, gpcSupported: null });
  });
});
