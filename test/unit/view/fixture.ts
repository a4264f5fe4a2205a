// Small report builders for the view-model tests: every field has a dull default, tests override what they check.
import type {
  Declared,
  Finding,
  ObservedCookie,
  ObservedRequest,
  Report,
  SentData,
  TrackerInfo,
  Visit,
} from '../../../src/core/types.ts';

export const NOTHING_SENT: SentData = {
  referer: false,
  refererKind: 'none',
  cookies: false,
  userAgent: false,
  language: false,
  clientHints: [],
  gpc: false,
  identifiers: [],
};

export function sent(overrides: Partial<SentData> = {}): SentData {
  return { ...NOTHING_SENT, ...overrides };
}

export function tracker(overrides: Partial<TrackerInfo> = {}): TrackerInfo {
  return {
    key: 'google_analytics',
    name: 'Google Analytics',
    category: 'site_analytics',
    organization: 'Google',
    purpose: 'analytics',
    ...overrides,
  };
}

export function request(overrides: Partial<ObservedRequest> = {}): ObservedRequest {
  return {
    url: 'https://cdn.other.example/x.js',
    method: 'GET',
    type: 'script',
    party: 'third',
    site: 'other.example',
    status: 200,
    at: 10,
    tracker: null,
    sent: sent(),
    ...overrides,
  };
}

export function cookie(overrides: Partial<ObservedCookie> = {}): ObservedCookie {
  return {
    name: 'sid',
    domain: '.shop.example',
    path: '/',
    party: 'first',
    session: true,
    expiresAt: null,
    lifetimeSeconds: null,
    secure: true,
    httpOnly: true,
    sameSite: 'lax',
    setBy: { via: 'http', url: 'https://www.shop.example/' },
    purpose: 'necessary',
    purposeSource: 'heuristic',
    at: 5,
    ...overrides,
  };
}

export function declared(overrides: Partial<Declared> = {}): Declared {
  return {
    sources: [],
    cookies: [],
    recipients: null,
    retentionSeconds: null,
    gpcSupported: null,
    policyUrl: null,
    ...overrides,
  };
}

export function visit(overrides: Partial<Visit> = {}): Visit {
  return {
    phase: 'browsing',
    url: 'https://www.shop.example/basket',
    startedAt: '2026-11-26T10:00:00.000Z',
    gpcSent: false,
    declared: declared(),
    consent: { recorded: null, signals: [], preference: {} },
    observed: { requests: [], cookies: [] },
    ...overrides,
  };
}

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    kind: 'third-party-cookie',
    severity: 'info',
    phase: 'browsing',
    title: 'A third party set a cookie',
    explanation: 'Plain words.',
    evidence: [],
    ...overrides,
  };
}

export function report(overrides: Partial<Report> = {}): Report {
  return {
    schema: 'candor.report/1',
    tool: { name: 'candor', version: '0.1.0', browser: 'test', trackerDb: 'test' },
    site: 'shop.example',
    url: 'https://www.shop.example/basket',
    visits: [visit()],
    findings: [],
    summary: { requests: 0, thirdParties: 0, trackers: 0, cookies: 0, findings: { high: 0, medium: 0, low: 0, info: 0 } },
    ...overrides,
  };
}

/** A report with one visit holding these requests and cookies. */
export function observed(requests: ObservedRequest[], cookies: ObservedCookie[] = [], extra: Partial<Visit> = {}): Report {
  return report({ visits: [visit({ observed: { requests, cookies }, ...extra })] });
}
