// The annotator's JS API: find claims, quotes and boilerplate in any text or
// any element of a page, offline, with the same WebAssembly core as the app.
//
//   import { init, annotate, toWebAnnotations, highlight, unhighlight } from './annotator.js';
//   await init();                                        // then warms up while the page is idle
//   const found = annotate(text, { threshold: 0.5 });   // offsets in code points and UTF-16
//   const scored = await annotateWithModel(text);       // claims scored by the language model
//   const { text, annotations } = annotateHtml(html);   // HTML rendered; its markup used
//   highlight(document.querySelector('article'));       // wraps matches in <mark data-kind=…>
//   unhighlight(document.querySelector('article'));     // restores the DOM exactly
//
// Nothing here fetches anything but the module's own .wasm file and, for
// annotateWithModel() only, the language model beside it (encoder/).

import initWasm, * as wasm from './article_annotator.js';

let loading = null;
let ready = false;

/**
 * Loads the WebAssembly module once; `wasmUrl` overrides where it is. Then,
 * unless `{ warmUp: false }`, starts `warmUp()` in the page's idle time.
 */
export async function init(wasmUrl, { warmUp: warm = true } = {}) {
  loading ??= initWasm(wasmUrl ? { module_or_path: wasmUrl } : undefined).then(() => {
    ready = true;
  });
  await loading;
  if (warm) warmUp();
}

function needInit(name) {
  if (!ready) throw new Error(`annotator.${name}: call \`await init()\` first`);
}

/** A call of the page's own: from now on its texts keep the code warm. */
function startCall(name) {
  needInit(name);
  calledByPage = true;
}

// Browsers run new WebAssembly through a quick baseline compiler and
// optimise a function only once it has run a while, and the annotator's
// tables are built on first use: a page's first annotate() of a long text
// took several times as long as the next (`scripts/bench` measures both).
// So while the page is idle after init(), the annotator analyses a made-up
// article (src/analysis/warm_up.rs) in short rounds, one idle callback each, and
// stops at the first real call or when the page hides.
const WARM_UP_ROUNDS = 20;
const WARM_UP_PARAGRAPHS = 10;
let calledByPage = false;
let warming = null;

// requestIdleCallback is missing in some browsers (Safari): a zero timeout
// still yields to the page between rounds.
const whenIdle = globalThis.requestIdleCallback?.bind(globalThis) ?? ((callback) => setTimeout(callback, 0));

/**
 * Warms the annotator's code in idle time (see above); `init()` starts this
 * itself unless told not to. Resolves with the number of rounds run: fewer
 * than the full count when a real call came first.
 */
export function warmUp() {
  needInit('warmUp');
  warming ??= new Promise((resolve) => {
    let rounds = 0;
    const round = () => {
      if (calledByPage || rounds === WARM_UP_ROUNDS || globalThis.document?.visibilityState === 'hidden') {
        resolve(rounds);
        return;
      }
      wasm.warm_up(WARM_UP_PARAGRAPHS);
      rounds += 1;
      whenIdle(round);
    };
    whenIdle(round);
  });
  return warming;
}


/** Annotations of `text`: see annotator.d.ts for the shape. */
export function annotate(text, options) {
  startCall('annotate');
  if (typeof text !== 'string') throw new TypeError('annotate(text): text must be a string');
  return wasm.annotate(text, options ?? undefined);
}

// The language model (the claims encoder: encoder-worker.js and encoder/,
// about 23 MB of weights) runs in a worker of its own, started on the first
// annotateWithModel() call and never before, so that a page which only
// calls annotate() downloads nothing more. The worker takes the newest
// request and drops an older one between batches (what the app wants when
// its reader pastes again), so calls here take turns: each resolves.
let encoderWorker = null;
let encoderRequests = 0;
let encoderTurn = Promise.resolve();

/** The encoder's raw logit for each of `sentences`, from its worker. */
function encoderLogits(sentences, onProgress) {
  const scored = encoderTurn.then(() => new Promise((resolve, reject) => {
    const worker = encoderWorker ??= new Worker(new URL('./encoder-worker.js', import.meta.url), { type: 'module' });
    const id = ++encoderRequests;
    const logits = new Float32Array(sentences.length);
    const finish = () => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
    };
    const fail = (why) => {
      finish();
      reject(new Error(`annotator.annotateWithModel: the language model could not run: ${why}`));
    };
    const onMessage = ({ data }) => {
      if (data?.id !== id) return;
      if (data.scoreError !== undefined) {
        fail(data.scoreError);
        return;
      }
      const { from, logits: batch, done, total } = data.scored;
      logits.set(batch, from);
      if (onProgress) onProgress({ done, total });
      if (done === total) {
        finish();
        resolve(logits);
      }
    };
    // A worker that cannot start (encoder-worker.js not served) is dropped,
    // so that a later call tries again.
    const onError = (event) => {
      event.preventDefault();
      if (encoderWorker === worker) encoderWorker = null;
      worker.terminate();
      fail(event.message || 'its worker (encoder-worker.js) did not start');
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage({ id, sentences });
  }));
  encoderTurn = scored.catch(() => {});
  return scored;
}

