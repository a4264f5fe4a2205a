// Every title and explanation a finding carries, in plain English for a non-expert (the popup may translate by kind).
// Page-controlled strings (cookie names, hosts, errors) are inserted as plain text; renderers must never treat them as HTML.
import type { DeclaredSourceKind, Phase, Purpose } from '../types.ts';

export interface Text {
  title: string;
  explanation: string;
}

const PURPOSE_WORDS: Record<Purpose, string> = {
  necessary: 'strictly necessary',
  functional: 'functional',
  analytics: 'analytics',
  advertising: 'advertising',
  social: 'social media',
  unknown: 'unclassified',
};

const PURPOSE_USES: Record<Purpose, string> = {
  necessary: 'making the site work',
  functional: 'remembering settings or embedding services',
  analytics: 'measuring your visit (analytics)',
  advertising: 'advertising and profiling',
  social: 'social media tracking',
  unknown: 'an unknown purpose',
};

const PHASE_MOMENTS: Record<Phase, string> = {
  browsing: 'while the consent banner was still waiting for your answer',
  'before-consent': 'on a first visit, before anyone touched the consent banner',
  'after-reject': 'after "reject all" was chosen in the consent banner',
  'after-accept': 'after "accept all" was chosen in the consent banner',
  'after-revoke': 'after consent was withdrawn',
};

