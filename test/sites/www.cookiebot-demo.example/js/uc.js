// Cookiebot reproduction. The CookieConsent cookie holds a URL-encoded JavaScript object literal (not JSON), as
// uc.js writes it; the Cookiebot global mirrors it; the dialog holds the scanner's cookie tables, one array per
// category, rows [name, provider, purpose, expiry, type, typeId].
(function () {
  var literal = "{stamp:'QnK3iJm8Yx0pW9cR4tLbVZQhXk2sDfGn7uE1aTy6oPw5RjCv8M==',necessary:true,preferences:true,statistics:false," +
    "marketing:false,method:'explicit',ver:1,utc:1795689302412,region:'de'}";
  var encoded = encodeURIComponent(literal).replace(/'/g, '%27');
  document.cookie = 'CookieConsent=' + encoded + '; path=/; max-age=31536000; SameSite=Lax';

  var dialog = {
    visible: false,
    cookieTableNecessary: [
      ['CookieConsent', 'Cookiebot', 'Stores the user\'s cookie consent state for the current domain', '1 year', 'HTTP Cookie', 1]
    ],
    cookieTablePreference: [
      ['lang', 'cookiebot-demo.example', 'Remembers the user\'s selected language version of a website', 'Session', 'HTTP Cookie', 1]
    ],
    cookieTableStatistics: [
      ['_ga', 'Google', 'Registers a unique ID that is used to generate statistical data on how the visitor uses the website.', '2 years', 'HTTP Cookie', 1],
      ['_ga_#', 'Google', 'Used by Google Analytics to collect data on the number of times a user has visited the website.', '2 years', 'HTTP Cookie', 1],
      ['_hjSessionUser_#', 'Hotjar', 'Collects statistics on the visitor\'s visits to the website.', 'Persistent', 'HTML Local Storage', 2]
    ],
    cookieTableAdvertising: [
      ['_fbp', 'Meta Platforms, Inc.', 'Used by Facebook to deliver a series of advertisement products.', '3 months', 'HTTP Cookie', 1]
    ],
    cookieTableUnclassified: []
  };
  window.Cookiebot = {
    consent: { necessary: true, preferences: true, statistics: false, marketing: false, method: 'explicit', stamp: 'QnK3iJm8Yx0pW9cR4tLbVZQhXk2sDfGn7uE1aTy6oPw5RjCv8M==' },
    consented: false,
    declined: false,
    hasResponse: true,
    doNotTrack: false,
    consentID: 'QnK3iJm8Yx0pW9cR4tLbVZQhXk2sDfGn7uE1aTy6oPw5RjCv8M==',
    consentUTC: new Date(1795689302412),
    dialog: dialog,
    show: function () {},
    hide: function () {},
    renew: function () {},
    withdraw: function () {}
  };
  window.CookieConsent = window.Cookiebot;
  window.dispatchEvent(new Event('CookiebotOnConsentReady'));
})();
