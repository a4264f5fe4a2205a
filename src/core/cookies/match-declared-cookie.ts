// Which of a site's declared cookies an observed cookie is. Declarations come from CMP cookie tables and
// metadata written by people: names carry placeholders (`_ga_*`, `_ga_XXXXXXX`, `_gat_UA-<id>`, `_hjSession_#`)
// and domains are often the provider's rather than the cookie's, so the domain only ranks candidates.
import { cookieSite } from '../party.ts';
import type { DeclaredCookie } from '../types.ts';

export interface DeclaredMatch {
  declaration: DeclaredCookie;
  how: 'exact' | 'prefix';
  /** the declared domain matches the cookie's (or the declaration names none) */
  domainMatches: boolean;
}

const MAX_DECLARED = 5000;
const MAX_NAME = 256;
// Placeholders people write for the variable part of a name: `*`, `XXXX`, `####`, `<id>`, `[id]`, `{id}`, `…`
const PLACEHOLDER = /(\*|[xX]{3,}|#{1,}|<[^>]{0,40}>|\[[^\]]{0,40}\]|\{[^}]{0,40}\}|\.\.\.|…)/;

function normDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^\*?\./, '');
}

/** A declared domain covers a cookie's when either contains the other or both share a registrable domain. */
export function declaredDomainMatches(cookieDomain: string | undefined, declared: string | undefined): boolean {
  if (declared === undefined || declared.trim() === '') return true;
  if (cookieDomain === undefined || cookieDomain === '') return true;
  const c = normDomain(cookieDomain);
  const d = normDomain(declared);
  if (c === d || c.endsWith(`.${d}`) || d.endsWith(`.${c}`)) return true;
  const site = cookieSite(c);
  return site !== '' && site === cookieSite(d);
}

/** The fixed part of a declared name, and whether the declaration stands for a family of names. */
export function declaredPattern(decl: DeclaredCookie): { fixed: string; prefix: boolean } {
  const name = decl.name.length > MAX_NAME ? decl.name.slice(0, MAX_NAME) : decl.name;
  const at = name.search(PLACEHOLDER);
  if (at > 0) return { fixed: name.slice(0, at), prefix: true };
  return { fixed: name, prefix: decl.prefix === true };
}

function rank(m: DeclaredMatch, fixedLength: number): number {
  // exact beats prefix; a matching domain beats a different one; among prefixes the longest wins
  return (m.how === 'exact' ? 1_000_000 : fixedLength) + (m.domainMatches ? 2_000_000 : 0);
}

/**
 * The best declaration for a cookie: exact name before prefix, matching domain before a different one,
 * longest prefix first. A name match on another domain still counts (CMP tables often list the provider's
 * domain, `google.com`, for a first-party `_ga`), but ranks below a same-domain one. Null where none matches.
 */
export function matchDeclaredCookie(
  name: string,
  domain: string | undefined,
  declared: readonly DeclaredCookie[] | undefined,
): DeclaredMatch | null {
  if (!declared || declared.length === 0 || typeof name !== 'string' || name === '') return null;
  const lower = name.toLowerCase();
  let best: DeclaredMatch | null = null;
  let bestRank = -1;
  const count = Math.min(declared.length, MAX_DECLARED);
  for (let i = 0; i < count; i++) {
    const decl = declared[i];
    if (!decl || typeof decl.name !== 'string' || decl.name === '') continue;
    const { fixed, prefix } = declaredPattern(decl);
    let how: DeclaredMatch['how'] | null = null;
    if (!prefix && (decl.name === name || decl.name.toLowerCase() === lower)) how = 'exact';
    else if (prefix && fixed.length >= 2 && lower.startsWith(fixed.toLowerCase())) how = 'prefix';
    if (how === null) continue;
    const match: DeclaredMatch = { declaration: decl, how, domainMatches: declaredDomainMatches(domain, decl.domain) };
    const r = rank(match, fixed.length);
    if (r > bestRank) {
      best = match;
      bestRank = r;
    }
  }
  return best;
}
