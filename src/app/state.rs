//! The page's state and the one reducer that changes it.
//!
//! Every change is an [`Action`]; [`State::reduce`] is a single match. The
//! state holds no Yew types, and an action that changes nothing returns the
//! same `Rc`, so Yew skips the re-render.

use crate::core::{self, Analysis, Annotation, Kind, DEFAULT_CLAIM_THRESHOLD};
use std::rc::Rc;
use yew::Reducible;

/// Which kinds the reader has chosen to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindFilter {
    pub claim: bool,
    pub quote: bool,
    pub boilerplate: bool,
}

impl Default for KindFilter {
    fn default() -> Self {
        KindFilter {
            claim: true,
            quote: true,
            boilerplate: true,
        }
    }
}

impl KindFilter {
    pub fn shows(self, kind: Kind) -> bool {
        match kind {
            Kind::Claim => self.claim,
            Kind::Quote => self.quote,
            Kind::Boilerplate => self.boilerplate,
        }
    }

    pub fn toggled(mut self, kind: Kind) -> Self {
        let flag = match kind {
            Kind::Claim => &mut self.claim,
            Kind::Quote => &mut self.quote,
            Kind::Boilerplate => &mut self.boilerplate,
        };
        *flag = !*flag;
        self
    }
}

/// How the side panel orders its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// As the annotations appear in the text.
    #[default]
    InText,
    /// Claims first, highest score first; then quotes and boilerplate in text order.
    ClaimScore,
}

/// The annotation under the pointer or keyboard focus, and where to show
/// its details (page coordinates of the mark's bottom-left corner).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Inspected {
    /// Index into [`State::shown`].
    pub id: usize,
    pub left: f64,
    pub top: f64,
}

/// A message for the reader about their input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Annotate was pressed with nothing (or only white space) to analyse.
    EmptyInput,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Analyse this text (from the editor).
    Analyse(String),
    /// Show claims scoring at least this much; re-filters, does not re-analyse.
    SetThreshold(f32),
    ToggleKind(Kind),
    SetSort(SortOrder),
    Inspect(Option<Inspected>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The analysed text (empty before the first analysis).
    pub text: Rc<str>,
    pub analysis: Option<Rc<Analysis>>,
    pub threshold: f32,
    /// `analysis.annotations(threshold)`: what the page shows.
    pub shown: Rc<Vec<Annotation>>,
    pub filter: KindFilter,
    pub sort: SortOrder,
    pub inspected: Option<Inspected>,
    pub notice: Option<Notice>,
}

impl Default for State {
    fn default() -> Self {
        State {
            text: Rc::from(""),
            analysis: None,
            threshold: DEFAULT_CLAIM_THRESHOLD,
            shown: Rc::new(Vec::new()),
            filter: KindFilter::default(),
            sort: SortOrder::default(),
            inspected: None,
            notice: None,
        }
    }
}

impl State {
    /// How many shown annotations there are of `kind`.
    pub fn count(&self, kind: Kind) -> usize {
        self.shown.iter().filter(|a| a.kind == kind).count()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Analyse(text) if text.trim().is_empty() => {
                if self.notice == Some(Notice::EmptyInput) {
                    return self;
                }
                // Keep whatever was analysed before: nothing is lost.
                Rc::new(State {
                    notice: Some(Notice::EmptyInput),
                    ..(*self).clone()
                })
            }
            Action::Analyse(text) => {
                let analysis = core::annotate(&text);
                let shown = analysis.annotations(self.threshold);
                Rc::new(State {
                    text: Rc::from(text),
                    analysis: Some(Rc::new(analysis)),
                    shown: Rc::new(shown),
                    inspected: None,
                    notice: None,
                    ..(*self).clone()
                })
            }
            Action::SetThreshold(threshold) => {
                let threshold = if threshold.is_finite() {
                    threshold.clamp(0.0, 1.0)
                } else {
                    DEFAULT_CLAIM_THRESHOLD
                };
                if threshold == self.threshold {
                    return self;
                }
                let shown = match &self.analysis {
                    Some(analysis) => Rc::new(analysis.annotations(threshold)),
                    None => self.shown.clone(),
                };
                Rc::new(State {
                    threshold,
                    shown,
                    // Indices into `shown` changed; an open tooltip would lie.
                    inspected: None,
                    ..(*self).clone()
                })
            }
            Action::ToggleKind(kind) => Rc::new(State {
                filter: self.filter.toggled(kind),
                inspected: None,
                ..(*self).clone()
            }),
            Action::SetSort(sort) if sort == self.sort => self,
            Action::SetSort(sort) => Rc::new(State {
                sort,
                ..(*self).clone()
            }),
            Action::Inspect(inspected) if inspected == self.inspected => self,
            Action::Inspect(inspected) => Rc::new(State {
                inspected,
                ..(*self).clone()
            }),
        }
    }
}
