// Makes the mobile view installable and able to open without a network: the web app manifest
// and the service worker (public/sw.js), which caches only the app shell (HTML, scripts, styles,
// icons). Personal data — today's visits, the queue — is never in the service worker's cache;
// the mobile view keeps it itself (device-store.ts) so it can be cleared at logout.
export function enableMobilePwa(): void {
  if (typeof document === 'undefined') return;
  if (!document.querySelector('link[rel="manifest"]')) {
    const link = document.createElement('link');
    link.rel = 'manifest';
    link.href = '/manifest.webmanifest';
    document.head.appendChild(link);
  }
  if (!document.querySelector('meta[name="theme-color"]')) {
    const meta = document.createElement('meta');
    meta.name = 'theme-color';
    meta.content = '#1d4ed8';
    document.head.appendChild(meta);
  }
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without a service worker the view still works online; offline reloads will not.
    });
  }
}
