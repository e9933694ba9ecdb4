// Loads the wasm module and mounts the page. Kept out of index.html so the
// Content-Security-Policy can forbid inline scripts.
import init, { start_app } from './article_annotator.js';

function fatal(message) {
  const banner = document.getElementById('fatal');
  banner.textContent = message;
  banner.hidden = false;
}

// After one visit the page works with the network off (see sw.js).
// Registration failing (e.g. a browser without service workers) is harmless.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('sw.js').catch((error) => console.warn('No offline copy:', error));
}

// The app analyses in this worker when it can (src/app/analysis_worker.rs);
// without it, or if it fails to start, it analyses on the page as before.
window.annotatorWorker = () => {
  const worker = new Worker(new URL('worker.js', import.meta.url), { type: 'module' });
  worker.postMessage({ init: null });
  return worker;
};

// The claims encoder's worker (encoder-worker.js; src/app/encoder_worker.rs),
// started on the first analysis: it rescores the claims with the language
// model in dist/encoder/, on this origin. Without it, the quick scores stay.
window.annotatorEncoder = () => new Worker(new URL('encoder-worker.js', import.meta.url), { type: 'module' });

try {
  await init();
  start_app();
} catch (error) {
  console.error(error);
  fatal(`The annotator could not start in this browser (${error}). It needs WebAssembly.`);
}
