// The bakery's banner: vanilla-cookieconsent with a cookie table that lists every cookie the site sets.
CookieConsent.run({
  categories: {
    necessary: { enabled: true, readOnly: true },
    functional: {},
    analytics: { autoClear: { cookies: [{ name: /^_hj/ }] } },
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'Cookies at the Quiet Bakery',
          description: 'We need a session cookie to run the pre-order form. With your consent we also measure how the site is used.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Manage preferences',
        },
        preferencesModal: {
          title: 'Cookie preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save preferences',
          sections: [
            {
              title: 'Strictly necessary',
              linkedCategory: 'necessary',
              cookieTable: {
                headers: { name: 'Cookie', domain: 'Domain', expiration: 'Expiration', desc: 'Purpose' },
                body: [
                  { name: 'bakery_session', domain: 'www.quiet-bakery.example', expiration: 'Session', desc: 'Keeps your pre-order.' },
                  { name: 'cc_cookie', domain: 'www.quiet-bakery.example', expiration: '6 months', desc: 'Your cookie choices.' },
                ],
              },
            },
            {
              title: 'Preferences',
              linkedCategory: 'functional',
              cookieTable: {
                headers: { name: 'Cookie', domain: 'Domain', expiration: 'Expiration', desc: 'Purpose' },
                body: [{ name: 'bakery_lang', domain: 'www.quiet-bakery.example', expiration: '1 year', desc: 'Your language.' }],
              },
            },
            {
              title: 'Analytics',
              linkedCategory: 'analytics',
              cookieTable: {
                headers: { name: 'Cookie', domain: 'Domain', expiration: 'Expiration', desc: 'Purpose' },
                body: [
                  { name: '_hjSessionUser_*', domain: 'quiet-bakery.example', expiration: '1 year', desc: 'Hotjar visitor id.' },
                  { name: '_hjSession_*', domain: 'quiet-bakery.example', expiration: '30 minutes', desc: 'Hotjar session.' },
                ],
              },
            },
          ],
        },
      },
    },
  },
});
