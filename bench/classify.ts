// The per-request pipeline as the background runs it (host → party and registrable domain → tracker and
// purpose → what was sent), against bare @ghostery/trackerdb matchUrl on the same requests, interleaved.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import loadTrackerDB from '@ghostery/trackerdb';
import { classifyRequest } from '../src/core/observe/classify-request.ts';
import { bodyIdentifierKeys, type HeaderList, type RequestBody, summarizeSent } from '../src/core/observe/sent-data.ts';
import { siteOf } from '../src/core/party.ts';
import { buildTrackerIndex } from '../src/core/tracker-index.ts';
import { type TrackerDbEngine, type TrackerDbMatch, toTrackerInfo, trackerDatabase } from '../src/core/trackers.ts';
import { type BenchRequest, mixedRequests } from './mixed-requests.ts';
import { median, progress, quantile, round } from './stats.ts';

export interface ClassifySetResult {
  requests: number;
  medianUs: number;
  p99Us: number;
  baselineMedianUs: number;
  baselineP99Us: number;
  ratio: number;
  /** the first, cold round (empty caches) */
  coldMedianUs: number;
  coldBaselineMedianUs: number;
  agreement: number;
  /** share of requests the index decided without calling matchUrl */
  fastPathShare: number;
  trackers: number;
  differing: { url: string; sourceUrl: string; type: string; ours: string | null; baseline: string | null }[];
}

/** Naming the identifiers in one request body, against decoding and parsing it alone (the floor), interleaved. */
export interface BodyResult {
  bytes: number;
  medianUs: number;
  p99Us: number;
  /** TextDecoder + JSON.parse of the same bytes */
  parseMedianUs: number;
  /** ours ÷ parse */
  ratio: number;
  keys: string[];
}

export interface ClassifyResult {
  /** POST bodies as analytics tools send them: an Amplitude-style JSON batch of 5, 40 and 160 events, a form */
  bodies?: Record<string, BodyResult>;
  /** over both sets, warm rounds */
  medianUs?: number;
  p99Us?: number;
  baselineMedianUs?: number;
  ratio?: number;
  agreement?: number;
  rounds: number;
  timerOverheadUs: number;
  indexBuildMs: number;
  sets: Record<string, ClassifySetResult | { error: string }>;
}

const require = createRequire(import.meta.url);

export function loadEngineBytes(): Uint8Array {
  // dist/cjs/index.js → dist/trackerdb.engine (the package exports no subpaths)
  const main = require.resolve('@ghostery/trackerdb');
  return new Uint8Array(readFileSync(join(dirname(dirname(main)), 'trackerdb.engine')));
}

