// LOCAL STAND-IN for the Usercentrics V3 CMP loader (web.cmp.usercentrics.eu/ui/loader.js), served on the local test
// internet only. V3 keeps the choice in localStorage `ucData` ({gcm:{…}, consent:{services:{<templateId>:{name,
// consent}}}}) and exposes the asynchronous window.__ucCmp API.
(function () {
  function data() {
    try { return JSON.parse(localStorage.getItem('ucData') || 'null'); } catch (e) { return null; }
  }
  window.__ucCmp = {
    isInitialized: function () { return Promise.resolve(true); },
    isConsentRequired: function () { return Promise.resolve(data() === null); },
    getConsentDetails: function () {
      var d = data();
      return Promise.resolve({ services: (d && d.consent && d.consent.services) || {}, categories: {} });
    },
    updateServicesConsents: function () { return Promise.resolve(); },
    saveConsents: function () { return Promise.resolve(); },
    showSecondLayer: function () { return Promise.resolve(); }
  };
})();
