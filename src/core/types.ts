// The candor.report/1 contract (../shared/spec/report.md) as TypeScript types.
// Field names here are public: add fields freely, never rename or remove one within /1.

export const PURPOSES = ['necessary', 'functional', 'analytics', 'advertising', 'social', 'unknown'] as const;
export type Purpose = (typeof PURPOSES)[number];
/** The purposes a person can consent to (everything but `unknown`). */
export type ConsentPurpose = Exclude<Purpose, 'unknown'>;
export const CONSENT_PURPOSES: readonly ConsentPurpose[] = ['necessary', 'functional', 'analytics', 'advertising', 'social'];
/** true = granted, false = refused; a purpose that is absent is not covered by the signal. */
export type PurposeMap = Partial<Record<ConsentPurpose, boolean>>;

export const PHASES = ['browsing', 'before-consent', 'after-reject', 'after-accept', 'after-revoke'] as const;
export type Phase = (typeof PHASES)[number];

export const SEVERITIES = ['high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_KINDS = [
  'tracking-before-consent',
  'consent-ignored',
  'positive-consent-without-choice',
  'consent-differs-from-preference',
  'gpc-ignored',
  'consent-signals-disagree',
  'undeclared-cookie',
  'undeclared-third-party',
  'wrong-purpose',
  'unclassified-cookie',
  'contradictory-declaration',
  'retention-exceeds-declared',
  'identifier-shared',
  'invalid-metadata',
  'no-consent-mechanism',
  'no-privacy-policy',
  'third-party-cookie',
  'unexpected-third-party',
  'unexpected-purpose',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export type Party = 'first' | 'third';

export interface TrackerInfo {
  /** trackerdb pattern key, e.g. `google_analytics` */
  key: string;
  name: string;
  /** trackerdb category key, e.g. `site_analytics` */
  category: string;
  organization: string | null;
  purpose: Purpose;
}

/** What the browser actually handed a recipient with one request. */
export interface SentData {
  referer: boolean;
  /** `full` = path or query included, `origin` = scheme+host only */
  refererKind: 'full' | 'origin' | 'none';
  cookies: boolean;
  userAgent: boolean;
  language: boolean;
  clientHints: string[];
  /** the Sec-GPC: 1 header */
  gpc: boolean;
  /** names of query parameters that look like identifiers (value ≥ 8 chars, high entropy) */
  identifiers: string[];
  /** names of request-body fields (form, URL-encoded or JSON) that look like identifiers */
  bodyIdentifiers?: string[];
}

export interface ObservedRequest {
  url: string;
  method: string;
  /** webRequest resource type: main_frame, sub_frame, script, image, xmlhttprequest, ping, … */
  type: string;
  party: Party;
  /** registrable domain (eTLD+1) of the request host, or the host itself where none exists (IP, localhost) */
  site: string;
  status: number | null;
  /** ms since the visit started */
  at: number;
  tracker: TrackerInfo | null;
  /** null where the request headers were never seen */
  sent: SentData | null;
  frameId?: number;
  initiator?: string;
  /** URL of the request this one was redirected from */
  redirectedFrom?: string;
  /** a prefetch the page asked the browser for (speculation rules), not a navigation of the tab */
  speculative?: boolean;
  /**
   * made by the site's service worker for its pages: the fetch the server saw when the worker passed a page's request
   * on, or the worker's own (a beacon, precaching). The browser names no tab for these; a shared worker's fetches
   * arrive the same way and are flagged alike.
   */
  serviceWorker?: boolean;
  error?: string;
  /** response body size in bytes where known */
  size?: number;
  fromCache?: boolean;
  /** Firefox dns API: the canonical name that revealed a cloaked tracker */
  cname?: string;
  /** full headers, recorded only when asked for (HAR export); names lower-case */
  headers?: { request: [string, string][]; response: [string, string][] };
  /** HTTP version and remote address where the browser reports them */
  remoteIp?: string;
}

export interface CookieSetter {
  via: 'http' | 'script' | 'unknown';
  /** response URL (http) or script URL from the call stack (script) */
  url?: string;
}

export type CookiePurposeSource = 'declared' | 'known-cookie' | 'tracker' | 'heuristic' | 'unknown';

export interface ObservedCookie {
  name: string;
  domain: string;
  path: string;
  party: Party;
  session: boolean;
  /** ISO 8601 UTC; null for session cookies */
  expiresAt: string | null;
  lifetimeSeconds: number | null;
  secure: boolean;
  httpOnly: boolean;
  sameSite: 'lax' | 'strict' | 'none' | 'unspecified';
  setBy: CookieSetter;
  purpose: Purpose;
  purposeSource: CookiePurposeSource;
  /** ms since the visit started, of the last change */
  at: number;
  /** the value as last seen, capped at 4096 characters (the report never leaves the browser unless exported) */
  value?: string;
  /** true once the cookie was removed during the visit */
  removed?: boolean;
  /**
   * when the cookie was first set in this visit (ms since the visit started; 0 = stored before the visit), where that
   * differs from `at` (changed or removed since)
   */
  firstAt?: number;
  /** CHIPS / Firefox partition key (top-level site) where the cookie is partitioned */
  partitionKey?: string;
  /** which known-cookie rule, tracker or heuristic decided the purpose */
  purposeDetail?: string;
  /**
   * Candor's own classification (known cookie or setter tracker) when it differs from a purpose the site declared:
   * the consent rules judge the cookie by what it is known to do, not by what the site calls it.
   */
  independentPurpose?: Purpose;
  /**
   * true when no change was seen during the visit: the cookie was already stored when the visit started (found
   * with the cookies API when the report was made). Its `at` is then 0.
   */
  preexisting?: boolean;
}

export interface ObservedStorage {
  area: 'local' | 'session';
  key: string;
  /** the page origin the storage belongs to */
  origin: string;
  party: Party;
  setBy: CookieSetter;
  purpose: Purpose;
  purposeSource: CookiePurposeSource;
  at: number;
}

export type DeclaredSourceKind =
  | 'tcf'
  | 'gpp'
  | 'usp'
  | 'gpc-well-known'
  | 'consent-mode'
  | 'cmp'
  | 'p3p'
  | 'dpv'
  | 'privacy-policy-link';

export interface DeclaredSource {
  kind: DeclaredSourceKind;
  valid: boolean;
  detail?: Record<string, unknown>;
  error?: string;
}

export interface DeclaredCookie {
  name: string;
  domain?: string;
  purpose: Purpose;
  retentionSeconds: number | null;
  /** where the declaration came from: `cmp:onetrust`, `dpv`, … */
  source: string;
  /** the name is a prefix (`_ga_` …) rather than an exact name */
  prefix?: boolean;
  /** declared as a session cookie (`retentionSeconds` is then null) */
  session?: boolean;
}

export interface Declared {
  sources: DeclaredSource[];
  cookies: DeclaredCookie[];
  /** registrable domains; null where nothing declares recipients */
  recipients: string[] | null;
  retentionSeconds: number | null;
  gpcSupported: boolean | null;
  policyUrl: string | null;
  /** declared purposes of processing (DPV, P3P), normalised */
  purposes?: Purpose[];
}

export interface RecordedConsent {
  /** cmp:<name> | tcf | gpp | usp | consent-mode */
  source: string;
  choiceMade: boolean;
  purposes: PurposeMap;
}

export interface ConsentSignal {
  source: string;
  purposes: PurposeMap;
  choiceMade?: boolean;
  /** US frameworks: true = the signal says the user opted out of sale/sharing/targeted ads, false = not opted out, null = not applicable */
  optedOut?: boolean | null;
  /** the raw value the signal was read from (a TC string, `1YNN`, a cookie) */
  raw?: string;
}

/** What the site's consent mechanism held at one moment of a visit. */
export interface ConsentMoment extends RecordedConsent {
  /** ms since the visit started: when the page began reading its consent state */
  at: number;
}

export interface Consent {
  recorded: RecordedConsent | null;
  signals: ConsentSignal[];
  /** the visitor's saved Candor preference for this site; `{}` where none is saved */
  preference: PurposeMap;
  /**
   * What the site had recorded at earlier moments of the visit, oldest first, one entry per change (read from the
   * page after load and whenever a report is made). Absent where it was never read during the visit.
   */
  history?: ConsentMoment[];
}

export interface Visit {
  phase: Phase;
  url: string;
  startedAt: string;
  gpcSent: boolean;
  declared: Declared;
  consent: Consent;
  observed: {
    requests: ObservedRequest[];
    cookies: ObservedCookie[];
    storage?: ObservedStorage[];
    /** set when a per-visit cap was hit: what was dropped, so the report never silently loses data */
    truncated?: { requests?: number; cookies?: number; storage?: number };
  };
  /** same-document navigations (history API, fragment changes) that stayed in this visit */
  navigations?: { url: string; at: number; kind: 'push' | 'replace' | 'pop' | 'hash' }[];
  /** the page was shown again from the back/forward cache: its earlier requests belong to an earlier visit */
  restoredFromCache?: boolean;
  /**
   * Chromium prerendered the page (speculation rules) before the visitor opened it: the visit starts at the prerender,
   * and its first requests were made before the page was shown
   */
  prerendered?: boolean;
  /**
   * Chromium: the site's service worker answered the page's navigation, so the page's requests reached the network as
   * the worker's (`serviceWorker` requests); a page the worker answered from its cache made no request for itself
   */
  servedByServiceWorker?: boolean;
  /**
   * Candor began observing with the page already open: it was installed or enabled then, or its worker was stopped
   * before it had written down the page's start. The visit starts then; what the page did before is not in it.
   */
  resumed?: boolean;
  /** phased checks: what the banner automation did (`rejected via onetrust`, `no rule matched`) */
  interaction?: { cmp: string | null; action: string; ok: boolean; detail?: string };
}

export type EvidenceItem =
  | {
      type: 'cookie';
      name: string;
      domain: string;
      phase?: Phase;
      /** `wrong-purpose`: the independent classification (declarations ignored) and what decided it */
      classification?: { purpose: Purpose; source: CookiePurposeSource; detail?: string };
    }
  | { type: 'request'; url: string; phase?: Phase }
  | { type: 'storage'; key: string; origin: string }
  | {
      type: 'consent';
      source: string;
      choiceMade?: boolean;
      purposes?: PurposeMap;
      phase?: Phase;
      /** a state from `consent.history`: when it was read (ms since the visit started) */
      at?: number;
    }
  | { type: 'preference'; purposes: PurposeMap }
  | {
      type: 'declaration';
      source: string;
      name?: string;
      purpose?: Purpose;
      retentionSeconds?: number | null;
      /** `wrong-purpose` for a declared cookie not observed: the independent classification of its name */
      classification?: { purpose: Purpose; source: CookiePurposeSource; detail?: string };
    }
  | { type: 'source'; kind: DeclaredSourceKind; error?: string }
  | { type: 'signal'; source: string; value: string }
  | { type: 'gpc'; sent: boolean };

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  phase: Phase;
  title: string;
  explanation: string;
  evidence: EvidenceItem[];
  purpose?: Purpose;
}

export interface ReportSummary {
  requests: number;
  thirdParties: number;
  trackers: number;
  cookies: number;
  findings: Record<Severity, number>;
}

export interface Report {
  schema: 'candor.report/1';
  tool: { name: 'candor'; version: string; browser: string; trackerDb: string };
  site: string;
  url: string;
  visits: Visit[];
  findings: Finding[];
  summary: ReportSummary;
}
