import { describe, expect, test } from 'vitest';
import { parsePopupParams, reportFileName } from '../../../src/core/view/popup-params.ts';

describe('parsePopupParams', () => {
  test.each([
    ['', '', { tabId: null, view: null }],
    ['?tabId=12', '', { tabId: 12, view: null }],
    ['?tabId=12&view=cookies', '', { tabId: 12, view: 'cookies' }],
    ['?tabId=-1', '', { tabId: null, view: null }],
    ['?tabId=abc', '', { tabId: null, view: null }],
    ['?tabId=99999999999999999999', '', { tabId: null, view: null }],
    ['?view=bogus', '', { tabId: null, view: null }],
    ['', '#logs', { tabId: null, view: 'logs' }],
    ['?view=about', '#logs', { tabId: null, view: 'about' }],
  ])('%s %s', (search, hash, expected) => {
    expect(parsePopupParams(search, hash)).toEqual(expected);
  });
});

describe('reportFileName', () => {
  test.each([
    ['shop.example', 'candor-shop.example-2026-11-26.json'],
    ['../../etc/passwd', 'candor-_.._etc_passwd-2026-11-26.json'],
    ['', 'candor-report-2026-11-26.json'],
  ])('%s', (site, expected) => {
    expect(reportFileName(site, '2026-11-26T10:00:00.000Z')).toBe(expected);
  });
});
