// Where does a cookie value that identifies one visitor show up in a URL? (`identifier-shared`; what counts as an
// identifier is decided in identifier-value.ts.)
import { looksLikeIdentifier } from '../identifier-value.ts';

/** Encoded forms shorter than this are not searched for: they match by chance. */
const MIN_LENGTH = 8;

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
