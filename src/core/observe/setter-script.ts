// Which script on a setter's stack set a cookie or a storage key. Consent managers with "auto-blocking" (Cookiebot,
// Usercentrics, OneTrust, CookieYes, iubenda, consentmanager, Complianz…) wrap document.cookie and Storage to hold
// back what other scripts set before consent: the nearest script on the stack is then the wrapper, not the setter.
// A tag manager that runs a tracker's code inline is no wrapper: it is what ran the code, and is credited.
import type { TrackerInfo } from '../types.ts';

/**
 * Self-hosted consent managers (WordPress plugins) that the tracker database, which knows hosts, cannot name: a path
 * segment of the script URL.
 */
const SELF_HOSTED_CMP =
  /\/wp-content\/plugins\/(?:complianz-gdpr(?:-premium)?|cookie-law-info|cookie-notice|borlabs-cookie|real-cookie-banner|gdpr-cookie-compliance|iubenda-cookie-law-solution)\//i;

/** A consent manager's script: the tracker database's `consent` category, or a self-hosted CMP plugin's path. */
export function isConsentManagerScript(url: string, tracker: TrackerInfo | null): boolean {
  return tracker?.category === 'consent' || SELF_HOSTED_CMP.test(url);
}

/**
 * The setter among the stack's scripts (innermost first): the nearest one that is not a consent manager's, or the
 * nearest when all are (a CMP setting its own consent cookie). `isConsentManager` is asked nearest first and no
 * further than needed.
 */
export function setterScript(scripts: readonly string[] | undefined, isConsentManager: (url: string) => boolean): string | undefined {
  if (!scripts || scripts.length === 0) return undefined;
  for (const url of scripts) if (!isConsentManager(url)) return url;
  return scripts[0];
}
