// The service worker: keeps the app's own files so that after one visit the
// annotator loads and works with the network off. It caches and serves only
// this origin's files and never requests anything else.
//
// BUILD_ID is replaced by scripts/build with a hash of the built files, so a
// new build gets a new cache and the old one is dropped on activation.
const CACHE = 'article-annotator-BUILD_ID';
const APP_FILES = [
  './',
  'index.html',
  'boot.js',
  'worker.js',
  'style.css',
  'favicon.svg',
  'manifest.webmanifest',
  'article_annotator.js',
  'article_annotator_bg.wasm',
];
// The claims encoder (encoder-worker.js and dist/encoder/, 23 MB of weights),
// so that an offline reload still rescores claims with the language model.
// Cached apart: a build or server without the model still gets the offline
// page, and the page then keeps the quick scores with a note.
const MODEL_FILES = [
  'encoder-worker.js',
  'encoder/claims_encoder.js',
  'encoder/claims_encoder_bg.wasm',
  'encoder/claims-encoder.safetensors',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(APP_FILES)
        .then(() => cache.addAll(MODEL_FILES).catch((error) => console.warn('No offline model:', error))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith('article-annotator-') && key !== CACHE)
          .map((key) => caches.delete(key)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page itself: fresh when online, the cached copy when not.
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put('index.html', copy));
          return response;
        })
        .catch(() => caches.match('index.html')),
    );
    return;
  }
  // Built files are versioned by the cache name: cached first.
  event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
});
