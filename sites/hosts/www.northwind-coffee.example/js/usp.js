// The site's IAB US Privacy API: it answers "1YNN" (notice given, NOT opted out) to everyone, GPC or not.
window.__uspapi = function (command, version, callback) {
  if (command === 'getUSPData' && version === 1) callback({ version: 1, uspString: '1YNN' }, true);
  else if (typeof callback === 'function') callback(null, false);
};
document.cookie = 'usprivacy=1YNN; path=/; max-age=31536000; SameSite=Lax';