/**
 * Annotations of `text` as `annotate` finds them, with every claim sentence
 * rescored by the language model (see annotator.d.ts). Resolves once all are
 * scored; `options.onProgress({ done, total })` hears of each batch.
 */
export async function annotateWithModel(text, options) {
  startCall('annotateWithModel');
  if (typeof text !== 'string') throw new TypeError('annotateWithModel(text): text must be a string');
  const { onProgress, ...rest } = options ?? {};
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new TypeError('annotateWithModel: options.onProgress must be a function');
  }
  const analysisOptions = options == null ? undefined : rest;
  // Bad options fail here, before the model loads.
  const sentences = wasm.claim_sentences(text, analysisOptions);
  const logits = sentences.length === 0 ? new Float32Array(0) : await encoderLogits(sentences, onProgress);
  return wasm.annotate_scored(text, analysisOptions, logits);
}

/**
 * `html` (a page, a fragment, a clipboard's text/html) rendered to the text a
 * browser shows, and that text's annotations, its markup (<nav>, captions,
 * class names such as "newsletter") weighed as boilerplate evidence. The
 * HTML is only parsed as a string in WebAssembly: it never enters the DOM.
 */
export function annotateHtml(html, options) {
  startCall('annotateHtml');
  if (typeof html !== 'string') throw new TypeError('annotateHtml(html): html must be a string');
  return wasm.annotate_html(html, options ?? undefined);
}

/** W3C Web Annotation JSON-LD (an AnnotationCollection) for `annotations` of `text`. */
export function toWebAnnotations(text, annotations) {
  startCall('toWebAnnotations');
  if (typeof text !== 'string') throw new TypeError('toWebAnnotations(text, …): text must be a string');
  return wasm.to_web_annotations(text, annotations);
}

// Elements whose text is not prose a reader sees.
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION',
  'svg', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'VIDEO', 'AUDIO', 'HEAD']);
// Elements that start and end a line, as the browser renders them.
const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL']);
const KINDS = ['claim', 'quote', 'boilerplate'];
// Where annotations overlap, the longer one is the outer mark (a quote inside
// a claim sentence stays visible); for equal spans, this order decides.
const NESTING = { boilerplate: 0, quote: 1, claim: 2 };
const span = (annotation) => annotation.end16 - annotation.start16;

const highlighted = new WeakMap();

/**
 * The element's text as a reader sees it: runs of white space collapsed,
 * a line break at every block boundary and <br>. `at[i]` is the text node
 * and offset of UTF-16 unit i of `text`, or null for a line break we added.
 */
function readableText(root) {
  let text = '';
  let last = ''; // the last unit emitted: checked per unit, so no rescans
  const at = [];
  let lineBreakDue = false;
  const emit = (unit, node, offset) => {
    text += unit;
    last = unit;
    at.push(node ? { node, offset } : null);
  };
  const breakLine = () => {
    if (last && last !== '\n') emit('\n', null, 0);
    lineBreakDue = false;
  };
  const walk = (node, preformatted) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const data = child.data;
        for (let i = 0; i < data.length; i++) {
          const unit = data[i];
          if (!preformatted && (unit === ' ' || unit === '\n' || unit === '\t' || unit === '\r' || unit === '\f')) {
            if (last && last !== ' ' && last !== '\n' && !lineBreakDue) emit(' ', child, i);
            continue;
          }
          if (lineBreakDue) breakLine();
          emit(unit, child, i);
        }
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = child.tagName;
        if (SKIPPED.has(tag) || child.hidden || child.getAttribute('aria-hidden') === 'true') continue;
        if (tag === 'BR') {
          breakLine();
          continue;
        }
        const block = BLOCKS.has(tag);
        if (block) lineBreakDue = true;
        walk(child, preformatted || tag === 'PRE');
        if (block) lineBreakDue = true;
      }
    }
  };
  walk(root, false);
  // A trailing collapsed space is not text a reader sees.
  while (text.endsWith(' ') || text.endsWith('\n')) {
    text = text.slice(0, -1);
    at.pop();
  }
  return { text, at };
}

