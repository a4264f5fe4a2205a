import { describe, expect, test } from 'vitest';
import { isSessionRetention, parseRetention } from '../../../../src/core/declared/cmp/retention.ts';

const DAY = 86_400;

describe('parseRetention', () => {
  test.each([
    // as the Open Cookie Database and CMP tables write it
    ['1 year', 365 * DAY],
    ['1 Year', 365 * DAY],
    ['2 years', 730 * DAY],
    ['13 months', 390 * DAY],
    ['3 Months', 90 * DAY],
    ['30 days', 30 * DAY],
    ['1 Day', DAY],
    ['2 weeks', 14 * DAY],
    ['24 hours', DAY],
    ['30 minutes', 1800],
    ['30 mins', 1800],
    ['90 sec', 90],
    ['1440 Minutes', DAY],
    ['1 year ', 365 * DAY],
    ['0 days', 0],
    ['400 days', 400 * DAY],
    ['10 years from set/ update', 3650 * DAY],
    ['180 days after last activity or 10 years when opting out', 180 * DAY],
    ['1 hour or longer', 3600],
    ['1.5 years', Math.round(1.5 * 365 * DAY)],
    ['a year', 365 * DAY],
    // ISO 8601, as some tables and DPV declarations write it
    ['P1Y', 365 * DAY],
    ['P13M', 390 * DAY],
    ['PT30M', 1800],
    // OneTrust Length (days) and bare numbers
    ['365', 365 * DAY],
    [730, 730 * DAY],
    // other languages Cookiebot renders
    ['2 Jahre', 730 * DAY],
    ['1 Tag', DAY],
    ['6 mois', 180 * DAY],
    ['1 año', 365 * DAY],
    ['1 år', 365 * DAY],
    ['12 maanden', 360 * DAY],
  ])('%s → %s', (text, seconds) => {
    expect(parseRetention(text)).toBe(seconds);
  });

  test.each([
    'Session',
    'session',
    'End of session (browser)',
    'session cookie',
    'Sitzung',
    'Persistent',
    'Unlimited',
    'forever',
    'Varies',
    'Unknown',
    'undefined',
    '',
    '   ',
    '<b>1 year</b>'.replace(/\d/, 'x'),
    'Local Storage',
  ])('%j → null', (text) => {
    expect(parseRetention(text)).toBeNull();
  });

  // 1e308 days is Infinity seconds, which no JSON report holds (found by the fuzz test)
  test.each([null, undefined, {}, [], Number.NaN, -5, Number.POSITIVE_INFINITY, 1e308])('non-text %j → null', (value) => {
    expect(parseRetention(value)).toBeNull();
  });

  test('markup is only text: a number inside it still parses, nothing is interpreted', () => {
    expect(parseRetention('<img src=x onerror=alert(1)> 2 days')).toBe(2 * DAY);
  });

  test('huge input is bounded', () => {
    expect(parseRetention(`${'x'.repeat(1_000_000)} 1 year`)).toBeNull();
  });
});

describe('isSessionRetention', () => {
  test.each([
    ['Session', true],
    ['End of session (browser)', true],
    ['Sesión', true],
    ['1 year', false],
    ['Persistent', false],
    [null, false],
  ])('%j → %s', (text, session) => {
    expect(isSessionRetention(text)).toBe(session);
  });
});
