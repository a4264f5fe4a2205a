// How a visit is mirrored to storage.session, and read back after the service worker restarts.
//
// A visit is stored as JSON text in a few items: its head, its cookies in chunks of CHUNK_COOKIES and its requests in
// chunks of CHUNK_REQUESTS. Each write sends only the items whose text changed since the last write, so the worker
// can write after every event it handles (background/tab-store.ts) without sending a long visit again each time.
// Text rather than objects also spares the browser converting a deep object tree on every write.
//
// A chunk that can no longer change is turned into text once (ChunkCache): a full chunk none of whose requests is
// still pending. Request records change only while pending (visit-state.ts); anything else that rewrites one (the
// CNAME uncloaking) must clear the cache (`forgetChunks`). Measured without the cache (in Node, a synthetic visit): 0.34 ms
// to turn a 240-request visit into text, 5.9 ms for 5,000 requests, the per-visit cap.
import type { VisitState } from './visit-state.ts';

// Measured on the benchmark's heavy page (240 requests, 50 cookies): chunks of 100 sent about 5 MB per load to the
// browser, in about 130 writes; chunks of 25 send far less, as only the chunks that changed go.
export const CHUNK_REQUESTS = 25;
export const CHUNK_COOKIES = 25;

interface Head {
  v: 1;
  /** how many request chunks follow */
  chunks: number;
  /** how many cookie chunks follow ([key, record] pairs in the record's order) */
  cookieChunks: number;
  state: VisitState;
  /** a left visit: until when it is kept (epoch ms) */
  until?: number;
}

export interface Mirrored {
  state: VisitState;
  until?: number;
}

/** The key of request chunk `i` of the visit stored under `base`. */
export function chunkKey(base: string, i: number): string {
  return `${base}/r${i}`;
}

/** The key of cookie chunk `i` of the visit stored under `base`. */
export function cookiesKey(base: string, i: number): string {
  return `${base}/c${i}`;
}

/** True for `base` itself and its chunks' keys. */
export function isKeyOf(base: string, key: string): boolean {
  return key === base || key.startsWith(`${base}/`);
}

/** The text of a stored visit's final request chunks, kept between writes. */
export interface ChunkCache {
  state: VisitState | null;
  texts: string[];
}

export function newChunkCache(): ChunkCache {
  return { state: null, texts: [] };
}

/** Requests of the cached visit were rewritten after they settled: turn its chunks into text again. */
export function forgetChunks(cache: ChunkCache): void {
  cache.texts = [];
}

/** The items that hold `state` under `base`, as JSON text; `cache` spares re-reading chunks that cannot change. */
export function mirrorItems(base: string, state: VisitState, until?: number, cache?: ChunkCache): Map<string, string> {
  const items = new Map<string, string>();
  const { requests } = state;
  const chunks = Math.ceil(requests.length / CHUNK_REQUESTS);
  // the cookies in chunks of their own: a request's event does not send them again, nor a cookie's the rest
  const cookies = Object.entries(state.cookies);
  const cookieChunks = Math.ceil(cookies.length / CHUNK_COOKIES);
  const head: Head = { v: 1, chunks, cookieChunks, state: { ...state, requests: [], cookies: {} } };
  if (until !== undefined) head.until = until;
  items.set(base, JSON.stringify(head));
  for (let i = 0; i < cookieChunks; i++) items.set(cookiesKey(base, i), JSON.stringify(cookies.slice(i * CHUNK_COOKIES, (i + 1) * CHUNK_COOKIES)));
  if (cache && cache.state !== state) {
    cache.state = state;
    cache.texts = [];
  }
  const open = new Set<number>();
  for (const index of Object.values(state.pending)) if (typeof index === 'number') open.add(Math.floor(index / CHUNK_REQUESTS));
  for (let i = 0; i < chunks; i++) {
    let text = cache?.texts[i];
    if (text === undefined) {
      const slice = requests.slice(i * CHUNK_REQUESTS, (i + 1) * CHUNK_REQUESTS);
      text = JSON.stringify(slice);
      if (cache && slice.length === CHUNK_REQUESTS && !open.has(i)) cache.texts[i] = text;
    }
    items.set(chunkKey(base, i), text);
  }
  return items;
}

/**
 * What to write and what to remove so that storage holds `items` for `base`, given the text last written per key
 * (`written`, for all bases). `written` is not changed: call `noteWritten` once the write succeeded.
 */
export function mirrorChanges(base: string, items: ReadonlyMap<string, string>, written: ReadonlyMap<string, string>): { set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {};
  for (const [key, text] of items) if (written.get(key) !== text) set[key] = text;
  const remove: string[] = [];
  for (const key of written.keys()) if (isKeyOf(base, key) && !items.has(key)) remove.push(key);
  return { set, remove };
}

/** Records a successful write in `written`. */
export function noteWritten(written: Map<string, string>, change: { set: Record<string, string>; remove: readonly string[] }): void {
  for (const [key, text] of Object.entries(change.set)) written.set(key, text);
  for (const key of change.remove) written.delete(key);
}

function parse(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isHead(value: unknown): value is Head {
  if (typeof value !== 'object' || value === null) return false;
  const head = value as Head;
  return (
    head.v === 1 &&
    Number.isInteger(head.chunks) &&
    head.chunks >= 0 &&
    Number.isInteger(head.cookieChunks) &&
    head.cookieChunks >= 0 &&
    typeof head.state === 'object' &&
    head.state !== null &&
    typeof head.state.tabId === 'number' &&
    Array.isArray(head.state.requests) &&
    (head.until === undefined || typeof head.until === 'number')
  );
}

/**
 * The visit stored under `base` in `stored` (everything storage.session returned), or null when there is none or
 * its head is unreadable. A missing or unreadable chunk ends the requests there (they are kept in order, and the
 * pending requests past the end are forgotten), so a damaged mirror still gives every request it holds before it.
 */
export function readMirror(base: string, stored: Readonly<Record<string, unknown>>): Mirrored | null {
  const head = parse(stored[base]);
  if (!isHead(head)) return null;
  const requests: VisitState['requests'] = [];
  for (let i = 0; i < head.chunks; i++) {
    const chunk = parse(stored[chunkKey(base, i)]);
    if (!Array.isArray(chunk)) break;
    requests.push(...(chunk as VisitState['requests']));
  }
  // cookie records keyed by names the page chose (`__proto__`): defined, never assigned (as in visit-state.ts)
  const cookies: VisitState['cookies'] = {};
  for (let i = 0; i < head.cookieChunks; i++) {
    const chunk = parse(stored[cookiesKey(base, i)]);
    if (!Array.isArray(chunk)) continue;
    for (const entry of chunk) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'object' || entry[1] === null) continue;
      Object.defineProperty(cookies, entry[0], { value: entry[1], writable: true, enumerable: true, configurable: true });
    }
  }
  const state: VisitState = { ...head.state, requests, cookies };
  const pending = state.pending && typeof state.pending === 'object' ? state.pending : {};
  state.pending = Object.fromEntries(Object.entries(pending).filter(([, index]) => typeof index === 'number' && index < requests.length));
  return head.until === undefined ? { state } : { state, until: head.until };
}
