// localStorage / sessionStorage keys that vendors document (or that their SDKs visibly write), beyond the
// cookie names they share with the cookie table (`_hjid`, `amplitude_id*`, `mp_*`, `ajs_user_id`, `_fbp`, …).
import type { KnownCookieGroup } from './known-cookies.ts';

export const STORAGE_KEY_GROUPS: readonly KnownCookieGroup[] = [
  {
    vendor: 'Analytics SDK storage (Google, Amplitude, Mixpanel, Segment, Heap, PostHog, FullStory, Sentry, Mux)',
    purpose: 'analytics',
    source: 'Amplitude, Segment analytics.js, PostHog, FullStory, Sentry Session Replay and Mux Data SDK documentation',
    names: [
      'AMP_unsent_*', 'amplitude_unsent_*', 'amplitude_lastEventId*', 'amplitude_sessionId*', 'ajs_user_traits', 'ajs_group_properties', 'ajs_anonymous_id',
      'segmentio.*', 'posthog*', '_fs_tab_id', '_fs_*', 'sentryReplaySession', 'muxData', 'heap*', 'mixpanel*', '__mp_opt_in_out_*', 'ga:clientId', '_gcl_ls',
      'optimizely_data$$*', 'optimizely-vuid', 'kameleoonVisitorCode', 'pendo_*', 'clarity*', '_cltk', 'hotjar*', 'snowplowOutQueue_*',
      'datadog*', 'plausible_ignore', 'ab.storage.*',
    ],
  },
  {
    vendor: 'Advertising SDK storage (Prebid, Permutive, TikTok, Meta, LiveRamp, ID5, UID2)',
    purpose: 'advertising',
    source: 'Prebid.js user ID modules, Permutive, TikTok Pixel, LiveRamp ATS, ID5 and UID2 documentation',
    names: [
      '_pbjs_*', 'pbjs*', 'permutive-*', '_psegs', '_pdfps', '_papns', '_prubicons', '_pubcid_optout', 'tt_appInfo', 'tt_sessionId', 'tt_pixel_session_index',
      '_fbp', '_fbc', '_ttp', 'id5id*', '__uid2_advertising_token', 'UID2-sdk-identity', '_li_*', 'panoramaId*', '_cc_id', 'adsbygoogle*', '__gads*',
      'google_adsense_settings', 'google_experiment_mod*', 'goog_pem_mod', 'googlefc*',
    ],
  },
  {
    vendor: 'Functional SDK storage (Intercom, Zendesk, Crisp, Tawk, i18next, YouTube, Vimeo)',
    purpose: 'functional',
    source: 'Intercom, Zendesk Web Widget, Crisp, Tawk.to, i18next, YouTube IFrame API documentation',
    names: ['intercom.*', 'ZD-*', 'crisp-client/*', 'twk_*', 'tawk*', 'i18nextLng', 'yt-player-*', 'ytidb::*', 'yt-remote-*', 'yt.innertube::*', 'vimeo*', 'loglevel', 'theme', 'color-theme', 'ld:*'],
  },
  {
    vendor: 'Technical storage (payments, CAPTCHA, consent SDKs, feature probes)',
    purpose: 'functional',
    source: 'PayPal, reCAPTCHA, Usercentrics, Didomi, OneTrust and Sourcepoint SDK documentation',
    names: ['__paypal_storage__', '__paypal_*', '_grecaptcha', 'rc::*', '__storage_test__', 'storage_test', 'ucData', 'uc_*', 'didomi_*', 'OneTrust*', 'OTGPPConsent', 'consentUUID', 'euconsent-v2', '__tcfapi*', 'gdprApplies'],
  },
];