function readTrackerRequests(path: string): BenchRequest[] {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${path}: not a list of requests`);
  return raw.filter(
    (x): x is BenchRequest =>
      typeof x === 'object' && x !== null && typeof x.url === 'string' && typeof x.sourceUrl === 'string' && typeof x.type === 'string',
  );
}

/** Request headers as Chromium sends them (the sent-data summary reads them). */
function headersFor(req: BenchRequest, i: number): HeaderList {
  const h: { name: string; value: string }[] = [
    { name: 'User-Agent', value: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36' },
    { name: 'Accept', value: '*/*' },
    { name: 'Accept-Language', value: 'en-GB,en;q=0.9' },
    { name: 'sec-ch-ua', value: '"Chromium";v="156", "Not)A;Brand";v="24"' },
    { name: 'sec-ch-ua-mobile', value: '?0' },
    { name: 'sec-ch-ua-platform', value: '"Linux"' },
  ];
  if (req.type !== 'main_frame') h.push({ name: 'Referer', value: req.sourceUrl });
  if (i % 3 === 0) h.push({ name: 'Cookie', value: `_ga=GA1.1.${1000 + i}.1767225600; sid=${(i * 7919).toString(36)}` });
  return h;
}

const keyOf = (engine: TrackerDbEngine, r: BenchRequest): string | null => {
  try {
    return engine.matchUrl(r)[0]?.pattern.key ?? null;
  } catch {
    return null;
  }
};

export async function benchClassify(options: { trackerRequestsPath: string; rounds: number; mixedCount: number }): Promise<ClassifyResult> {
  const bytes = loadEngineBytes();
  const loaded = await loadTrackerDB(bytes);
  const engine = loaded as unknown as TrackerDbEngine;
  const sets: { name: string; requests: BenchRequest[] }[] = [];
  const result: ClassifyResult = { rounds: options.rounds, timerOverheadUs: 0, indexBuildMs: 0, sets: {} };
  if (existsSync(options.trackerRequestsPath)) {
    sets.push({ name: 'trackerRequests', requests: readTrackerRequests(options.trackerRequestsPath) });
  } else {
    result.sets.trackerRequests = { error: `${options.trackerRequestsPath} not found` };
    progress(`classify: ${options.trackerRequestsPath} not found (the tracker-heavy set is skipped)`);
  }
  sets.push({ name: 'mixed', requests: mixedRequests(options.mixedCount) });

  // Our database: a fresh adapter, so the first round is measured with empty caches.
  const buildStart = performance.now();
  const db = trackerDatabase(engine, 'bench');
  db.matchRequest({ url: 'https://example.com/', sourceUrl: 'https://example.com/', type: 'main_frame' });
  result.indexBuildMs = round(performance.now() - buildStart, 1);

  let sink = 0;
  const overhead = new Float64Array(20_000);
  for (let i = 0; i < overhead.length; i++) {
    const t0 = performance.now();
    overhead[i] = performance.now() - t0;
  }
  result.timerOverheadUs = round(median(overhead) * 1000);

  const prepared = sets.map((s) => ({
    ...s,
    headers: s.requests.map(headersFor),
    topSites: s.requests.map((r) => siteOf(r.sourceUrl)),
    ours: new Float64Array(s.requests.length * options.rounds),
    base: new Float64Array(s.requests.length * options.rounds),
  }));
  for (let round = 0; round < options.rounds; round++) {
    // Sets alternate, and within a set ours and the baseline alternate which goes first.
    for (const s of prepared) {
      const n = s.requests.length;
      for (let i = 0; i < n; i++) {
        const req = s.requests[i] as BenchRequest;
        const headers = s.headers[i] as HeaderList;
        const topSite = s.topSites[i] as string;
        const oursFirst = (i + round) % 2 === 0;
        let a = 0;
        let b = 0;
        if (!oursFirst) {
          const t0 = performance.now();
          try {
            sink += engine.matchUrl(req).length;
          } catch {
            sink--;
          }
          b = performance.now() - t0;
        }
        const t1 = performance.now();
        const cls = classifyRequest(db, req.url, req.sourceUrl, topSite, req.type);
        const sent = summarizeSent(headers, req.url);
        a = performance.now() - t1;
        sink += (cls.tracker?.purpose.length ?? 0) + sent.identifiers.length;
        if (oursFirst) {
          const t0 = performance.now();
          try {
            sink += engine.matchUrl(req).length;
          } catch {
            sink--;
          }
          b = performance.now() - t0;
        }
        s.ours[round * n + i] = a * 1000;
        s.base[round * n + i] = b * 1000;
      }
    }
    progress(`classify: round ${round + 1}/${options.rounds}`);
  }

  for (const s of prepared) {
    const n = s.requests.length;
    const warm = (arr: Float64Array) => (options.rounds > 1 ? arr.subarray(n) : arr);
    let same = 0;
    let trackers = 0;
    const differing: ClassifySetResult['differing'] = [];
    for (let i = 0; i < n; i++) {
      const req = s.requests[i] as BenchRequest;
      const ours = classifyRequest(db, req.url, req.sourceUrl, s.topSites[i] as string, req.type).tracker?.key ?? null;
      const baseline = keyOf(engine, req);
      if (baseline !== null) trackers++;
      if (ours === baseline) same++;
      else if (differing.length < 20) differing.push({ ...req, ours, baseline });
    }
    const index = buildTrackerIndex(loaded, (h) => engine.matchDomain(h), (m) => toTrackerInfo(m as TrackerDbMatch | undefined));
    for (const req of s.requests) index?.lookup(req.url, req.sourceUrl, req.type);
    const medianUs = median(warm(s.ours));
    const baselineMedianUs = median(warm(s.base));
    result.sets[s.name] = {
      requests: n,
      medianUs: round(medianUs),
      p99Us: round(quantile(warm(s.ours), 0.99)),
      baselineMedianUs: round(baselineMedianUs),
      baselineP99Us: round(quantile(warm(s.base), 0.99)),
      ratio: round(medianUs / baselineMedianUs),
      coldMedianUs: round(median(s.ours.subarray(0, n))),
      coldBaselineMedianUs: round(median(s.base.subarray(0, n))),
      agreement: round(same / n, 5),
      fastPathShare: index ? round(index.stats.fast / n, 4) : 0,
      trackers,
      differing,
    };
  }
  if (sink === Number.MIN_SAFE_INTEGER) progress('');
  // Both sets together: the headline numbers.
  const all = (pick: (s: (typeof prepared)[number]) => Float64Array) =>
    Float64Array.from(prepared.flatMap((s) => Array.from(options.rounds > 1 ? pick(s).subarray(s.requests.length) : pick(s))));
  const ours = all((s) => s.ours);
  const base = all((s) => s.base);
  const measured = Object.values(result.sets).filter((x): x is ClassifySetResult => 'agreement' in x);
  const n = measured.reduce((sum, x) => sum + x.requests, 0);
  result.medianUs = round(median(ours));
  result.p99Us = round(quantile(ours, 0.99));
  result.baselineMedianUs = round(median(base));
  result.ratio = round(median(ours) / median(base));
  result.agreement = round(measured.reduce((sum, x) => sum + x.agreement * x.requests, 0) / n, 5);
  result.bodies = benchBodies();
  return result;
}

function benchBodies(): Record<string, BodyResult> {
  const event = (i: number) => ({
    device_id: 'd3v1c3a7b9e2f4c6',
    user_id: null,
    session_id: 1795668198241,
    event_type: 'page_view',
    event_id: i,
    time: 1795668198241 + i,
    event_properties: { path: '/shop/item', title: 'Item' },
  });
  const batch = (n: number) => JSON.stringify({ api_key: 'public', events: Array.from({ length: n }, (_, i) => event(i)) });
  const texts: Record<string, string> = {
    batch5: batch(5),
    batch40: batch(40),
    batch160: batch(160),
    form: 'v=2&tid=G-NW2026&cid=1746451656.1795668198&en=page_view&dl=https%3A%2F%2Fshop.example%2F',
  };
  const out: Record<string, BodyResult> = {};
  let sink = 0;
  for (const [name, text] of Object.entries(texts)) {
    const bytes = new TextEncoder().encode(text);
    const body: RequestBody = { raw: [{ bytes: bytes.buffer as ArrayBuffer }] };
    const runs = 2000;
    const ours = new Float64Array(runs);
    const floor = new Float64Array(runs);
    for (let i = -200; i < runs; i++) {
      const t0 = performance.now();
      sink += bodyIdentifierKeys(body).length;
      const t1 = performance.now();
      try {
        sink += Object.keys(JSON.parse(new TextDecoder().decode(bytes)) as object).length;
      } catch {
        sink--; // the form is no JSON: the attempt is the floor
      }
      const t2 = performance.now();
      if (i >= 0) {
        ours[i] = (t1 - t0) * 1000;
        floor[i] = (t2 - t1) * 1000;
      }
    }
    out[name] = {
      bytes: bytes.length,
      medianUs: round(median(ours)),
      p99Us: round(quantile(ours, 0.99)),
      parseMedianUs: round(median(floor)),
      ratio: round(median(ours) / median(floor)),
      keys: bodyIdentifierKeys(body),
    };
  }
  if (sink === Number.MIN_SAFE_INTEGER) progress('');
  return out;
}
