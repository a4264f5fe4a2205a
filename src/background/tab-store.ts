// Per-tab visit state: an in-memory cache, mirrored to storage.session through one serialized queue,
// and rebuilt from there when the service worker (or Firefox event page) starts again. How a visit is stored, and
// why writes are cheap enough to make often: core/observe/mirror.ts.
import browser from 'webextension-polyfill';
import { type ChunkCache, forgetChunks, mirrorChanges, mirrorItems, newChunkCache, noteWritten, readMirror } from '../core/observe/mirror.ts';
import type { VisitState } from '../core/observe/visit-state.ts';

// A stopped worker loses what it has not written yet, so a change is written as soon as the events at hand are
// handled (a zero-delay timer). One write at a time; what changes during it goes in the next. Only the items that
// changed are sent, and what can no longer change is turned into text once (mirror.ts).
//
// Measured (npm run bench -- --only pageLoad, a build of each side by side): this costs page loads 3–12 % more than
// the former 1 s / 3 s throttle, which lost the whole visit when a stop came in a page's first seconds. A gap of
// 50 ms between writes still lost the request made just before the stop (test/e2e/durability-chromium.test.ts).
const tabs = new Map<number, VisitState>();
/** the storage keys (`tab:N`, `left:N`) whose visit changed since the last write, or went */
const dirty = new Set<string>();
/** the JSON text last written per storage key */
const written = new Map<string, string>();
/** per stored visit (its base key), the text of its request chunks that can no longer change */
const chunkCaches = new Map<string, ChunkCache>();
/** a write is queued and has not started yet */
let queued = false;
let flushing: Promise<void> = Promise.resolve();

// The visit a tab has just left, kept a short while: the requests its page makes as it goes (beacons on `pagehide`)
// are its own, not the next page's (core/observe/page-left.ts). Mirrored too, so a restart keeps it.
const LEFT_KEPT_MS = 30_000;
const left = new Map<number, { state: VisitState; until: number }>();

const tabKey = (tabId: number) => `tab:${tabId}`;
const leftKey = (tabId: number) => `left:${tabId}`;
const SLOT_KEY = /^(tab|left):(\d+)$/;

/** The visit stored under a slot key now: a tab's, or the one a tab left (with until when it is kept). */
function visitAt(key: string): { state: VisitState; until?: number } | undefined {
  const match = SLOT_KEY.exec(key);
  if (!match) return undefined;
  const tabId = Number(match[2]);
  if (match[1] === 'left') return left.get(tabId);
  const state = tabs.get(tabId);
  return state && { state };
}

function markKey(key: string): void {
  dirty.add(key);
  schedule();
}

/** Rebuilds the cache after a restart (the tabs' visits and the visits they left). Called once, before any handler runs. */
export async function restoreTabs(now = Date.now()): Promise<number> {
  const stored = await browser.storage.session.get(null);
  for (const [key, text] of Object.entries(stored)) {
    if (typeof text === 'string') written.set(key, text);
    const match = SLOT_KEY.exec(key);
    if (!match) continue;
    const mirrored = readMirror(key, stored);
    if (!mirrored || mirrored.state.tabId !== Number(match[2])) continue;
    if (match[1] === 'tab') {
      if (!tabs.has(mirrored.state.tabId)) tabs.set(mirrored.state.tabId, mirrored.state);
    } else if ((mirrored.until ?? 0) >= now) {
      left.set(mirrored.state.tabId, { state: mirrored.state, until: mirrored.until ?? 0 });
    } else markKey(key); // a left visit no longer kept: its items go with the next write
  }
  return tabs.size;
}

export function getTab(tabId: number): VisitState | undefined {
  return tabs.get(tabId);
}

// Pages Chromium prerenders in a tab (speculation rules) before the visitor opens them: their requests are kept
// apart, in memory only, and become the tab's visit if the visitor does open the page (adoptPrerender). At most one
// per tab (the latest); one never opened is dropped with the tab's next visit.
const prerenders = new Map<number, VisitState>();

export function getPrerender(tabId: number): VisitState | undefined {
  return prerenders.get(tabId);
}

export function setPrerender(state: VisitState): void {
  prerenders.set(state.tabId, state);
}

/** The prerendered page was opened: it becomes the tab's visit. False when none was kept for that URL. */
export function adoptPrerender(tabId: number, url: string): boolean {
  const state = prerenders.get(tabId);
  if (!state || state.url.split('#')[0] !== url.split('#')[0]) return false;
  prerenders.delete(tabId);
  state.prerendered = true;
  setTab(state);
  return true;
}

