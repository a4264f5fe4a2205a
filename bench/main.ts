// npm run bench [-- --json] [--only classify,pageLoad,memory,popup,cookies,crawl] [--visits N] [--loads N]
//   [--popup-runs N] [--rounds N] [--cookies-csv PATH] [--requests PATH] [--crawl-sites N] [--crawl-phases LIST]
//   [--compare-extension DIR]  (pageLoad: another Candor build, e.g. an earlier commit's dist/chrome, side by side)
// Progress goes to stderr; with --json the last line on stdout is one JSON object with every section run.
import { resolve } from 'node:path';
import { benchClassify } from './classify.ts';
import { benchCookies } from './cookies-section.ts';
import type { Phase } from '../src/core/types.ts';
import { progress } from './stats.ts';

export const SECTIONS = ['classify', 'pageLoad', 'memory', 'popup', 'cookies', 'crawl'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  json: boolean;
  only: Section[];
  visits: number;
  loads: number;
  popupRuns: number;
  rounds: number;
  mixedCount: number;
  cookiesCsv: string;
  trackerRequests: string;
  crawlSites: number;
  crawlPhases: Phase[];
  /** a built Chromium extension folder to load alternating with ours in pageLoad */
  compareExtension?: string;
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  const o: BenchOptions = {
    json: false,
    only: [...SECTIONS],
    visits: 500,
    loads: 20,
    popupRuns: 15,
    rounds: 5,
    mixedCount: 10_000,
    cookiesCsv: resolve('../shared/data/open-cookie-database/dev-half.csv'),
    trackerRequests: resolve('../shared/data/requests/tracker-requests.json'),
    crawlSites: 50,
    crawlPhases: ['before-consent'],
  };
  const count = (value: string | undefined, name: string, min: number): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} needs a whole number ≥ ${min}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => argv[++i];
    if (arg === '--json') o.json = true;
    else if (arg === '--only') {
      const list = (next() ?? '').split(',').filter(Boolean);
      const bad = list.filter((s) => !(SECTIONS as readonly string[]).includes(s));
      if (bad.length || list.length === 0) throw new Error(`--only takes a list of ${SECTIONS.join(', ')}`);
      o.only = list as Section[];
    } else if (arg === '--visits') o.visits = count(next(), '--visits', 1);
    else if (arg === '--loads') o.loads = count(next(), '--loads', 1);
    else if (arg === '--popup-runs') o.popupRuns = count(next(), '--popup-runs', 1);
    else if (arg === '--rounds') o.rounds = count(next(), '--rounds', 1);
    else if (arg === '--mixed') o.mixedCount = count(next(), '--mixed', 100);
    else if (arg === '--cookies-csv') o.cookiesCsv = resolve(next() ?? '');
    else if (arg === '--requests') o.trackerRequests = resolve(next() ?? '');
    else if (arg === '--crawl-sites') o.crawlSites = count(next(), '--crawl-sites', 1);
    else if (arg === '--compare-extension') o.compareExtension = resolve(next() ?? '');
    else if (arg === '--crawl-phases') o.crawlPhases = (next() ?? '').split(',').filter(Boolean) as Phase[];
    else throw new Error(`unknown option ${arg}`);
  }
  return o;
}

