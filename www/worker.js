// The analysis worker: runs the same wasm as the page, off its main thread,
// so a long text never freezes the page while it is analysed.
//
// Messages in: { init: null | WebAssembly.Module } once (null: load the wasm
// beside the glue; a module: the single-file build, which cannot fetch it),
// then { id, text, markup } per request (markup: JSON of MarkupHint[] or '').
// Messages out: { id, analysis, ms } (analysis: a Uint8Array of the UTF-8
// JSON of core::Analysis, its buffer transferred; ms: the wasm call's time)
// or { id, error }.
//
// scripts/single-file.mjs inlines the glue in place of the import line below.
import __wbg_init, { analyse_for_worker } from './article_annotator.js';

let ready = null;

// A short text through every detector once, so that the first real request
// does not also pay for compiling the detectors' patterns.
const WARM_UP = 'Town news\n"We will build it," said Ana Ruiz, the mayor. It cost 5 million euros in 2024.\nSign up for our newsletter.';

async function start(module) {
  await __wbg_init(module ? { module_or_path: module } : undefined);
  analyse_for_worker(WARM_UP, '');
}

self.onmessage = async ({ data }) => {
  if ('init' in data) {
    ready = start(data.init);
    return;
  }
  const { id, text, markup } = data;
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
