// Types of the annotator's JS API (annotator.js).

export type Kind = 'claim' | 'quote' | 'boilerplate';

export interface Speaker {
  /** Code-point offsets of the mention, end exclusive (W3C TextPositionSelector). */
  start: number;
  end: number;
  /** UTF-16 offsets of the mention, for String.prototype.slice and DOM Ranges. */
  start16: number;
  end16: number;
  /** The mention as written ("the presidency", "he"). */
  text: string;
  /** The name a pronoun was resolved to, when it was one. */
  resolved?: string;
}

/** Whether a reason raised the annotation's score, lowered it, or only describes it. */
export type Direction = 'raised' | 'lowered' | 'neutral';

export interface Annotation {
  kind: Kind;
  /** Code-point offsets, end exclusive. */
  start: number;
  end: number;
  /** UTF-16 offsets, end exclusive: `text.slice(start16, end16)` is the annotated text. */
  start16: number;
  end16: number;
  /** Confidence in [0, 1]; for claims, the check-worthiness score. */
  score: number;
  /** Short names of the cues that decided it ("number", "reporting verb 'said'"). */
  reasons: string[];
  /**
   * How each reason moved the score, in the same order as `reasons`: absent when every
   * one is neutral (so `directions?.[i] ?? 'neutral'`).
   */
  directions?: Direction[];
  /** For quotes, who said it; for claims inside a quote, the claim's author. */
  speaker?: Speaker;
}

export interface AnnotateOptions {
  /** Show claims scoring at least this (0 to 1). */
  threshold?: number;
}

export interface HighlightOptions extends AnnotateOptions {
  /** Which kinds to mark; all three by default. */
  kinds?: Kind[];
}

export interface InitOptions {
  /** Warm the code up in the page's idle time after loading (default true): see `warmUp`. */
  warmUp?: boolean;
}

/**
 * Loads the WebAssembly module (once). Pass a URL if the .wasm is not beside
 * annotator.js (`undefined` to keep the default and still pass options).
 */
export function init(wasmUrl?: string | URL, options?: InitOptions): Promise<void>;

/**
 * Analyses a made-up article in short rounds while the page is idle, so that
 * the browser has optimised the code before the page's first real call (a
 * page's first `annotate()` of a long text otherwise takes several times as
 * long as the next). Stops at the first call of `annotate`, `annotateHtml`,
 * `annotateWithModel`, `highlight` or `toWebAnnotations`, or when the page is hidden. `init()`
 * starts it unless `{ warmUp: false }`; calling it again returns the same
 * promise. Resolves with the number of rounds run.
 */
export function warmUp(): Promise<number>;

/** Finds claims, quotes and boilerplate in `text`. */
export function annotate(text: string, options?: AnnotateOptions): Annotation[];

export interface ModelOptions extends AnnotateOptions {
  /** Called after each batch the language model scores: `done` of `total` claim sentences. */
  onProgress?: (progress: { done: number; total: number }) => void;
}

/**
 * `annotate`, with every claim sentence rescored by the fine-tuned language
 * model (the claims encoder, as the app and the CLI use by default): better
 * claims, at about 50-110 ms a sentence in a worker of its own. The model
 * (`encoder-worker.js` and `encoder/`, about 23 MB, from the same place as
 * annotator.js) loads on the first call, never before. Calls take turns.
 * Rejects when the model cannot load or run (`annotate` still works).
 */
export function annotateWithModel(text: string, options?: ModelOptions): Promise<Annotation[]>;

/**
 * Renders `html` (a page, a fragment, a clipboard's text/html) to the text a
 * browser shows and annotates it, using the markup (<nav>, <footer>, figure
 * captions, class names such as "share" or "newsletter", link-dense lines) as
 * boilerplate evidence. Offsets count in the returned `text`.
 */
export function annotateHtml(html: string, options?: AnnotateOptions): { text: string; annotations: Annotation[] };

/** W3C Web Annotation JSON-LD (an AnnotationCollection) for `annotations` of `text`. */
export function toWebAnnotations(text: string, annotations: Annotation[]): object;

/**
 * Annotates the text of `element` as a reader sees it and wraps each match in
 * `<mark data-kind="…" data-score="…">` across inline markup. Offsets refer to `text`.
 */
export function highlight(element: Element, options?: HighlightOptions): { text: string; annotations: Annotation[] };

/** Undoes `highlight` on `element`, restoring its DOM exactly. */
export function unhighlight(element: Element): void;
