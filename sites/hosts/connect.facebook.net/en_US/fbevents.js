// Local stand-in for Meta's pixel (test internet only): sets the first-party _fbp browser id (90 days) and sends
// it with every event to www.facebook.com/tr, as the real pixel does.
(function () {
  function cookie(name) { var m = new RegExp('(?:^|; )' + name + '=([^;]*)').exec(document.cookie); return m ? m[1] : null; }
  var domain = location.hostname.split('.').slice(-2).join('.');
  var queue = (window.fbq && window.fbq.queue) || [];
  function fbq(cmd, a, b) {
    if (cmd === 'init') { fbq.pixel = a; return; }
    if (cmd !== 'track') return;
    var fbp = cookie('_fbp');
    if (!fbp) {
      fbp = 'fb.1.' + Date.now() + '.' + Math.floor(Math.random() * 2147483647);
      document.cookie = '_fbp=' + fbp + '; path=/; domain=.' + domain + '; max-age=7776000; SameSite=Lax';
    }
    new Image().src = 'https://www.facebook.com/tr/?id=' + encodeURIComponent(fbq.pixel || '') + '&ev=' + encodeURIComponent(a) +
      '&fbp=' + encodeURIComponent(fbp) + '&dl=' + encodeURIComponent(location.href) + '&ts=' + Date.now();
  }
  window.fbq = fbq;
  for (var i = 0; i < queue.length; i++) fbq.apply(null, queue[i]);
})();
