// The browser sections: page-load overhead (headless Chromium with and without Candor, visits alternating),
// the service worker's heap after many visits, and the popup's render time for a very heavy tab.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { type CandorBrowser, defaultExtensionDir, launch } from '../src/cli/launch.ts';
import type { ReportSummary } from '../src/core/types.ts';
import { type RequestListenerSpec, requestListenerSpecs } from '../src/shared/request-listeners.ts';
import { startInternet } from '../sites/internet.ts';
import type { BenchOptions, Section } from './main.ts';
import { HEAVY_URL, POPUP_URL, benchRoutes } from './sites/heavy.ts';
import { median, progress, round } from './stats.ts';

const SETTLE_MS = 250;

export interface PageLoadResult {
  loads: number;
  withMedianMs: number;
  withoutMedianMs: number;
  overheadMedian: number;
  /**
   * A control extension registering the same webRequest listeners as Candor (request-listeners.ts), with the same
   * filters and options, and doing nothing in them: what Chromium itself charges for observing, measured alternating
   * with the other two.
   */
  floorMedianMs: number;
  floorOverheadMedian: number;
  /** Candor's own cost on top of that floor: withMedianMs ÷ floorMedianMs − 1 */
  overheadAboveFloor: number;
  /**
   * A second control extension with a single empty onCompleted listener and no options: the least any webRequest
   * observer costs in Chromium (its requests are then proxied through the browser process), measured alternating too.
   */
  anyObserverMedianMs: number;
  anyObserverOverheadMedian: number;
  /**
   * `--compare-extension DIR`: another build of Candor (an earlier commit's, say) loaded alternating with the others,
   * so two builds are compared in one run: its median, and ours ÷ its.
   */
  compareMedianMs?: number;
  compareRatio?: number;
  /** wall time of page.goto(…, load), for reference */
  withWallMedianMs: number;
  withoutWallMedianMs: number;
  resourcesPerLoad: number;
  /** what Candor itself recorded for the last visit */
  page: ReportSummary | null;
}

export interface MemoryResult {
  visits: number;
  heapUsedMB: number;
  heapTotalMB: number;
  /** after the first few visits, for comparison */
  heapUsedEarlyMB: number;
  gc: boolean;
}

export interface PopupResult {
  runs: number;
  heavyMs: number;
  emptyMs: number;
  ratio: number;
  heavy: { requests: number; cookies: number; thirdParties: number; state: string };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function visit(page: Page, url: string): Promise<{ loadMs: number; wallMs: number; resources: number }> {
  const started = performance.now();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const wallMs = performance.now() - started;
  const timing = await page.evaluate(async () => {
    await new Promise((r) => setTimeout(r, 0)); // loadEventEnd is set once the load handlers have run
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { loadMs: nav ? nav.loadEventEnd - nav.startTime : Number.NaN, resources: performance.getEntriesByType('resource').length };
  });
  return { ...timing, wallMs };
}

async function serviceWorkerHeap(browser: Browser): Promise<{ used: number; total: number; gc: boolean }> {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout: 20_000 },
  );
  const session = await target.createCDPSession();
  let gc = false;
  try {
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.collectGarbage');
    gc = true;
  } catch {
    gc = false;
  }
  const usage = await session.send('Runtime.getHeapUsage');
  await session.detach().catch(() => undefined);
  return { used: usage.usedSize / 2 ** 20, total: usage.totalSize / 2 ** 20, gc };
}

interface PageLoadBrowsers {
  with: CandorBrowser;
  without: CandorBrowser;
  floor: CandorBrowser;
  anyObserver: CandorBrowser;
  compare?: CandorBrowser;
}

