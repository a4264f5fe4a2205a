import { describe, expect, test } from 'vitest';
import { KNOWN_COOKIE_GROUPS, knownCookieCount, lookupKnownCookie } from '../../../src/core/cookies/known-cookies.ts';
import { PURPOSES } from '../../../src/core/types.ts';

describe('lookupKnownCookie', () => {
  test.each([
    // exact
    ['_ga', undefined, 'analytics', 'exact', '_ga'],
    ['_gid', undefined, 'analytics', 'exact', '_gid'],
    ['_fbp', undefined, 'advertising', 'exact', '_fbp'],
    ['IDE', undefined, 'advertising', 'exact', 'IDE'],
    ['MUID', undefined, 'advertising', 'exact', 'MUID'],
    ['_clck', undefined, 'analytics', 'exact', '_clck'],
    ['PHPSESSID', undefined, 'functional', 'exact', 'PHPSESSID'],
    ['phpsessid', undefined, 'functional', 'exact', 'PHPSESSID'],
    ['ASP.NET_SessionId', undefined, 'functional', 'exact', 'ASP.NET_SessionId'],
    ['OptanonConsent', undefined, 'functional', 'exact', 'OptanonConsent'],
    ['euconsent-v2', undefined, 'functional', 'exact', 'euconsent-v2'],
    ['usprivacy', undefined, 'functional', 'exact', 'usprivacy'],
    ['didomi_token', undefined, 'functional', 'exact', 'didomi_token'],
    ['cookieyes-consent', undefined, 'functional', 'exact', 'cookieyes-consent'],
    ['__cf_bm', undefined, 'functional', 'exact', '__cf_bm'],
    ['AWSALB', undefined, 'functional', 'exact', 'AWSALB'],
    ['__stripe_mid', undefined, 'functional', 'exact', '__stripe_mid'],
    ['mp_optout', undefined, 'functional', 'exact', 'mp_optout'],
    ['__hstc', undefined, 'analytics', 'exact', '__hstc'],
    ['_uetsid', undefined, 'advertising', 'exact', '_uetsid'],
    // YouTube embeds: Google files these under Functionality and Security, not advertising
    ['YSC', undefined, 'functional', 'exact', 'YSC'],
    ['VISITOR_INFO1_LIVE', undefined, 'functional', 'exact', 'VISITOR_INFO1_LIVE'],
    ['__Secure-YEC', undefined, 'functional', 'exact', '__Secure-YEC'],
    // Google Optimize's own cookies are its experiments', not Google Ads'
    ['_opt_awcid', undefined, 'analytics', 'exact', '_opt_awcid'],
    // Ezoic: statistics, the split-test bucket, and the rest of its cookies (its ads)
    ['ezoref_123456', undefined, 'analytics', 'prefix', 'ezoref_*'],
    ['ezovuuidtime_123456', undefined, 'analytics', 'prefix', 'ezovuuidtime_*'],
    ['ezoab_123456', undefined, 'functional', 'prefix', 'ezoab_*'],
    ['ezoadgid_123456', undefined, 'advertising', 'prefix', 'ezoadgid_*'],
    ['ezosuigeneris', undefined, 'advertising', 'prefix', 'ezo*'],
    // prefix (longest first)
    ['_gat_UA-12345-1', undefined, 'analytics', 'prefix', '_gat_*'],
    ['_gac_UA-12345-1', undefined, 'advertising', 'prefix', '_gac_*'],
    ['_gcl_au', undefined, 'advertising', 'exact', '_gcl_au'],
    ['_gcl_xyz', undefined, 'advertising', 'prefix', '_gcl_*'],
    ['cmplz_marketing', undefined, 'functional', 'prefix', 'cmplz_*'],
    ['BIGipServerpool_web', undefined, 'functional', 'prefix', 'BIGipServer*'],
    ['incap_ses_123_456', undefined, 'functional', 'prefix', 'incap_ses_*'],
    ['visid_incap_456', undefined, 'functional', 'prefix', 'visid_incap_*'],
    ['_pk_id.1.abcd', undefined, 'analytics', 'prefix', '_pk_id*'],
    ['mp_0123456789abcdef_mixpanel', undefined, 'analytics', 'prefix', 'mp_*'],
    ['intercom-session-abc', undefined, 'functional', 'prefix', 'intercom-session-*'],
    ['wordpress_logged_in_abc', undefined, 'functional', 'prefix', 'wordpress_logged_in_*'],
    ['wp-settings-1', undefined, 'functional', 'prefix', 'wp-settings-*'],
    ['_sp_id.1fff', undefined, 'analytics', 'prefix', '_sp_id.*'],
    ['_sp_v1_data', undefined, 'functional', 'prefix', '_sp_v1_*'],
    // regex
    ['_ga_ABC123XYZ', undefined, 'analytics', 'regex', String(/^_ga_[A-Za-z0-9]{4,20}$/)],
    ['_hjSession_123456', undefined, 'analytics', 'regex', String(/^_hjSession_\d+$/)],
    ['_hjSessionUser_123456', undefined, 'analytics', 'regex', String(/^_hjSessionUser_\d+$/)],
    ['AMCV_0123456789ABCDEF%40AdobeOrg', undefined, 'analytics', 'regex', String(/^AMCVS?_[A-Za-z0-9]+(@|%40)AdobeOrg$/)],
    ['AMCV_0123456789ABCDEF@AdobeOrg', undefined, 'analytics', 'regex', String(/^AMCVS?_[A-Za-z0-9]+(@|%40)AdobeOrg$/)],
    ['Hm_lvt_0123456789abcdef0123456789abcdef', undefined, 'analytics', 'regex', String(/^Hm_lvt_[0-9a-f]{32}$/)],
    ['SSESS0123456789abcdef0123456789abcdef', undefined, 'functional', 'regex', String(/^S?SESS[0-9a-f]{32}$/)],
    ['TS01a2b3c4', undefined, 'functional', 'regex', String(/^TS[0-9a-f]{6,8}(_[0-9]+)?$/)],
    // site-specific generic names
    ['uid', '.criteo.com', 'advertising', 'exact', 'uid'],
    ['id', '.doubleclick.net', 'advertising', 'exact', 'id'],
    ['m', 'm.stripe.com', 'functional', 'exact', 'm'],
    ['uuid2', '.adnxs.com', 'advertising', 'exact', 'uuid2'],
    // a vendor's own domain: its catch-all is the last resort, specific entries (site or global) come first
    ['anything_at_all', '.nexx360.io', 'advertising', 'site', '*'],
    ['x9', 'ads.yieldmo.com', 'advertising', 'site', '*'],
    ['euconsent-v2', '.pubmatic.com', 'functional', 'exact', 'euconsent-v2'],
    ['KRTBCOOKIE_123', '.pubmatic.com', 'advertising', 'prefix', 'KRTBCOOKIE_*'],
    ['xs', '.facebook.com', 'social', 'exact', 'xs'],
    ['whatever', '.facebook.com', 'social', 'site', '*'],
    ['JSESSIONID', '.www.linkedin.com', 'functional', 'exact', 'JSESSIONID'],
    ['lang', '.linkedin.com', 'functional', 'exact', 'lang'],
    ['li_sugr', '.linkedin.com', 'advertising', 'exact', 'li_sugr'], // a global exact name beats the site's prefix
    ['li_something_new', '.linkedin.com', 'functional', 'prefix', 'li_*'],
    ['_y', '.shopify.com', 'analytics', 'exact', '_y'],
    ['api_token', '.twitch.tv', 'functional', 'exact', 'api_token'],
    // vendor documentation added or corrected
    ['MC1', undefined, 'advertising', 'exact', 'MC1'],
    ['ANONCHK', undefined, 'advertising', 'exact', 'ANONCHK'],
    ['_dyid', undefined, 'functional', 'exact', '_dyid'],
    ['_dy_new_thing', undefined, 'functional', 'prefix', '_dy*'],
    ['_dycnst', undefined, 'functional', 'exact', '_dycnst'],
    ['_hjLocalStorageTest', undefined, 'functional', 'exact', '_hjLocalStorageTest'],
    ['_hjFirstSeen', undefined, 'analytics', 'exact', '_hjFirstSeen'],
    ['ymex', undefined, 'analytics', 'exact', 'ymex'],
    ['bSession', undefined, 'functional', 'exact', 'bSession'],
    ['_wixAB3', undefined, 'functional', 'exact', '_wixAB3'],
    ['MYSAPSSO2', undefined, 'functional', 'exact', 'MYSAPSSO2'],
    ['SAP_SESSIONID_ABC_100', undefined, 'functional', 'prefix', 'SAP_SESSIONID_*'],
    ['BAYEUX_BROWSER', undefined, 'functional', 'exact', 'BAYEUX_BROWSER'],
    ['sailthru_visitor', undefined, 'advertising', 'prefix', 'sailthru_*'],
    ['_omappvp', undefined, 'advertising', 'exact', '_omappvp'],
    ['QSI_HistorySession', undefined, 'functional', 'prefix', 'QSI_*'],
    ['pma_lang', undefined, 'functional', 'exact', 'pma_lang'],
    ['pmaAuth-1', undefined, 'functional', 'prefix', 'pmaAuth-*'],
    ['_secure_admin_session_id', undefined, 'functional', 'exact', '_secure_admin_session_id'],
    ['BVBRANDID', undefined, 'analytics', 'exact', 'BVBRANDID'],
    ['awsccc', undefined, 'functional', 'exact', 'awsccc'],
    ['gpv_pn', undefined, 'analytics', 'exact', 'gpv_pn'],
    ['MicrosoftApplicationsTelemetryDeviceId', undefined, 'analytics', 'prefix', 'MicrosoftApplicationsTelemetry*'],
    ['SSRT_abc', undefined, 'analytics', 'prefix', 'SSRT_*'],
    ['sf_redirect', undefined, 'functional', 'exact', 'sf_redirect'],
    ['0123456789abcdef0123456789abcdef', undefined, 'functional', 'regex', String(/^[0-9a-f]{32}$/)],
    ['SnapABugHistory', undefined, 'functional', 'prefix', 'SnapABug*'],
    ['mtc_id', undefined, 'advertising', 'exact', 'mtc_id'],
    ['GPS', '.youtube.com', 'advertising', 'exact', 'GPS'],
    ['TCID', '.commander1.com', 'advertising', 'site', '*'],
  ])('%s on %s → %s (%s %s)', (name, domain, purpose, match, pattern) => {
    const hit = lookupKnownCookie(name, domain);
    expect(hit).toMatchObject({ purpose, match, pattern });
    expect(hit?.vendor).not.toBe('');
    expect(hit?.source).not.toBe('');
  });

  test.each([
    ['uid', undefined],
    ['id', '.shop.example'],
    ['m', undefined],
    ['my_own_thing', undefined],
    ['', undefined],
    ['x'.repeat(100_000), undefined],
    ['_ga_', undefined],
    ['_hjSession_', undefined],
    // catch-alls and site prefixes stay on their sites
    ['anything_at_all', undefined],
    ['anything_at_all', '.shop.example'],
    ['li_something_new', undefined],
    ['_y', undefined],
    ['MR', undefined],
    ['SSID', undefined], // Google's name, but too generic to be Google's anywhere else
    ['GPS', undefined],
    ['0123456789abcdef0123456789abcdeg', undefined], // not hex: no Joomla session
  ])('unknown: %s on %s', (name, domain) => {
    expect(lookupKnownCookie(name, domain)).toBeNull();
  });

  test('the table has several hundred entries, every one with a valid purpose, vendor and source', () => {
    expect(knownCookieCount()).toBeGreaterThan(900);
    for (const group of KNOWN_COOKIE_GROUPS) {
      expect(PURPOSES).toContain(group.purpose);
      expect(group.purpose).not.toBe('unknown');
      expect(group.vendor.length).toBeGreaterThan(2);
      expect(group.source.length).toBeGreaterThan(5);
      for (const name of group.names) {
        // `*` alone is a site's catch-all, meaningful only in a group bound to sites
        if (name === '*') expect(group.sites?.length ?? 0).toBeGreaterThan(0);
        else if (typeof name === 'string') expect(name.replace(/\*$/, '').length).toBeGreaterThan(0);
        else expect(name.flags).not.toContain('g'); // a global regex would keep state between tests
      }
    }
  });

  test('no exact name or prefix is listed under two different purposes (site-independent entries)', () => {
    const seen = new Map<string, string>();
    const conflicts: string[] = [];
    for (const group of KNOWN_COOKIE_GROUPS) {
      if (group.sites) continue;
      for (const name of group.names) {
        if (typeof name !== 'string') continue;
        const previous = seen.get(name.toLowerCase());
        if (previous !== undefined && previous !== group.purpose) conflicts.push(`${name}: ${previous} vs ${group.purpose}`);
        seen.set(name.toLowerCase(), previous ?? group.purpose);
      }
    }
    expect(conflicts).toEqual([]);
  });

  test('patterns do not backtrack catastrophically on hostile names', () => {
    const hostile = [`_${'a_'.repeat(5000)}!`, `AMCV_${'A'.repeat(5000)}`, `TS${'0'.repeat(5000)}`];
    for (const name of hostile) expect(() => lookupKnownCookie(name)).not.toThrow();
  });
});
