// Northwind's cookie banner: vanilla-cookieconsent (orestbida) with the site's cookie declaration.
const oneYear = '1 year';
CookieConsent.run({
  categories: {
    necessary: { enabled: true, readOnly: true },
    functional: { autoClear: { cookies: [{ name: 'nw_lang' }] } },
    analytics: { autoClear: { cookies: [{ name: /^_ga/ }, { name: '_gid' }] } },
    marketing: { autoClear: { cookies: [{ name: '_fbp' }] } },
  },
  onConsent: ({ cookie }) => {
    if (cookie.categories.includes('analytics')) gtag('consent', 'update', { analytics_storage: 'granted' });
    if (cookie.categories.includes('marketing')) gtag('consent', 'update', { ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' });
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'We use cookies',
          description: 'We use necessary cookies to run the shop and, with your consent, analytics and marketing cookies.',
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
              description: 'Keep the shop and your basket working.',
              linkedCategory: 'necessary',
              cookieTable: {
                headers: { name: 'Cookie', domain: 'Domain', expiration: 'Expiration', desc: 'Purpose' },
                body: [
                  { name: 'nw_session', domain: 'www.northwind-coffee.example', expiration: 'Session', desc: 'Your session.' },
                  { name: 'cc_cookie', domain: 'www.northwind-coffee.example', expiration: '6 months', desc: 'Your cookie choices.' },
                ],
              },
            },
            {
              title: 'Preferences',
              description: 'Remember your language.',
              linkedCategory: 'functional',
              cookieTable: {
                headers: { name: 'Cookie', domain: 'Domain', expiration: 'Expiration', desc: 'Purpose' },
                body: [{ name: 'nw_lang', domain: 'northwind-coffee.example', expiration: oneYear, desc: 'Your language.' }],
              },
            },
            {
              title: 'Analytics',
              description: 'Count visits and see which pages are read.',
              linkedCategory: 'analytics',
              cookieTable: {
                headers: { name: 'Cookie', domain: 'Domain', expiration: 'Expiration', desc: 'Purpose' },
                body: [
                  { name: '_ga', domain: 'northwind-coffee.example', expiration: oneYear, desc: 'Google Analytics visitor id.' },
                  { name: '_ga_*', domain: 'northwind-coffee.example', expiration: oneYear, desc: 'Google Analytics session state.' },
                ],
              },
            },
            {
              title: 'Marketing',
              description: 'Measure our ads on social networks.',
              linkedCategory: 'marketing',
              cookieTable: {
                headers: { name: 'Cookie', domain: 'Domain', expiration: 'Expiration', desc: 'Purpose' },
                body: [{ name: '_fbp', domain: 'northwind-coffee.example', expiration: '3 months', desc: 'Meta pixel browser id.' }],
              },
            },
          ],
        },
      },
    },
  },
});
