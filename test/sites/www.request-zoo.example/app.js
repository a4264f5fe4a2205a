// The page's own script: script cookies and storage, then every way a script sends data out.
document.cookie = 'zoo_pref=dark; Path=/; Max-Age=2592000; SameSite=Lax';
localStorage.setItem('zoo_visits', '1');
if (window.cookieStore) window.cookieStore.set({ name: 'zoo_store', value: 'cs1', expires: Date.now() + 86400000 }).catch(() => {});
fetch('https://api.zoo-data.example/fetch-get?cid=4c1e9a7b2d5f8e03', { credentials: 'include' }).catch(() => {});
fetch('https://api.zoo-data.example/fetch-post', {
  method: 'POST',
  headers: { 'content-type': 'text/plain' },
  body: 'uid=9b8e7d6c5a4f3e2d&page=home',
}).catch(() => {});
// JSON, as Amplitude, Sentry and many collectors send it: not a simple request, so the browser asks first (OPTIONS)
fetch('https://api.zoo-data.example/fetch-json', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ api_key: 'public', events: [{ device_id: 'd3v1c3a7b9e2f4c6', event_type: 'view' }] }),
}).catch(() => {});
const xhr = new XMLHttpRequest();
xhr.open('GET', 'https://api.zoo-data.example/xhr');
xhr.send();
navigator.sendBeacon('https://api.zoo-data.example/beacon', 'event=view');
fetch('https://api.zoo-data.example/keepalive', { method: 'POST', body: 'k=1', keepalive: true }).catch(() => {});
new Image().src = 'https://px.zoo-ads.example/new-image.gif';
const late = document.createElement('script');
late.src = 'https://cdn.zoo-static.example/injected.js';
document.head.append(late);
new Worker('/worker.js');
const socket = new WebSocket('wss://live.zoo-data.example/socket?sid=5e1f0c9a7b3d2e48');
socket.onerror = () => {};
