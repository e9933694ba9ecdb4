//! Where the analysis runs: in a Web Worker when the page offers one, so a
//! long text never freezes the page, and otherwise here on the main thread,
//! exactly as before (the wasm tests, a browser without module workers).
//!
//! The reducer stays pure: [`Analyser::request`] is the effect. It numbers
//! each request and dispatches [`Action::Analysing`] (the page shows it is
//! busy), then [`Action::Analysed`] with the reply; the reducer drops a
//! reply that is not for the latest request. The page offers a worker by
//! defining `window.annotatorWorker()`, returning a started `Worker` that
//! speaks the protocol of `www/worker.js` (`www/boot.js` and the single-file
//! build each define one for how they load the wasm). Each analysis on show
//! then goes to the claims encoder ([`EncoderWorker`]).

use crate::analysis::document::Article;
use crate::analysis::{self, Analysis, MarkupHint};
use crate::app::encoder_worker::EncoderWorker;
use crate::app::marks;
use crate::app::request;
use crate::app::state::{Action, Opening, State};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::UseReducerDispatcher;

/// A handler of the worker's events.
type Handler = Closure<dyn FnMut(web_sys::Event)>;

/// What an analysis is for, which decides the action its reply becomes.
enum Purpose {
    /// The editor's text; `pasted_markup`: a rich paste's own hints, for the
    /// article (None: a plain request).
    Analyse {
        pasted_markup: Option<Vec<MarkupHint>>,
    },
    /// Opening this saved article, shown once its text is analysed.
    Open(Box<Article>, Opening),
}

/// A request posted to the worker and not yet answered.
struct InFlight {
    id: u64,
    text: String,
    /// The hints the analysis weighs.
    markup: Vec<MarkupHint>,
    purpose: Purpose,
    posted: f64,
}

impl InFlight {
    /// Dispatches `analysis`, the answer to this request, then hands its
    /// claim sentences to the encoder, which rescores them after this paint.
    fn deliver(
        self,
        analysis: Analysis,
        dispatch: &UseReducerDispatcher<State>,
        encoder: &Rc<EncoderWorker>,
    ) {
        let analysis = Rc::new(analysis);
        let (id, text) = (self.id, self.text.clone());
        dispatch.dispatch(self.answered(analysis.clone()));
        encoder.score(id, &text, &analysis);
    }

    /// The action that delivers `analysis`, the answer to this request.
    fn answered(self, analysis: Rc<Analysis>) -> Action {
        match self.purpose {
            Purpose::Analyse { pasted_markup } => Action::Analysed {
                request: self.id,
                text: self.text,
                analysis,
                markup: pasted_markup,
            },
            Purpose::Open(article, opening) => Action::Opened {
                request: self.id,
                article,
                analysis,
                opening,
            },
        }
    }
}

pub struct Analyser {
    dispatch: UseReducerDispatcher<State>,
    /// Scores each analysis' claims again with the language model.
    encoder: Rc<EncoderWorker>,
    worker: RefCell<Option<web_sys::Worker>>,
    in_flight: RefCell<Option<InFlight>>,
    last_id: Cell<u64>,
    /// The worker's handlers, alive as long as the analyser.
    handlers: RefCell<Vec<Handler>>,
}

impl Analyser {
    /// An analyser dispatching to `dispatch`, with the page's worker if it
    /// offers one that starts.
    pub fn new(dispatch: UseReducerDispatcher<State>) -> Rc<Analyser> {
        let analyser = Rc::new(Analyser {
            encoder: EncoderWorker::new(dispatch.clone()),
            dispatch,
            worker: RefCell::new(None),
            in_flight: RefCell::new(None),
            last_id: Cell::new(0),
            handlers: RefCell::new(Vec::new()),
        });
        if let Some(worker) = offered_worker("annotatorWorker") {
            analyser.attach(worker);
        }
        analyser
    }

    /// Whether analyses run in a worker (false: on this thread).
    pub fn in_worker(&self) -> bool {
        self.worker.borrow().is_some()
    }

