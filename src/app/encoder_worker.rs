//! The claims encoder's worker (`www/encoder-worker.js`): after an analysis
//! is on show, its claim sentences go there, and the raw logits come back a
//! batch at a time as [`Action::Scored`] (or [`Action::ScoringFailed`]); the
//! reducer turns them into scores and reasons through `claims::combine`.
//!
//! The page offers the worker by defining `window.annotatorEncoder()`
//! (`www/boot.js`); a page that does not (the single file without the model)
//! keeps the lexical scores and shows nothing about a model. The worker is
//! started on the first analysis, never before, so the weights load after
//! the first paint. A long article's sentences are shared among two or three
//! workers (see [`workers_for`]): the encoder gains nothing from batching on
//! one thread, so the only way to score a book faster is more threads.

use crate::analysis::claims::combine::claim_sentences;
use crate::analysis::Analysis;
use crate::app::analysis_worker::offered_worker;
use crate::app::state::{Action, ScoredBatch, State};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::UseReducerDispatcher;

/// A handler of the worker's events.
type Handler = Closure<dyn FnMut(web_sys::Event)>;

/// From this many claim sentences on, more than one worker scores them: at
/// 50-110 ms a sentence, one worker would take several seconds.
const SHARED_FROM: usize = 64;
/// Each worker holds its own copy of the model (about 92 MB of memory).
const MOST_WORKERS: usize = 3;

/// How many workers score `total` sentences: one for an ordinary article;
/// for a long one, one for each core but the page's own, two at least and
/// [`MOST_WORKERS`] at most.
fn workers_for(total: usize) -> usize {
    if total < SHARED_FROM {
        return 1;
    }
    let cores = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"navigator".into()).ok())
        .and_then(|n| js_sys::Reflect::get(&n, &"hardwareConcurrency".into()).ok())
        .and_then(|c| c.as_f64())
        .map_or(1, |c| c as usize);
    cores.saturating_sub(1).clamp(2, MOST_WORKERS)
}

/// One worker's part of the request being scored: a contiguous run of the
/// sentences, so that its batches arrive in order within it.
#[derive(Debug, Clone, Copy)]
struct Share {
    start: usize,
    done: usize,
}

pub struct EncoderWorker {
    dispatch: UseReducerDispatcher<State>,
    /// The workers started so far (more are started for a long article).
    workers: RefCell<Vec<web_sys::Worker>>,
    /// A worker could not start or run, or the page offers none: never ask again.
    unavailable: Cell<bool>,
    /// The request last sent, which a worker crash is reported against.
    last_request: Cell<u64>,
    /// That request's sentences, and each worker's share of them.
    total: Cell<usize>,
    shares: RefCell<Vec<Share>>,
    handlers: RefCell<Vec<Handler>>,
}

impl EncoderWorker {
    pub fn new(dispatch: UseReducerDispatcher<State>) -> Rc<EncoderWorker> {
        Rc::new(EncoderWorker {
            dispatch,
            workers: RefCell::new(Vec::new()),
            unavailable: Cell::new(false),
            last_request: Cell::new(0),
            total: Cell::new(0),
            shares: RefCell::new(Vec::new()),
            handlers: RefCell::new(Vec::new()),
        })
    }

    /// Scores the claim sentences of `analysis` (of `text`), the answer to
    /// `request`, which must already be dispatched. Any earlier request's
    /// scoring stops at its next batch.
    pub fn score(self: &Rc<Self>, request: u64, text: &str, analysis: &Analysis) {
        let sentences = claim_sentences(text, analysis);
        let total = sentences.len();
        if total == 0 || !self.started(workers_for(total)) {
            return;
        }
        let workers = self.workers.borrow().clone();
        let count = workers.len().min(workers_for(total));
        let per = total.div_ceil(count);
        self.last_request.set(request);
        self.total.set(total);
        *self.shares.borrow_mut() = (0..count)
            .map(|i| Share {
                start: i * per,
                done: 0,
            })
            .collect();
        self.dispatch.dispatch(Action::Scored {
            request,
            batch: ScoredBatch {
                from: 0,
                logits: Vec::new(),
                done: 0,
                total,
            },
        });
        for (worker, share) in workers.iter().zip(sentences.chunks(per)) {
            let list = js_sys::Array::new();
            for sentence in share {
                list.push(&JsValue::from_str(sentence));
            }
            if !post(worker, request, &list, count) {
                self.failed(request, "its worker refused the sentences".to_string());
                return;
            }
        }
    }

