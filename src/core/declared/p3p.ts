// P3P compact policies (shared/spec/metadata-formats.md §7): `P3P: policyref="…", CP="NOI DSP COR …"`.
// Retired in 2018 and widely faked to get past IE6 (`CP="This is not a P3P policy!"`). Parsed tolerantly (§7.3):
// tokens outside the vocabulary are ignored (listed in `detail.unknown`), and a suffix on a token that takes none is
// dropped; a policy whose tokens are mostly not P3P at all is a fake, reported invalid. A valid one is a historical
// hint, never proof of current practice.
import { toPurpose } from '../purposes.ts';
import type { DeclaredSource, Purpose } from '../types.ts';

const GROUPS: Readonly<Record<string, readonly string[]>> = {
  access: ['NOI', 'ALL', 'CAO', 'IDC', 'OTI', 'NON'],
  disputes: ['DSP'],
  remedies: ['COR', 'MON', 'LAW'],
  nonIdentifiable: ['NID'],
  purposes: ['CUR', 'ADM', 'DEV', 'TAI', 'PSA', 'PSD', 'IVA', 'IVD', 'CON', 'HIS', 'TEL', 'OTP'],
  recipients: ['OUR', 'DEL', 'SAM', 'UNR', 'PUB', 'OTR'],
  retention: ['NOR', 'STP', 'LEG', 'BUS', 'IND'],
  categories: ['PHY', 'ONL', 'UNI', 'PUR', 'FIN', 'COM', 'NAV', 'INT', 'DEM', 'CNT', 'STA', 'POL', 'HEA', 'PRE', 'LOC', 'GOV', 'OTC'],
  test: ['TST'],
};
const GROUP_OF = new Map(Object.entries(GROUPS).flatMap(([group, tokens]) => tokens.map((t) => [t, group] as const)));
/** Groups whose tokens take the a/i/o suffix (always, opt-in, opt-out). CUR and OUR take none in the spec, but
 * `CURa` is common in real headers: accepted. */
const SUFFIXED = new Set(['purposes', 'recipients']);
const SUFFIX = { a: 'always', i: 'opt-in', o: 'opt-out' } as const;
const MAX_HEADER = 4096;

export interface P3pReading {
  source: DeclaredSource;
  purposes: Purpose[];
}

/** One P3P header value; null when it carries neither CP nor policyref. */
export function readP3p(header: string): P3pReading | null {
  const value = header.slice(0, MAX_HEADER);
  const cp = /\bCP\s*=\s*"([^"]*)"?/i.exec(value)?.[1] ?? /\bCP\s*=\s*([^,;"]+)/i.exec(value)?.[1] ?? null;
  const policyref = /\bpolicyref\s*=\s*"([^"]*)"/i.exec(value)?.[1] ?? null;
  if (cp === null && policyref === null) return null;
  const detail: Record<string, unknown> = {};
  if (policyref !== null) detail.policyref = policyref.slice(0, 2048);
  if (cp === null) return { source: { kind: 'p3p', valid: true, detail }, purposes: [] };
  detail.cp = cp.slice(0, 1024);
  const tokens = cp.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return { source: { kind: 'p3p', valid: false, error: 'empty compact policy', detail }, purposes: [] };
  const decoded: Record<string, string[]> = {};
  const unknown: string[] = [];
  for (const token of tokens) {
    const parsed = parseToken(token);
    if (parsed === null) {
      unknown.push(token.slice(0, 20));
      continue;
    }
    const list = decoded[parsed.group] ?? [];
    list.push(parsed.suffix ? `${parsed.base}:${parsed.suffix}` : parsed.base);
    decoded[parsed.group] = list;
  }
  // a fake: fewer P3P tokens than other words
  if (unknown.length * 2 > tokens.length) {
    return {
      source: {
        kind: 'p3p',
        valid: false,
        error: `not a P3P compact policy: unknown token${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 5).join(', ')}`,
        detail,
      },
      purposes: [],
    };
  }
  Object.assign(detail, decoded);
  if (unknown.length > 0) detail.unknown = unknown.slice(0, 20);
  const purposes = [...new Set((decoded.purposes ?? []).map((p) => toPurpose('p3p', p.slice(0, 3))))];
  return { source: { kind: 'p3p', valid: true, detail }, purposes };
}

function parseToken(token: string): { base: string; group: string; suffix?: string } | null {
  const match = /^([A-Z]{3})([aio])?$/.exec(token);
  if (!match?.[1]) return null;
  const base = match[1];
  const group = GROUP_OF.get(base);
  if (group === undefined) return null;
  const letter = match[2] as keyof typeof SUFFIX | undefined;
  // a suffix on a token that takes none (`BUSa`) is dropped, the token kept
  if (letter === undefined || !SUFFIXED.has(group)) return { base, group };
  return { base, group, suffix: SUFFIX[letter] };
}