/** One plain line per section on stderr, before the JSON. */
function summarize(out: Record<string, unknown>): void {
  const get = (section: string, key: string): unknown => {
    const value = out[section];
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  };
  const lines: string[] = [];
  if (out.classify) {
    lines.push(
      get('classify', 'error')
        ? `classify: ${String(get('classify', 'error'))}`
        : `classify: median ${get('classify', 'medianUs')} µs (bare matchUrl ${get('classify', 'baselineMedianUs')} µs), ratio ${get('classify', 'ratio')} (target ≤ 0.5), agreement ${get('classify', 'agreement')} (target ≥ 0.99)`,
    );
    const bodies = get('classify', 'bodies') as Record<string, { bytes: number; medianUs: number; parseMedianUs: number }> | undefined;
    if (bodies) {
      lines.push(
        `  request bodies: ${Object.entries(bodies)
          .map(([name, b]) => `${name} (${b.bytes} B) ${b.medianUs} µs, decode and parse alone ${b.parseMedianUs} µs`)
          .join('; ')}`,
      );
    }
  }
  if (out.pageLoad) {
    lines.push(
      get('pageLoad', 'error')
        ? `pageLoad: ${String(get('pageLoad', 'error'))}`
        : `pageLoad: ${get('pageLoad', 'withMedianMs')} ms with Candor, ${get('pageLoad', 'withoutMedianMs')} ms without, overhead ${get('pageLoad', 'overheadMedian')} (target ≤ 0.05); ` +
            `Chromium's floor for the same listeners ${get('pageLoad', 'floorMedianMs')} ms (overhead ${get('pageLoad', 'floorOverheadMedian')}), Candor above it ${get('pageLoad', 'overheadAboveFloor')}; ` +
            `a single empty listener ${get('pageLoad', 'anyObserverMedianMs')} ms (overhead ${get('pageLoad', 'anyObserverOverheadMedian')})` +
            (get('pageLoad', 'compareMedianMs') === undefined ? '' : `; the compared build ${get('pageLoad', 'compareMedianMs')} ms (ours ÷ it ${get('pageLoad', 'compareRatio')})`),
    );
  }
  if (out.memory) {
    lines.push(
      get('memory', 'error')
        ? `memory: ${String(get('memory', 'error'))}`
        : `memory: worker heap ${get('memory', 'heapUsedMB')} MB after ${get('memory', 'visits')} visits (target ≤ 40)`,
    );
  }
  if (out.popup) {
    lines.push(
      get('popup', 'error')
        ? `popup: ${String(get('popup', 'error'))}`
        : `popup: heavy tab ${get('popup', 'heavyMs')} ms, empty tab ${get('popup', 'emptyMs')} ms (target ≤ 100 ms for the heavy one)`,
    );
  }
  if (out.crawl) {
    lines.push(
      get('crawl', 'error')
        ? `crawl: ${String(get('crawl', 'error'))}`
        : `crawl: ${get('crawl', 'sitesPerMinute')} sites/min with Candor, ${get('crawl', 'baselineSitesPerMinute')} plain, ratio ${get('crawl', 'ratio')} over ${get('crawl', 'sites')} sites`,
    );
  }
  if (out.cookies) lines.push(get('cookies', 'error') ? `cookies: ${String(get('cookies', 'error'))}` : `cookies: accuracy ${get('cookies', 'accuracy')}, coverage ${get('cookies', 'coverage')}`);
  if (lines.length) progress(`\n${lines.join('\n')}`);
}

function errorOf(error: unknown): { error: string } {
  return { error: error instanceof Error ? error.message : String(error) };
}

export async function main(argv: readonly string[]): Promise<number> {
  let o: BenchOptions;
  try {
    o = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`bench: ${errorOf(error).error}\n`);
    return 2;
  }
  const out: Record<string, unknown> = { startedAt: new Date().toISOString(), node: process.version };
  const run = async (name: Section, fn: () => Promise<unknown> | unknown) => {
    if (!o.only.includes(name)) return;
    progress(`== ${name}`);
    const started = Date.now();
    try {
      out[name] = await fn();
    } catch (error) {
      out[name] = errorOf(error);
      progress(`${name}: ${errorOf(error).error}`);
    }
    progress(`== ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  await run('classify', () => benchClassify({ trackerRequestsPath: o.trackerRequests, rounds: o.rounds, mixedCount: o.mixedCount }));
  await run('cookies', () => benchCookies(o.cookiesCsv));
  const browserSections = o.only.filter((s) => s === 'pageLoad' || s === 'memory' || s === 'popup');
  if (browserSections.length) {
    const { benchBrowsers } = await import('./browser.ts');
    try {
      Object.assign(out, await benchBrowsers(o, browserSections));
    } catch (error) {
      for (const s of browserSections) out[s] ??= errorOf(error);
      progress(`browsers: ${errorOf(error).error}`);
    }
  }
  await run('crawl', async () => (await import('./crawl.ts')).benchCrawl({ sites: o.crawlSites, phases: o.crawlPhases }));
  summarize(out);
  const line = JSON.stringify(out);
  if (o.json) process.stdout.write(`${line}\n`);
  else process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}
