// Known functional cookies: preferences the visitor chose (language, currency, theme), chat and support
// widgets, embedded players. Written from each vendor's documentation.
import type { KnownCookieGroup } from './known-cookies.ts';

export const FUNCTIONAL_COOKIES: readonly KnownCookieGroup[] = [
  {
    vendor: 'Chat and support widgets (Intercom, Drift, Zendesk, LiveChat, Tawk.to, Crisp, Olark, Freshchat, HubSpot chat, Tidio, Userlike, Gorgias, Help Scout)',
    purpose: 'functional',
    source: 'Intercom, Drift, Zendesk, LiveChat, Tawk.to, Crisp, Olark, Freshworks, HubSpot and Tidio cookie documentation',
    names: [
      'intercom-id-*', 'intercom-session-*', 'intercom-device-id-*', 'intercom-*', 'driftt_aid', 'driftt_sid', 'drift_aid', 'drift_campaign_refresh',
      'drift_eid', 'driftt_wmd', 'DFTT_END_USER_PREV_BOOTSTRAPPED', 'drift*', '__zlcmid', '__zlcprivacy', '_zendesk_shared_session', '_zendesk_cookie',
      '_zendesk_session', '_zendesk_authenticated', 'ZD-suid', 'ZD-buid', 'ZD-store', 'ZD-*', '__lc_cid', '__lc_cst', '__lc2_cid', '__lc2_cst', '__livechat',
      '__livechat_*', '__lc_*', '__oauth_redirect_detector', 'lc_window_state', 'TawkConnectionTime', /^twk_uuid_[0-9a-f]+$/, 'twk_*', 'twk_idm_key',
      '__tawkuuid', 'Tawk_*', 'crisp-client/*', 'crisp-client*', 'hblid', 'olfsk', '_okbk', '_ok', '_okdetect', '_oklv', 'wcsid', '_fw_crm_v',       'messagesUtk', 'hs-messages-is-open', 'hs-messages-hide-welcome-message', 'swym-*',
      'LPVID', 'LPSID-*', 'LPSessionID', 'liveagent_*', '_zldp', '_zldt', 'cw_conversation', 'cw_user_*', 'tidio_state_*', 'uslk_*', 'userlike*', 'gorgias*',
      'smartsupp*', 'ssupp.*', '_jivo*', 'chatra*', '__q_state_*', 'qualified*',     ],
  },
  {
    vendor: 'Language, region, currency and display preferences',
    purpose: 'functional',
    source: 'WordPress (Polylang, WPML, qTranslate), Next.js, ASP.NET Core localisation, i18next, Google Translate, Drupal and Joomla documentation',
    names: [
      'pll_language', 'wp-wpml_current_language', 'wp-wpml_current_admin_language_*', '_icl_current_language', '_icl_visitor_lang_js', 'wpml_browser_redirect_test',
      'wpml_referer_url', 'qtrans_front_language', 'NEXT_LOCALE', 'i18next', 'googtrans', '.AspNetCore.Culture', 'wp_lang', 'wp-settings-*', 'wp-settings-time-*',
      'comment_author_*', 'comment_author_email_*', 'comment_author_url_*', 'Drupal.visitor.*', 'has_js', 'joomla_user_state', 'woocommerce_recently_viewed',
      'wmc_current_currency', 'wmc_current_currency_old', 'wmc_ip_info', 'woocommerce_multicurrency_*', 'wcml_client_currency', 'aelia_cs_selected_currency',
      '_shopify_country', 'locale', 'language', 'lang', 'LANG', 'LANGUAGE', 'currency', 'CURRENCY', 'country',
      'timezone', 'tz', 'theme', 'color-scheme', 'colorScheme', 'dark_mode', 'darkmode', 'font-size', 'fontsize', 'ui_lang', 'site_lang', 'user_lang', 'userlang',
      'preferred_language', 'preferredLanguage', 'pref_lang', 'selected_language', 'locale_pref', 'geo_country', 'currency_code', 'region', 'lang_code',
      'PREF', '__Secure-ENID', 'OGPC', 'OGP', 'trp_language', 'wglang', 'CMSPreferredCulture', 'CMSCurrentTheme', 'GUEST_LANGUAGE_ID',
      'lastVisitedCategory', 'RECENTLY_VIEWED_PRODUCTS', /#lang$/, 'django_language', 'i18n_redirected', 'yt-player-*', 'yt-remote-connected-devices', 'yt-remote-device-id',
    ],
  },
  {
    vendor: 'Embedded media and tools (Vimeo, Wistia, JW Player, SoundCloud, Spotify, Typeform, Calendly, Google Maps)',
    purpose: 'functional',
    source: 'Vimeo, Wistia, JW Player, SoundCloud, Spotify, Typeform and Calendly cookie documentation',
    names: [
      'player', 'vimeo_*', 'wistia*', '__wistia*', 'jwplayer.*', 'jwplayerLocalId', 'jwSettings', 'sc_anonymous_id', 'sp_t', 'sp_landing', 'sp_dc', 'sp_key',
      'tf_respondent_cc', 'calendly*', 'videojs-*', 'plyr', 'plyr_*', 'brightcove*',     ],
  },
  {
    vendor: 'Site features (recently viewed, wishlists, forms, accessibility)',
    purpose: 'functional',
    source: 'WooCommerce, Magento, HubSpot forms, Gravity Forms, UserWay, accessiBe documentation',
    names: [
            'gform_*', 'wpforms-*', 'userway-*', 'acsbState', 'acsb*', 'hs_form_*', 'wishlist*', 'yith_wcwl_session_*',     ],
  },
  { vendor: 'LinkedIn (linkedin.com)', org: 'microsoft', purpose: 'functional', source: 'LinkedIn Cookie Table (functional: language, time zone)', names: ['lang', 'timezone', 'PLAY_LANG', 'li_theme', 'li_theme_set', 'li_alerts', 'li_cc', 'sdui_ver'], sites: ['linkedin.com'] },
  {
    vendor: 'Dynamic Yield (content personalisation)',
    org: 'dynamic_yield',
    purpose: 'functional',
    source: 'Dynamic Yield: Cookies and Local Storage (identifiers that key the personalisation of content, experiment state); personalised content is TCF purposes 5–6, functional in Candor',
    names: [
      '_dyid', '_dyid_server', '_dyjsession', '_dy_csc_ses', '_dy_c_exps', '_dy_geo', '_dy_df_geo', '_dy_toffset', '_dy_ses_load_seq', '_dy_soct', '_dyfs',
      '_dy_lu_ses', '_dycmc', '_dy*', 'DYID', 'DYSES',
    ],
  },
  {
    vendor: 'Qualtrics Website / App Feedback',
    org: 'qualtrics',
    purpose: 'functional',
    source: 'Qualtrics: Website / App Feedback cookies (which intercepts were shown or closed, page history for their display rules)',
    names: ['QSI_*'],
  },
  {
    vendor: 'Support, forms and reviews (Zendesk Guide, SurveyMonkey, Typeform, Bazaarvoice display)',
    purpose: 'functional',
    source: 'Zendesk: cookies used by Zendesk Guide and the Web Widget; SurveyMonkey: cookie notice (ep201–ep203 survey-taking state)',
    names: ['_help_center_session', 'help_center_data', '_zendesk_nps_session', '__zlcstore', '_zendesk_*', 'ep201', 'ep202', 'ep203'],
  },
  {
    vendor: 'Admin panels (phpMyAdmin, Plesk)',
    purpose: 'functional',
    source: 'phpMyAdmin documentation (cookie auth, language and theme cookies); Plesk documentation',
    names: ['pma_lang', 'pma_theme', 'pma_collation_connection', 'pma_console_*', 'pma_navi_width'],
  },
  {
    vendor: 'Twitch (twitch.tv)',
    org: 'amazon',
    purpose: 'functional',
    source: 'Twitch: cookie policy (preferences and player state on twitch.tv)',
    names: ['language', 'twitch.lohp.countryCode', 'session_storage_last_visited_twitch_url', 'last_login', 'name'],
    sites: ['twitch.tv'],
  },
  {
    // Google files these under Functionality ("'VISITOR_INFO1_LIVE' and 'YEC' serve a similar purpose for YouTube":
    // remembering preferences, like NID on google.com) and YSC under Security (with pm_sess and AEC: requests within
    // a session are made by the user, not by other sites); none of them is an advertising identifier.
    vendor: 'YouTube',
    org: 'google',
    purpose: 'functional',
    source: 'Google: How Google uses cookies (Functionality: VISITOR_INFO1_LIVE, YEC; Security: YSC, pm_sess)',
    names: ['VISITOR_INFO1_LIVE', '__Secure-YEC', 'YEC', 'YSC', 'pm_sess'],
  },
  {
    vendor: 'More chat, video and preference cookies (SnapEngage, Live Helper Chat, Zoho SalesIQ, HubSpot, YouTube, Vimeo, Microsoft)',
    purpose: 'functional',
    source: 'SnapEngage, Live Helper Chat, Zoho SalesIQ, HubSpot (language switcher, API preferences), YouTube and Vimeo player, Microsoft (display-culture) cookie documentation',
    names: ['SnapABug*', 'lhc_*', 'siq_*', 'ZLD*', 'hs_langswitcher_choice', 'hubspotapi-prefs', '__Secure-ROLLOUT_TOKEN', 'continuous_play_v3', 'display-culture'],
  },
];
