// Measures classifyCookie against a labelled cookie list in the Open Cookie Database CSV format
// (../shared/data/open-cookie-database/; its README). The list is only a yardstick: the classifier's knowledge
// is written from vendors' documentation, never copied from it.
//
// Definitions (all on rows whose label maps to a Candor purpose):
// - coverage = share of rows the classifier gives a purpose other than `unknown`;
// - accuracy = correct / covered, with each category mapped onto one Candor purpose as the data's README says
//   (Functional, Personalization → functional; Analytics → analytics; Marketing → advertising; Security,
//   Necessary → necessary). This is the target's measure;
// - definitionAccuracy = the same, but a prediction also counts when it fits the database's own definition of the
//   category (its README: "Functional (also known as technical, essential or strictly necessary)", "Marketing
//   (also known as tracking or social media)"): Functional accepts necessary, Marketing accepts social (Candor
//   files social-network pixels and widgets under `social`, which the one-to-one mapping counts as wrong);
// - lenientAccuracy counts necessary ↔ functional as agreement everywhere;
// - balancedAccuracy = mean over labelled purposes of recall among covered rows (CookieBlock's measure);
// - perPurpose: precision among rows predicted as the purpose, recall among all rows labelled with it
//   (uncovered rows count as misses), support = rows labelled with it.
import { isSessionRetention, parseRetention } from '../src/core/declared/cmp/retention.ts';
import { type ClassifyOptions, type CookieClassification, classifyCookie } from '../src/core/cookies/classify-cookie.ts';
import { toPurpose } from '../src/core/purposes.ts';
import type { CookiePurposeSource, Purpose, TrackerInfo } from '../src/core/types.ts';

export interface PurposeScore {
  precision: number;
  recall: number;
  support: number;
}

export interface CookieAccuracy {
  n: number;
  covered: number;
  coverage: number;
  accuracy: number;
  definitionAccuracy: number;
  lenientAccuracy: number;
  balancedAccuracy: number;
  perPurpose: Record<Purpose, PurposeScore>;
  /** label → predicted → count */
  confusion: Record<Purpose, Record<Purpose, number>>;
  /** per purpose source: how many rows it decided and how many of those were right */
  bySource: Record<CookiePurposeSource, { decided: number; correct: number }>;
}

export interface MeasureOptions extends ClassifyOptions {
  /** tracker of a cookie's domain, used as its setter (the CSV has no setter column) */
  trackerOfDomain?: (domain: string) => TrackerInfo | null;
}

/** Predictions that also fit a category by the database's own definition of it (see the header). */
const ALSO_FITS: Readonly<Record<string, readonly Purpose[]>> = {
  functional: ['necessary'],
  marketing: ['social'],
};

const PURPOSE_LIST: readonly Purpose[] = ['necessary', 'functional', 'analytics', 'advertising', 'social', 'unknown'];

/** RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes; CRLF or LF rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

function emptyRecord<T>(make: () => T): Record<Purpose, T> {
  return Object.fromEntries(PURPOSE_LIST.map((p) => [p, make()])) as Record<Purpose, T>;
}

/** The first host-like token of a free-text Domain cell (`google.com (3rd party)`, `.example.com`). */
function domainOf(cell: string): string | undefined {
  const m = /[a-z0-9*][a-z0-9.*-]*\.[a-z]{2,}/i.exec(cell);
  return m ? m[0].replace(/^\*\.?/, '') : undefined;
}

/** Wildcard rows name a family: try a representative member (an id suffix), then the bare prefix. */
function candidates(name: string, wildcard: boolean): string[] {
  const fixed = name.replace(/(\*|<[^>]*>|\[[^\]]*\]|\{[^}]*\}|[xX]{3,}|#+).*$/, '');
  if (!wildcard && fixed === name) return [name];
  return [`${fixed}123456`, fixed].filter((n) => n !== '');
}

