// Consent Mode as it travels on Google requests (shared/spec/metadata-formats.md §5.3): `gcs=G1<ad><analytics>`
// and the undocumented, reverse-engineered `gcd=11<ad_storage>1<analytics_storage>1<ad_user_data>1<ad_personalization>…`.
// Best effort: parsed leniently, and gcd (four types, default vs update) wins over gcs where both are present.
import type { ConsentSignal } from '../types.ts';
import { combinePurposes } from './combine-purposes.ts';

/** gcd letters → [granted, set by an update]; `l` = not set. */
const GCD_LETTERS: Readonly<Record<string, readonly [boolean, boolean]>> = {
  p: [false, false],
  q: [false, true],
  t: [true, false],
  r: [true, true],
  m: [false, true],
  n: [true, true],
  u: [false, true],
  v: [true, true],
};
const GCD_TYPES = ['ad_storage', 'analytics_storage', 'ad_user_data', 'ad_personalization'] as const;

/** The consent state a Google request carries in `gcs`/`gcd`; null when it carries neither (or neither parses). */
export function readGoogleConsentParams(url: string): ConsentSignal | null {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return null;
  }
  const gcd = params.get('gcd');
  const gcs = params.get('gcs');
  const raw = [gcs !== null ? `gcs=${gcs.slice(0, 20)}` : '', gcd !== null ? `gcd=${gcd.slice(0, 40)}` : ''].filter(Boolean).join('&');
  const fromGcd = gcd !== null ? parseGcd(gcd) : null;
  if (fromGcd) return { source: 'gcs', purposes: combinePurposes('consent-mode', fromGcd.states), choiceMade: fromGcd.updated, raw };
  const fromGcs = gcs !== null ? parseGcs(gcs) : null;
  if (fromGcs) return { source: 'gcs', purposes: combinePurposes('consent-mode', fromGcs), raw };
  return null;
}

export function parseGcs(value: string): [string, boolean][] | null {
  const match = /^G1([01])([01])$/.exec(value.trim());
  if (!match) return null;
  return [
    ['ad_storage', match[1] === '1'],
    ['analytics_storage', match[2] === '1'],
  ];
}

export function parseGcd(value: string): { states: [string, boolean][]; updated: boolean } | null {
  // two leading digits, then letter/digit pairs: 11p1p1p1p5, 13l3l3l3l1
  const match = /^\d\d([a-z])\d([a-z])\d([a-z])\d([a-z])/.exec(value.trim());
  if (!match) return null;
  const states: [string, boolean][] = [];
  let updated = false;
  for (const [i, type] of GCD_TYPES.entries()) {
    const letter = GCD_LETTERS[match[i + 1] ?? ''];
    if (!letter) continue;
    states.push([type, letter[0]]);
    if (letter[1]) updated = true;
  }
  return states.length > 0 ? { states, updated } : null;
}