export function allTabs(): IterableIterator<VisitState> {
  return tabs.values();
}

/** The visit the tab left within the last LEFT_KEPT_MS, if any. */
export function getLeft(tabId: number, now = Date.now()): VisitState | undefined {
  const entry = left.get(tabId);
  if (entry && entry.until < now) forgetLeft(tabId);
  return entry && entry.until >= now ? entry.state : undefined;
}

function forgetLeft(tabId: number): void {
  if (left.delete(tabId)) markKey(leftKey(tabId));
}

/**
 * The tab's navigation never replaced the page on screen (a download, a 204, a stop): the visit it left is the tab's
 * again. Returns that visit and the one given up, or null when the left visit is no longer kept.
 */
export function returnToLeft(tabId: number): { page: VisitState; abandoned: VisitState } | null {
  const page = getLeft(tabId);
  const abandoned = tabs.get(tabId);
  if (!page || !abandoned) return null;
  forgetLeft(tabId);
  tabs.set(tabId, page);
  markKey(tabKey(tabId));
  return { page, abandoned };
}

/** The visits tabs have left within the last LEFT_KEPT_MS. */
export function leftVisits(now = Date.now()): VisitState[] {
  const kept: VisitState[] = [];
  for (const [tabId, entry] of left) {
    if (entry.until < now) forgetLeft(tabId);
    else kept.push(entry.state);
  }
  return kept;
}

/**
 * The tab's visit is now `state`. The one it replaces becomes the visit the tab left, unless it was never on screen
 * (`wasShown` false: a navigation another took over before any answer): the page left is then still the one before.
 */
export function setTab(state: VisitState, wasShown = true): void {
  const previous = tabs.get(state.tabId);
  if (previous && previous !== state && wasShown) {
    left.set(state.tabId, { state: previous, until: Date.now() + LEFT_KEPT_MS });
    markKey(leftKey(state.tabId));
  }
  tabs.set(state.tabId, state);
  markKey(tabKey(state.tabId));
}

export function deleteTab(tabId: number): void {
  tabs.delete(tabId);
  prerenders.delete(tabId);
  left.delete(tabId);
  markKey(tabKey(tabId));
  markKey(leftKey(tabId));
}

/**
 * `state` changed: mirror it when it is a tab's visit or the visit a tab left (a prerender is kept in memory only).
 * `settledRequestsChanged`: requests that were no longer pending were rewritten (see core/observe/mirror.ts).
 */
export function markDirty(state: VisitState, settledRequestsChanged = false): void {
  let key: string;
  if (tabs.get(state.tabId) === state) key = tabKey(state.tabId);
  else if (left.get(state.tabId)?.state === state) key = leftKey(state.tabId);
  else return;
  const cache = chunkCaches.get(key);
  if (settledRequestsChanged && cache) forgetChunks(cache);
  markKey(key);
}

function schedule(): void {
  if (queued) return;
  queued = true;
  setTimeout(() => {
    flushing = flushing.then(writeOut, writeOut);
  }, 0);
}

/** What storage must change so that `base` holds `state` (or nothing, when `state` is undefined). */
function changesFor(base: string, state: VisitState | undefined, until?: number) {
  if (!state) {
    chunkCaches.delete(base);
    return mirrorChanges(base, new Map(), written);
  }
  const cache = chunkCaches.get(base) ?? newChunkCache();
  chunkCaches.set(base, cache);
  return mirrorChanges(base, mirrorItems(base, state, until, cache), written);
}

async function writeOut(): Promise<void> {
  queued = false;
  const set: Record<string, string> = {};
  const remove: string[] = [];
  const add = (change: { set: Record<string, string>; remove: string[] }) => {
    Object.assign(set, change.set);
    remove.push(...change.remove);
  };
  for (const key of dirty) {
    const visit = visitAt(key);
    add(changesFor(key, visit?.state, visit?.until));
  }
  dirty.clear();
  try {
    if (Object.keys(set).length) await browser.storage.session.set(set);
    if (remove.length) await browser.storage.session.remove(remove);
    noteWritten(written, { set, remove });
  } catch (error) {
    // Quota or a closed context: keep the memory copy (nothing is lost while the worker lives) and say why. What
    // was not written is written with the visit's next change.
    console.warn('Candor: could not mirror tab state', error);
  }
}

/** Resolves once everything recorded so far is in storage.session (tests and the CLI wait for it). */
export async function persisted(): Promise<void> {
  flushing = flushing.then(writeOut, writeOut);
  await flushing;
}
