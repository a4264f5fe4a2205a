// Plain-text descriptions shared by the exports; each format escapes them for its own medium.
import type { EvidenceItem, PurposeMap } from '../types.ts';
import { CONSENT_PURPOSES } from '../types.ts';

const UNITS: readonly [number, string][] = [
  [365 * 86400, 'year'],
  [30 * 86400, 'month'],
  [86400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
];

/** 63072000 → `2 years`, 5400 → `1 hour` (rounded down to the largest whole unit). */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return 'session';
  for (const [size, unit] of UNITS) {
    if (seconds >= size) {
      const n = Math.floor(seconds / size);
      return `${n} ${unit}${n === 1 ? '' : 's'}`;
    }
  }
  return `${Math.max(0, Math.round(seconds))} seconds`;
}

/** `analytics refused, advertising granted` in purpose order; `nothing` when empty. */
export function describePurposes(purposes: PurposeMap): string {
  const parts = CONSENT_PURPOSES.filter((p) => purposes[p] !== undefined).map(
    (p) => `${p} ${purposes[p] ? 'granted' : 'refused'}`,
  );
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

/** A cookie's name for people: browsers keep a cookie with an empty name (`Set-Cookie: =value`), so say so. */
export function cookieName(name: string): string {
  return name === '' ? '(no name)' : name;
}

/** One evidence item as one line of plain text. */
export function describeEvidence(item: EvidenceItem): string {
  switch (item.type) {
    case 'cookie':
      return `cookie ${cookieName(item.name)} on ${item.domain}${item.phase ? ` (${item.phase})` : ''}`;
    case 'request':
      return `request ${item.url}${item.phase ? ` (${item.phase})` : ''}`;
    case 'storage':
      return `storage key ${item.key} of ${item.origin}`;
    case 'consent': {
      const choice =
        item.choiceMade === undefined ? '' : item.choiceMade ? ', choice made' : ', no choice made';
      const purposes = item.purposes ? `: ${describePurposes(item.purposes)}` : '';
      return `consent from ${item.source}${choice}${purposes}${item.phase ? ` (${item.phase})` : ''}`;
    }
    case 'preference':
      return `your saved preference: ${describePurposes(item.purposes)}`;
    case 'declaration': {
      const parts = [
        item.name === undefined ? null : `name ${item.name}`,
        item.purpose === undefined ? null : `purpose ${item.purpose}`,
        item.retentionSeconds === undefined
          ? null
          : `retention ${item.retentionSeconds === null ? 'not stated' : formatDuration(item.retentionSeconds)}`,
      ].filter((p): p is string => p !== null);
      return `declared by ${item.source}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
    }
    case 'source':
      return `metadata source ${item.kind}${item.error ? `: ${item.error}` : ''}`;
    case 'signal':
      return `signal ${item.source} = ${item.value}`;
    case 'gpc':
      return `Global Privacy Control ${item.sent ? 'sent' : 'not sent'}`;
  }
}
