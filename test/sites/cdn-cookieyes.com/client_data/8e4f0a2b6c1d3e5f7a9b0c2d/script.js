// LOCAL STAND-IN for the CookieYes banner script (cdn-cookieyes.com/client_data/<site-key>/script.js), served on the
// local test internet only. Like the real script it keeps the choice in the `cookieyes-consent` cookie
// (`consentid:…,consent:yes|no,action:yes|<empty>,necessary:yes,functional:no,…`), writes the defaults with an empty
// `action` on a first visit, answers getCkyConsent() from the cookie, and carries the site's category and cookie
// declaration in window._ckyConfig._categories (per-language texts as {en: …}).
(function () {
  var CATEGORIES = ['necessary', 'functional', 'analytics', 'performance', 'advertisement', 'other'];
  var HOST = location.hostname;
  function cookie(id, duration, domain) {
    return { cookieID: id, domain: domain || HOST, duration: { en: duration }, description: { en: '' }, provider: '' };
  }
  window._ckyConfig = {
    _ckyStore: {},
    _categories: [
      { name: { en: 'Necessary' }, slug: 'necessary', isNecessary: true, active: true, defaultConsent: { gdpr: true, ccpa: true },
        cookies: [cookie('cookieyes-consent', '1 year'), cookie('PHPSESSID', 'session')] },
      { name: { en: 'Functional' }, slug: 'functional', isNecessary: false, active: true, defaultConsent: { gdpr: false, ccpa: true },
        cookies: [cookie('pll_language', '1 year')] },
      { name: { en: 'Analytics' }, slug: 'analytics', isNecessary: false, active: true, defaultConsent: { gdpr: false, ccpa: true },
        cookies: [cookie('_ga', '1 year 1 month 4 days', '.' + HOST.replace(/^www\./, '')), cookie('_ga_*', '1 year 1 month 4 days', '.' + HOST.replace(/^www\./, '')), cookie('_gid', '1 day')] },
      { name: { en: 'Performance' }, slug: 'performance', isNecessary: false, active: true, defaultConsent: { gdpr: false, ccpa: true },
        cookies: [] },
      { name: { en: 'Advertisement' }, slug: 'advertisement', isNecessary: false, active: true, defaultConsent: { gdpr: false, ccpa: true },
        cookies: [cookie('_fbp', '3 months'), cookie('IDE', '1 year 24 days', '.doubleclick.net')] }
    ]
  };

  function read() {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) if (parts[i].indexOf('cookieyes-consent=') === 0) return parts[i].slice(18);
    return null;
  }
  if (read() === null) {
    var fields = ['consentid:' + btoa(String(Math.random())).replace(/=/g, ''), 'consent:no', 'action:'];
    for (var c = 0; c < CATEGORIES.length; c++) fields.push(CATEGORIES[c] + ':' + (CATEGORIES[c] === 'necessary' ? 'yes' : 'no'));
    document.cookie = 'cookieyes-consent=' + fields.join(',') + '; path=/; max-age=31536000; SameSite=Strict';
  }
  window.getCkyConsent = function () {
    var fields = {};
    var raw = read() || '';
    var text = raw;
    try { text = decodeURIComponent(raw); } catch (e) { /* kept as it is */ }
    text.split(',').forEach(function (item) {
      var at = item.indexOf(':');
      if (at > 0) fields[item.slice(0, at)] = item.slice(at + 1);
    });
    var categories = {};
    for (var i = 0; i < CATEGORIES.length; i++) categories[CATEGORIES[i]] = fields[CATEGORIES[i]] === 'yes';
    return {
      activeLaw: 'gdpr',
      categories: categories,
      isUserActionCompleted: fields.action === 'yes',
      consentID: fields.consentid || '',
      languageCode: 'en'
    };
  };
  document.dispatchEvent(new CustomEvent('cookieyes_banner_load', { detail: window.getCkyConsent() }));
})();