/**
 * Annotates the text of `element` and wraps every match in
 * `<mark data-kind="claim|quote|boilerplate">`, across inline markup, without
 * replacing any element of the page. Returns `{ text, annotations }`, the
 * offsets referring to `text`. Calling it again first undoes the last call.
 */
export function highlight(element, options = {}) {
  startCall('highlight');
  if (!(element instanceof Element)) throw new TypeError('highlight(element): element must be a DOM Element');
  unhighlight(element);
  const kinds = new Set(options.kinds ?? KINDS);
  const { text, at } = readableText(element);
  const annotations = annotate(text, { threshold: options.threshold });
  const shown = annotations
    .map((annotation, index) => ({ annotation, index }))
    .filter(({ annotation }) => kinds.has(annotation.kind));

  // Per text node: the node-offset ranges each annotation covers.
  const perNode = new Map();
  for (const { annotation, index } of shown) {
    let run = null;
    for (let i = annotation.start16; i < annotation.end16; i++) {
      const place = at[i];
      if (!place) continue;
      if (run && run.node === place.node && place.offset >= run.end) {
        run.end = place.offset + 1;
        continue;
      }
      run = { node: place.node, start: place.offset, end: place.offset + 1, annotation, index };
      if (!perNode.has(place.node)) perNode.set(place.node, []);
      perNode.get(place.node).push(run);
    }
  }

  const record = { splits: [], marks: [] };
  for (const [node, runs] of perNode) wrapRuns(node, runs, record);
  highlighted.set(element, record);
  return { text, annotations };
}

/**
 * Cuts one text node at every run boundary and wraps each covered piece, in
 * time linear in the node's length plus its runs: the pieces after the first
 * are new text nodes sliced once from the original data (splitText from the
 * end copied the node's remaining text at every cut, and looking up each
 * piece's runs scanned them all: one <p> of 32,000 short sentences took
 * 22-44 s). The original node stays in the page as the first piece, so
 * `unhighlight` can join the pieces back into it.
 */
function wrapRuns(node, runs, record) {
  const data = node.data;
  const cuts = new Set([0, data.length]);
  for (const run of runs) {
    cuts.add(run.start);
    cuts.add(run.end);
  }
  const points = Float64Array.from(cuts).sort();
  const byStart = runs.slice().sort((a, b) => a.start - b.start);
  const parent = node.parentNode;
  // What stands where the node stood: the node, or the marks around it.
  let head = node;
  const pieces = document.createDocumentFragment();
  const parts = [node];
  let active = [];
  let next = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const [from, to] = [points[k], points[k + 1]];
    // Runs start and end on cuts: those open here cover the whole piece.
    if (active.length) active = active.filter((run) => run.end > from);
    while (next < byStart.length && byStart[next].start <= from) {
      if (byStart[next].end > from) active.push(byStart[next]);
      next += 1;
    }
    const piece = k === 0 ? node : document.createTextNode(data.slice(from, to));
    if (k > 0) parts.push(piece);
    // Outermost first: the longest span, then by kind.
    const covering = active.slice().sort((a, b) => span(b.annotation) - span(a.annotation)
      || NESTING[a.annotation.kind] - NESTING[b.annotation.kind]);
    let outer = piece;
    let inner = null;
    for (const run of covering) {
      const mark = markFor(run);
      record.marks.push(mark);
      if (inner) inner.appendChild(mark);
      else outer = mark;
      inner = mark;
    }
    if (k === 0) {
      if (inner) {
        parent.insertBefore(outer, node);
        inner.appendChild(node);
        head = outer;
      }
    } else {
      if (inner) inner.appendChild(piece);
      pieces.appendChild(outer);
    }
  }
  if (parts.length > 1) {
    node.data = data.slice(0, points[1]);
    parent.insertBefore(pieces, head.nextSibling);
    record.splits.push(parts);
  }
}

function markFor({ annotation, index }) {
  const mark = document.createElement('mark');
  mark.dataset.kind = annotation.kind;
  mark.dataset.annotation = String(index);
  mark.dataset.score = annotation.score.toFixed(2);
  const who = annotation.speaker ? ` — ${annotation.speaker.resolved ?? annotation.speaker.text}` : '';
  mark.title = `${annotation.kind} ${annotation.score.toFixed(2)}: ${annotation.reasons.join(', ')}${who}`;
  return mark;
}

/** Removes what `highlight` added to `element`, restoring its nodes exactly. */
export function unhighlight(element) {
  const record = highlighted.get(element);
  if (!record) return;
  highlighted.delete(element);
  for (const mark of record.marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
  }
  // Join every split text node back into the node it was split from.
  for (const [original, ...rest] of record.splits) {
    original.data = [original, ...rest].map((part) => part.data).join('');
    for (const part of rest) part.remove();
  }
}
