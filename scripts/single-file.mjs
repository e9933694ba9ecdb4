// Packs the built page (dist/) into one self-contained file, dist/annotator.html,
// that works when opened from file:// and can be mailed or kept on a USB stick;
// and dist/annotator-with-model.html, the same with the claims encoder inside
// (its wasm and int8 weights, about 30 MB), which rescores the claims with the
// language model as the served page does.
//
//   node scripts/single-file.mjs [DIST_DIR]
//
// The wasm is stored as base64 of its gzip in a non-executable data block and
// unpacked with DecompressionStream; the JS glue and the boot code run as one
// inline module. The analysis worker (www/worker.js with the glue inlined, as
// a classic script) starts from a blob: URL and gets the compiled wasm by message. The
// Content-Security-Policy allows exactly that script, that stylesheet (by
// hash) and blob: workers, and nothing else: no request of any kind. With the
// model, the encoder's worker (www/encoder-worker.js with its glue inlined)
// also starts from a blob: URL, its first message the packed wasm and weights,
// which it unpacks when the first article is scored.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const read = (name) => readFileSync(join(dist, name));

const glue = read('article_annotator.js').toString('utf8');
const css = read('style.css').toString('utf8');
const favicon = read('favicon.svg').toString('base64');
const wasmGzip = gzipSync(read('article_annotator_bg.wasm'), { level: 9 });
const workerImport = /^import __wbg_init, \{ analyse_for_worker, warm_up \} from '\.\/article_annotator\.js';$/m;
const workerCode = read('worker.js').toString('utf8');
if (!workerImport.test(workerCode)) {
  throw new Error('single-file: worker.js does not import the glue as expected; did it change?');
}
// The workers start as classic scripts: Chromium refuses a module worker
// from a blob: URL on a file:// page (its origin is opaque), and the page
// then analysed on its main thread. So the module syntax of the glue and of
// the worker code goes: exports become plain declarations, and import.meta.url
// (only used where the worker would fetch, which here it never does) the
// worker's own address.
function classicScript(source, name) {
  const classic = source
    .replace(/^export \{[^}]*\};?$/gm, '')
    .replace(/^export (?=(async function|function|class|const|let) )/gm, '')
    .replaceAll('import.meta.url', 'self.location.href');
  if (/^\s*(export|import)\s[^(]/m.test(classic) || classic.includes('import.meta')) {
    throw new Error(`single-file: ${name} has module syntax left for a classic worker; did its output change?`);
  }
  return classic;
}
const workerSource = classicScript(`${glue}\n${workerCode.replace(workerImport, '')}`, 'the analysis worker');

const encoderGlue = read('encoder/claims_encoder.js').toString('utf8');
const encoderWorkerCode = read('encoder-worker.js').toString('utf8');
for (const needed of ['export class Encoder', 'async function __wbg_init']) {
  if (!encoderGlue.includes(needed)) throw new Error(`single-file: the encoder's glue has no ${needed}; did its output change?`);
}
if (!encoderWorkerCode.includes('inlinedGlue')) {
  throw new Error('single-file: encoder-worker.js no longer reads an inlined glue; did it change?');
}
const encoderWorkerSource = classicScript(
  `${encoderGlue}\nconst inlinedGlue = { default: __wbg_init, Encoder };\n${encoderWorkerCode}`,
  "the encoder's worker",
);

// With the model: the page's encoder worker, started on the first analysis.
const encoderBoot = `
  const encoderWorkerSource = ${JSON.stringify(encoderWorkerSource)};
  window.annotatorEncoder = () => {
    const url = URL.createObjectURL(new Blob([encoderWorkerSource], { type: 'text/javascript' }));
    const worker = new Worker(url);
    const packed = (id) => document.getElementById(id).textContent.trim();
    worker.postMessage({ packedModel: { wasm: packed('encoder-wasm-gzip-base64'), weights: packed('encoder-weights-gzip-base64') } });
    return worker;
  };
`;

// Runs in the same module as the glue, so it calls the glue's own functions.
const bootWith = (encoder) => `
const packed = document.getElementById('wasm-gzip-base64').textContent.trim();
try {
  const gzipped = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
  const unpacked = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  const module = await WebAssembly.compile(await new Response(unpacked).arrayBuffer());
  // The analysis worker, from a blob: URL (a file:// page can load no other);
  // if it cannot start, the app analyses on the page instead.
  const workerSource = ${JSON.stringify(workerSource)};
  window.annotatorWorker = () => {
    const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
    const worker = new Worker(url);
    worker.postMessage({ init: module });
    return worker;
  };${encoder}
  await __wbg_init({ module_or_path: module });
  start_app();
} catch (error) {
  console.error(error);
  const banner = document.getElementById('fatal');
  banner.textContent = 'The annotator could not start in this browser (' + error + '). It needs WebAssembly and DecompressionStream.';
  banner.hidden = false;
}
`;
for (const name of ['__wbg_init', 'start_app', 'analyse_for_worker', 'warm_up']) {
  if (!new RegExp(`function ${name}\\b`).test(glue)) {
    throw new Error(`single-file: the wasm-bindgen glue has no ${name}(); did its output change?`);
  }
}
const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const dataBlock = (id, bytes) => `<script type="application/octet-stream" id="${id}">
${gzipSync(bytes, { level: 9 }).toString('base64')}
</script>
`;

function page(withModel) {
  const script = `${glue}\n${bootWith(withModel ? encoderBoot : '')}`;
  const csp = [
    "default-src 'none'",
    `script-src ${hash(script)} 'wasm-unsafe-eval'`,
    `style-src ${hash(css)}`,
    'img-src data:',
    'worker-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  // The script's text must stay byte-identical to what was hashed: nothing
  // below may rewrite it, and "</script" cannot occur in generated glue.
  if (script.includes('</script')) throw new Error('single-file: the script contains </script');
  const model = withModel
    ? dataBlock('encoder-wasm-gzip-base64', read('encoder/claims_encoder_bg.wasm'))
      + dataBlock('encoder-weights-gzip-base64', read('encoder/claims-encoder.safetensors'))
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>Article annotator</title>
<link rel="icon" href="data:image/svg+xml;base64,${favicon}">
<style>${css}</style>
</head>
<body>
<div id="fatal" class="fatal" role="alert" hidden></div>
<div id="app"><p class="loading">Loading the annotator…</p></div>
<noscript><p class="fatal">This page needs JavaScript and WebAssembly; nothing you paste leaves your browser.</p></noscript>
<script type="application/octet-stream" id="wasm-gzip-base64">
${wasmGzip.toString('base64')}
</script>
${model}<script type="module">${script}</script>
</body>
</html>
`;
}

for (const [name, withModel] of [['annotator.html', false], ['annotator-with-model.html', true]]) {
  const html = page(withModel);
  const out = join(dist, name);
  writeFileSync(out, html);
  const gz = gzipSync(Buffer.from(html), { level: 9 }).length;
  console.log(`single file: ${out} ${html.length} bytes raw, ${gz} bytes gzip`);
}
