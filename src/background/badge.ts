// The toolbar badge: how many trackers the tab talks to, coloured by the worst finding once findings exist.
import browser from 'webextension-polyfill';
import type { VisitState } from '../core/observe/visit-state.ts';
import type { Severity } from '../core/types.ts';

const COLORS: Record<Severity | 'none', string> = {
  high: '#b3261e',
  medium: '#b25e00',
  low: '#5f6368',
  info: '#126e68',
  none: '#126e68',
};

const worst = new Map<number, Severity>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export function trackerCount(state: VisitState): number {
  const keys = new Set<string>();
  for (const r of state.requests) if (r.tracker) keys.add(r.tracker.key);
  return keys.size;
}

export function setWorstFinding(tabId: number, severity: Severity | null): void {
  if (severity) worst.set(tabId, severity);
  else worst.delete(tabId);
}

/** Throttled: at most one badge update per tab every 300 ms. */
export function updateBadge(state: VisitState): void {
  if (timers.has(state.tabId)) return;
  timers.set(
    state.tabId,
    setTimeout(() => {
      timers.delete(state.tabId);
      const count = trackerCount(state);
      const color = COLORS[worst.get(state.tabId) ?? 'none'];
      void browser.action.setBadgeText({ tabId: state.tabId, text: count ? String(count) : '' }).catch(() => undefined);
      void browser.action.setBadgeBackgroundColor({ tabId: state.tabId, color }).catch(() => undefined);
    }, 300),
  );
}

export function forgetBadge(tabId: number): void {
  worst.delete(tabId);
  const t = timers.get(tabId);
  if (t) clearTimeout(t);
  timers.delete(tabId);
}
