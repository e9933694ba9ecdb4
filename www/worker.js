// The analysis worker: runs the same wasm as the page, off its main thread,
// so a long text never freezes the page while it is analysed.
//
// Messages in: { init: null | WebAssembly.Module } once (null: load the wasm
// beside the glue; a module: the single-file build, which cannot fetch it),
// then { id, text, markup } per request (markup: JSON of MarkupHint[] or '').
// Messages out: { id, analysis, ms } (analysis: a Uint8Array of the UTF-8
// JSON of analysis::Analysis, its buffer transferred; ms: the wasm call's time)
// or { id, error }.
//
// scripts/single-file.mjs inlines the glue in place of the import line below.
import __wbg_init, { analyse_for_worker, warm_up } from './article_annotator.js';

let ready = null;
// Set by the first request: from then on the reader's texts keep the
// compiled code warm and the worker does nothing of its own.
let requested = false;

// Browsers run new wasm through a quick baseline compiler and optimise a
// function only after it has run a while, so the first analysis of a page's
// life was 3-5 times slower than the next ones (src/analysis/sample_article.rs). While
// it waits for the reader, the worker analyses a made-up article in short
// rounds (about 10 ms each once warm), each its own task, so that a request
// waits for one round at most.
const WARM_UP_ROUNDS = 20;
const WARM_UP_PARAGRAPHS = 60;

function warmWhileIdle(rounds) {
  if (rounds === 0 || requested) return;
  setTimeout(() => {
    if (requested) return;
    warm_up(WARM_UP_PARAGRAPHS);
    warmWhileIdle(rounds - 1);
  }, 0);
}

async function start(module) {
  await __wbg_init(module ? { module_or_path: module } : undefined);
  // One short round at once, so that the first real request does not also
  // pay for compiling the detectors' patterns.
  warm_up(14);
  warmWhileIdle(WARM_UP_ROUNDS);
}

self.onmessage = async ({ data }) => {
  if ('init' in data) {
    ready = start(data.init);
    return;
  }
  const { id, text, markup } = data;
  requested = true;
  try {
    await (ready ??= start(null));
    const started = performance.now();
    const analysis = analyse_for_worker(text, markup ?? '');
    const ms = performance.measure('analysis', { start: started }).duration;
    self.postMessage({ id, analysis, ms }, [analysis.buffer]);
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
};
