// Packs the built page (dist/) into one self-contained file, dist/annotator.html,
// that works when opened from file:// and can be mailed or kept on a USB stick.
//
//   node scripts/single-file.mjs [DIST_DIR]
//
// The wasm is stored as base64 of its gzip in a non-executable data block and
// unpacked with DecompressionStream; the JS glue and the boot code run as one
// inline module. The analysis worker (www/worker.js with the glue inlined)
// starts from a blob: URL and gets the compiled wasm by message. The
// Content-Security-Policy allows exactly that script, that stylesheet (by
// hash) and blob: workers, and nothing else: no request of any kind.
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
const workerSource = `${glue}\n${workerCode.replace(workerImport, '')}`;

// Runs in the same module as the glue, so it calls the glue's own functions.
const boot = `
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
    const worker = new Worker(url, { type: 'module' });
    worker.postMessage({ init: module });
    return worker;
  };
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
const script = `${glue}\n${boot}`;
const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

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
const html = `<!doctype html>
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
<script type="module">${script}</script>
</body>
</html>
`;
const out = join(dist, 'annotator.html');
writeFileSync(out, html);
const gz = gzipSync(Buffer.from(html), { level: 9 }).length;
console.log(`single file: ${out} ${html.length} bytes raw, ${gz} bytes gzip`);
