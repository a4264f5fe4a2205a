// How long a cookie lives from now, in whole seconds.

/**
 * `expires` is seconds since the epoch (chrome.cookies `expirationDate`, ParsedSetCookie `expires`);
 * `now` is milliseconds since the epoch (`Date.now()`). A session cookie (no expiry) → null; an expiry at or
 * before now → 0; an unusable expiry (NaN, ±Infinity) → null, as the browser would treat it as session.
 */
export function cookieLifetime(expires: number | null | undefined, now: number): number | null {
  if (expires === null || expires === undefined || !Number.isFinite(expires)) return null;
  if (!Number.isFinite(now)) return null;
  const seconds = Math.round(expires - now / 1000);
  return Math.max(seconds, 0);
}

/** ISO 8601 UTC of an expiry in seconds since the epoch; null for a session cookie or an unrepresentable date. */
export function expiryIso(expires: number | null | undefined): string | null {
  if (expires === null || expires === undefined || !Number.isFinite(expires)) return null;
  const date = new Date(expires * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
