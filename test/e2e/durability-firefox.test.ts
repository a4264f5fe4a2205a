// Firefox runs Candor's background as an event page, which it unloads once idle. The test makes it unload in the
// middle of a visit (the idle timeout shortened to 1 s through a preference; no protocol command unloads it) and
// checks that every request and cookie of the visit is still in the report, those before the unload and those after,
// and that the background really started again. Firefox unloads only an idle page, so this checks that the record
// survives and is rebuilt in Firefox; a stop without warning is checked in Chromium (durability-chromium.test.ts).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CandorBrowser, launch } from '../../src/cli/launch.ts';
import type { Internet } from '../../sites/internet.ts';
import { requireBrowser, startTestInternet } from './harness.ts';

const URL = 'https://www.quiet-bakery.example/';
const PIXEL = 'https://pixel.metrics-partner.example/p?n=';

describe('event page unloaded in firefox', () => {
  let internet: Internet;
  let b: CandorBrowser;
  let page: Page;

  beforeAll(async () => {
    requireBrowser('firefox');
    internet = await startTestInternet();
    b = await launch({ kind: 'firefox', proxy: internet.proxyUrl, insecure: true, firefoxPrefs: { 'extensions.background.idle.timeout': 1000 } });
  });

  afterAll(async () => {
    await b?.close();
    await internet?.close();
  });

  const steps = (from: number, to: number) =>
    page.evaluate(
      async (first: number, last: number, pixel: string) => {
        for (let n = first; n <= last; n++) {
          document.cookie = `step_${n}=${Math.random().toString(36).slice(2)}; path=/; max-age=3600`;
          await fetch(pixel + n, { mode: 'no-cors' });
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      from,
      to,
      PIXEL,
    );

  test('nothing observed before the unload is lost, and observation goes on after it', async () => {
    page = await b.newPage();
    await page.goto(URL, { waitUntil: 'load' });
    const { startedAt } = await b.message('ping', {});
    await steps(1, 10);
    // nothing happens for 3 s: Firefox unloads the event page (its state in memory is gone)
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await steps(11, 20);
    // the page's events woke a new event page, which rebuilt its state from storage.session
    expect((await b.message('ping', {})).startedAt).toBeGreaterThan(startedAt);
    await b.message('flush', {});

    const visit = (await b.report(URL))?.visits[0];
    const seen = new Set((visit?.observed.requests ?? []).filter((r) => r.url.startsWith(PIXEL)).map((r) => r.url.slice(PIXEL.length)));
    const cookies = new Map((visit?.observed.cookies ?? []).map((c) => [c.name, c]));
    const all = Array.from({ length: 20 }, (_, i) => String(i + 1));
    expect(all.filter((n) => !seen.has(n))).toEqual([]);
    expect(all.filter((n) => !cookies.has(`step_${n}`))).toEqual([]);
    // the cookies set before the unload were in the record, not merely found in the cookie jar for the report
    expect(all.slice(0, 10).filter((n) => cookies.get(`step_${n}`)?.preexisting)).toEqual([]);
    expect(visit?.observed.requests.find((r) => r.type === 'main_frame')?.url).toBe(URL);
    expect(visit?.resumed).toBeUndefined();
  });
});
