// The one mapping table from every vocabulary onto Candor's purposes (../shared/spec/findings.md, "Purposes").
// Every parser, classifier and rule maps through here, so a disagreement between two sources is always a
// disagreement in the data, never between two tables.
import { CONSENT_PURPOSES } from './types.ts';
import type { ConsentPurpose, Purpose, PurposeMap } from './types.ts';

export type Vocabulary =
  | 'tracker-category' // @ghostery/trackerdb category keys
  | 'tcf-purpose' // IAB TCF v2.2 purpose ids
  | 'tcf-special-feature'
  | 'consent-mode' // Google Consent Mode v2 types
  | 'onetrust' // OneTrust default group ids
  | 'cookiebot'
  | 'cookieyes'
  | 'didomi'
  | 'usercentrics'
  | 'complianz'
  | 'klaro'
  | 'cookieconsent' // orestbida vanilla-cookieconsent
  | 'osano'
  | 'trustarc'
  | 'open-cookie-database'
  | 'dpv'
  | 'p3p'
  | 'generic'; // free category names seen in declarations ("Statistics", "Marketing", …)

type Table = Readonly<Record<string, Purpose>>;

const GENERIC: Table = {
  necessary: 'necessary',
  'strictly necessary': 'necessary',
  'strictly-necessary': 'necessary',
  essential: 'necessary',
  required: 'necessary',
  security: 'necessary',
  technical: 'necessary',
  functional: 'functional',
  functionality: 'functional',
  preferences: 'functional',
  preference: 'functional',
  personalization: 'functional',
  personalisation: 'functional',
  'external media': 'functional',
  analytics: 'analytics',
  analytical: 'analytics',
  statistics: 'analytics',
  statistic: 'analytics',
  performance: 'analytics',
  measurement: 'analytics',
  marketing: 'advertising',
  advertising: 'advertising',
  advertisement: 'advertising',
  ads: 'advertising',
  targeting: 'advertising',
  'targeting cookies': 'advertising',
  social: 'social',
  'social media': 'social',
  unclassified: 'unknown',
  uncategorized: 'unknown',
  uncategorised: 'unknown',
  other: 'unknown',
};

