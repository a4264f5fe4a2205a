// A page already open when Candor starts with no record of it: Candor was just installed (or enabled), or its worker
// was stopped before it had written the page's start down. What the page does from then on must be observed, in a
// visit marked `resumed` that says what it lacks, and the popup must say so too.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserKind } from '../../src/cli/find-browser.ts';
import { type CandorBrowser, launch } from '../../src/cli/launch.ts';
import type { Internet } from '../../sites/internet.ts';
import { requireBrowser, startTestInternet } from './harness.ts';

const URL = 'https://www.quiet-bakery.example/';
const BEFORE = 'https://pixel.metrics-partner.example/p?n=before-install';
const AFTER = 'https://pixel.metrics-partner.example/p?n=after-install';
const IDLE = 'https://blog.no-banner.example/';

export function resumeSuite(kind: BrowserKind): void {
  describe(`a page open before Candor, in ${kind}`, () => {
    let internet: Internet;
    let b: CandorBrowser;
    let page: Page | undefined;
    let idle: Page | undefined;

    beforeAll(async () => {
      requireBrowser(kind);
      internet = await startTestInternet();
      b = await launch({
        kind,
        proxy: internet.proxyUrl,
        insecure: true,
        beforeInstall: async (browser) => {
          page = await browser.newPage();
          await page.goto(URL, { waitUntil: 'load' });
          await page.evaluate((u) => fetch(u, { mode: 'no-cors' }).then(() => undefined), BEFORE);
          idle = await browser.newPage();
          await idle.goto(IDLE, { waitUntil: 'load' });
        },
      });
    });

    afterAll(async () => {
      await b?.close();
      await internet?.close();
    });

    test('what it does once Candor runs is a visit of its own, marked resumed, and the popup says what it lacks', async () => {
      if (!page) throw new Error('the page was not opened before the install');
      const open = page;
      await open.evaluate(async (u) => {
        document.cookie = 'after_install=1a2b3c4d5e; path=/; max-age=3600';
        await fetch(u, { mode: 'no-cors' });
      }, AFTER);
      expect(internet.requests.some((r) => r.url.href === AFTER)).toBe(true);
      await b.message('flush', {});
      await expect
        .poll(async () => (await b.report(URL))?.visits[0]?.observed.requests.some((r) => r.url === AFTER), { timeout: 10_000 })
        .toBe(true);
      const visit = (await b.report(URL))?.visits[0];
      expect(visit?.resumed).toBe(true);
      expect(visit?.url).toBe(URL);
      const after = visit?.observed.requests.find((r) => r.url === AFTER);
      expect(after?.party).toBe('third');
      expect(after?.status).toEqual(expect.any(Number)); // answered: its response was seen too
      // what the page did before Candor ran is not claimed
      expect(visit?.observed.requests.some((r) => r.url === BEFORE)).toBe(false);
      expect(visit?.observed.cookies.find((c) => c.name === 'after_install')?.preexisting).toBeFalsy();

      const tabId = await b.message('getTabId', { url: URL });
      const popup = await b.openExtensionPage(`src/popup/index.html?tabId=${tabId}`, 'body[data-complete="true"]');
      expect(await popup.$eval('[data-testid="resumed"]', (el) => el.textContent)).toMatch(/after this page was opened/);
      await popup.close();
    });

    test('a page that did nothing while Candor watched leaves no history entry when it is left', async () => {
      if (!idle) throw new Error('the idle page was not opened before the install');
      await idle.goto(URL, { waitUntil: 'load' });
      await b.message('flush', {});
      // the bakery's visit in this tab is a real one: it is in the history once left; the idle blog never is
      await idle.goto('https://www.quiet-bakery.example/privacy/', { waitUntil: 'load' });
      await expect.poll(async () => (await b.message('getHistory', {})).some((h) => h.url === URL && h.requests > 0), { timeout: 5_000 }).toBe(true);
      expect((await b.message('getHistory', {})).filter((h) => h.url === IDLE)).toEqual([]);
    });
  });
}
