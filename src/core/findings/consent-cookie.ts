// Consent managers' own consent-record cookies. They store the visitor's choice, so they are strictly necessary
// (ePrivacy Art. 5(3) exemption, as the EDPB's WP194 reads it), and a CMP rarely lists its own cookie: flagging them
// as undeclared, early or ignored would be noise. Names from ../shared/spec/metadata-formats.md §6 and §12.2.
const EXACT = new Set(
  [
    'euconsent',
    'euconsent-v2',
    'eupubconsent-v2',
    'addtl_consent',
    'usprivacy',
    'OptanonConsent',
    'OptanonAlertBoxClosed',
    'OTAdditionalConsentString',
    'OTGPPConsent',
    'CookieConsent',
    'cookieyes-consent',
    'didomi_token',
    'klaro',
    'cc_cookie',
    'cookieconsent_status',
    'borlabs-cookie',
    'consentUUID',
    'consentDate',
    'axeptio_cookies',
    'axeptio_authorized_vendors',
    'axeptio_all_vendors',
    'tarteaucitron',
    'cmapi_cookie_privacy',
    'cmapi_gtm_bl',
    'notice_behavior',
    'notice_gdpr_prefs',
    'notice_preferences',
    'uc_settings',
    'uc_user_interaction',
  ].map((n) => n.toLowerCase()),
);

const PREFIXES = [
  'cmplz_',
  'cookieconsentbulk',
  '_iub_cs-',
  '__cmpcc',
  '__cmpconsent',
  'osano_consentmanager',
  'optanonconsent',
  'onetrustconsent',
  'euconsent',
  'didomi_',
  'cookieyes-',
  'cky-consent',
];

/** True for the cookie a consent manager keeps the visitor's choice in. */
export function isConsentCookie(name: string): boolean {
  const lower = name.toLowerCase();
  return EXACT.has(lower) || PREFIXES.some((prefix) => lower.startsWith(prefix));
}
