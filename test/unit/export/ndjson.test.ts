import { describe, expect, test } from 'vitest';
import type { Provenance, Row, Tables } from '../../../src/core/export/ndjson.ts';
import {
  SUMMARY_CSV_COLUMNS,
  SUMMARY_CSV_HEADER,
  summaryCsvErrorRow,
  summaryCsvRow,
  TABLE_NAMES,
  toNdjson,
  toTables,
} from '../../../src/core/export/ndjson.ts';
import { loadReport, parseCsv } from './helpers.ts';

const report = loadReport('report');
const hostile = loadReport('hostile-report');
const provenance: Provenance = {
  candorVersion: '0.1.0',
  browser: 'Chromium 156.0.8078.108',
  trackerDb: '@ghostery/trackerdb 1.0.945',
  crawlId: 'crawl-2026-11-26',
  visitId: 7,
};
const tables = toTables(report, provenance);

describe('toTables', () => {
  test.each<[keyof Tables, number]>([
    ['site_visits', 3],
    ['http_requests', report.summary.requests],
    // every request has a response row: the one that never got a status carries its error
    ['http_responses', report.summary.requests],
    ['javascript_cookies', 10],
    ['findings', report.findings.length],
  ])('%s has %i rows, each with provenance', (name, count) => {
    expect(tables[name]).toHaveLength(count);
    for (const row of tables[name]) {
      expect(row).toMatchObject({
        visit_id: 7,
        browser_id: 0,
        crawl_id: 'crawl-2026-11-26',
        site_url: 'https://www.shop.example/basket',
        candor_version: '0.1.0',
        browser: 'Chromium 156.0.8078.108',
        tracker_db: '@ghostery/trackerdb 1.0.945',
      });
      expect(typeof row.phase).toBe('string');
    }
  });

  test('table names list every table', () => {
    expect([...TABLE_NAMES].sort()).toEqual(Object.keys(tables).sort());
  });

  test.each<[keyof Tables, string[]]>([
    ['http_requests', ['url', 'top_level_url', 'method', 'resource_type', 'referrer', 'headers', 'is_XHR', 'is_third_party_to_top_window', 'triggering_origin', 'frame_id', 'request_id', 'time_stamp']],
    ['http_responses', ['url', 'method', 'response_status', 'response_status_text', 'is_cached', 'headers', 'location', 'request_id', 'time_stamp']],
    ['javascript_cookies', ['record_type', 'change_cause', 'expiry', 'is_http_only', 'is_host_only', 'is_session', 'host', 'is_secure', 'name', 'path', 'value', 'same_site', 'time_stamp']],
  ])('%s uses OpenWPM column names', (name, columns) => {
    for (const column of columns) expect(tables[name][0]).toHaveProperty(column);
  });

  test('request rows', () => {
    const ga = tables.http_requests.find((r) => String(r.url).includes('/g/collect'));
    expect(ga).toMatchObject({
      phase: 'before-consent',
      method: 'POST',
      resource_type: 'ping',
      top_level_url: 'https://www.shop.example/basket',
      is_third_party_to_top_window: true,
      tracker: 'Google Analytics',
      time_stamp: '2026-11-26T10:00:01.234Z',
    });
    expect(ga?.service_worker).toBe(false);
    const gtm = tables.http_requests.find((r) => String(r.url).includes('gtag/js'));
    expect(gtm?.referrer).toBe('https://www.shop.example/basket');
    expect(JSON.parse(String(gtm?.headers))).toContainEqual(['accept', '*/*']);
  });

  test('response and cookie rows', () => {
    const redirect = tables.http_responses.find((r) => r.response_status === 301);
    expect(redirect?.location).toBe('https://cdn.shop-assets.example/v2/logo.png');
    const failed = tables.http_responses.find((r) => r.error !== null);
    expect(failed).toMatchObject({ response_status: null, error: 'net::ERR_NAME_NOT_RESOLVED' });
    const ide = tables.javascript_cookies.find((c) => c.name === 'IDE');
    expect(ide).toMatchObject({
      record_type: 'added-or-changed',
      host: '.doubleclick.net',
      is_host_only: false,
      is_session: false,
      is_http_only: true,
      same_site: 'no_restriction',
      expiry: '2027-12-21T10:00:03.000Z',
      first_party_domain: 'https://shop.example',
      phase: 'after-accept',
    });
    expect(tables.javascript_cookies.find((c) => c.name === 'sid')?.is_host_only).toBe(true);
  });

  test('finding rows carry evidence as JSON', () => {
    const row = tables.findings.find((f) => f.kind === 'consent-ignored');
    expect(row?.severity).toBe('high');
    expect(JSON.parse(String(row?.evidence))).toHaveLength(3);
  });

  test('crawl id and site rank are optional', () => {
    const { crawlId: _omit, ...rest } = provenance;
    const [visit] = toTables(report, { ...rest, siteRank: 12, browserId: 2 }).site_visits;
    expect(visit).not.toHaveProperty('crawl_id');
    expect(visit).toMatchObject({ site_rank: 12, browser_id: 2 });
  });
});

describe('toNdjson', () => {
  test.each<[string, Row[]]>([
    ['requests', tables.http_requests],
    ['hostile cookies', toTables(hostile, provenance).javascript_cookies],
    ['hostile findings', toTables(hostile, provenance).findings],
  ])('%s: one JSON object per line, lossless', (_name, rows) => {
    const text = toNdjson(rows);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(rows.length);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(rows);
  });

  test('no rows → empty string', () => {
    expect(toNdjson([])).toBe('');
  });
});

describe('summary CSV', () => {
  test('header and one row per site round-trip', () => {
    const text = [SUMMARY_CSV_HEADER, summaryCsvRow(report), summaryCsvRow(hostile), summaryCsvErrorRow('down.example', 'https://down.example/', 'page never loaded, "timeout"')]
      .map((l) => `${l}\r\n`)
      .join('');
    const [header = [], ...rows] = parseCsv(text);
    expect(header).toEqual([...SUMMARY_CSV_COLUMNS]);
    expect(header.slice(0, 4)).toEqual(['site', 'url', 'status', 'error']);
    for (const row of rows) expect(row).toHaveLength(header.length);
    const byName = (row: string[] | undefined): Record<string, string> =>
      Object.fromEntries(header.map((h, i) => [h, row?.[i] ?? '']));
    expect(byName(rows[0])).toMatchObject({
      site: 'shop.example',
      status: 'ok',
      requests: '24',
      third_parties: '7',
      trackers: '5',
      cookies: '5',
      findings_high: '3',
      findings_medium: '4',
      findings_low: '1',
      findings_info: '1',
      phases: 'before-consent after-reject after-accept',
    });
    expect(byName(rows[1]).url).toBe('https://evil.example/<i>?x="y"');
    expect(byName(rows[2])).toMatchObject({ site: 'down.example', status: 'error', error: 'page never loaded, "timeout"', requests: '' });
  });
});
