// The popup's cookie list: purpose (and how it was decided), lifetime, setter, and declared vs observed.
import type { CookiePurposeSource, CookieSetter, DeclaredCookie, ObservedCookie, Party, Phase, Purpose, Report } from '../types.ts';
import { isPatternDeclaration, matchDeclared } from '../findings/declared-cookie-match.ts';
import { formatDuration } from './format-duration.ts';
import type { Duration } from './format-duration.ts';
import { memoByReport } from './memo.ts';

/**
 * `declared`: listed, purpose agrees · `purpose-differs`: listed under another purpose ·
 * `undeclared`: the site declares cookies but not this one · `no-declaration`: the site declares no cookies at all.
 */
export type DeclarationStatus = 'declared' | 'purpose-differs' | 'undeclared' | 'no-declaration';

export interface CookieRow {
  /** stable key: name, domain and path */
  id: string;
  name: string;
  domain: string;
  path: string;
  party: Party;
  purpose: Purpose;
  purposeSource: CookiePurposeSource;
  purposeDetail: string | null;
  /** null for a session cookie */
  lifetime: Duration | null;
  lifetimeSeconds: number | null;
  setBy: CookieSetter;
  /** host name of the setter URL (response or script), '' where unknown */
  setterHost: string;
  status: DeclarationStatus;
  declaration: { purpose: Purpose; retention: Duration | null; retentionSeconds: number | null; session: boolean; source: string } | null;
  /** lives at least 1.5× longer than declared (as the retention-exceeds-declared rule; site-level retention for first-party cookies only) */
  outlivesDeclared: boolean;
  removed: boolean;
  phases: Phase[];
}

// the setter's host name (www.googletagmanager.com) says more than its registrable domain
function hostOf(url: string | undefined): string {
  if (url === undefined) return '';
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The declaration that covers a cookie, matched as the findings rules match (src/core/findings/declared-cookie-match.ts):
 * an exact name first, else the longest matching prefix or wildcard. */
export function findDeclaration(cookie: Pick<ObservedCookie, 'name' | 'domain'>, declarations: readonly DeclaredCookie[]): DeclaredCookie | null {
  let best: DeclaredCookie | null = null;
  for (const d of matchDeclared(declarations, cookie)) {
    if (!isPatternDeclaration(d)) return d;
    if (best === null || d.name.length > best.name.length) best = d;
  }
  return best;
}

/** As the retention-exceeds-declared rule: ≥ 1.5× the longest declared retention; a session declaration is exceeded by a day. */
function outlives(lifetime: number | null, matches: readonly DeclaredCookie[], siteRetention: number | null, party: Party): boolean {
  if (lifetime === null) return false;
  const declared = matches
    .map((d) => (d.session === true && d.retentionSeconds === null ? 0 : d.retentionSeconds))
    .filter((r): r is number => r !== null && Number.isFinite(r) && r >= 0);
  const limit = declared.length > 0 ? Math.max(...declared) : party === 'first' ? siteRetention : null;
  if (limit === null || limit < 0) return false;
  return limit > 0 ? lifetime >= 1.5 * limit : lifetime >= 86_400;
}

function row(cookie: ObservedCookie, declarations: readonly DeclaredCookie[], siteRetention: number | null, phase: Phase): CookieRow {
  const matches = matchDeclared(declarations, cookie);
  const match = findDeclaration(cookie, declarations);
  let status: DeclarationStatus = 'no-declaration';
  if (declarations.length > 0) {
    status = match === null ? 'undeclared' : matches.some((d) => d.purpose === cookie.purpose) ? 'declared' : 'purpose-differs';
  }
  const lifetime = cookie.session ? null : cookie.lifetimeSeconds;
  return {
    id: `${cookie.name}|${cookie.domain}|${cookie.path}`,
    name: cookie.name,
    domain: cookie.domain,
    path: cookie.path,
    party: cookie.party,
    purpose: cookie.purpose,
    purposeSource: cookie.purposeSource,
    purposeDetail: cookie.purposeDetail ?? null,
    lifetime: lifetime === null ? null : formatDuration(lifetime),
    lifetimeSeconds: lifetime,
    setBy: cookie.setBy,
    setterHost: hostOf(cookie.setBy.url),
    status,
    declaration:
      match === null
        ? null
        : {
            purpose: match.purpose,
            retentionSeconds: match.retentionSeconds,
            retention: match.retentionSeconds === null ? null : formatDuration(match.retentionSeconds),
            session: match.session === true,
            source: match.source,
          },
    outlivesDeclared: cookie.removed !== true && outlives(lifetime, matches, siteRetention, cookie.party),
    removed: cookie.removed === true,
    phases: [phase],
  };
}

const STATUS_ORDER: Record<DeclarationStatus, number> = { 'purpose-differs': 0, undeclared: 1, 'no-declaration': 2, declared: 3 };

function compute(report: Report): CookieRow[] {
  const rows = new Map<string, CookieRow>();
  for (const visit of report.visits) {
    const { cookies: declarations, retentionSeconds } = visit.declared;
    for (const cookie of visit.observed.cookies) {
      const next = row(cookie, declarations, retentionSeconds, visit.phase);
      const previous = rows.get(next.id);
      // the same cookie in several phases: keep the latest state, remember every phase
      if (previous !== undefined) next.phases = previous.phases.includes(visit.phase) ? previous.phases : [...previous.phases, visit.phase];
      rows.set(next.id, next);
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      Number(b.outlivesDeclared) - Number(a.outlivesDeclared) ||
      Number(a.party === 'first') - Number(b.party === 'first') ||
      a.name.localeCompare(b.name),
  );
}

/** One row per cookie (name, domain, path) across visits: mismatches first, then third-party cookies. Memoized per report. */
export const cookieRows: (report: Report) => CookieRow[] = memoByReport(compute);