async function pageLoad(browsers: PageLoadBrowsers, loads: number): Promise<PageLoadResult> {
  type Which = 'with' | 'without' | 'floor' | 'anyObserver' | 'compare';
  const kinds: Which[] = ['with', 'without', 'floor', 'anyObserver', ...(browsers.compare ? (['compare'] as const) : [])];
  const browserOf = (k: Which): CandorBrowser => (k === 'compare' ? (browsers.compare ?? browsers.with) : browsers[k]);
  const pages = Object.fromEntries(await Promise.all(kinds.map(async (k) => [k, await browserOf(k).newPage()] as const))) as Record<Which, Page>;
  const samples: Record<Which, number[]> = { with: [], without: [], floor: [], anyObserver: [], compare: [] };
  const wall: Record<Which, number[]> = { with: [], without: [], floor: [], anyObserver: [], compare: [] };
  let resources = 0;
  for (let i = 0; i < 2; i++) for (const which of kinds) await visit(pages[which], HEAVY_URL);
  for (let i = 0; i < loads; i++) {
    // each load rotates who goes first, so no browser always follows the same one
    for (const which of kinds.map((_, j) => kinds[(i + j) % kinds.length] as Which)) {
      const v = await visit(pages[which], HEAVY_URL);
      samples[which].push(v.loadMs);
      wall[which].push(v.wallMs);
      resources = v.resources;
      await sleep(SETTLE_MS);
    }
    progress(
      `pageLoad: ${i + 1}/${loads} with ${samples.with.at(-1)?.toFixed(0)} ms, floor ${samples.floor.at(-1)?.toFixed(0)} ms, ` +
        `any observer ${samples.anyObserver.at(-1)?.toFixed(0)} ms, without ${samples.without.at(-1)?.toFixed(0)} ms`,
    );
  }
  await browsers.with.message('flush', {});
  const report = await browsers.with.report(HEAVY_URL);
  const withMedianMs = median(samples.with);
  const withoutMedianMs = median(samples.without);
  const floorMedianMs = median(samples.floor);
  const anyObserverMedianMs = median(samples.anyObserver);
  await Promise.all([pages.without.close(), pages.floor.close(), pages.anyObserver.close(), pages.compare?.close()]);
  const compare = browsers.compare ? { compareMedianMs: round(median(samples.compare), 1), compareRatio: round(withMedianMs / median(samples.compare), 4) } : {};
  return {
    loads,
    withMedianMs: round(withMedianMs, 1),
    withoutMedianMs: round(withoutMedianMs, 1),
    overheadMedian: round(withMedianMs / withoutMedianMs - 1, 4),
    floorMedianMs: round(floorMedianMs, 1),
    floorOverheadMedian: round(floorMedianMs / withoutMedianMs - 1, 4),
    overheadAboveFloor: round(withMedianMs / floorMedianMs - 1, 4),
    anyObserverMedianMs: round(anyObserverMedianMs, 1),
    anyObserverOverheadMedian: round(anyObserverMedianMs / withoutMedianMs - 1, 4),
    withWallMedianMs: round(median(wall.with), 1),
    withoutWallMedianMs: round(median(wall.without), 1),
    ...compare,
    resourcesPerLoad: resources,
    page: report?.summary ?? null,
  };
}

/** A control extension whose worker registers these webRequest listeners, each empty. */
function writeControlExtension(dir: string, name: string, specs: readonly RequestListenerSpec[]): string {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0',
    background: { service_worker: 'worker.js' },
    permissions: ['webRequest'],
    host_permissions: ['<all_urls>'],
  };
  const lines = specs.map((spec) => {
    const filter = spec.types ? { urls: ['<all_urls>'], types: spec.types } : { urls: ['<all_urls>'] };
    const extra = spec.extraInfoSpec.length ? `, ${JSON.stringify(spec.extraInfoSpec)}` : '';
    return `chrome.webRequest.${spec.event}.addListener(() => {}, ${JSON.stringify(filter)}${extra});`;
  });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'worker.js'), `${lines.join('\n')}\n`);
  return dir;
}

async function memory(withC: CandorBrowser, visits: number): Promise<MemoryResult> {
  const page = await withC.newPage();
  let early = Number.NaN;
  for (let i = 0; i < visits; i++) {
    await page.goto(HEAVY_URL, { waitUntil: 'load', timeout: 60_000 });
    if (i === Math.min(4, visits - 1)) {
      await withC.message('flush', {});
      early = (await serviceWorkerHeap(withC.browser)).used;
    }
    if ((i + 1) % 50 === 0) progress(`memory: ${i + 1}/${visits} visits`);
  }
  await sleep(500);
  await withC.message('flush', {});
  const heap = await serviceWorkerHeap(withC.browser);
  await page.close();
  return { visits, heapUsedMB: round(heap.used, 2), heapTotalMB: round(heap.total, 2), heapUsedEarlyMB: round(early, 2), gc: heap.gc };
}

/**
 * Navigation start → the first frame painted after body[data-ready="true"] (the report on screen, not just in the
 * DOM), for the popup opened as a page.
 */
async function popupTime(withC: CandorBrowser, tabId: number): Promise<{ ms: number; state: string }> {
  const page = await withC.browser.newPage();
  try {
    await page.evaluateOnNewDocument(`new MutationObserver((_, o) => {
      if (document.body && document.body.dataset.ready === 'true') {
        o.disconnect();
        requestAnimationFrame(() => setTimeout(() => { window.__candorReadyAt = performance.now(); }, 0));
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });`);
    void page.goto(`${withC.extensionBase}src/popup/index.html?tabId=${tabId}`).catch(() => undefined);
    const handle = await page.waitForFunction(
      () => {
        const b = document.body;
        const at = (window as unknown as { __candorReadyAt?: number }).__candorReadyAt;
        if (b?.dataset.ready !== 'true' || at === undefined) return false;
        return { ms: at, state: b.dataset.state ?? '' };
      },
      { polling: 'raf', timeout: 30_000 },
    );
    const result = (await handle.jsonValue()) as { ms: number; state: string };
    // The popup then asks for a freshly built report: let that finish, so the next opening starts as a person's
    // would, with a worker that is not still busy with this one.
    await page.waitForSelector('body[data-fresh]', { timeout: 30_000 }).catch(() => undefined);
    return result;
  } finally {
    await page.close();
  }
}