    fn attach(self: &Rc<Self>, worker: web_sys::Worker) {
        // Weak: the handlers live in the analyser, so a strong reference
        // from them would keep it alive for ever.
        let on_message = {
            let analyser = Rc::downgrade(self);
            Handler::new(move |event: web_sys::Event| {
                if let (Some(analyser), Some(event)) =
                    (analyser.upgrade(), event.dyn_ref::<web_sys::MessageEvent>())
                {
                    analyser.replied(&event.data());
                }
            })
        };
        let on_error = {
            let analyser = Rc::downgrade(self);
            Handler::new(move |event: web_sys::Event| {
                event.prevent_default();
                if let Some(analyser) = analyser.upgrade() {
                    analyser.failed();
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        *self.handlers.borrow_mut() = vec![on_message, on_error];
        *self.worker.borrow_mut() = Some(worker);
    }

    /// Analyses `text` (as pasted); `pasted_markup`: a rich paste's hints
    /// (None: a plain request, which weighs the hints `kept` returns for the
    /// normalised text, those of the open article when it is that text).
    /// The result arrives as [`Action::Analysed`].
    pub fn request(
        self: &Rc<Self>,
        text: String,
        pasted_markup: Option<Vec<MarkupHint>>,
        kept: &dyn Fn(&str) -> Vec<MarkupHint>,
    ) {
        let kept_for = |text: &str| kept(text);
        match request::prepare(&text, pasted_markup, &kept_for) {
            // Nothing to analyse, or too much: the reducer says so at once.
            Err(problem) => self.dispatch.dispatch(Action::InputProblem(problem)),
            Ok(prepared) => {
                let pasted_markup = prepared.pasted_markup;
                self.start(
                    prepared.text,
                    prepared.markup,
                    Purpose::Analyse { pasted_markup },
                );
            }
        }
    }

    /// Opens a saved article: its text is analysed (in the worker when there
    /// is one, so opening a book does not freeze the page) and the article
    /// arrives with the analysis as [`Action::Opened`].
    pub fn open(self: &Rc<Self>, article: Article, opening: Opening) {
        let text = article.text.clone();
        let markup = article.markup.clone();
        self.start(text, markup, Purpose::Open(Box::new(article), opening));
    }

    /// Numbers a request, says the page is busy, and hands the request to
    /// the worker or, without one, to this thread.
    fn start(self: &Rc<Self>, text: String, markup: Vec<MarkupHint>, purpose: Purpose) {
        let id = self.last_id.get() + 1;
        self.last_id.set(id);
        marks::begin(id);
        self.dispatch.dispatch(Action::Analysing(id));
        self.encoder.stop(id);
        let request = InFlight {
            id,
            text,
            markup,
            purpose,
            posted: marks::now(),
        };
        if self.post(id, &request.text, &request.markup) {
            *self.in_flight.borrow_mut() = Some(request);
        } else {
            *self.in_flight.borrow_mut() = None;
            self.here(request);
        }
    }

    /// Posts a request to the worker; false when there is none or it refused.
    fn post(&self, id: u64, text: &str, markup: &[MarkupHint]) -> bool {
        let worker = self.worker.borrow();
        let Some(worker) = worker.as_ref() else {
            return false;
        };
        let markup = if markup.is_empty() {
            String::new()
        } else {
            serde_json::to_string(markup).unwrap_or_default()
        };
        let message = js_sys::Object::new();
        let set = |key: &str, value: JsValue| js_sys::Reflect::set(&message, &key.into(), &value);
        let built = set("id", JsValue::from_f64(id as f64)).is_ok()
            && set("text", text.into()).is_ok()
            && set("markup", markup.into()).is_ok();
        built && worker.post_message(&message).is_ok()
    }

    /// Analyses on this thread, after the next frame so that the busy
    /// indicator is painted before the thread is taken.
    fn here(self: &Rc<Self>, request: InFlight) {
        let dispatch = self.dispatch.clone();
        let encoder = self.encoder.clone();
        marks::after_paint(move || {
            let started = marks::now();
            let analysis = analysis::annotate_with_markup(&request.text, &request.markup);
            marks::measure("analysis", started, marks::now());
            request.deliver(analysis, &dispatch, &encoder);
        });
    }

    /// The worker answered: `{ id, analysis, ms }` or `{ id, error }`.
    fn replied(self: &Rc<Self>, data: &JsValue) {
        let field = |key: &str| js_sys::Reflect::get(data, &key.into()).unwrap_or_default();
        let id = field("id").as_f64().unwrap_or(-1.0);
        let request = {
            let mut in_flight = self.in_flight.borrow_mut();
            match in_flight.as_ref() {
                Some(request) if request.id as f64 == id => in_flight.take(),
                // A reply to an older request: a newer one superseded it.
                _ => None,
            }
        };
        let Some(request) = request else {
            return;
        };
        let received = marks::now();
        let analysis = field("analysis")
            .dyn_into::<js_sys::Uint8Array>()
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Analysis>(&bytes.to_vec()).ok());
        marks::measure("analysis-decode", received, marks::now());
        match analysis {
            Some(analysis) => {
                let ms = field("ms").as_f64().unwrap_or(0.0);
                marks::measure("analysis", received - ms, received);
                marks::measure("analysis-roundtrip", request.posted, received);
                // Reading the reply and drawing it are two tasks, so that
                // neither holds the page for the length of both.
                let dispatch = self.dispatch.clone();
                let encoder = self.encoder.clone();
                gloo::timers::callback::Timeout::new(0, move || {
                    request.deliver(analysis, &dispatch, &encoder);
                })
                .forget();
            }
            None => {
                // The worker could not analyse it: never leave the reader
                // waiting; do it here.
                gloo::console::warn!("analysis worker failed; analysing on the page");
                self.here(request);
            }
        }
    }

    /// The worker could not start or crashed: analyse here from now on,
    /// starting with the request it held.
    fn failed(self: &Rc<Self>) {
        if let Some(worker) = self.worker.borrow_mut().take() {
            worker.terminate();
        }
        gloo::console::warn!("no analysis worker; analysing on the page");
        if let Some(request) = self.in_flight.borrow_mut().take() {
            self.here(request);
        }
    }
}

/// The worker `window[factory]()` starts (`annotatorWorker`,
/// `annotatorEncoder`), if the page defines it and it starts.
pub fn offered_worker(factory: &str) -> Option<web_sys::Worker> {
    let window = web_sys::window()?;
    let factory = js_sys::Reflect::get(&window, &factory.into()).ok()?;
    let factory = factory.dyn_ref::<js_sys::Function>()?;
    match factory.call0(&JsValue::NULL) {
        Ok(worker) => worker.dyn_into::<web_sys::Worker>().ok(),
        Err(error) => {
            gloo::console::warn!("no worker:", error);
            None
        }
    }
}
