// Which declared cookies describe an observed cookie. Declarations are written by people: names are matched
// case-insensitively and carry placeholders for their variable part (`_ga_*`, `_ga_XXXXXXX`, `_gat_UA-<id>`,
// `_hjSession_#`), which make them prefixes (as does `prefix: true`). Domains are often the provider's rather than
// the cookie's (Cookiebot lists `google.com` for a first-party `_ga`), so a name match on another domain still
// counts; where some declarations also match the domain, only those are returned.
// The name and domain rules are src/core/cookies/match-declared-cookie.ts's, which decides a cookie's declared purpose.
import { declaredDomainMatches, declaredPattern } from '../cookies/match-declared-cookie.ts';
import { cookieSite } from '../party.ts';
import type { DeclaredCookie } from '../types.ts';

function namePattern(declared: DeclaredCookie): { stem: string; prefix: boolean } {
  const { fixed, prefix } = declaredPattern({ ...declared, name: declared.name.trim() });
  return { stem: fixed.toLowerCase(), prefix };
}

export function nameMatches(declared: DeclaredCookie, name: string): boolean {
  const { stem, prefix } = namePattern(declared);
  const lower = name.toLowerCase();
  if (prefix) return stem.length >= 2 && lower.startsWith(stem);
  return stem !== '' && lower === stem;
}

export function domainMatches(declared: DeclaredCookie, domain: string): boolean {
  return declaredDomainMatches(domain, typeof declared.domain === 'string' ? declared.domain : undefined);
}

/** The declarations that cover a cookie (empty when none does); same-domain ones only, where there are any. */
export function matchDeclared(
  declared: readonly DeclaredCookie[],
  cookie: { name: string; domain: string },
): DeclaredCookie[] {
  if (typeof cookie.name !== 'string' || cookie.name === '') return [];
  const byName = declared.filter((d) => typeof d.name === 'string' && nameMatches(d, cookie.name));
  const sameDomain = byName.filter((d) => domainMatches(d, typeof cookie.domain === 'string' ? cookie.domain : ''));
  return sameDomain.length > 0 ? sameDomain : byName;
}

/** Declarations describe the same cookie when name, prefix-ness and domain site agree. */
export function declarationKey(declared: DeclaredCookie): string {
  const { stem, prefix } = namePattern(declared);
  const domain = typeof declared.domain === 'string' ? cookieSite(declared.domain.trim().toLowerCase()) : '';
  return `${prefix ? 'prefix' : 'exact'}\u0000${stem}\u0000${domain}`;
}

/** A declaration that names a family of cookies (`_ga_*`) rather than one cookie. */
export function isPatternDeclaration(declared: DeclaredCookie): boolean {
  return namePattern(declared).prefix;
}