/** Page strings are cut to a readable length (the evidence keeps them whole). */
function quote(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `"${clean.length > 80 ? `${clean.slice(0, 77)}…` : clean}"`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function who(label: string, organization: string | null, site?: string): string {
  const extra = [organization && organization !== label ? organization : null, site && site !== label ? site : null];
  const shown = extra.filter((e): e is string => e !== null);
  return shown.length > 0 ? `${label} (${shown.join(', ')})` : label;
}

const SOURCE_KINDS: Record<DeclaredSourceKind, string> = {
  tcf: 'IAB TCF consent string',
  gpp: 'IAB GPP consent string',
  usp: 'US Privacy string',
  'gpc-well-known': 'Global Privacy Control file (/.well-known/gpc.json)',
  'consent-mode': 'Google Consent Mode state',
  cmp: 'consent banner data',
  p3p: 'P3P privacy header',
  dpv: 'machine-readable privacy declaration (DPV)',
  'privacy-policy-link': 'privacy policy link',
};

const SIGNALS: Record<string, string> = {
  tcf: 'the IAB TCF consent string',
  gpp: 'the IAB GPP consent string',
  usp: 'the US Privacy string',
  'consent-mode': 'Google Consent Mode',
  gcs: "the consent parameter on Google's requests",
  gcd: "the consent parameter on Google's requests",
  dpv: 'the machine-readable privacy declaration (DPV)',
  p3p: 'the P3P privacy header',
};

/** `cmp:onetrust` → "the onetrust consent banner", `gpp:usnat` → "the IAB GPP consent string (usnat)". */
export function sourceName(source: string): string {
  const [head = '', detail] = source.split(':', 2);
  if (head === 'cmp') return detail ? `the ${capital(detail)} consent banner` : 'the consent banner';
  const known = SIGNALS[head];
  if (known) return detail ? `${known} (${detail})` : known;
  return source;
}

function purposeList(purposes: readonly Purpose[]): string {
  const words = purposes.map((p) => PURPOSE_WORDS[p]);
  if (words.length <= 1) return words[0] ?? 'nothing';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** 63072000 → "2 years"; null → "only for the session". */
export function humanDuration(seconds: number | null): string {
  if (seconds === null || seconds <= 0) return 'only for the session';
  // [unit size, name, smallest count shown in this unit]: 45 days reads better than "2 months"
  const units: [number, string, number][] = [
    [365 * 86400, 'year', 1],
    [30 * 86400, 'month', 2],
    [86400, 'day', 2],
    [3600, 'hour', 2],
    [60, 'minute', 1],
  ];
  for (const [size, unit, least] of units) {
    if (seconds >= size * least) return plural(Math.round(seconds / size), unit);
  }
  return plural(Math.round(seconds), 'second');
}

export interface CookieSubject {
  name: string;
  domain: string;
  purpose: Purpose;
  /** the host of the script or response that set it, where known */
  setter?: string | null;
  /** CHIPS / Firefox partitioned: it cannot be read on other top-level sites */
  partitioned?: boolean;
}

export interface RequestSubject {
  label: string;
  organization: string | null;
  purpose: Purpose;
  count: number;
}

function cookieLine(cookie: CookieSubject): string {
  const setter = cookie.setter ? `, set by ${cookie.setter}` : '';
  return `The cookie ${quote(cookie.name)} (on ${cookie.domain}${setter}) is used for ${PURPOSE_USES[cookie.purpose]}`;
}

/** What the site owner's configuration says about purposes, for the `unexpected-purpose` explanations. */
function expectedPurposes(expected: readonly Purpose[]): string {
  return expected.length > 0 ? `only ${purposeList(expected)}` : 'no purpose at all';
}

const CONFIG = "The site's Candor configuration (candor.config.json)";

export const TEXTS = {
  trackingBeforeConsentCookie: (cookie: CookieSubject, phase: Phase): Text => ({
    title: `${capital(PURPOSE_WORDS[cookie.purpose])} cookie ${quote(cookie.name)} set before you chose`,
    explanation: `${cookieLine(cookie)}. It was stored ${PHASE_MOMENTS[phase]}. Cookies like this need your consent first.`,
  }),
  trackingBeforeConsentRequests: (subject: RequestSubject, phase: Phase): Text => ({
    title: `${subject.label} contacted before you chose`,
    explanation: `Your browser sent ${plural(subject.count, 'request')} to ${who(subject.label, subject.organization)}, a service for ${PURPOSE_USES[subject.purpose]}, ${PHASE_MOMENTS[phase]}. This kind of tracking needs your consent first.`,
  }),
  consentIgnoredCookie: (cookie: CookieSubject, source: string): Text => ({
    title: `${capital(PURPOSE_WORDS[cookie.purpose])} cookie ${quote(cookie.name)} set although you refused`,
    explanation: `${cookieLine(cookie)}. Consent for ${PURPOSE_WORDS[cookie.purpose]} was refused (${source}), yet the cookie was set or updated after that.`,
  }),
  consentIgnoredRequests: (subject: RequestSubject, source: string): Text => ({
    title: `${subject.label} contacted although you refused`,
    explanation: `Consent for ${PURPOSE_WORDS[subject.purpose]} was refused (${source}), yet your browser sent ${plural(subject.count, 'request')} to ${who(subject.label, subject.organization)}, a service for ${PURPOSE_USES[subject.purpose]}, after that.`,
  }),
  positiveConsentWithoutChoice: (purposes: readonly Purpose[], source: string, phase: Phase): Text => ({
    title: `Consent to ${purposeList(purposes)} recorded without your choice`,
    explanation: `The site's consent record (kept by ${sourceName(source)}) says you agreed to ${purposeList(purposes)}, ${PHASE_MOMENTS[phase]} and without any choice being made. Pre-ticked or assumed consent is not a real choice.`,
  }),
  positiveSignalWithoutChoice: (purpose: Purpose, source: string, recordedSource: string | null, phase: Phase): Text => ({
    title: `${capital(sourceName(source))} grants ${PURPOSE_WORDS[purpose]} without your choice`,
    explanation: `${capital(sourceName(source))} tells the site's services that you agreed to ${PURPOSE_WORDS[purpose]}, ${PHASE_MOMENTS[phase]}, although ${recordedSource ? `${sourceName(recordedSource)} holds no choice yet` : 'no choice was made'}. Services that read it track you as if you had said yes.`,
  }),
  consentDiffersFromPreference: (purposes: readonly Purpose[], source: string): Text => ({
    title: `The site records consent to ${purposeList(purposes)} that your saved preference refuses`,
    explanation: `In Candor you saved that you refuse ${purposeList(purposes)} for this site, but the site's consent record (kept by ${sourceName(source)}) says you agreed to it.`,
  }),
  gpcIgnored: (source: string, value: string): Text => ({
    title: `Global Privacy Control not honoured by ${sourceName(source)}`,
    explanation: `Your browser sent the Global Privacy Control signal, which asks sites not to sell or share your data. The site's own signal, ${sourceName(source)}, still says you did not opt out (value ${quote(value)}).`,
  }),
  consentSignalsDisagree: (a: string, b: string, purposes: readonly Purpose[]): Text => ({
    title: `Consent signals disagree about ${purposeList(purposes)}`,
    explanation: `The site keeps your consent in more than one place, and they contradict each other: ${sourceName(a)} and ${sourceName(b)} say different things about ${purposeList(purposes)}. Services reading the more permissive one may track you against your choice.`,
  }),
  undeclaredCookie: (cookie: CookieSubject, sources: readonly string[]): Text => ({
    title: `Cookie ${quote(cookie.name)} is not in the site's cookie list`,
    explanation: `${cookieLine(cookie)}. The site publishes a list of the cookies it uses (${sources.map(sourceName).join(', ')}), but this one is not on it, so you could not know about it when choosing.`,
  }),
  undeclaredThirdParty: (subject: RequestSubject, site: string): Text => ({
    title: `${subject.label} receives data but is not a declared recipient`,
    explanation: `Your browser sent ${plural(subject.count, 'request')} to ${who(subject.label, subject.organization, site)}. The site lists who receives your data, and ${site} is not on that list.`,
  }),
  wrongPurpose: (name: string, declared: Purpose, known: Purpose, source: string, detail: string | null): Text => ({
    title: `Cookie ${quote(name)} is declared as ${PURPOSE_WORDS[declared]} but serves ${PURPOSE_WORDS[known]}`,
    explanation: `The site files the cookie ${quote(name)} under ${PURPOSE_WORDS[declared]}, but it is known to be used for ${PURPOSE_USES[known]} (${source === 'tracker' ? 'it belongs to a known tracker' : 'a well-known cookie'}${detail ? `: ${detail}` : ''}). Consent choices based on the site's list may not do what you expect.`,
  }),
  unclassifiedCookie: (name: string, source: string): Text => ({
    title: `Cookie ${quote(name)} is declared without a purpose`,
    explanation: `The site's cookie list (from ${sourceName(source)}) names ${quote(name)} but does not say what it is used for, so you cannot make an informed choice about it.`,
  }),
  contradictoryDeclaration: (name: string, purposes: readonly Purpose[]): Text => ({
    title: `Cookie ${quote(name)} is declared under several purposes`,
    explanation: `The site's declarations file ${quote(name)} under ${purposeList(purposes)} at the same time. It cannot be clear which of your choices controls it.`,
  }),
  retentionExceedsDeclared: (name: string, lifetime: number, declared: number, source: string): Text => ({
    title: `Cookie ${quote(name)} is kept longer than declared`,
    explanation: `The cookie ${quote(name)} is set to last ${humanDuration(lifetime)}, but the site's cookie list (${sourceName(source)}) declares it for ${humanDuration(declared)}.`,
  }),
  retentionExceedsSiteRetention: (name: string, lifetime: number, declared: number, source: DeclaredSourceKind | null): Text => ({
    title: `Cookie ${quote(name)} is kept longer than the site says it keeps data`,
    explanation: `The cookie ${quote(name)} is set to last ${humanDuration(lifetime)}, but the site declares it keeps collected data for ${humanDuration(declared)}${source ? ` (in its ${SOURCE_KINDS[source]})` : ''}. No retention is declared for this cookie itself, so the site's general statement is compared.`,
  }),
  identifierShared: (name: string, subject: RequestSubject, site: string): Text => ({
    title: `The identifier in cookie ${quote(name)} is sent to ${subject.label}`,
    explanation: `The site's own cookie ${quote(name)} holds a value that can recognise you. That value appears in ${plural(subject.count, 'request')} to ${who(subject.label, subject.organization, site)}, so that company can link your visits too.`,
  }),
  invalidMetadata: (kind: DeclaredSourceKind, error: string | null): Text => ({
    title: `Malformed privacy metadata: ${SOURCE_KINDS[kind] ?? kind}`,
    explanation: `The site's ${SOURCE_KINDS[kind] ?? kind} could not be read${error ? `: ${quote(error)}` : ''}. Tools and services that rely on it may get your choices wrong.`,
  }),
  noConsentMechanism: (labels: readonly string[], count: number): Text => ({
    title: 'Tracking without any way to consent',
    explanation: `The site uses ${plural(count, 'tracker or tracking cookie', 'trackers or tracking cookies')} (${labels.join(', ')}), but Candor found no consent banner or consent framework on it, so you were never asked.`,
  }),
  noPrivacyPolicy: (): Text => ({
    title: 'No privacy policy link found',
    explanation:
      'Candor found no link to a privacy policy on this page, so there is no statement of what the site does with your data.',
  }),
  unexpectedThirdParty: (subject: RequestSubject, site: string): Text => ({
    title: `${site} receives requests but is not an expected third party`,
    explanation: `Your browser sent ${plural(subject.count, 'request')} to ${who(subject.label, subject.organization, site)}. ${CONFIG} lists the third parties this site is expected to use, and ${site} is not on that list: it is new, or was added without review.`,
  }),
  unexpectedPurposeRequests: (subject: RequestSubject, expected: readonly Purpose[]): Text => ({
    title: `${subject.label} is used for ${PURPOSE_WORDS[subject.purpose]}, which is not an expected purpose`,
    explanation: `Your browser sent ${plural(subject.count, 'request')} to ${who(subject.label, subject.organization)}, a service for ${PURPOSE_USES[subject.purpose]}. ${CONFIG} expects ${expectedPurposes(expected)}, so this tracker is new or was added without review.`,
  }),
  unexpectedPurposeCookie: (cookie: CookieSubject, expected: readonly Purpose[]): Text => ({
    title: `Cookie ${quote(cookie.name)} is used for ${PURPOSE_WORDS[cookie.purpose]}, which is not an expected purpose`,
    explanation: `${cookieLine(cookie)}. ${CONFIG} expects ${expectedPurposes(expected)}, so this cookie is new or was added without review.`,
  }),
  thirdPartyCookie: (cookie: CookieSubject): Text => ({
    title: `Third-party cookie ${quote(cookie.name)} from ${cookie.domain}`,
    explanation: cookie.partitioned
      ? `${cookieLine(cookie)}. It belongs to another domain (${cookie.domain}), but your browser keeps it partitioned to this site, so it cannot follow you to other websites.`
      : `${cookieLine(cookie)}. It belongs to another domain (${cookie.domain}), whose owner can use it to recognise you across websites.`,
  }),
} as const;
