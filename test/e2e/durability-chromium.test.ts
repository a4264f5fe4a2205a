// MV3 service workers are stopped at any time. Stop Candor's worker in the middle of a visit (through the
// DevTools protocol), with no warning and while the page is busiest, and check that every request and cookie of the
// visit is still in the report. The worker writes its state down within FLUSH_MAX_MS (150 ms) of any change
// (tab-store.ts), so nothing may wait for it to do so before the stop.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CandorBrowser } from '../../src/cli/launch.ts';
import type { Internet } from '../../sites/internet.ts';
import { launchWithCandor, startTestInternet } from './harness.ts';

const URL = 'https://www.slow-news.example/';

describe('service-worker restart in chromium', () => {
  let internet: Internet;
  let b: CandorBrowser;
  let page: Page;

  beforeAll(async () => {
    internet = await startTestInternet();
    b = await launchWithCandor('chromium', internet);
  });

  afterAll(async () => {
    await b?.close();
    await internet?.close();
  });

  test('nothing observed before the stop is lost, and observation goes on after it', async () => {
    page = await b.newPage();
    await page.goto(URL, { waitUntil: 'load' });
    await page.waitForFunction(() => document.title === 'step 10', { polling: 20 });

    const worker = await b.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(b.extensionBase ?? '-'));
    const session = await page.createCDPSession();
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    // The stop is real: the worker's target goes away…
    await new Promise<void>((resolve) => {
      if (!b.browser.targets().includes(worker)) resolve();
      b.browser.on('targetdestroyed', (t) => t === worker && resolve());
    });
    // …and the page's next requests wake a new worker, which rebuilds its state from storage.session.
    await page.waitForFunction(() => document.title === 'done', { polling: 20, timeout: 20_000 });
    await page.waitForNetworkIdle({ idleTime: 500 });
    await b.message('flush', {});

    const report = await b.report(page.url());
    const visit = report?.visits[0];
    const pings = (visit?.observed.requests ?? []).filter((r) => r.url.startsWith('https://pixel.metrics-partner.example/p?'));
    const steps = new Set(pings.map((r) => new globalThis.URL(r.url).searchParams.get('n')));
    const cookies = new Set((visit?.observed.cookies ?? []).map((c) => c.name).filter((n) => n.startsWith('step_')));
    const missing = Array.from({ length: 30 }, (_, i) => String(i + 1)).filter((n) => !steps.has(n));
    const missingCookies = Array.from({ length: 30 }, (_, i) => `step_${i + 1}`).filter((n) => !cookies.has(n));
    expect(missing).toEqual([]);
    expect(missingCookies).toEqual([]);
    // The cookies set well before the stop (steps 1–8, 300 ms and more) were in the worker's record, not merely found
    // in the cookie jar when the report was made: their setting is what survived the stop.
    const early = (visit?.observed.cookies ?? []).filter((c) => /^step_[1-8]$/.test(c.name));
    expect(early.map((c) => [c.name, c.preexisting ?? false]).sort()).toEqual(Array.from({ length: 8 }, (_, i) => [`step_${i + 1}`, false]).sort());
    expect(visit?.observed.requests.find((r) => r.type === 'main_frame')?.url).toBe(URL);
  });
});
