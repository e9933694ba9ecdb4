// Loads the wasm module and mounts the page. Kept out of index.html so the
// Content-Security-Policy can forbid inline scripts.
import init, { start_app } from './article_annotator.js';

function fatal(message) {
  const banner = document.getElementById('fatal');
  banner.textContent = message;
  banner.hidden = false;
}

try {
  await init();
  start_app();
} catch (error) {
  console.error(error);
  fatal(`The annotator could not start in this browser (${error}). It needs WebAssembly.`);
}
