// The bakery's own script: remembers the visitor's language (a preference cookie the banner declares).
document.cookie = 'bakery_lang=' + (navigator.language || 'en').slice(0, 2) + '; path=/; max-age=31536000; SameSite=Lax; Secure';
document.getElementById('lang').addEventListener('change', function (e) {
  document.cookie = 'bakery_lang=' + e.target.value + '; path=/; max-age=31536000; SameSite=Lax; Secure';
});
