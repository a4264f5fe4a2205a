// What the content script relays from the page: script-set cookies and storage writes, and the consent snapshot.
// The sender must be a tab of ours; the payload is validated again here (the content script is in a hostile page).
import type { Runtime } from 'webextension-polyfill';
import { recordNavigation, recordScriptCookie, recordStorage, startVisit } from '../core/observe/visit-state.ts';
import { validEvents } from '../content/page-events.ts';
import { getTab, markDirty, setTab } from './tab-store.ts';

const MAX_SNAPSHOT_CHARS = 2_000_000;

export function onPageEvents(events: unknown, sender: Runtime.MessageSender): { ok: boolean } {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { ok: false };
  const state = getTab(tabId);
  if (!state) return { ok: false };
  const now = Date.now();
  let current = state;
  for (const event of validEvents(events)) {
    if (event.type === 'cookie') recordScriptCookie(current, event.name, event.scriptUrl, now);
    else if (event.type === 'navigation') recordNavigation(current, event.url, event.kind, now);
    else if (event.type === 'restored') {
      // Shown again from the back/forward cache: a new visit, so two pages' observations never mix.
      if (event.url !== current.url && sender.frameId === 0) {
        current = startVisit(tabId, event.url, now, 'browsing', current.gpcSent);
        current.restoredFromCache = true;
        setTab(current);
      }
    } else {
      recordStorage(
        current,
        event.scriptUrl
          ? { area: event.area, key: event.key, origin: event.origin, scriptUrl: event.scriptUrl }
          : { area: event.area, key: event.key, origin: event.origin },
        now,
      );
    }
  }
  markDirty(tabId);
  return { ok: true };
}

export function onPageSnapshot(snapshot: unknown, sender: Runtime.MessageSender): { ok: boolean } {
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
  markDirty(tabId);
  return { ok: true };
}
