// Times the JS API's wasm (`annotate(text)`, the whole analysis plus handing
// the annotations to JS) in Node over the same documents as the native bench,
// so the wasm build's speed can be compared with the native one without a
// browser. Prints one markdown table row. Times are CPU time of this process
// (best of three rounds), so other work on the machine does not inflate them.
//
//   node scripts/bench-wasm.mjs [DIR_WITH_API_BUILD] [JSONL...]
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir = 'dist/api', ...given] = process.argv.slice(2);
const evalDir = '../shared/eval';
const files = given.length
  ? given
  : readdirSync(evalDir).filter((f) => f.endsWith('.dev.jsonl')).sort().map((f) => join(evalDir, f));
// Records with a text (boilerplate-html.dev.jsonl holds pages of HTML instead).
const texts = files.flatMap((file) =>
  readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).text))
  .filter((text) => typeof text === 'string');
const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);

const wasm = await import(pathToFileURL(resolve(dir, 'article_annotator.js')).href);
wasm.initSync({ module: readFileSync(join(dir, 'article_annotator_bg.wasm')) });

const ROUNDS = 3;
let best = Infinity;
for (let round = 0; round < ROUNDS; round += 1) {
  const start = process.cpuUsage();
  let found = 0;
  for (const text of texts) found += wasm.annotate(text, undefined).length;
  const used = process.cpuUsage(start);
  best = Math.min(best, (used.user + used.system) / 1e3);
  if (found === 0) throw new Error('bench-wasm: no annotations at all; is this the right wasm?');
}
const mbps = bytes / 1e6 / (best / 1e3);
const docs = texts.length / (best / 1e3);
console.log(`| wasm in Node ${process.versions.node}: whole pipeline + JS objects | ${best.toFixed(1)} | ${mbps.toFixed(1)} | ${docs.toFixed(0)} |`);
