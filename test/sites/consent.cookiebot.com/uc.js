// Stand-in for Cookiebot's uc.js with data-blockingmode="auto": it wraps the document.cookie setter (the real one
// holds back what scripts without consent set) and passes every write on, so it is the nearest script on the stack
// of every cookie a script sets. It also sets its own consent cookie.
(function () {
  var desc = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: function () { return desc.get.call(document); },
    set: function (value) { desc.set.call(document, value); }
  });
  document.cookie = 'CookieConsent=-1; path=/; max-age=31536000; SameSite=Lax';
})();
