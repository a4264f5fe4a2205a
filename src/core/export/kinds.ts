// One line and one paragraph per finding kind (shared/spec/findings.md), for SARIF rules and report legends.
import type { FindingKind, Severity } from '../types.ts';

export interface KindInfo {
  short: string;
  full: string;
  /** default severity per findings.md (configuration may override it per finding) */
  severity: Severity;
}

export const KIND_INFO: Record<FindingKind, KindInfo> = {
  'tracking-before-consent': {
    short: 'Tracking before consent',
    full: 'A cookie or request of a non-necessary purpose occurred while the site’s consent mechanism held no choice yet.',
    severity: 'high',
  },
  'consent-ignored': {
    short: 'Consent ignored',
    full: 'After consent was refused for a purpose, a cookie was set or a request was made for that purpose.',
    severity: 'high',
  },
  'positive-consent-without-choice': {
    short: 'Consent granted without a choice',
    full: 'The site’s recorded consent grants a purpose although no choice was made (pre-ticked or assumed consent).',
    severity: 'high',
  },
  'consent-differs-from-preference': {
    short: 'Consent differs from your preference',
    full: 'The consent the site recorded grants a purpose that the saved Candor preference refuses.',
    severity: 'medium',
  },
  'gpc-ignored': {
    short: 'Global Privacy Control ignored',
    full: 'The browser sent Global Privacy Control (Sec-GPC: 1) and a signal the site controls still says "not opted out".',
    severity: 'high',
  },
  'consent-signals-disagree': {
    short: 'Consent signals disagree',
    full: 'Two consent signals of the same site contradict each other (CMP choice, TCF string, Google Consent Mode, gcs parameter).',
    severity: 'medium',
  },
  'undeclared-cookie': {
    short: 'Undeclared cookie',
    full: 'A cookie was observed that the site’s cookie declaration (CMP list, DPV) does not list.',
    severity: 'medium',
  },
  'undeclared-third-party': {
    short: 'Undeclared third party',
    full: 'A third party received requests but is not among the recipients the site declares.',
    severity: 'medium',
  },
  'wrong-purpose': {
    short: 'Cookie declared under the wrong purpose',
    full: 'A cookie is declared under one purpose but is known to serve another (high when declared necessary).',
    severity: 'medium',
  },
  'unclassified-cookie': {
    short: 'Declared cookie without a purpose',
    full: 'A declared cookie has no purpose.',
    severity: 'low',
  },
  'contradictory-declaration': {
    short: 'Contradictory cookie declaration',
    full: 'One cookie is declared under several purposes.',
    severity: 'low',
  },
  'retention-exceeds-declared': {
    short: 'Cookie lives longer than declared',
    full: 'A cookie lives at least 1.5 times longer than its declared retention (cookie-level, else site-level).',
    severity: 'medium',
  },
  'identifier-shared': {
    short: 'Identifier shared with a third party',
    full: 'The value of a first-party cookie that looks like an identifier appears in a request to a third party.',
    severity: 'medium',
  },
  'invalid-metadata': {
    short: 'Invalid privacy metadata',
    full: 'A machine-readable metadata source exists but is malformed (TC/GPP/US Privacy string, gpc.json, JSON-LD).',
    severity: 'low',
  },
  'no-consent-mechanism': {
    short: 'No consent mechanism',
    full: 'Non-necessary tracking was observed and the site exposes no consent mechanism Candor recognises.',
    severity: 'medium',
  },
  'no-privacy-policy': {
    short: 'No privacy policy link',
    full: 'No privacy-policy link was found (rel="privacy-policy" or a recognised link).',
    severity: 'low',
  },
  'third-party-cookie': {
    short: 'Third-party cookie',
    full: 'A cookie was set in a third-party context.',
    severity: 'info',
  },
  'unexpected-third-party': {
    short: 'Unexpected third party',
    full: 'A third party received requests but is not among the third parties the site’s candor.config.json expects.',
    severity: 'medium',
  },
  'unexpected-purpose': {
    short: 'Unexpected purpose',
    full: 'A tracker received requests, or a cookie was stored, for a purpose the site’s candor.config.json does not expect.',
    severity: 'medium',
  },
};
