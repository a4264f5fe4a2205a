// The popup's URL parameters: `?tabId=N` when opened as a page (end-to-end tests, the CLI), `?view=cookies`
// (or `#cookies`) to open on one section.

export const POPUP_VIEWS = ['findings', 'trackers', 'cookies', 'logs', 'declared', 'about'] as const;
export type PopupView = (typeof POPUP_VIEWS)[number];

export interface PopupParams {
  tabId: number | null;
  view: PopupView | null;
}

function isView(value: string | null): value is PopupView {
  return value !== null && (POPUP_VIEWS as readonly string[]).includes(value);
}

export function parsePopupParams(search: string, hash = ''): PopupParams {
  const params = new URLSearchParams(search);
  const raw = params.get('tabId');
  const tabId = raw !== null && /^\d+$/.test(raw) ? Number(raw) : null;
  const view = params.get('view') ?? (hash.replace(/^#/, '') || null);
  return { tabId: tabId !== null && Number.isSafeInteger(tabId) ? tabId : null, view: isView(view) ? view : null };
}

/** `candor-shop.example-2026-11-26.json`: the site as the page named it, reduced to safe file-name characters. */
export function reportFileName(site: string, iso: string): string {
  const safe = site.replace(/[^A-Za-z0-9.-]/g, '_').replace(/^\.+/, '').slice(0, 100) || 'report';
  return `candor-${safe}-${iso.slice(0, 10)}.json`;
}
