//! The claims encoder's worker (`www/encoder-worker.js`): after an analysis
//! is on show, its claim sentences go there, and the raw logits come back a
//! batch at a time as [`Action::Scored`] (or [`Action::ScoringFailed`]); the
//! reducer turns them into scores and reasons through `claims::combine`.
//!
//! The page offers the worker by defining `window.annotatorEncoder()`
//! (`www/boot.js`); a page that does not (the single file without the model)
//! keeps the lexical scores and shows nothing about a model. The worker is
//! started on the first analysis, never before, so the weights load after
//! the first paint.

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

pub struct EncoderWorker {
    dispatch: UseReducerDispatcher<State>,
    worker: RefCell<Option<web_sys::Worker>>,
    /// The worker could not start, or the page offers none: never ask again.
    unavailable: Cell<bool>,
    /// The request last sent, which a worker crash is reported against.
    last_request: Cell<u64>,
    handlers: RefCell<Vec<Handler>>,
}

impl EncoderWorker {
    pub fn new(dispatch: UseReducerDispatcher<State>) -> Rc<EncoderWorker> {
        Rc::new(EncoderWorker {
            dispatch,
            worker: RefCell::new(None),
            unavailable: Cell::new(false),
            last_request: Cell::new(0),
            handlers: RefCell::new(Vec::new()),
        })
    }

    /// Scores the claim sentences of `analysis` (of `text`), the answer to
    /// `request`, which must already be dispatched. Any earlier request's
    /// scoring stops at its next batch.
    pub fn score(self: &Rc<Self>, request: u64, text: &str, analysis: &Analysis) {
        let sentences = claim_sentences(text, analysis);
        if sentences.is_empty() || !self.started() {
            return;
        }
        let total = sentences.len();
        self.last_request.set(request);
        self.dispatch.dispatch(Action::Scored {
            request,
            batch: ScoredBatch {
                from: 0,
                logits: Vec::new(),
                done: 0,
                total,
            },
        });
        let list = js_sys::Array::new();
        for sentence in sentences {
            list.push(&JsValue::from_str(sentence));
        }
        let message = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&message, &key.into(), value);
        let built = set("id", &JsValue::from_f64(request as f64)).is_ok()
            && set("sentences", &list).is_ok();
        let posted = built
            && self
                .worker
                .borrow()
                .as_ref()
                .is_some_and(|worker| worker.post_message(&message).is_ok());
        if !posted {
            self.failed(request, "its worker refused the sentences".to_string());
        }
    }

    /// Stops scoring the analysis on show at the encoder's next batch: a new
    /// analysis is under way, which makes it moot and needs the processor.
    pub fn stop(&self, request: u64) {
        let Some(worker) = self.worker.borrow().as_ref().cloned() else {
            return;
        };
        let message = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&message, &key.into(), value);
        if set("id", &JsValue::from_f64(request as f64)).is_ok()
            && set("sentences", &js_sys::Array::new()).is_ok()
        {
            let _ = worker.post_message(&message);
        }
    }

    /// Whether the worker runs, starting it on first use.
    fn started(self: &Rc<Self>) -> bool {
        if self.worker.borrow().is_some() {
            return true;
        }
        if self.unavailable.get() {
            return false;
        }
        match offered_worker("annotatorEncoder") {
            Some(worker) => {
                self.attach(worker);
                true
            }
            None => {
                self.unavailable.set(true);
                false
            }
        }
    }

    fn attach(self: &Rc<Self>, worker: web_sys::Worker) {
        // Weak: the handlers live in this struct.
        let on_message = {
            let this = Rc::downgrade(self);
            Handler::new(move |event: web_sys::Event| {
                if let (Some(this), Some(event)) =
                    (this.upgrade(), event.dyn_ref::<web_sys::MessageEvent>())
                {
                    this.replied(&event.data());
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
        *self.handlers.borrow_mut() = vec![on_message, on_error];
        *self.worker.borrow_mut() = Some(worker);
    }

    /// `{ id, scored: { from, logits, done, total } }` or `{ id, scoreError }`.
    fn replied(&self, data: &JsValue) {
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
        let scored = field(data, "scored");
        let count = |key: &str| field(&scored, key).as_f64().map(|n| n as usize);
        let logits = field(&scored, "logits")
            .dyn_into::<js_sys::Float32Array>()
            .ok()
            .map(|array| array.to_vec());
        if let (Some(from), Some(done), Some(total), Some(logits)) =
            (count("from"), count("done"), count("total"), logits)
        {
            self.dispatch.dispatch(Action::Scored {
                request,
                batch: ScoredBatch {
                    from,
                    logits,
                    done,
                    total,
                },
            });
        }
    }

    /// The model cannot load or run: the lexical scores stay, with a note,
    /// and no later analysis tries again (a reload does), so the page never
    /// shows progress that cannot finish.
    fn failed(&self, request: u64, message: String) {
        if let Some(worker) = self.worker.borrow_mut().take() {
            worker.terminate();
        }
        self.unavailable.set(true);
        self.dispatch
            .dispatch(Action::ScoringFailed { request, message });
    }
}
