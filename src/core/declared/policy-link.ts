// Finding the privacy policy (shared/spec/metadata-formats.md §9.3): `rel="privacy-policy"` (RFC 6903) first,
// then links whose text or address names a privacy policy in English, German, French, Spanish, Italian or Dutch,
// a cookie policy as a weaker fallback. Only http(s) URLs, resolved against the page URL.
import type { DeclaredSource } from '../types.ts';
import type { PageLink } from './snapshot.ts';

export interface PolicyLinkReading {
  source: DeclaredSource | null;
  policyUrl: string | null;
}

// Matched against lower-cased text without diacritics.
const POLICY_TEXT = [
  /\bprivacy[\s-]*(policy|notice|statement|centre|center)\b/, // en (also used in it, nl)
  /\bdatenschutz(erklarung|hinweise?|richtlinien?|information(en)?|bestimmungen)?\b/, // de
  /\bpolitique de (confidentialite|protection des donnees)|\bconfidentialite\b|\bvie privee\b|\bdonnees personnelles\b/, // fr
  /\bpolitica de privacidad|\baviso de privacidad|\bprivacidad\b/, // es
  /\binformativa (sulla |sul trattamento dei dati|)?privacy\b|\binformativa privacy\b/, // it
  /\bprivacy(beleid|verklaring|statement)\b/, // nl
];
const WEAK_TEXT = /\bprivacy\b/;
const COOKIE_TEXT = /\bcookie[\s-]*(policy|richtlinie|hinweise|erklarung)\b|\bpolitique (de |des )?cookies\b|\bpolitica de cookies\b|\b(informativa|policy) (sui |sull'uso dei )?cookies?\b|\bcookie(beleid|verklaring)\b/;
const POLICY_HREF = /privacy[-_]?(policy|notice|statement)|datenschutz|confidentialite|politique-de-confidentialite|privacidad|informativa[-_]?privacy|privacybeleid|privacyverklaring|\/privacy\b/;
const COOKIE_HREF = /cookie[-_]?(policy|richtlinie|beleid|verklaring)|politique-cookies|politica-de-cookies/;
/** CMP buttons and account settings are not the policy. */
const NOT_POLICY = /settings|einstellung|parametres|preferences|configuracion|impostazioni|instellingen|manage|verwalten|gerer/;

/** The best privacy-policy candidate; `source` is null when nothing was found. */
export function findPolicyLink(pageUrl: string, links: { privacyPolicy: readonly string[]; anchors: readonly PageLink[] }): PolicyLinkReading {
  for (const href of links.privacyPolicy) {
    const url = resolve(href, pageUrl);
    if (url !== null) return found(url, 'rel');
  }
  let best: { url: string; score: number; via: string; text: string } | null = null;
  const page = pageUrl.split('#')[0];
  for (const anchor of links.anchors) {
    const url = resolve(anchor.href, pageUrl);
    // `#` links on the page itself open a banner or a menu, not a policy
    if (url === null || url.split('#')[0] === page) continue;
    if (/(^|\s)privacy-policy(\s|$)/i.test(anchor.rel)) return found(url, 'rel', anchor.text);
    const scored = score(anchor, url);
    if (scored !== null && (best === null || scored.score > best.score)) best = { url, ...scored, text: anchor.text };
  }
  return best ? found(best.url, best.via, best.text) : { source: null, policyUrl: null };
}

function score(anchor: PageLink, url: string): { score: number; via: string } | null {
  const text = normalize(anchor.text);
  if (NOT_POLICY.test(text)) return null;
  const href = normalize(safeDecode(url));
  const footer = anchor.inFooter ? 1 : 0;
  if (POLICY_TEXT.some((re) => re.test(text))) return { score: 10 + footer + (POLICY_HREF.test(href) ? 2 : 0), via: 'text' };
  if (POLICY_HREF.test(href) && (text === '' || WEAK_TEXT.test(text) || footer)) return { score: 8 + footer, via: 'href' };
  if (WEAK_TEXT.test(text) && text.length <= 40) return { score: 6 + footer, via: 'text' };
  if (COOKIE_TEXT.test(text) || COOKIE_HREF.test(href)) return { score: 2 + footer, via: 'cookie-policy' };
  return null;
}

/** Link text that names a privacy policy in one of the six languages (not a cookie policy, not settings). */
export function isPolicyText(text: string): boolean {
  const normalized = normalize(text);
  return !NOT_POLICY.test(normalized) && POLICY_TEXT.some((re) => re.test(normalized));
}

function found(url: string, via: string, text?: string): PolicyLinkReading {
  const detail: Record<string, unknown> = { url, via };
  if (text) detail.text = text.slice(0, 200);
  return { source: { kind: 'privacy-policy-link', valid: true, detail }, policyUrl: url };
}

export function resolve(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
