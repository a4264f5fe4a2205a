// Crawl throughput: `candor crawl` over ≥ 50 local sites, beside plain browser visits of the same sites without
// Candor in the same run. Both sides start a fresh browser profile for each site, as a crawl does per phase, so
// the ratio is Candor's cost (extension, report, tables) rather than browser start-up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crawl } from '../src/cli/crawl.ts';
import { launch } from '../src/cli/launch.ts';
import type { Phase } from '../src/core/types.ts';
import { type Route, type SiteRequest, startInternet } from '../sites/internet.ts';
import { DEMO_ROOT, demoRoutes } from '../sites/routes.ts';
import { progress } from './stats.ts';

const HOST = /^www\.shop-(\d{2})\.crawl-bench\.example$/;

/** Small shop pages: own styles and images, Google Analytics and the Meta pixel (the demo internet's stand-ins). */
const crawlSite: Route = (req: SiteRequest) => {
  const m = HOST.exec(req.host);
  if (!m) return null;
  if (req.url.pathname !== '/') return { headers: { 'content-type': 'image/gif' }, body: '' };
  const n = m[1];
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop ${n}</title>
<link rel="privacy-policy" href="/privacy">
<script async src="https://www.googletagmanager.com/gtag/js?id=G-BENCH${n}"></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-BENCH${n}');
window.fbq = function(){ (window.fbq.queue = window.fbq.queue || []).push(arguments); }; fbq('init', '${n}00'); fbq('track', 'PageView');</script>
<script async src="https://connect.facebook.net/en_US/fbevents.js"></script></head>
<body><h1>Shop ${n}</h1>${Array.from({ length: 8 }, (_, i) => `<img alt="" src="/img/${i}.gif">`).join('')}</body></html>`;
  return { headers: { 'content-type': 'text/html; charset=utf-8', 'set-cookie': `sid=${n}x${Date.now()}; Path=/; HttpOnly` }, body };
};

export interface CrawlBenchOptions {
  sites: number;
  phases: Phase[];
}

export async function benchCrawl(o: CrawlBenchOptions): Promise<Record<string, unknown>> {
  const internet = await startInternet({ roots: [DEMO_ROOT], routes: [crawlSite, ...demoRoutes] });
  const urls = Array.from({ length: o.sites }, (_, i) => `https://www.shop-${String(i).padStart(2, '0')}.crawl-bench.example/`);
  const out = mkdtempSync(join(tmpdir(), 'candor-bench-crawl-'));
  const settleMs = 1500;
  try {
    // Plain visits first, then the crawl: the same sites, fresh profiles, the same settle rule.
    progress(`crawl: ${o.sites} plain visits without Candor`);
    const plainStarted = Date.now();
    for (const url of urls) {
      const b = await launch({ kind: 'chromium', proxy: internet.proxyUrl, insecure: true, extensionDir: null });
      try {
        for (const _phase of o.phases) {
          const page = await b.newPage();
          await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
          await page.waitForNetworkIdle({ idleTime: settleMs, timeout: 30_000 }).catch(() => undefined);
          await page.close();
        }
      } finally {
        await b.close();
      }
    }
    const plainMs = Date.now() - plainStarted;
    progress(`crawl: ${o.sites} sites with candor crawl (phases ${o.phases.join(',')})`);
    const result = await crawl(urls, {
      out,
      progress: 'none',
      check: { browser: 'chromium', phases: o.phases, gpc: false, proxy: internet.proxyUrl, insecure: true, timeoutMs: 30_000, settleMs },
    });
    const plainPerMinute = (o.sites * 60_000) / plainMs;
    return {
      sites: o.sites,
      phases: o.phases,
      concurrency: 'default',
      ok: result.ok,
      failed: result.failed,
      sitesPerMinute: Math.round(result.sitesPerMinute * 100) / 100,
      baselineSitesPerMinute: Math.round(plainPerMinute * 100) / 100,
      ratio: Math.round((result.sitesPerMinute / plainPerMinute) * 1000) / 1000,
    };
  } finally {
    await internet.close();
    rmSync(out, { recursive: true, force: true });
  }
}
