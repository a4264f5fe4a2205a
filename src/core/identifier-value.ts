// Does a value look like an identifier, one that could single out a browser? One answer for every place that asks:
// a query or body field sent to a recipient, a cookie value seen again in a third party's URL (`identifier-shared`),
// a cookie value that suggests a purpose. Conservative on purpose: words, booleans, locales, timestamps, dates,
// URLs, JSON and low-variety values are not identifiers, so what Candor calls an identifier is a real id (a `_ga`
// client id, a session token), not `accepted`, `de-DE` or `1700000000`.

const MIN_LENGTH = 8;
const MAX_LENGTH = 512;
/** Entropy is counted on this many characters at most. */
const MAX_ENTROPY_CHARS = 4096;

const BOOLEANISH = /^(true|false|yes|no|null|undefined|none|on|off|accepted|rejected|dismissed|allow|deny|granted|denied)$/i;
// words, camelCase and PascalCase words, acronyms, joined by - or _: `dismissed`, `DarkMode`, `de-DE_Berlin`, `page_view`
const WORD = '(?:[a-z]+(?:[A-Z][a-z]{2,})*|[A-Z][a-z]+(?:[A-Z][a-z]{2,})*|[A-Z]+)';
const WORDISH = new RegExp(`^${WORD}(?:[_-]${WORD})*$`);

/** Shannon entropy in bits per character (of the first 4,096); 0 for an empty string. */
export function shannonEntropy(value: string): number {
  const text = value.length > MAX_ENTROPY_CHARS ? value.slice(0, MAX_ENTROPY_CHARS) : value;
  if (text === '') return 0;
  const counts = new Map<string, number>();
  let n = 0;
  for (const ch of text) {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
    n++;
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Unix timestamps in seconds or milliseconds, optionally with a fraction (`1700000000`, `1700000000123.5`). */
function isTimestamp(value: string): boolean {
  return /^\d{10,13}(\.\d{1,6})?$/.test(value);
}

function isPath(value: string): boolean {
  if (!value.includes('/')) return false;
  if (value.startsWith('/')) return true;
  return value.split('/').every((part) => part === '' || WORDISH.test(part.replace(/\.[a-z0-9]{1,5}$/i, '')));
}

export function looksLikeIdentifier(raw: string): boolean {
  if (raw.length < MIN_LENGTH || raw.length > MAX_LENGTH) return false;
  let value = raw;
  if (raw.includes('%')) {
    try {
      value = decodeURIComponent(raw);
    } catch {
      // keep the raw value
    }
  }
  if (value.length < MIN_LENGTH || /\s/.test(value) || BOOLEANISH.test(value) || WORDISH.test(value)) return false;
  if (isTimestamp(value) || /^\d{4}-\d{2}-\d{2}/.test(value)) return false;
  // JSON, URLs and paths name things, they are not ids (base64 ids may hold a `/`: a path's parts are words)
  if (/^[[{"]/.test(value) || /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || isPath(value)) return false;
  if (new Set(value).size < 5) return false;
  // a short value needs more variety: `G-NW2026` (a site's measurement id) is not a visitor's id; long numeric ids
  // (a Google Analytics client id) have a small alphabet
  const bits = shannonEntropy(value);
  return bits >= 3 || (value.length >= 16 && bits >= 2.5);
}