    /// Stops scoring the analysis on show at the encoder's next batch: a new
    /// analysis is under way, which makes it moot and needs the processor.
    pub fn stop(&self, request: u64) {
        for worker in self.workers.borrow().iter() {
            let _ = post(worker, request, &js_sys::Array::new(), 1);
        }
    }

    /// Whether at least one worker runs, starting up to `wanted` on first
    /// need (a page that offers none, or one that fails to start, leaves
    /// the lexical scores).
    fn started(self: &Rc<Self>, wanted: usize) -> bool {
        if self.unavailable.get() {
            return false;
        }
        while self.workers.borrow().len() < wanted {
            match offered_worker("annotatorEncoder") {
                Some(worker) => self.attach(worker),
                None => break,
            }
        }
        if self.workers.borrow().is_empty() {
            self.unavailable.set(true);
            return false;
        }
        true
    }

    fn attach(self: &Rc<Self>, worker: web_sys::Worker) {
        let index = self.workers.borrow().len();
        // Weak: the handlers live in this struct.
        let on_message = {
            let this = Rc::downgrade(self);
            Handler::new(move |event: web_sys::Event| {
                if let (Some(this), Some(event)) =
                    (this.upgrade(), event.dyn_ref::<web_sys::MessageEvent>())
                {
                    this.replied(index, &event.data());
                }
            })
        };
        let on_error = {
            let this = Rc::downgrade(self);
            Handler::new(move |event: web_sys::Event| {
                event.prevent_default();
                if let Some(this) = this.upgrade() {
                    this.failed(this.last_request.get(), "its worker stopped".to_string());
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.handlers.borrow_mut().extend([on_message, on_error]);
        self.workers.borrow_mut().push(worker);
    }

    /// From worker `index`: `{ id, scored: { from, logits, done, total } }`
    /// (counted within its share) or `{ id, scoreError }`.
    fn replied(&self, index: usize, data: &JsValue) {
        // A message from a worker already given up on is dropped.
        if self.unavailable.get() {
            return;
        }
        let field = |value: &JsValue, key: &str| {
            js_sys::Reflect::get(value, &key.into()).unwrap_or_default()
        };
        let Some(request) = field(data, "id").as_f64().map(|id| id as u64) else {
            return;
        };
        if let Some(message) = field(data, "scoreError").as_string() {
            self.failed(request, message);
            return;
        }
        // An earlier request's last batch: its shares are gone.
        if request != self.last_request.get() {
            return;
        }
        let scored = field(data, "scored");
        let count = |key: &str| field(&scored, key).as_f64().map(|n| n as usize);
        let logits = field(&scored, "logits")
            .dyn_into::<js_sys::Float32Array>()
            .ok()
            .map(|array| array.to_vec());
        let (Some(from), Some(done), Some(logits)) = (count("from"), count("done"), logits) else {
            return;
        };
        let batch = {
            let mut shares = self.shares.borrow_mut();
            let Some(share) = shares.get_mut(index) else {
                return;
            };
            share.done = done;
            let start = share.start;
            ScoredBatch {
                from: start + from,
                logits,
                done: shares.iter().map(|s| s.done).sum(),
                total: self.total.get(),
            }
        };
        self.dispatch.dispatch(Action::Scored { request, batch });
    }

    /// The model cannot load or run: the lexical scores stay, with a note,
    /// and no later analysis tries again (a reload does), so the page never
    /// shows progress that cannot finish.
    fn failed(&self, request: u64, message: String) {
        for worker in self.workers.borrow_mut().drain(..) {
            worker.terminate();
        }
        self.unavailable.set(true);
        self.dispatch
            .dispatch(Action::ScoringFailed { request, message });
    }
}

/// Posts `{ id: request, sentences, workers }` to `worker` (no sentences:
/// stop; `workers`: how many share the request, which spaces its updates).
fn post(worker: &web_sys::Worker, request: u64, sentences: &js_sys::Array, workers: usize) -> bool {
    let message = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&message, &key.into(), value);
    set("id", &JsValue::from_f64(request as f64)).is_ok()
        && set("sentences", sentences).is_ok()
        && set("workers", &JsValue::from_f64(workers as f64)).is_ok()
        && worker.post_message(&message).is_ok()
}
