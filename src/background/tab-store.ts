// Per-tab visit state: an in-memory cache, mirrored to storage.session through one serialized, throttled queue,
// and rebuilt from there when the service worker (or Firefox event page) starts again.
import browser from 'webextension-polyfill';
import type { VisitState } from '../core/observe/visit-state.ts';

const PREFIX = 'tab:';
// Each write serializes a tab's whole state, so writing every 100 ms while a page loads cost the worker more CPU
// than everything else it does (measured with npm run bench: ~70% of its busy time). Write once events pause for
// FLUSH_QUIET_MS, and at the latest FLUSH_MAX_MS after the first unsaved change; `persisted()` writes at once.
const FLUSH_QUIET_MS = 1000;
const FLUSH_MAX_MS = 3000;

const tabs = new Map<number, VisitState>();
const dirty = new Set<number>();
const removed = new Set<number>();
let timer: ReturnType<typeof setTimeout> | undefined;
let flushing: Promise<void> = Promise.resolve();
/** epoch ms of the first change not yet written, and of the latest change */
let firstChange: number | undefined;
let lastChange = 0;

function isVisitState(value: unknown): value is VisitState {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as VisitState).tabId === 'number' &&
    Array.isArray((value as VisitState).requests)
  );
}

/** Rebuilds the cache after a restart. Called once, before any handler runs. */
export async function restoreTabs(): Promise<number> {
  const stored = await browser.storage.session.get(null);
  for (const [key, value] of Object.entries(stored)) {
    if (key.startsWith(PREFIX) && isVisitState(value) && !tabs.has(value.tabId)) tabs.set(value.tabId, value);
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

// The visit a tab has just left, kept a short while in memory: the requests its page makes as it goes (beacons on
// `pagehide`) are its own, not the next page's (core/observe/page-left.ts).
const LEFT_KEPT_MS = 30_000;
const left = new Map<number, { state: VisitState; until: number }>();

/** The visit the tab left within the last LEFT_KEPT_MS, if any. */
export function getLeft(tabId: number, now = Date.now()): VisitState | undefined {
  const entry = left.get(tabId);
  if (entry && entry.until < now) left.delete(tabId);
  return entry && entry.until >= now ? entry.state : undefined;
}

/**
 * The tab's navigation never replaced the page on screen (a download, a 204, a stop): the visit it left is the tab's
 * again. Returns that visit and the one given up, or null when the left visit is no longer kept.
 */
export function returnToLeft(tabId: number): { page: VisitState; abandoned: VisitState } | null {
  const page = getLeft(tabId);
  const abandoned = tabs.get(tabId);
  if (!page || !abandoned) return null;
  left.delete(tabId);
  tabs.set(tabId, page);
  markDirty(tabId);
  return { page, abandoned };
}

/** The visits tabs have left within the last LEFT_KEPT_MS. */
export function leftVisits(now = Date.now()): VisitState[] {
  const kept: VisitState[] = [];
  for (const [tabId, entry] of left) {
    if (entry.until < now) left.delete(tabId);
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
  if (previous && previous !== state && wasShown) left.set(state.tabId, { state: previous, until: Date.now() + LEFT_KEPT_MS });
  tabs.set(state.tabId, state);
  removed.delete(state.tabId);
  markDirty(state.tabId);
}

export function deleteTab(tabId: number): void {
  tabs.delete(tabId);
  prerenders.delete(tabId);
  left.delete(tabId);
  dirty.delete(tabId);
  removed.add(tabId);
  schedule();
}

export function markDirty(tabId: number): void {
  dirty.add(tabId);
  schedule();
}

function schedule(): void {
  lastChange = Date.now();
  firstChange ??= lastChange;
  if (timer === undefined) timer = setTimeout(onTimer, FLUSH_QUIET_MS);
}

function onTimer(): void {
  timer = undefined;
  const now = Date.now();
  const quietFor = now - lastChange;
  const waited = now - (firstChange ?? now);
  if (quietFor < FLUSH_QUIET_MS && waited < FLUSH_MAX_MS) {
    // still busy: look again when it may have gone quiet, never later than the deadline
    timer = setTimeout(onTimer, Math.max(1, Math.min(FLUSH_QUIET_MS - quietFor, FLUSH_MAX_MS - waited)));
    return;
  }
  firstChange = undefined;
  flushing = flushing.then(writeOut, writeOut);
}

async function writeOut(): Promise<void> {
  const items: Record<string, VisitState> = {};
  for (const tabId of dirty) {
    const state = tabs.get(tabId);
    if (state) items[PREFIX + tabId] = state;
  }
  dirty.clear();
  const gone = [...removed].map((id) => PREFIX + id);
  removed.clear();
  try {
    if (Object.keys(items).length) await browser.storage.session.set(items);
    if (gone.length) await browser.storage.session.remove(gone);
  } catch (error) {
    // Quota or a closed context: keep the memory copy (nothing is lost while the worker lives) and say why.
    console.warn('Candor: could not mirror tab state', error);
  }
}

/** Resolves once everything recorded so far is in storage.session (tests and the CLI wait for it). */
export async function persisted(): Promise<void> {
  if (timer !== undefined) {
    clearTimeout(timer);
    timer = undefined;
    firstChange = undefined;
    flushing = flushing.then(writeOut, writeOut);
  }
  await flushing;
}