export function measureCookieAccuracy(csvText: string, options: MeasureOptions = {}): CookieAccuracy {
  const rows = parseCsv(csvText);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = (label: string) => header.findIndex((h) => h.startsWith(label));
  const [iName, iCat, iDomain, iRetention, iWildcard] = [col('cookie / data key name'), col('category'), col('domain'), col('retention'), col('wildcard')];
  const confusion = emptyRecord(() => emptyRecord(() => 0));
  const bySource: CookieAccuracy['bySource'] = {
    declared: { decided: 0, correct: 0 },
    tracker: { decided: 0, correct: 0 },
    'known-cookie': { decided: 0, correct: 0 },
    heuristic: { decided: 0, correct: 0 },
    unknown: { decided: 0, correct: 0 },
  };
  let n = 0;
  let covered = 0;
  let correct = 0;
  let lenient = 0;
  let fits = 0;
  if (iName < 0 || iCat < 0) throw new Error('not an Open Cookie Database CSV: no name or category column');
  for (const row of rows.slice(1)) {
    const name = (row[iName] ?? '').trim();
    const category = (row[iCat] ?? '').trim().toLowerCase();
    const label = toPurpose('open-cookie-database', category);
    if (name === '' || label === 'unknown') continue;
    const domain = iDomain >= 0 ? domainOf(row[iDomain] ?? '') : undefined;
    const retention = iRetention >= 0 ? (row[iRetention] ?? '') : '';
    const lifetime = isSessionRetention(retention) ? null : (parseRetention(retention) ?? undefined);
    const setter = domain && options.trackerOfDomain ? options.trackerOfDomain(domain) : null;
    let verdict: CookieClassification = { purpose: 'unknown', source: 'unknown', detail: '' };
    for (const candidate of candidates(name, (row[iWildcard] ?? '').trim() === '1')) {
      verdict = classifyCookie(
        {
          name: candidate,
          ...(domain ? { domain } : {}),
          ...(lifetime !== undefined ? { lifetimeSeconds: lifetime } : {}),
          setter,
        },
        options,
      );
      if (verdict.purpose !== 'unknown') break;
    }
    n++;
    confusion[label][verdict.purpose]++;
    bySource[verdict.source].decided++;
    if (verdict.purpose === 'unknown') continue;
    covered++;
    const ok = verdict.purpose === label;
    if (ok) {
      correct++;
      bySource[verdict.source].correct++;
    }
    const needed = (p: Purpose) => p === 'necessary' || p === 'functional';
    if (ok || (needed(label) && needed(verdict.purpose))) lenient++;
    if (ok || (ALSO_FITS[category] ?? []).includes(verdict.purpose)) fits++;
  }
  const perPurpose = emptyRecord<PurposeScore>(() => ({ precision: 0, recall: 0, support: 0 }));
  const recalls: number[] = [];
  for (const p of PURPOSE_LIST) {
    if (p === 'unknown') continue;
    const support = PURPOSE_LIST.reduce((s, q) => s + confusion[p][q], 0);
    const predicted = PURPOSE_LIST.reduce((s, q) => s + confusion[q][p], 0);
    const tp = confusion[p][p];
    perPurpose[p] = { precision: predicted ? tp / predicted : 0, recall: support ? tp / support : 0, support };
    const coveredSupport = support - confusion[p].unknown;
    if (coveredSupport > 0) recalls.push(tp / coveredSupport);
  }
  return {
    n,
    covered,
    coverage: n ? covered / n : 0,
    accuracy: covered ? correct / covered : 0,
    definitionAccuracy: covered ? fits / covered : 0,
    lenientAccuracy: covered ? lenient / covered : 0,
    balancedAccuracy: recalls.length ? recalls.reduce((a, b) => a + b, 0) / recalls.length : 0,
    perPurpose,
    confusion,
    bySource,
  };
}

/** A short plain-text summary for `npm run bench`. */
export function formatCookieAccuracy(r: CookieAccuracy): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `cookies: ${r.n} labelled names, ${r.covered} classified (coverage ${pct(r.coverage)})`,
    `  accuracy on classified ${pct(r.accuracy)} (categories mapped one-to-one, as the data's README says), by the database's category definitions ${pct(r.definitionAccuracy)}, necessary≈functional ${pct(r.lenientAccuracy)}, balanced ${pct(r.balancedAccuracy)}`,
  ];
  for (const p of PURPOSE_LIST) {
    const s = r.perPurpose[p];
    if (s.support > 0) lines.push(`  ${p.padEnd(11)} precision ${pct(s.precision)} recall ${pct(s.recall)} (n=${s.support})`);
  }
  const sources = Object.entries(r.bySource)
    .filter(([, v]) => v.decided > 0)
    .map(([k, v]) => `${k} ${v.decided}${k === 'unknown' ? '' : ` (${pct(v.decided ? v.correct / v.decided : 0)} right)`}`);
  lines.push(`  decided by: ${sources.join(', ')}`);
  return lines.join('\n');
}