async function popup(withC: CandorBrowser, runs: number): Promise<PopupResult> {
  const page = await withC.newPage();
  await page.goto(POPUP_URL, { waitUntil: 'load', timeout: 120_000 });
  await sleep(2000); // let the last cookie and request events arrive
  await withC.message('flush', {});
  const tabId = await withC.message('getTabId', { url: POPUP_URL });
  if (tabId === null) throw new Error('Candor has no visit for the popup bench page');
  const report = await withC.message('getTabReport', { tabId });
  const blank = await withC.browser.newPage();
  // A tab Candor has no visit for: an extension page's own tab (extension pages are not observed).
  const control = await withC.openExtensionPage('src/popup/index.html?tabId=-1', 'body[data-ready]');
  const emptyTabId = await control.evaluate(async () => {
    type Api = { tabs: { getCurrent(): Promise<{ id?: number } | undefined> } };
    const g = globalThis as { browser?: Api; chrome?: Api };
    const api = g.browser ?? g.chrome;
    return (await api?.tabs.getCurrent())?.id ?? -1;
  });
  const heavy: number[] = [];
  const empty: number[] = [];
  let state = '';
  await popupTime(withC, tabId); // warm-up
  await popupTime(withC, emptyTabId);
  for (let i = 0; i < runs; i++) {
    const h = await popupTime(withC, tabId);
    heavy.push(h.ms);
    state = h.state;
    empty.push((await popupTime(withC, emptyTabId)).ms);
    progress(`popup: ${i + 1}/${runs} heavy ${h.ms.toFixed(0)} ms, empty ${empty.at(-1)?.toFixed(0)} ms`);
  }
  await Promise.all([blank.close(), control.close(), page.close()]);
  const heavyMs = median(heavy);
  const emptyMs = median(empty);
  return {
    runs,
    heavyMs: round(heavyMs, 1),
    emptyMs: round(emptyMs, 1),
    ratio: round(heavyMs / emptyMs, 2),
    heavy: {
      requests: report?.summary.requests ?? 0,
      cookies: report?.summary.cookies ?? 0,
      thirdParties: report?.summary.thirdParties ?? 0,
      state,
    },
  };
}

export async function benchBrowsers(o: BenchOptions, sections: Section[]): Promise<Record<string, unknown>> {
  const dir = defaultExtensionDir('chromium');
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`the extension is not built at ${dir}: run npm run build`);
  // Browsers write under $HOME and $TMPDIR: keep them in a scratch folder.
  const scratch = resolve('.tmp/bench-scratch');
  mkdirSync(join(scratch, 'tmp'), { recursive: true });
  process.env.HOME = scratch;
  process.env.TMPDIR = join(scratch, 'tmp');
  const internet = await startInternet({ roots: [], routes: benchRoutes });
  const out: Record<string, unknown> = {};
  let withC: CandorBrowser | null = null;
  try {
    withC = await launch({ kind: 'chromium', proxy: internet.proxyUrl, insecure: true });
    const sectionRun = async (name: Section, fn: () => Promise<unknown>) => {
      if (!sections.includes(name)) return;
      progress(`== ${name}`);
      const started = Date.now();
      try {
        out[name] = await fn();
      } catch (error) {
        out[name] = { error: error instanceof Error ? error.message : String(error) };
        progress(`${name}: ${String(error)}`);
      }
      progress(`== ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    };
    const c = withC;
    await sectionRun('pageLoad', async () => {
      const control = (dir: string) => launch({ kind: 'chromium', proxy: internet.proxyUrl, insecure: true, extensionDir: dir, candor: false });
      const without = await launch({ kind: 'chromium', proxy: internet.proxyUrl, insecure: true, extensionDir: null });
      const floor = await control(writeControlExtension(join(scratch, 'floor-extension'), 'Candor bench floor', requestListenerSpecs('chrome')));
      const anyObserver = await control(
        writeControlExtension(join(scratch, 'any-observer-extension'), 'Candor bench any observer', [{ event: 'onCompleted', extraInfoSpec: [] }]),
      );
      const compare = o.compareExtension ? await launch({ kind: 'chromium', proxy: internet.proxyUrl, insecure: true, extensionDir: o.compareExtension }) : undefined;
      try {
        return await pageLoad({ with: c, without, floor, anyObserver, ...(compare ? { compare } : {}) }, o.loads);
      } finally {
        await Promise.all([without, floor, anyObserver, compare].map((b) => b?.close().catch(() => undefined)));
      }
    });
    await sectionRun('popup', () => popup(c, o.popupRuns));
    await sectionRun('memory', () => memory(c, o.visits));
  } finally {
    if (withC) await withC.close().catch(() => undefined);
    await internet.close();
  }
  return out;
}
