// Which declared cookies describe an observed cookie: exact names (case-insensitive, as CMP lists are typed by hand),
// prefix names (`prefix: true`, or a trailing `*`/`xxx` wildcard as CMP lists write `_ga_*`, `_hjSession_xxx`), and
// the declared domain, where given, on the same registrable domain as the cookie's.
import { cookieSite } from '../party.ts';
import type { DeclaredCookie } from '../types.ts';

const WILDCARD = /(\*|x{3,}|<[^>]*>|\[[^\]]*\]|\{[^}]*\})$/i;

function namePattern(declared: DeclaredCookie): { stem: string; prefix: boolean } {
  const name = declared.name.trim().toLowerCase();
  const stem = name.replace(WILDCARD, '');
  return { stem, prefix: declared.prefix === true || (stem !== name && stem !== '') };
}

export function nameMatches(declared: DeclaredCookie, name: string): boolean {
  const { stem, prefix } = namePattern(declared);
  if (stem === '') return false;
  const lower = name.toLowerCase();
  return prefix ? lower.startsWith(stem) : lower === stem;
}

export function domainMatches(declared: DeclaredCookie, domain: string): boolean {
  if (typeof declared.domain !== 'string' || declared.domain.trim() === '') return true;
  const declaredSite = cookieSite(declared.domain.trim().toLowerCase());
  return declaredSite === '' || declaredSite === cookieSite(domain.toLowerCase());
}

/** The declarations that cover a cookie (empty when none does). */
export function matchDeclared(
  declared: readonly DeclaredCookie[],
  cookie: { name: string; domain: string },
): DeclaredCookie[] {
  return declared.filter((d) => nameMatches(d, cookie.name) && domainMatches(d, cookie.domain));
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
