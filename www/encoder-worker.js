// The claims encoder's worker: scores the claim sentences of an analysis with
// the fine-tuned language model (encoder/, dist/encoder/), after the lexical
// analysis has painted them. It is a worker of its own, apart from the
// analysis worker (worker.js), so that a new analysis never waits for a
// batch of the encoder and a long article's scoring never holds the page.
//
// Messages in: { id, sentences, workers? } (the claim sentence texts of the
// analysis of request id, in analysis.sentences order, or this worker's
// contiguous share of them when `workers` workers share a long article). A
// newer message pre-empts the older one between batches; no sentences: stop (a new analysis is under way).
// Messages out, every second or more (longer for long articles): { id, scored: { from, logits, done, total } }
// (logits: a Float32Array of raw logits for sentences from..from+length, its
// buffer transferred; done of total scored); or { id, scoreError } once a
// request when the model cannot load or run: the page keeps the lexical
// scores. The logits are raw: the page's claims::combine makes the scores
// and reasons (encoder/src/wasm.rs holds the encoder's contract).
//
// The model (about 23 MB of weights, 92 MB of memory) loads on the first
// request, never before: a page nobody annotates on costs nothing.

// Sentences per call: small enough that a newer request waits for one batch
// at most (about 8 x 50-110 ms) and progress moves often; the encoder gains
// nothing from larger batches on one thread (encoder/src/wasm.rs).
const BATCH = 8;
// Results go to the page at most this often (and at the end): each message
// makes the page rescore and redraw the marks, work for its main thread that
// grows with the whole article (the reducer copies the analysis and merges
// every mark), so the interval grows with it too: the share of the main
// thread spent on updates stays about the same for a book as for a page.
const POST_EVERY_MS = 1000;
const POST_MS_PER_SENTENCE = 2;

let loading = null;
let queued = null;
let busy = false;

// The single file with the model inside (scripts/single-file.mjs) cannot
// fetch: it puts the encoder's glue in front of this code as `inlinedGlue`
// and sends the wasm and the weights, packed, as this worker's first message
// ({ packedModel: { wasm, weights }, base64 of gzip each }). They are
// unpacked on the first request, as the served files are fetched then.
let packedModel = null;

/** Base64 of gzip to bytes. */
async function unpack(base64) {
  const gzipped = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const stream = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function load() {
  if (packedModel) {
    const glue = inlinedGlue; // defined in front of this code by the single file
    await glue.default({ module_or_path: await unpack(packedModel.wasm) });
    const weights = await unpack(packedModel.weights);
    packedModel = null;
    return glue.Encoder.load(weights);
  }
  const glue = await import('./encoder/claims_encoder.js');
  await glue.default();
  const response = await fetch(new URL('./encoder/claims-encoder.safetensors', import.meta.url));
  if (!response.ok) throw new Error(`the weights: HTTP ${response.status}`);
  return glue.Encoder.load(new Uint8Array(await response.arrayBuffer()));
}

// A task boundary, so that a newer request's message is taken in.
const yieldToMessages = () => new Promise((resolve) => setTimeout(resolve, 0));

async function score({ id, sentences, workers = 1 }) {
  if (sentences.length === 0) return;
  let encoder;
  try {
    encoder = await (loading ??= load());
  } catch (error) {
    self.postMessage({ id, scoreError: String(error?.message ?? error) });
    return;
  }
  const total = sentences.length;
  // Sharing workers post as seldom each as one would for the whole article,
  // so the page's work on updates stays the same.
  const interval = Math.max(POST_EVERY_MS, total * workers * POST_MS_PER_SENTENCE) * workers;
  // Logits not yet posted, for sentences from `unsent` on.
  let unsent = 0;
  let held = [];
  let posted = performance.now();
  for (let from = 0; from < total; from += BATCH) {
    if (queued) return;
    const batch = sentences.slice(from, from + BATCH);
    try {
      held.push(...encoder.logits(batch));
    } catch (error) {
      self.postMessage({ id, scoreError: String(error?.message ?? error) });
      return;
    }
    const done = from + batch.length;
    if (done === total || performance.now() - posted >= interval) {
      const logits = Float32Array.from(held);
      self.postMessage({ id, scored: { from: unsent, logits, done, total } }, [logits.buffer]);
      unsent = done;
      held = [];
      posted = performance.now();
    }
    await yieldToMessages();
  }
}

async function drain() {
  busy = true;
  while (queued) {
    const request = queued;
    queued = null;
    await score(request);
  }
  busy = false;
}

self.onmessage = ({ data }) => {
  if (data?.packedModel) {
    packedModel = data.packedModel;
    return;
  }
  queued = data;
  if (!busy) drain();
};
