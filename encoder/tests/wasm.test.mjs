// The encoder's wasm (dist/encoder/, built by scripts/build) in Node: it loads
// the committed int8 weights and gives the reference logits of
// tests/fixtures/reference_logits.jsonl within 1e-3, as the native build does
// (tests/reference_logits.rs). Prints the load time and the time per sentence,
// one thread; run with `node --test encoder/tests/` after scripts/build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'dist', 'encoder');
const fixture = readFileSync(path.join(root, 'encoder/tests/fixtures/reference_logits.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));
const sigmoid = (z) => 1 / (1 + Math.exp(-z));

test('the wasm encoder matches the reference logits within 1e-3', async () => {
  const glue = await import(path.join(dist, 'claims_encoder.js'));
  glue.initSync({ module: readFileSync(path.join(dist, 'claims_encoder_bg.wasm')) });
  const weights = new Uint8Array(readFileSync(path.join(dist, 'claims-encoder.safetensors')));

  let started = performance.now();
  const encoder = glue.Encoder.load(weights);
  const loadMs = performance.now() - started;

  const texts = fixture.map((row) => row.text);
  started = performance.now();
  const logits = encoder.logits(texts);
  const batchedMs = (performance.now() - started) / texts.length;
  assert.ok(logits instanceof Float32Array);
  assert.equal(logits.length, texts.length);
  fixture.forEach((row, i) => {
    assert.ok(Math.abs(logits[i] - row.logit) <= 1e-3, `${JSON.stringify(row.text)}: wasm ${logits[i]}, Python ${row.logit}`);
    assert.ok(Math.abs(sigmoid(logits[i]) - sigmoid(row.logit)) <= 1e-3);
  });

  started = performance.now();
  for (const text of texts.slice(0, 20)) encoder.logits([text]);
  const aloneMs = (performance.now() - started) / 20;
  assert.equal(encoder.tokenCount('Unemployment rose.'), 5);
  console.log(`wasm encoder in Node ${process.version}: load ${loadMs.toFixed(0)} ms, ` +
    `${batchedMs.toFixed(1)} ms/sentence batched, ${aloneMs.toFixed(1)} ms/sentence alone (one thread)`);

  assert.throws(() => glue.Encoder.load(new Uint8Array([1, 2, 3])), /weights/);
  encoder.free();
});
