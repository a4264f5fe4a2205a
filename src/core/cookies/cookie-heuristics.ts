// The last resort before `unknown`: what a cookie's name, lifetime and value suggest. Precision over
// coverage: a rule only fires on a name that says what it is for; a long-lived random value alone shows an
// identifier, not which purpose it serves, so it stays `unknown` (with a detail saying so).
import { looksLikeIdentifier } from '../identifier-value.ts';
import type { Purpose } from '../types.ts';

export interface HeuristicInput {
  name: string;
  value?: string;
  /** null = session cookie; undefined = not known */
  lifetimeSeconds?: number | null;
}

export interface HeuristicVerdict {
  purpose: Purpose;
  detail: string;
}

const DAY = 86_400;
const YEAR = 365 * DAY;
const MAX_NAME = 256;

// Name rules, in order. Tokens are matched on word boundaries of a split name (`_ga_session-id` → ga, session, id)
// or as substrings where the word is long enough not to collide.
// `technical` rules name what makes a site work (sessions, sign-in, carts, consent records): `functional`, except
// security tokens, which are `necessary` (see known-cookies-technical.ts for where the line is drawn and why).
type NameRule = readonly [RegExp, Purpose, string, 'technical'?];

const NAME_RULES: readonly NameRule[] = [
  [/consent|gdpr|ccpa|cookie[-_.]?(notice|banner|policy|law|bar|agree|accept|pref|choice|settings|control|level)|cookies?[-_]?(accepted|allowed|ok)|opt[-_]?out|optin|opt[-_]in|do[-_]?not[-_]?track/i, 'functional', 'name mentions consent or opt-out', 'technical'],
  [/(^|[^a-z])(csrf|xsrf|anti[-_]?forgery|requestverification|nonce)([^a-z]|$)|csrf|xsrf/i, 'necessary', 'name mentions a CSRF token', 'technical'],
  [/(^|[-_.])(test|check)[-_.]?cookies?([-_.]|$)|(^|[-_.])cookies?[-_.]?(test|check|support|enabled)([-_.]|$)/i, 'functional', 'a cookie-support test', 'technical'],
  [/(^|[-_.])(captcha|recaptcha|hcaptcha|bot[-_]?(check|detect)|waf|firewall|ddos|challenge|security|secure[-_]?token|fraud)([-_.]|$)|captcha/i, 'functional', 'name mentions security or bot defence', 'technical'],
  [/(^|[-_.])(lb|alb|elb|loadbalancer|load[-_]?balancer|affinity|sticky|backend|server[-_]?id|node[-_]?id|route|routing)([-_.]|$)/i, 'functional', 'name mentions load balancing', 'technical'],
  [/(^|[-_.])(cart|basket|checkout|order|wishlist[-_]?session)([-_.]|$)/i, 'functional', 'name mentions a shopping cart', 'technical'],
  [/(^|[-_.])(onetrust|optanon|cookiebot|didomi|usercentrics|iubenda|termly|cookieyes|complianz|sourcepoint|trustarc|truste|osano|axeptio|cookiefirst|cookiehub|cookiescript|termsfeed|borlabs|cookielawinfo|cookie[-_]?law)([-_.]|$)|onetrust|optanon|cookiebot|usercentrics|cookieyes|cookiefirst|cookiehub/i, 'functional', 'name of a consent manager (its record of the choice)', 'technical'],
  [/(^|[-_.])(auth|authn|login|logged[-_]?in|signin|sign[-_]?in|remember[-_]?me|jwt|token|access[-_]?token|refresh[-_]?token|id[-_]?token|sso|saml|oauth|oidc)([-_.]|$)/i, 'functional', 'name mentions authentication', 'technical'],
  [/(^|[-_.])(redirect(ed)?|redirect[-_]?(to|url|uri)|return[-_]?(to|url|uri)|returnurl|next[-_]?url|back[-_]?url)([-_.]|$)/i, 'functional', 'name mentions where to send the visitor back after sign-in or a form', 'technical'],
  [/(^|[-_.])(utm|utmz|gclid|fbclid|msclkid|dclid|clickid|click[-_]?id|clid|campaign|affiliate|aff|affid|partner[-_]?id|referral|retarget(ing)?|remarketing|adid|ad[-_]?id|ads|adserver|advert(ising)?|pixel(?![-_.]?ratio)|dmp|audiences?|conversion|attribution)([-_.]|$)/i, 'advertising', 'name mentions campaigns, ads or attribution'],
  [/(^|[-_.])(analytics|stats?|statistics?|metrics?|tracking|tracker|pageviews?|page[-_]?view|heatmap|experiment|variant|ab[-_]?test|abtest|split[-_]?test|first[-_]?visit|last[-_]?visit|visits?|returning|new[-_]?visitor|visitor[-_]?id|visitor)([-_.]|$)|analytics|tracking/i, 'analytics', 'name mentions analytics, visits or experiments'],
  [/(^|[-_.])(lang|language|locale|i18n|l10n|currency|curr|country|region|timezone|tz|theme|dark[-_]?mode|darkmode|color[-_]?scheme|font[-_]?size|zoom|pixel[-_]?ratio|pref|prefs|preference|preferences|settings|layout|view[-_]?mode|volume|muted|player|recently[-_]?viewed|recent|wishlist|compare|favou?rites?|store[-_]?view|chat|widget|popup|modal|notice|banner|dismiss(ed)?|closed|hide|seen|tour)([-_.]|$)/i, 'functional', 'name mentions a preference or interface state'],
];

