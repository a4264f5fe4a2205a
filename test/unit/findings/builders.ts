// Small builders for findings tests: a visit with sensible empty defaults, and the cookies/requests/trackers it holds.
import type { RuleContext } from '../../../src/core/findings/context.ts';
import type {
  Declared,
  DeclaredCookie,
  ObservedCookie,
  ObservedRequest,
  RecordedConsent,
  TrackerInfo,
  Visit,
} from '../../../src/core/types.ts';

export const SITE = 'shop.example';
export const PAGE = 'https://www.shop.example/basket';

export const TRACKERS = {
  googleAnalytics: {
    key: 'google_analytics',
    name: 'Google Analytics',
    category: 'site_analytics',
    organization: 'Google',
    purpose: 'analytics',
  },
  doubleclick: { key: 'doubleclick', name: 'DoubleClick', category: 'advertising', organization: 'Google', purpose: 'advertising' },
  facebook: { key: 'facebook_connect', name: 'Facebook Connect', category: 'social_media', organization: 'Meta', purpose: 'social' },
  googleFonts: { key: 'google_fonts', name: 'Google Fonts', category: 'utilities', organization: 'Google', purpose: 'functional' },
  cloudflare: { key: 'cloudflare', name: 'Cloudflare', category: 'hosting', organization: 'Cloudflare', purpose: 'necessary' },
  onetrust: { key: 'onetrust', name: 'OneTrust', category: 'consent', organization: 'OneTrust', purpose: 'necessary' },
} as const satisfies Record<string, TrackerInfo>;

export function cookie(partial: Partial<ObservedCookie> & { name: string }): ObservedCookie {
  return {
    domain: `.${SITE}`,
    path: '/',
    party: 'first',
    session: false,
    expiresAt: '2028-11-26T10:00:00.000Z',
    lifetimeSeconds: 63072000,
    secure: true,
    httpOnly: false,
    sameSite: 'lax',
    setBy: { via: 'script', url: 'https://www.googletagmanager.com/gtag/js?id=G-X' },
    purpose: 'unknown',
    purposeSource: 'unknown',
    at: 1000,
    ...partial,
  };
}

export const GA_COOKIE = cookie({ name: '_ga', purpose: 'analytics', purposeSource: 'known-cookie', value: 'GA1.1.1234567890.1764150000' });
export const SESSION_COOKIE = cookie({ name: 'PHPSESSID', purpose: 'necessary', purposeSource: 'known-cookie', lifetimeSeconds: null, session: true, expiresAt: null, value: 'q8f3k2m9d7s6a1z0' });
export const ONETRUST_COOKIE = cookie({ name: 'OptanonConsent', purpose: 'analytics', purposeSource: 'heuristic', at: 5000, value: 'isGpcEnabled=0&groups=C0001%3A1%2CC0002%3A0' });

export function request(partial: Partial<ObservedRequest> & { url: string }): ObservedRequest {
  const host = new URL(partial.url).hostname;
  const site = host.split('.').slice(-2).join('.');
  return {
    method: 'GET',
    type: 'script',
    party: site === SITE ? 'first' : 'third',
    site,
    status: 200,
    at: 1200,
    tracker: null,
    sent: null,
    ...partial,
  };
}

export const GA_HIT = request({
  url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-X&cid=1234567890.1764150000',
  type: 'ping',
  tracker: TRACKERS.googleAnalytics,
});
export const FONT = request({ url: 'https://fonts.gstatic.com/s/roboto.woff2', type: 'font', tracker: TRACKERS.googleFonts });
export const CDN = request({ url: 'https://cdnjs.cloudflare.com/lib.js', tracker: TRACKERS.cloudflare });
export const CMP_SCRIPT = request({ url: 'https://cdn.cookielaw.org/scripttemplates/otSDKStub.js', tracker: TRACKERS.onetrust });
export const SUBDOMAIN = request({ url: 'https://static.shop.example/app.js' });

export function recorded(partial: Partial<RecordedConsent> = {}): RecordedConsent {
  return { source: 'cmp:onetrust', choiceMade: true, purposes: {}, ...partial };
}

export function declaredCookie(partial: Partial<DeclaredCookie> & { name: string }): DeclaredCookie {
  return { purpose: 'analytics', retentionSeconds: null, source: 'cmp:onetrust', ...partial };
}

export interface VisitParts {
  phase?: Visit['phase'];
  gpcSent?: boolean;
  declared?: Partial<Declared>;
  consent?: Partial<Visit['consent']>;
  requests?: ObservedRequest[];
  cookies?: ObservedCookie[];
  interaction?: Visit['interaction'];
  url?: string;
}

export function visit(parts: VisitParts = {}): Visit {
  const result: Visit = {
    phase: parts.phase ?? 'browsing',
    url: parts.url ?? PAGE,
    startedAt: '2026-11-26T10:00:00.000Z',
    gpcSent: parts.gpcSent ?? false,
    declared: {
      sources: [{ kind: 'cmp', valid: true, detail: { cmp: 'onetrust' } }],
      cookies: [],
      recipients: null,
      retentionSeconds: null,
      gpcSupported: null,
      policyUrl: 'https://www.shop.example/privacy',
      ...parts.declared,
    },
    consent: { recorded: null, signals: [], preference: {}, ...parts.consent },
    observed: { requests: parts.requests ?? [], cookies: parts.cookies ?? [] },
  };
  if (parts.interaction) result.interaction = parts.interaction;
  return result;
}

export function context(v: Visit, partial: Partial<Omit<RuleContext, 'visit'>> = {}): RuleContext {
  return { visit: v, visits: [v], site: SITE, classify: null, ...partial };
}

/** One row of a rule table: the context, how many findings, and a text each must mention. */
export interface RuleCase {
  name: string;
  kind: import('../../../src/core/types.ts').FindingKind;
  ctx: RuleContext;
  count: number;
  mentions?: string;
}
