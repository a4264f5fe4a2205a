// LOCAL STAND-IN for the Usercentrics V2 Browser UI loader (app.usercentrics.eu/browser-ui/latest/loader.js), served on
// the local test internet only. Like the real loader it keeps the visitor's consent in localStorage `uc_settings`
// ({controllerId, id, language, services:[{id, processorId, status, history:[{action, language, status, timestamp,
// type:'explicit'|'implicit', versions}]}], version}) and `uc_user_interaction`, writes the implicit defaults on a first
// visit, and exposes window.UC_UI whose getServicesBaseInfo() adds each service's name and categorySlug.
(function () {
  var SETTINGS_ID = 'Qw7sJ2kLm';
  // The site's service catalogue (template id → name, category) as the admin interface configures it.
  var CATALOGUE = [
    { id: 'H1Vl5NidjWX', name: 'Usercentrics Consent Management Platform', categorySlug: 'essential', essential: true },
    { id: 'BJz7qNsdj-7', name: 'YouTube Video', categorySlug: 'functional', essential: false },
    { id: 'HkocEodjb7', name: 'Google Analytics', categorySlug: 'marketing', essential: false },
    { id: 'ByzZ5EsOsZX', name: 'Facebook Pixel', categorySlug: 'marketing', essential: false }
  ];
  var VERSIONS = { application: '2.14.0', service: '1.0.0', settings: '3.0.0' };

  function load() {
    try { return JSON.parse(localStorage.getItem('uc_settings') || 'null'); } catch (e) { return null; }
  }
  var settings = load();
  if (settings === null || !Array.isArray(settings.services)) {
    var now = Date.now();
    settings = {
      controllerId: 'c41d8cd98f00b204e9800998ecf8427e0c41d8cd98f00b204e9800998ecf8427',
      id: SETTINGS_ID,
      language: 'en',
      services: CATALOGUE.map(function (s) {
        return {
          id: s.id,
          processorId: 'p' + s.id,
          status: s.essential,
          history: [{ action: 'onInitialPageLoad', language: 'en', status: s.essential, timestamp: now, type: 'implicit', versions: VERSIONS }]
        };
      }),
      version: '3.0.0'
    };
    localStorage.setItem('uc_settings', JSON.stringify(settings));
  }

  function services() {
    return CATALOGUE.map(function (s) {
      var stored = settings.services.filter(function (x) { return x.id === s.id; })[0];
      return {
        id: s.id,
        name: s.name,
        categorySlug: s.categorySlug,
        consent: { status: stored ? stored.status : s.essential, history: stored ? stored.history : [] }
      };
    });
  }
  window.UC_UI = {
    getServicesBaseInfo: services,
    getServicesFullInfo: function () { return Promise.resolve(services()); },
    areAllConsentsAccepted: function () { return services().every(function (s) { return s.consent.status; }); },
    isInitialized: function () { return true; },
    acceptAllConsents: function () { return Promise.resolve(); },
    denyAllConsents: function () { return Promise.resolve(); },
    showSecondLayer: function () {}
  };
  window.dispatchEvent(new CustomEvent('UC_UI_INITIALIZED'));
})();
