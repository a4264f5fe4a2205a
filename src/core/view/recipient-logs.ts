// "What they can log": per recipient site, which items of a server log (the seed privacy statement's list)
// the browser actually handed over with its requests.
import type { ObservedRequest, Party, Report } from '../types.ts';
import { memoByReport } from './memo.ts';

export const LOG_ITEMS = ['ip', 'time', 'page', 'referrer', 'browser', 'os', 'language', 'cookies'] as const;
export type LogItem = (typeof LOG_ITEMS)[number];

export interface LogItemState {
  /** requests that handed this item over */
  count: number;
  /** the first such request */
  example: string | null;
}

export interface RecipientLog {
  site: string;
  party: Party;
  requests: number;
  /** requests whose headers were never seen: only IP address and time are certain for them */
  unseen: number;
  /** tracker names among the requests, sorted */
  trackers: string[];
  items: Record<LogItem, LogItemState>;
  /** how many of LOG_ITEMS were handed over at least once */
  handedOver: number;
}

/** The page URL appears in the request itself (`?dl=https%3A%2F%2F…`, analytics beacons): the page visited, without any referrer. */
function carriesPageUrl(requestUrl: string, pageUrls: readonly string[]): boolean {
  // from position 1: a request *to* the page's own URL prefix (`/basket.css` under `/basket`) does not carry it
  return pageUrls.some((page) => requestUrl.includes(page, 1) || requestUrl.includes(encodeURIComponent(page), 1));
}

function isRedirect(status: number | null | undefined): boolean {
  return typeof status === 'number' && status >= 300 && status < 400;
}

/** Which log items one request handed over. */
export function loggedItems(request: ObservedRequest, pageUrls: readonly string[]): Set<LogItem> {
  // An answer from the browser's cache without a word to the server hands over nothing. Firefox says so by giving no
  // server address; one revalidated with the server (a 304) has one, and so has every cached answer in Chromium,
  // which reports both alike: those are counted as sent.
  if (request.fromCache === true && !request.remoteIp) return new Set();
  // any request reveals the address it came from and when
  const items = new Set<LogItem>(['ip', 'time']);
  // the page itself: its navigation (a redirect on the way there learns where the visitor is going), or a service
  // worker's fetch of it (Chromium, a page the worker answers). Not a file another site served while the page stayed
  // on screen (a download): that site learns the file asked for, and the page only from a referrer.
  const isNavigation = request.type === 'main_frame' && (request.party === 'first' || isRedirect(request.status));
  const isPage = isNavigation || (request.serviceWorker === true && pageUrls.includes(request.url));
  if (isPage || carriesPageUrl(request.url, pageUrls)) items.add('page');
  const sent = request.sent;
  if (sent === null) return items;
  if (sent.referer) items.add('referrer');
  if (sent.refererKind === 'full') items.add('page');
  const hints = sent.clientHints.map((h) => h.toLowerCase());
  // the User-Agent string names the browser, its version and the operating system
  if (sent.userAgent || hints.some((h) => h === 'sec-ch-ua' || h.startsWith('sec-ch-ua-full-version'))) items.add('browser');
  if (sent.userAgent || hints.some((h) => h.startsWith('sec-ch-ua-platform'))) items.add('os');
  if (sent.language) items.add('language');
  if (sent.cookies) items.add('cookies');
  return items;
}

/** Page URLs shorter than this are not searched for inside request URLs (`https://a.b/` would match everything on a.b). */
const MIN_PAGE_URL = 12;

function pageUrlsOf(report: Report): string[] {
  const urls = new Set<string>([report.url, ...report.visits.map((v) => v.url)]);
  return [...urls].filter((u) => u.length >= MIN_PAGE_URL);
}

function emptyItems(): Record<LogItem, LogItemState> {
  const items = {} as Record<LogItem, LogItemState>;
  for (const item of LOG_ITEMS) items[item] = { count: 0, example: null };
  return items;
}

function compute(report: Report): RecipientLog[] {
  const pageUrls = pageUrlsOf(report);
  const logs = new Map<string, RecipientLog & { trackerSet: Set<string> }>();
  for (const visit of report.visits) {
    for (const request of visit.observed.requests) {
      const key = request.site || '?';
      let log = logs.get(key);
      if (log === undefined) {
        log = {
          site: key,
          party: request.party,
          requests: 0,
          unseen: 0,
          trackers: [],
          trackerSet: new Set(),
          items: emptyItems(),
          handedOver: 0,
        };
        logs.set(key, log);
      }
      log.requests += 1;
      if (request.sent === null) log.unseen += 1;
      if (request.tracker !== null) log.trackerSet.add(request.tracker.name);
      for (const item of loggedItems(request, pageUrls)) {
        const state = log.items[item];
        state.count += 1;
        state.example ??= request.url;
      }
    }
  }
  const result: RecipientLog[] = [];
  for (const { trackerSet, ...log } of logs.values()) {
    log.trackers = [...trackerSet].sort();
    log.handedOver = LOG_ITEMS.filter((item) => log.items[item].count > 0).length;
    result.push(log);
  }
  // the site itself first, then the recipients that received the most
  return result.sort(
    (a, b) =>
      Number(b.party === 'first') - Number(a.party === 'first') ||
      b.handedOver - a.handedOver ||
      b.requests - a.requests ||
      a.site.localeCompare(b.site),
  );
}

/** Per recipient site: which server-log items were handed over, with counts and an example request. Memoized per report. */
export const recipientLogs: (report: Report) => RecipientLog[] = memoByReport(compute);
