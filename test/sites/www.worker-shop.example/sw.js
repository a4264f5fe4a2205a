// Passes every fetch of the pages it controls to the network, and reports each page view with a beacon of its own.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  event.respondWith(fetch(event.request));
  if (event.request.mode === 'navigate') {
    event.waitUntil(fetch('https://cdn.worker-assets.example/sw-beacon?page=' + encodeURIComponent(event.request.url), { mode: 'no-cors', credentials: 'include' }));
  }
});
