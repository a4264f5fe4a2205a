// The one map of messages between contexts (uBlacklist/Bitwarden style): name → (request) => response.
import type { PurposeMap, Report } from '../core/types.ts';
import type { ReportPart } from '../core/view/report-head.ts';

export interface Preferences {
  /** the default consent for every site: purpose → allowed */
  defaults: PurposeMap;
  /** per-site overrides, keyed by registrable domain */
  sites: Record<string, PurposeMap>;
  /** send Global Privacy Control (Sec-GPC: 1 and navigator.globalPrivacyControl) */
  gpc: boolean;
  /** how many days of history to keep */
  retentionDays: number;
}

export interface HistoryEntry {
  site: string;
  url: string;
  at: string;
  requests: number;
  thirdParties: number;
  trackers: string[];
  cookies: number;
  findings: Record<string, number>;
}

export interface MessageMap {
  /** a freshly built report of a tab's current visit (report page, CLI, bench); null when the tab has no observed page */
  getTabReport: (req: { tabId: number }) => Report | null;
  /**
   * The same report as JSON text (the popup): browsers copy a message object by object, and a report of thousands
   * of requests costs tens of milliseconds that way; one string crosses at once, and the text is kept with the
   * cached report. `cached: true` answers at once with the report last built for the tab's current visit (built
   * when the page settled, so it may be a few seconds old) and builds one only when there is none; the popup shows
   * it, then asks again without `cached` for a fresh one. `part: 'head'` answers with the report's head instead
   * (core/view/report-head.ts: no observation lists, no evidence items), for the popup's first view.
   */
  getTabReportText: (req: { tabId: number; cached?: boolean; part?: ReportPart }) => string | null;
  /**
   * The popup's fast path: the background posts the report's JSON text on the REPORT_CHANNEL BroadcastChannel as
   * a ReportPost with this `replyId` (extension contexts share an origin, and a channel hands over a megabyte in a
   * few milliseconds where runtime messaging takes tens) and answers whether it posted one.
   */
  postTabReport: (req: { tabId: number; cached?: boolean; replyId: string; part?: ReportPart }) => 'posted' | 'none';
  /** the report of the visit in the sender's own tab (used by the CLI through an extension page) */
  getReportByUrl: (req: { url: string }) => Report | null;
  /** the tab whose current visit is at `url` (tests and the CLI open the popup for it) */
  getTabId: (req: { url: string }) => number | null;
  getPreferences: (req: Record<string, never>) => Preferences;
  savePreferences: (req: { preferences: Preferences }) => Preferences;
  getHistory: (req: Record<string, never>) => HistoryEntry[];
  /** everything Candor stored, as JSON (options page "export") */
  exportData: (req: Record<string, never>) => { history: HistoryEntry[]; preferences: Preferences };
  clearData: (req: Record<string, never>) => { cleared: true };
  /** content script → background: the page's consent/declaration snapshot (untrusted, validated on arrival) */
  pageSnapshot: (req: { snapshot: unknown; /** epoch ms when the page began to be read */ readAt?: number }) => { ok: boolean };
  /** content script → background: script-set cookies and storage writes seen by the MAIN-world hook (untrusted) */
  pageEvents: (req: { events: unknown }) => { ok: boolean };
  /** content script → background: a page Chromium had prerendered was opened (untrusted URL) */
  pageActivated: (req: { url: string }) => { ok: boolean };
  /** background is initialised (tests and the CLI wait for it before the first navigation) */
  ping: (req: Record<string, never>) => { ready: true; version: string; tabs: number; /** epoch ms the worker started */ startedAt: number };
  /** keep full request/response headers from now on (HAR export) */
  recordHeaders: (req: { on: boolean }) => { ok: true };
  /** resolves once every observation so far is mirrored to storage.session */
  flush: (req: Record<string, never>) => { ok: true };
}

export type MessageName = keyof MessageMap;
export type MessageRequest<K extends MessageName> = Parameters<MessageMap[K]>[0];
export type MessageResponse<K extends MessageName> = ReturnType<MessageMap[K]>;
export interface Envelope<K extends MessageName = MessageName> {
  candor: K;
  request: MessageRequest<K>;
}

/** The BroadcastChannel the background posts reports on (see postTabReport); only the extension's own pages share it. */
export const REPORT_CHANNEL = 'candor-report';

export interface ReportPost {
  replyId: string;
  text: string;
}
