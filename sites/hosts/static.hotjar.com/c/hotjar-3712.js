// Local stand-in for Hotjar's tracking code (test internet only): the session and user cookies Hotjar documents,
// and a visit-data request to in.hotjar.com.
(function () {
  var site = 3712;
  var domain = location.hostname.split('.').slice(-2).join('.');
  var uid = Math.random().toString(36).slice(2) + Date.now().toString(36);
  document.cookie = '_hjSessionUser_' + site + '=' + btoa(JSON.stringify({ id: uid, created: Date.now(), existing: false })) + '; path=/; domain=.' + domain + '; max-age=31536000; SameSite=Lax';
  document.cookie = '_hjSession_' + site + '=' + btoa(JSON.stringify({ id: uid, c: Date.now() })) + '; path=/; domain=.' + domain + '; max-age=1800; SameSite=Lax';
  fetch('https://in.hotjar.com/api/v2/client/sites/' + site + '/visit-data?sv=7', { method: 'POST', body: JSON.stringify({ user_id: uid, url: location.href }), credentials: 'include', keepalive: true }).catch(function () {});
})();
