/*
 * The app's service worker (issue 14 point 3; docs/decisions/0035-offline-visits.md). Built by web/vite.config.ts,
 * which writes VERSION and SHELL (every file of the build) in front of this text. It keeps the app itself — never an
 * answer of the API: /api and /docs always go to the network, so no personal data ever enters the Cache Storage.
 */
/* global VERSION, SHELL */
const CACHE = `shouxian-shell-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('shouxian-shell-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/docs')) return;
  if (request.mode === 'navigate') {
    // A page of the app: the server's newest, or the kept shell when there is no network.
    event.respondWith(fetch(request).catch(() => caches.match('/', { cacheName: CACHE })));
    return;
  }
  // Built files carry a content hash in their names: the kept copy is the right one.
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});
