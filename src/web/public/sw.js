/* global self, caches, fetch, URL */
// Lots service worker: caches the app shell (index.html and the built, hashed assets, the
// manifest and icons) so the mobile view for field staff opens without a network.
// It never caches the API, login or identity provider: personal data stays out of this cache and
// is kept, and cleared at logout, by the mobile view itself (src/web/mobile/device-store.ts).
const CACHE = 'lots-shell-v1';
const STATIC = ['/manifest.webmanifest', '/icons/lots-192.png', '/icons/lots-512.png', '/icons/lots.svg'];
const NEVER = ['/api/', '/auth/', '/idp', '/dev-idp'];

async function cacheShell(cache, response) {
  const html = await response.clone().text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.put('/index.html', response);
  await Promise.all(assets.map(async (url) => {
    if (await cache.match(url)) return;
    const res = await fetch(url);
    if (res.ok) await cache.put(url, res);
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const res = await fetch('/index.html', { cache: 'no-store' });
    if (res.ok) await cacheShell(cache, res);
    await Promise.all(STATIC.map(async (url) => {
      const r = await fetch(url).catch(() => null);
      if (r && r.ok) await cache.put(url, r);
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (NEVER.some((p) => url.pathname.startsWith(p))) return; // network only, never cached

  if (req.mode === 'navigate') {
    // Network first, so a new build is picked up; the cached shell when there is no network.
    event.respondWith((async () => {
      try {
        const res = await fetch(req);
        if (res.ok && (res.headers.get('content-type') || '').includes('text/html')) {
          const cache = await caches.open(CACHE);
          event.waitUntil(cacheShell(cache, res.clone()).catch(() => {}));
        }
        return res;
      } catch (err) {
        const cached = await caches.match('/index.html');
        if (cached) return cached;
        throw err;
      }
    })());
    return;
  }

  if (url.pathname.startsWith('/assets/') || STATIC.includes(url.pathname)) {
    // Hashed assets never change: cache first.
    event.respondWith((async () => {
      const cached = await caches.match(req);
      if (cached) return cached;
      const res = await fetch(req);
      if (res.ok) {
        const cache = await caches.open(CACHE);
        await cache.put(req, res.clone());
      }
      return res;
    })());
  }
});
