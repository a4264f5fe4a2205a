// Registrable domains (eTLD+1) and first vs third party, with tldts and the Public Suffix List.
import { parse } from 'tldts';
import type { Party } from './types.ts';

const OPTIONS = { allowPrivateDomains: true, extractHostname: true } as const;

/**
 * The registrable domain of a URL or host name: `www.shop.example.co.uk` → `shop.example.co.uk`,
 * `alice.github.io` → `alice.github.io` (private suffixes respected). IP addresses, `localhost` and other
 * names without a public suffix return the host itself, so they still group; non-network URLs return ''.
 */
export function siteOf(urlOrHost: string): string {
  if (urlOrHost === '') return '';
  const info = parse(urlOrHost, OPTIONS);
  if (info.domain) return info.domain;
  return info.hostname ?? '';
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** First party when the request's registrable domain is the top-level page's. */
export function partyOf(requestSite: string, topSite: string): Party {
  return requestSite !== '' && requestSite === topSite ? 'first' : 'third';
}

/** A cookie's domain attribute (`.shop.example`) → its registrable domain. */
export function cookieSite(domain: string): string {
  return siteOf(domain.replace(/^\./, ''));
}

/** URLs whose requests are observed at all: http(s) and ws(s). `data:`, `blob:`, extension pages are not network traffic. */
export function isNetworkUrl(url: string): boolean {
  return /^(https?|wss?):\/\//i.test(url);
}
