// A cookie's purpose and where that purpose came from, in the order of ../../../../shared/docs/design.md:
// declared (the site's own declaration) → the setter's tracker category → the known-cookie table → a heuristic
// → unknown.
//
// Refinement of the setter step, measured with bench/cookies.ts on the Open Cookie Database dev half, the
// tracker of each row's domain standing in for the setter (the CSV has no setter column):
// 1. A setter only decides when its category maps to a tracking purpose (analytics, advertising, social):
//    Google Tag Manager is `utilities`, which says nothing about the `_ga` it writes.
// 2. A vendor-specific known entry (an exact name or a pattern) is not overridden by a setter: the entry is the
//    vendor's statement about that very cookie, the tracker category one about the whole domain (a Google
//    Analytics script writing the Ads cookie `_gcl_au`; an ad script writing a consent manager's record).
//    A prefix entry yields to a tracking setter of another vendor (`mp_*` written by an ad script), not to
//    the same vendor's. A site catch-all (any cookie on an ad exchange's own domain) is vendor-specific too: the
//    cookie's domain is that vendor's.
// 3. A setter in a non-tracking category that still says what its cookies are for (consent managers, chat
//    widgets, video players) decides after the known table and before the heuristics.
// Measured (accuracy on covered names / coverage, 1,132 names): plain order `any-setter` 0.625 / 0.734;
// the different-vendor rule alone 0.663 / 0.727; this order 0.682 / 0.727; with no setter at all 0.706 / 0.568.
// (Row domains are a poor stand-in for real setters: they name the vendor, not the script that wrote the cookie.)
import { isTrackingPurpose, toPurpose } from '../purposes.ts';
import type { CookiePurposeSource, DeclaredCookie, Purpose, TrackerInfo } from '../types.ts';
import { cookieHeuristic } from './cookie-heuristics.ts';
import { type KnownCookieMatch, lookupKnownCookie } from './known-cookies.ts';
import { matchDeclaredCookie } from './match-declared-cookie.ts';

export interface ClassifyCookieInput {
  name: string;
  /** cookie domain (`.shop.example`, `shop.example`) */
  domain?: string;
  value?: string;
  /** null = session cookie; undefined = not known */
  lifetimeSeconds?: number | null;
  /** the tracker of the response or script that set it */
  setter?: TrackerInfo | null;
  /** the site's declared cookies */
  declared?: readonly DeclaredCookie[];
}

export interface CookieClassification {
  purpose: Purpose;
  source: CookiePurposeSource;
  detail: string;
}

export interface ClassifyOptions {
  /**
   * `refined` (default) as described at the top of this file; `any-setter` = the design's plain order, where any
   * setter whose category maps to a purpose beats the known table (kept for measuring the refinement).
   */
  setterPolicy?: 'refined' | 'any-setter';
}

const DESCRIPTIVE_SETTER_CATEGORIES = new Set(['consent', 'customer_interaction', 'audio_video_player']);
const ORG_ALIASES: Readonly<Record<string, readonly string[]>> = {
  facebook: ['meta', 'instagram'],
  twitter: ['xcorp'],
  bytedance: ['tiktok'],
  appnexus: ['xandr'],
  the_trade_desk: ['thetradedesk'],
  snap: ['snapchat'],
};

function norm(s: string | null | undefined): string {
  return (s ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** True when the setter tracker belongs to the vendor a known-cookie group names. */
export function sameVendor(org: string, setter: TrackerInfo): boolean {
  const names = [org, ...(ORG_ALIASES[org] ?? [])].map(norm).filter((s) => s.length >= 3);
  const fields = [setter.organization, setter.key, setter.name].map(norm).filter((s) => s !== '');
  return names.some((n) => fields.some((f) => f.includes(n) || n.includes(f)));
}

function knownDetail(known: KnownCookieMatch): string {
  return `known cookie ${known.pattern} (${known.vendor}; ${known.source})`;
}

function setterDetail(setter: TrackerInfo): string {
  return `set by ${setter.name} (tracker category ${setter.category})`;
}

export function classifyCookie(input: ClassifyCookieInput, options: ClassifyOptions = {}): CookieClassification {
  const name = typeof input.name === 'string' ? input.name : '';
  const refine = options.setterPolicy !== 'any-setter';

  const declared = matchDeclaredCookie(name, input.domain, input.declared);
  if (declared && declared.declaration.purpose !== 'unknown') {
    const d = declared.declaration;
    return {
      purpose: d.purpose,
      source: 'declared',
      detail: `declared by ${d.source} as ${d.name}${declared.how === 'prefix' ? ' (prefix)' : ''}`,
    };
  }

  const known = lookupKnownCookie(name, input.domain);
  const setter = input.setter ?? null;
  const setterPurpose = setter ? toPurpose('tracker-category', setter.category) : 'unknown';

  if (setter && !refine && setterPurpose !== 'unknown') {
    return { purpose: setterPurpose, source: 'tracker', detail: setterDetail(setter) };
  }
  if (setter && isTrackingPurpose(setterPurpose)) {
    const vendorSpecific = known !== null && known.match !== 'prefix';
    const sameVendorPrefix = known !== null && known.match === 'prefix' && known.org !== null && sameVendor(known.org, setter);
    if (!vendorSpecific && !sameVendorPrefix) {
      return { purpose: setterPurpose, source: 'tracker', detail: setterDetail(setter) };
    }
  }

  if (known) return { purpose: known.purpose, source: 'known-cookie', detail: knownDetail(known) };

  if (setter && DESCRIPTIVE_SETTER_CATEGORIES.has(setter.category)) {
    return { purpose: setterPurpose, source: 'tracker', detail: setterDetail(setter) };
  }

  const heuristic = cookieHeuristic({
    name,
    ...(input.value !== undefined ? { value: input.value } : {}),
    ...(input.lifetimeSeconds !== undefined ? { lifetimeSeconds: input.lifetimeSeconds } : {}),
  });
  if (heuristic && heuristic.purpose !== 'unknown') return { purpose: heuristic.purpose, source: 'heuristic', detail: heuristic.detail };
  return { purpose: 'unknown', source: 'unknown', detail: heuristic?.detail ?? 'no declaration, tracker, known cookie or convincing heuristic' };
}

/**
 * A localStorage / sessionStorage key: the same table (vendors reuse their cookie names as keys) and a few
 * storage-only keys; lifetimes do not apply, so the heuristics only look at the name.
 */
export function classifyStorageKey(input: ClassifyCookieInput, options: ClassifyOptions = {}): CookieClassification {
  const keyOnly: ClassifyCookieInput = { name: input.name };
  if (input.domain !== undefined) keyOnly.domain = input.domain;
  if (input.setter !== undefined) keyOnly.setter = input.setter;
  if (input.declared !== undefined) keyOnly.declared = input.declared;
  return classifyCookie(keyOnly, options);
}