/** Identifier-like names: `_id`, `uid`, `uuid`, `guid`, `cid`, `vid`, `device_id`, `_fbp`-style short ids. */
const ID_NAME = /(^|[-_.])(u?u?id|guid|uid|cid|vid|did|device[-_]?id|client[-_]?id|user[-_]?id|anon(ymous)?[-_]?id|fingerprint|fp)([-_.]|$)/i;

const SESSIONISH = /(^|[-_.])(sess|session|sessid|sessionid|session[-_]?id|sid|ssid)([-_.]|$)|sessid|session[-_]?id|session$|^sess/i;

function splitCamel(name: string): string {
  // `visitorId` → `visitor_Id`, so camelCase names split on the same boundaries as snake_case ones
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
}

/** The purpose a cookie's name, lifetime and value suggest, or null when nothing is convincing. */
export function cookieHeuristic(input: HeuristicInput): HeuristicVerdict | null {
  if (typeof input.name !== 'string' || input.name === '') return null;
  const raw = input.name.length > MAX_NAME ? input.name.slice(0, MAX_NAME) : input.name;
  const name = splitCamel(raw);
  const lifetime = input.lifetimeSeconds;
  const longLived = typeof lifetime === 'number' && lifetime >= YEAR;
  const identifier = typeof input.value === 'string' && looksLikeIdentifier(input.value);

  for (const [pattern, purpose, why, technical] of NAME_RULES) {
    if (!pattern.test(name)) continue;
    // A cart or login cookie that lives for years and carries an id is more likely a tracker in disguise.
    if (technical && longLived && identifier && !/consent|opt/i.test(name)) break;
    // So is a widget's or a player's id (`widget_id` = a random value for a year): the name says "id", not a setting.
    if (!technical && purpose === 'functional' && longLived && identifier && ID_NAME.test(name)) break;
    return { purpose, detail: `heuristic: ${why}` };
  }

  if (SESSIONISH.test(name)) {
    // A session id lives for the session or briefly; one that lives a year or more is an identifier, not a session.
    if (lifetime === undefined || lifetime === null || lifetime <= 30 * DAY) {
      return { purpose: 'functional', detail: 'heuristic: session identifier name with a short lifetime' };
    }
  }

  if (/^__Host-/.test(raw)) return { purpose: 'functional', detail: 'heuristic: __Host- prefix (a host-bound cookie: sign-in or session state)' };

  if (ID_NAME.test(name)) {
    // Measured: such names split evenly between necessary, analytics and advertising, so the name shows an
    // identifier but not its purpose.
    if (lifetime === null) return null; // a session id is not a cross-visit tracker
    return { purpose: 'unknown', detail: 'heuristic: identifier name on a persistent cookie (purpose uncertain)' };
  }

  if (longLived && identifier) {
    return { purpose: 'unknown', detail: 'heuristic: long-lived random identifier (likely tracking; purpose uncertain)' };
  }
  return null;
}
