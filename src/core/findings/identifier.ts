// Does a cookie value look like an identifier that recognises one visitor, and where does it show up in a URL?
// Conservative on purpose: common words, booleans, timestamps, dates, URLs, JSON and low-entropy values are not
// identifiers, so `identifier-shared` names real IDs (a `_ga` client id, a session token), not `accepted` or `1700000000`.

const MIN_LENGTH = 8;
const BOOLEANISH = /^(true|false|yes|no|null|undefined|none|on|off|accepted|rejected|dismissed|allow|deny|granted|denied)$/i;
// words, camelCase and PascalCase words, acronyms, joined by - or _: `dismissed`, `DarkMode`, `de-DE_Berlin`
const WORD = '(?:[a-z]+(?:[A-Z][a-z]{2,})*|[A-Z][a-z]+(?:[A-Z][a-z]{2,})*|[A-Z]+)';
const WORDISH = new RegExp(`^${WORD}(?:[_-]${WORD})*$`);

function entropyBitsPerChar(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Unix timestamps in seconds or milliseconds (2001–2100), optionally with a fraction. */
function isTimestamp(value: string): boolean {
  const match = /^(\d{10}|\d{13})(\.\d{1,6})?$/.exec(value);
  if (!match?.[1]) return false;
  const seconds = match[1].length === 13 ? Number(match[1]) / 1000 : Number(match[1]);
  return seconds >= 978307200 && seconds <= 4102444800;
}

export function looksLikeIdentifier(value: string): boolean {
  if (value.length < MIN_LENGTH || value.length > 512) return false;
  if (/\s/.test(value) || BOOLEANISH.test(value) || WORDISH.test(value)) return false;
  if (isTimestamp(value) || /^\d{4}-\d{2}-\d{2}/.test(value)) return false;
  if (/^[[{"]/.test(value) || /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.includes('%3A%2F%2F')) return false;
  const distinct = new Set(value).size;
  return distinct >= 5 && entropyBitsPerChar(value) >= 2.5;
}

/**
 * The parts of a cookie value worth searching for: the value itself and its dot-separated tails, since trackers
 * send only the id part (`_ga` = `GA1.1.123456789.1700000000` → `cid=123456789.1700000000`). Longest first.
 */
export function identifierCandidates(value: string): string[] {
  const parts = value.split('.');
  const candidates: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const tail = parts.slice(i).join('.');
    if (looksLikeIdentifier(tail)) candidates.push(tail);
  }
  return [...new Set(candidates)];
}

function base64(value: string): string[] {
  try {
    let binary = '';
    for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
    const encoded = btoa(binary);
    const url = encoded.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    return [encoded, encodeURIComponent(encoded), url];
  } catch {
    return [];
  }
}

/** Encoded forms per value: a report checks every cookie against every third-party request (2,000 × 300). */
const formsCache = new Map<string, readonly string[]>();
const FORMS_CACHE_LIMIT = 4096;

/** The forms in which a value may appear in a URL: raw, URL-encoded, base64 (standard and URL-safe). */
export function encodedForms(value: string): readonly string[] {
  let forms = formsCache.get(value);
  if (forms === undefined) {
    forms = [...new Set([value, encodeURIComponent(value), ...base64(value)])];
    if (formsCache.size >= FORMS_CACHE_LIMIT) formsCache.clear();
    formsCache.set(value, forms);
  }
  return forms;
}

/** True when the URL carries the value in one of its encoded forms. */
export function urlCarries(url: string, value: string): boolean {
  return encodedForms(value).some((form) => form.length >= MIN_LENGTH && url.includes(form));
}
