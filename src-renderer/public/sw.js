// Hearth's service worker: keeps the panel's app shell so the installed app opens even when the
// hub is away (the panel then says it cannot reach Hearth, with a retry), never a browser error
// page. Only the shell is kept: the API, events and pictures always go to the hub, so nothing a
// family sees is ever stale. Browsers run it on secure contexts only (HTTPS, or localhost).
const CACHE = 'hearth-shell-v1';
const SHELL = ['./', './offline.html', './offline.css', './manifest.webmanifest', './favicon.svg'];

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
        Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

/** What belongs to the shell: the panel's pages and its built files, never the hub's data. */
function isShell(url) {
  if (url.origin !== self.location.origin) return false;
  const path = url.pathname;
  return !(
    path.startsWith('/api/') ||
    path === '/hello' ||
    path === '/get_pic' ||
    path === '/lock' ||
    path === '/unlock' ||
    path === '/test'
  );
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !isShell(url)) return;
  if (request.mode === 'navigate') {
    // The page itself: the hub's latest when it answers, else the kept one, else a short page
    // that says what is wrong.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put('./', copy));
          }
          return response;
        })
        .catch(async () => (await caches.match('./')) ?? (await caches.match('./offline.html'))),
    );
    return;
  }
  // Built files carry their hash in the name: a kept one is the right one.
  event.respondWith(
    caches.match(request).then(
      (kept) =>
        kept ??
        fetch(request).then((response) => {
          if (response.ok && url.pathname.includes('/assets/')) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