const TABLES: Readonly<Record<Vocabulary, Table>> = {
  'tracker-category': {
    advertising: 'advertising',
    pornvertising: 'advertising',
    site_analytics: 'analytics',
    social_media: 'social',
    consent: 'necessary',
    hosting: 'necessary',
    utilities: 'functional',
    customer_interaction: 'functional',
    audio_video_player: 'functional',
    extensions: 'unknown',
    misc: 'unknown',
  },
  // TCF purposes → the purpose whose consent each stands for (shared/spec/metadata-formats.md §12.1).
  // P1 (store/access on a device) is a precondition of all others, not a purpose of its own: it is read separately.
  'tcf-purpose': {
    '1': 'necessary',
    '2': 'advertising',
    '3': 'advertising',
    '4': 'advertising',
    '5': 'functional',
    '6': 'functional',
    '7': 'advertising',
    '8': 'analytics',
    '9': 'analytics',
    '10': 'analytics',
    '11': 'functional',
  },
  'tcf-special-feature': { '1': 'advertising', '2': 'advertising' },
  'consent-mode': {
    ad_storage: 'advertising',
    ad_user_data: 'advertising',
    ad_personalization: 'advertising',
    analytics_storage: 'analytics',
    functionality_storage: 'functional',
    personalization_storage: 'functional',
    security_storage: 'necessary',
  },
  onetrust: {
    C0001: 'necessary',
    C0002: 'analytics',
    C0003: 'functional',
    C0004: 'advertising',
    C0005: 'social',
    // Legacy numeric Optanon ids (`groups=1:1,2:1,4:1`, `OptanonActiveGroups=",1,2,"`): the C000n ids continue them.
    '1': 'necessary',
    '2': 'analytics',
    '3': 'functional',
    '4': 'advertising',
    STACK42: 'advertising',
  },
  cookiebot: { necessary: 'necessary', preferences: 'functional', statistics: 'analytics', marketing: 'advertising' },
  cookieyes: {
    necessary: 'necessary',
    functional: 'functional',
    analytics: 'analytics',
    performance: 'analytics',
    advertisement: 'advertising',
    other: 'unknown',
  },
  didomi: {
    cookies: 'necessary',
    'select_basic_ads': 'advertising',
    'create_ads_profile': 'advertising',
    'select_personalized_ads': 'advertising',
    'measure_ad_performance': 'advertising',
    'market_research': 'analytics',
    'improve_products': 'analytics',
    'measure_content_performance': 'analytics',
    'create_content_profile': 'functional',
    'select_personalized_content': 'functional',
    'use_limited_data_to_select_content': 'functional',
    'geolocation_data': 'advertising',
    'device_characteristics': 'advertising',
    // TCF v1 era purpose ids still found in old didomi_token records
    'advertising_personalization': 'advertising',
    'ad_delivery': 'advertising',
    'content_personalization': 'functional',
    analytics: 'analytics',
    marketing: 'advertising',
    social: 'social',
  },
  usercentrics: {
    essential: 'necessary',
    functional: 'functional',
    marketing: 'advertising',
    analytics: 'analytics',
    statistics: 'analytics',
  },
  complianz: {
    functional: 'necessary', // Complianz's always-on category
    preferences: 'functional',
    statistics: 'analytics',
    'statistics-anonymous': 'analytics',
    marketing: 'advertising',
  },
  klaro: { ...GENERIC },
  cookieconsent: { ...GENERIC, functionality: 'functional', ads: 'advertising' },
  osano: {
    ESSENTIAL: 'necessary',
    STORAGE: 'necessary',
    PERSONALIZATION: 'functional',
    ANALYTICS: 'analytics',
    MARKETING: 'advertising',
    OPT_OUT: 'advertising',
  },
  trustarc: { '0': 'necessary', '1': 'necessary', '2': 'functional', '3': 'advertising' },
  // Mapping as given with the evaluation data (../shared/data/README.md): Functional, Personalization → functional;
  // Analytics → analytics; Marketing → advertising; Security, Necessary → necessary.
  'open-cookie-database': {
    functional: 'functional',
    personalization: 'functional',
    preferences: 'functional',
    analytics: 'analytics',
    marketing: 'advertising',
    security: 'necessary',
    necessary: 'necessary',
  },
  // DPV purpose concepts (v1 and v2 share local names)
  dpv: {
    ServiceProvision: 'necessary',
    ServiceSecurity: 'necessary',
    EnforceSecurity: 'necessary',
    FraudPreventionAndDetection: 'necessary',
    LegalCompliance: 'necessary',
    ServicePersonalisation: 'functional',
    ServiceOptimisation: 'analytics',
    ServiceUsageAnalytics: 'analytics',
    ResearchAndDevelopment: 'analytics',
    UserInterfacePersonalisation: 'functional',
    PersonalisedAdvertising: 'advertising',
    TargetedAdvertising: 'advertising',
    Advertising: 'advertising',
    Marketing: 'advertising',
    DirectMarketing: 'advertising',
    SocialMediaMarketing: 'social',
    CommunicationManagement: 'functional',
    CustomerManagement: 'functional',
    Personalisation: 'functional',
  },
  // P3P purpose tokens (https://www.w3.org/TR/P3P/#purpose)
  p3p: {
    CUR: 'necessary',
    ADM: 'necessary',
    DEV: 'analytics',
    TAI: 'functional',
    PSA: 'analytics',
    PSD: 'analytics',
    IVA: 'advertising',
    IVD: 'advertising',
    CON: 'advertising',
    HIS: 'necessary',
    TEL: 'advertising',
    OTP: 'unknown',
  },
  generic: GENERIC,
};

/** Maps a term from one vocabulary onto a Candor purpose; `unknown` where the table has no entry. */
export function toPurpose(vocabulary: Vocabulary, term: string | number): Purpose {
  const table = TABLES[vocabulary];
  const key = String(term).trim();
  return (
    own(table, key) ??
    own(table, key.toLowerCase()) ??
    own(table, key.toUpperCase()) ??
    (vocabulary === 'generic' ? 'unknown' : (own(GENERIC, key.toLowerCase()) ?? 'unknown'))
  );
}

// Terms come from pages: `toString` or `constructor` must not find Object.prototype's members.
function own(table: Table, key: string): Purpose | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Purposes that need the visitor's consent under the ePrivacy rules Candor checks against. */
export function needsConsent(purpose: Purpose): purpose is Exclude<ConsentPurpose, 'necessary'> {
  return purpose === 'functional' || purpose === 'analytics' || purpose === 'advertising' || purpose === 'social';
}

/** Tracking purposes: what the findings treat as "tracking" (functional embeds are not). */
export function isTrackingPurpose(purpose: Purpose): boolean {
  return purpose === 'analytics' || purpose === 'advertising' || purpose === 'social';
}

/** Exposed for the table-driven test and documentation. */
export function mappingTable(vocabulary: Vocabulary): Table {
  return TABLES[vocabulary];
}

/** Only boolean entries survive: a purposes map may come from the page. */
export function copyPurposes(purposes: PurposeMap): PurposeMap {
  const copy: PurposeMap = {};
  for (const purpose of CONSENT_PURPOSES) {
    const value: unknown = purposes[purpose];
    if (typeof value === 'boolean') copy[purpose] = value;
  }
  return copy;
}
