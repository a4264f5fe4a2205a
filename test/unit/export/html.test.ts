import { describe, expect, test } from 'vitest';
import { formatHtml } from '../../../src/core/export/html.ts';
import { loadReport } from './helpers.ts';

const report = loadReport('report');
const hostile = loadReport('hostile-report');

describe('formatHtml', () => {
  const html = formatHtml(report);

  test('is a self-contained document with a strict CSP', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<a\s|\ssrc=|\shref=|@import|url\(/i);
  });

  test.each([
    ['summary', '<h2>Summary</h2>'],
    ['findings', '<h2>Findings (9)</h2>'],
    ['a finding title', 'Advertising cookie set after you refused'],
    ['evidence', '<li class="u">cookie _fbp on .shop.example (after-reject)</li>'],
    ['trackers', '<td>Meta</td><td>Facebook Pixel</td><td>advertising</td>'],
    ['a phase section', '<h2>Phase: after-accept</h2>'],
    ['cookies table', '<h3>Cookies (5)</h3>'],
    ['requests table', '<h3>Requests (9)</h3>'],
    ['declared sources', '<td>gpc-well-known</td><td>no</td><td class="u">gpc must be a boolean</td>'],
    ['truncation', '3 requests not recorded'],
    ['storage', '<td>local</td><td class="u">_hjSessionUser</td>'],
  ])('has %s', (_name, fragment) => {
    expect(html).toContain(fragment);
  });

  test('findings appear high first', () => {
    const high = html.indexOf('<span class="sev high">');
    const medium = html.indexOf('<span class="sev medium">');
    const info = html.indexOf('<span class="sev info">');
    expect(high).toBeGreaterThan(0);
    expect(high).toBeLessThan(medium);
    expect(medium).toBeLessThan(info);
  });

  const evil = formatHtml(hostile);

  test('hostile page strings are text, never markup', () => {
    // the only tags are the ones formatHtml writes itself
    const tags = new Set([...evil.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]?.toLowerCase()));
    expect([...tags].sort()).toEqual(
      ['body', 'br', 'code', 'dd', 'div', 'dl', 'dt', 'h1', 'h2', 'h3', 'head', 'header', 'html', 'li', 'meta', 'p', 'section', 'span', 'style', 'table', 'tbody', 'td', 'th', 'thead', 'title', 'tr', 'ul'],
    );
    expect(evil).not.toMatch(/<[^>]*\son\w+=/i);
    expect(evil).toContain('&amp;a=&#39;b&#39;');
    expect(evil).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(evil).toContain('onerror=alert(1)&gt;');
    expect(evil).toContain('javascript:alert(1)');
    expect(evil).not.toMatch(/<[^>]*\s(href|src)=/i);
  });

  test('a tracker found behind a host of the site names that host and its CNAME, as text', () => {
    const copy = structuredClone(report);
    const ga = copy.visits[0]?.observed.requests.find((r) => r.tracker?.name === 'Google Analytics');
    if (!ga) throw new Error('fixture has no Google Analytics request');
    Object.assign(ga, { url: 'https://metrics.shop.example/collect', party: 'first', site: 'shop.example', cname: '<img src=x onerror=alert(1)>.example' });
    const out = formatHtml(copy);
    expect(out).toContain('<td>Google Analytics (behind metrics.shop.example, CNAME &lt;img src=x onerror=alert(1)&gt;.example)</td>');
    expect(out).not.toContain('<img');
  });

  test('no characters that are invalid in a document', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the test
    expect(evil).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f]|[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
