// What the content script relays from the page: script-set cookies and storage writes, and the consent snapshot.
// The sender must be a tab of ours; the payload is validated again here (the content script is in a hostile page).
import type { Runtime } from 'webextension-polyfill';
import { isConsentManagerScript, setterScript } from '../core/observe/setter-script.ts';
import { recordNavigation, recordScriptCookie, recordStorage, startVisit } from '../core/observe/visit-state.ts';
import { validEvents } from '../content/page-events.ts';
import type { BackgroundContext } from './context.ts';
import { noteConsentMoment } from './report.ts';
import { saveHistory, summaryOfState } from './history.ts';
import { adoptPrerender, getPrerender, getTab, markDirty, setTab } from './tab-store.ts';

const MAX_SNAPSHOT_CHARS = 2_000_000;

export function onPageEvents(ctx: BackgroundContext, events: unknown, sender: Runtime.MessageSender): { ok: boolean } {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { ok: false };
  // a page Chromium is prerendering writes into its own record, not into the visit of the page on screen
  const prerendering = (sender as { documentLifecycle?: string }).documentLifecycle === 'prerender';
  const state = prerendering ? getPrerender(tabId) : getTab(tabId);
  if (!state) return { ok: false };
  const now = Date.now();
  let current = state;
  // the same lookup the report makes for a setter (report.ts trackerOfUrl)
  const isConsentManager = (url: string): boolean =>
    isConsentManagerScript(url, ctx.db?.matchRequest({ url, sourceUrl: current.url, type: 'script' }) ?? null);
  for (const event of validEvents(events)) {
    // when it happened in the page, never later than now (the page's clock is the browser's)
    const at = event.t === undefined ? now : Math.min(event.t, now);
    if (event.type === 'cookie') recordScriptCookie(current, event.name, setterScript(event.scriptUrls, isConsentManager), at);
    else if (event.type === 'navigation') recordNavigation(current, event.url, event.kind, at);
    else if (event.type === 'restored') {
      // Shown again from the back/forward cache: a new visit, so two pages' observations never mix.
      if (sender.frameId !== 0) continue;
      if (current.servedByServiceWorker && event.url === current.url && current.requests.length === 0) {
        // the navigation listener took this restore for a service worker's answer (it had forgotten the document)
        delete current.servedByServiceWorker;
        current.restoredFromCache = true;
      } else if (event.url !== current.url) {
        void saveHistory(summaryOfState(current)).catch(() => undefined);
        current = startVisit(tabId, event.url, now, 'browsing', current.gpcSent);
        current.restoredFromCache = true;
        setTab(current);
      }
    } else {
      const scriptUrl = setterScript(event.scriptUrls, isConsentManager);
      recordStorage(
        current,
        scriptUrl ? { area: event.area, key: event.key, origin: event.origin, scriptUrl } : { area: event.area, key: event.key, origin: event.origin },
        at,
      );
    }
  }
  markDirty(current); // a prerender's record is kept in memory only
  return { ok: true };
}

/**
 * A prerendered page was opened (its `prerenderingchange`): the prerender's record becomes the tab's visit, so the
 * requests it made while prerendering are the visit's. Without a record for it, a new visit starts here.
 */
export function onPageActivated(ctx: BackgroundContext, url: unknown, sender: Runtime.MessageSender): { ok: boolean } {
  const tabId = sender.tab?.id;
  if (tabId === undefined || typeof url !== 'string' || !/^https?:\/\//.test(url)) return { ok: false };
  const previous = getTab(tabId);
  if (previous?.url === url && previous.prerendered) return { ok: true };
  if (previous) void saveHistory(summaryOfState(previous)).catch(() => undefined);
  if (!adoptPrerender(tabId, url)) {
    const state = startVisit(tabId, url, Date.now(), 'browsing', ctx.prefs.gpc);
    state.prerendered = true;
    setTab(state);
  }
  return { ok: true };
}

export async function onPageSnapshot(snapshot: unknown, readAt: unknown, sender: Runtime.MessageSender): Promise<{ ok: boolean }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0) return { ok: false };
  const state = getTab(tabId);
  if (!state) return { ok: false };
  // Bound what we keep; the shape is checked when the report is built (sanitizeSnapshot).
  let size = 0;
  try {
    size = JSON.stringify(snapshot).length;
  } catch {
    return { ok: false };
  }
  if (size > MAX_SNAPSHOT_CHARS) return { ok: false };
  state.snapshot = snapshot;
  markDirty(state);
  // answered once the moment is noted, so a report the page was read for already has it
  await noteConsentMoment(state, typeof readAt === 'number' && Number.isFinite(readAt) ? readAt : undefined);
  return { ok: true };
}
