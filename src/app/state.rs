//! The page's state and the one reducer that changes it.
//!
//! Every change is an [`Action`]; [`State::apply`] is a single match. The
//! state holds no Yew or browser types and the reducer is pure: the time and
//! new ids come from the [`Clock`] passed in, and analyses come in as
//! actions ([`Action::Analysed`], [`Action::Opened`]) from the worker or the
//! main-thread fallback (`app::analysis_worker`), never run here. So the
//! reducer builds and is tested natively (`cargo test`); the page's
//! `yew::Reducible` impl (`app::clock`) only passes the browser's clock in.
//! An action that changes nothing returns the same `Rc`, so Yew skips the
//! re-render.
//!
//! The fact-checker's decisions live in [`State::article`], a
//! [`analysis::document::Article`]; every edit goes through [`analysis::editing`],
//! and what the page shows is always `article.merged_with(detections)`.
//! Storage is not touched here: the app saves the article whenever
//! [`State::revision`] moves, and reports back with [`Action::Library`] or
//! [`Action::StorageProblem`].

use crate::analysis::changes::{compare_claims, ClaimChange};
use crate::analysis::claim_parts::{claim_type, ClaimType};
use crate::analysis::claims::combine;
use crate::analysis::document::{
    Article, Details, Judgement, Origin, Review, SavedAnnotation, Verdict,
};
use crate::analysis::export::web_annotation::{from_web_annotations, Orphan};
use crate::analysis::library::{clean_title, Summary};
use crate::analysis::{
    self, editing, Analysis, Annotation, Kind, MarkupHint, DEFAULT_CLAIM_THRESHOLD,
};
use std::rc::Rc;

/// Where the reducer gets the time and new ids: the browser's clock in the
/// page (`app::clock::BrowserClock`), a fixed one in tests.
pub trait Clock {
    /// Now, as an ISO 8601 timestamp (UTC).
    fn now(&self) -> String;
    /// A fresh article id, unlike any other this clock gave.
    fn new_id(&self) -> String;
}

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
    /// Claims first, grouped by type ([`ClaimType::ALL`]'s order); then the rest.
    ClaimType,
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
    /// The text has more code points than [`MAX_TEXT_CHARS`]; this many.
    TooLong(usize),
}

/// The longest text the page analyses at once, in code points: about two
/// books. Analysis runs in a worker and only what is on screen is drawn, so
/// a 1 MB text is highlighted in seconds without freezing the page
/// (`node scripts/bench-browser.mjs`); far beyond that the browser's storage
/// (about 5 MB per site) could not keep the article. The CLI reads any length.
pub const MAX_TEXT_CHARS: usize = 2_000_000;

/// Why `text` is not sent for analysis (None: it is sent): nothing but white
/// space, or longer than [`MAX_TEXT_CHARS`].
pub fn input_problem(text: &str) -> Option<Notice> {
    if text.trim().is_empty() {
        return Some(Notice::EmptyInput);
    }
    over_limit(text).map(Notice::TooLong)
}

/// The length in code points of a text longer than [`MAX_TEXT_CHARS`]
/// (None: a text the page analyses).
pub fn over_limit(text: &str) -> Option<usize> {
    // Counting is skipped for texts too short in bytes to be too long.
    if text.len() <= MAX_TEXT_CHARS {
        return None;
    }
    Some(text.chars().count()).filter(|&chars| chars > MAX_TEXT_CHARS)
}

/// What happened to the saved claims when a changed version was pasted.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionReport {
    /// The title of the article the new text was taken as a version of.
    pub title: String,
    pub changes: Vec<ClaimChange>,
    /// Annotations of any kind whose words are gone from the new text.
    pub lost: Vec<SavedAnnotation>,
}

/// The outcome of the last W3C import.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    pub placed: usize,
    /// Annotations that could not be placed in the text: listed, never dropped.
    pub orphans: Vec<Orphan>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The reader asked for an analysis the page refuses ([`input_problem`]):
    /// say why, and keep whatever is open.
    InputProblem(Notice),
    /// The app started analysing a text elsewhere (a worker); the request's
    /// number, so that only its own reply is taken (see [`Action::Analysed`]).
    Analysing(u64),
    /// The reply to request `request`: `analysis` of `text`, the pasted text
    /// already normalised ([`crate::analysis::normalise::pasted`]). A reply to any request but
    /// the latest is stale (the text changed since) and changes nothing.
    /// `markup`: the rich paste's hints the analysis weighed (None: a plain
    /// request, which keeps the open article's own hints).
    Analysed {
        request: u64,
        text: String,
        analysis: Rc<Analysis>,
        markup: Option<Vec<MarkupHint>>,
    },
    /// Show claims scoring at least this much; re-filters, does not re-analyse.
    SetThreshold(f32),
    ToggleKind(Kind),
    /// Show only claims with this verdict in the list (None: every annotation).
    FilterVerdict(Option<Verdict>),
    SetSort(SortOrder),
    Inspect(Option<Inspected>),
    /// Open the annotation with this id (its card in the side panel).
    Select(Option<String>),
    /// The reader selected these code points of the article (None: nothing).
    SelectText(Option<(usize, usize)>),
    /// Label the selected text as `kind`; with no text selected, relabel the
    /// open annotation.
    Label(Kind),
    /// Accept the open annotation.
    Accept,
    /// Reject (detections) or delete (manual annotations) the open one.
    Reject,
    /// Give the open claim this verdict.
    SetVerdict(Verdict),
    /// Record what the fact-checker wrote about the claim with this id.
    Judge(String, Judgement),
    /// Move to the next (+1) or previous (−1) annotation on show.
    Step(i32),
    /// Open the annotation at this index of [`State::entries`] and move the
    /// focus to its mark (the minimap and the list).
    Jump(usize),
    ShowHelp(bool),
    /// Rename the open article.
    Rename(String),
    /// The reply to request `request` (see [`Action::Analysing`]): the saved
    /// `article` to open with `analysis` of its text. Stale when another
    /// request came after it, and then it changes nothing.
    Opened {
        request: u64,
        article: Box<Article>,
        analysis: Rc<Analysis>,
        opening: Opening,
    },
    /// Close the open article and start afresh.
    New,
    /// The saved articles changed: here is the library.
    Library(Vec<Summary>),
    /// Saving or reading failed; `None` once it works again.
    StorageProblem(Option<String>),
    /// The article with this id was deleted from storage.
    Deleted(String),
    /// W3C Web Annotation JSON to place onto the open article.
    Import(String),
    /// Close the version and import reports.
    DismissReports,
    /// Undo the last change to the article (Ctrl+Z, or the Undo button).
    Undo,
    /// Who said the open quote, as the user corrects it (empty: the
    /// detected speaker again).
    SetSpeaker(String),
    /// The open article's details (the "Article details" form).
    SetDetails(Details),
    /// The reviewer's organisation and name remembered in this browser
    /// (read at start): new articles get them.
    Reviewer(Details),
    /// List (and step through) only claims of this type (None: every annotation).
    FilterType(Option<ClaimType>),
    /// An import that could not be read at all (a damaged project file).
    ImportFailed(String),
    /// The claims encoder's raw logits for a batch of the claim sentences of
    /// the analysis of request `request`, streamed in by its worker after
    /// the first paint: each sentence is scored again through
    /// [`analysis::claims::combine`] (score and reasons), so the threshold,
    /// sorting and exports use the new score. Stale (ignored) unless
    /// `request` is the analysis on show.
    Scored {
        request: u64,
        batch: ScoredBatch,
    },
    /// The claims encoder could not load or run for request `request`: the
    /// lexical scores stay, with a note that says so.
    ScoringFailed {
        request: u64,
        message: String,
    },
}

/// Encoder logits for `logits.len()` consecutive claim sentences from
/// `analysis.sentences[from]` ([`Action::Scored`]); `done` of `total` sentences
/// of the analysis are scored once these are applied (an empty batch with
/// `done` 0 says scoring has started).
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredBatch {
    pub from: usize,
    pub logits: Vec<f32>,
    pub done: usize,
    pub total: usize,
}

/// How far the encoder has got with the analysis on show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scoring {
    pub done: usize,
    pub total: usize,
}

/// Shown when the claims encoder cannot load: nothing else is affected.
pub const MODEL_PROBLEM: &str =
    "The language model could not load: claims keep their quick scores.";

/// How an article was opened ([`Action::Opened`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Opening {
    /// From the library.
    #[default]
    Saved,
    /// Reopened after a reload as it was: this annotation open, the page
    /// scrolled to `scroll` pixels, claims shown from `threshold`.
    Reload {
        selected: Option<String>,
        scroll: f64,
        threshold: Option<f32>,
    },
    /// From a project file: a new entry in the library, so it is saved.
    Project,
}

/// One change that [`Action::Undo`] takes back: the article's decisions,
/// title and details as they were before it, and what it was.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoStep {
    /// The change, as announced ("Relabelled “…” as a quote.").
    pub said: String,
    annotations: Vec<SavedAnnotation>,
    title: String,
    details: Details,
    selected: Option<String>,
}

/// How many changes can be undone.
pub const UNDO_DEPTH: usize = 100;

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The analysed text (empty before the first analysis).
    pub text: Rc<str>,
    pub analysis: Option<Rc<Analysis>>,
    pub threshold: f32,
    /// The article and the fact-checker's decisions on it.
    pub article: Option<Rc<Article>>,
    /// `article.merged_with(analysis.annotations(threshold))`: what is shown.
    pub entries: Rc<Vec<SavedAnnotation>>,
    /// `entries` as the views draw them, index for index.
    pub shown: Rc<Vec<Annotation>>,
    /// Moves whenever the article changes, so the app saves it.
    pub revision: u64,
    /// Moves when an article is opened, so the editor shows its text.
    pub loads: u64,
    /// Moves when the keyboard moved to another annotation, to focus it.
    pub focus_moves: u64,
    pub filter: KindFilter,
    pub verdict_filter: Option<Verdict>,
    pub sort: SortOrder,
    pub inspected: Option<Inspected>,
    pub notice: Option<Notice>,
    /// The id of the open annotation.
    pub selected: Option<String>,
    /// Selected article text, in code points.
    pub selection: Option<(usize, usize)>,
    pub help: bool,
    /// The last change, for the aria-live region.
    pub announcement: String,
    /// The analysis request in flight, if any (the page shows it is busy).
    pub pending: Option<u64>,
    pub library: Rc<Vec<Summary>>,
    pub storage_problem: Option<String>,
    pub version_report: Option<Rc<VersionReport>>,
    pub import_outcome: Option<Rc<ImportOutcome>>,
    /// A message about the last import that failed as a whole.
    pub import_error: Option<String>,
    /// The changes [`Action::Undo`] can take back, the latest last.
    pub undo: Rc<Vec<UndoStep>>,
    /// List only claims of this type.
    pub type_filter: Option<ClaimType>,
    /// The reviewer's organisation and name, remembered across articles.
    pub reviewer: Details,
    /// Where to scroll once the opened article is drawn (after a reload).
    pub scroll_to: Option<f64>,
    /// The request whose analysis is on show (for [`Action::Scored`]).
    pub analysed_request: Option<u64>,
    /// The encoder's progress on the analysis on show, while it scores.
    pub scoring: Option<Scoring>,
    /// Why the encoder could not score ([`MODEL_PROBLEM`] and the cause).
    pub model_problem: Option<String>,
}

impl Default for State {
    fn default() -> Self {
        State {
            text: Rc::from(""),
            analysis: None,
            threshold: DEFAULT_CLAIM_THRESHOLD,
            article: None,
            entries: Rc::new(Vec::new()),
            shown: Rc::new(Vec::new()),
            revision: 0,
            loads: 0,
            focus_moves: 0,
            filter: KindFilter::default(),
            verdict_filter: None,
            sort: SortOrder::default(),
            inspected: None,
            notice: None,
            selected: None,
            selection: None,
            help: false,
            announcement: String::new(),
            pending: None,
            library: Rc::new(Vec::new()),
            storage_problem: None,
            version_report: None,
            import_outcome: None,
            import_error: None,
            undo: Rc::new(Vec::new()),
            type_filter: None,
            reviewer: Details::default(),
            scroll_to: None,
            analysed_request: None,
            scoring: None,
            model_problem: None,
        }
    }
}

/// How an entry is drawn: manual and accepted ones say so in their reasons.
pub fn drawn(entry: &SavedAnnotation) -> Annotation {
    let mut reasons = entry.reasons.clone();
    match (entry.origin, entry.review) {
        (Origin::Manual, _) => reasons.insert(0, "marked by you".to_string()),
        (Origin::Detected, Review::Accepted) => reasons.insert(0, "accepted by you".to_string()),
        _ => {}
    }
    Annotation {
        kind: entry.kind,
        start: entry.start,
        end: entry.end,
        score: entry.score.unwrap_or(1.0),
        reasons: reasons.into_iter().map(Into::into).collect(),
        speaker: entry.speaker.clone(),
        // Saved annotations do not keep the link between the parts of a
        // multi-paragraph quote yet; each part still names its part number.
        part_of: None,
    }
}

/// The article as exported: every annotation on show (pending detections
/// included), plus the rejected ones (which only the W3C export and the
/// project file carry, as decisions); each claim with no claimant given is
/// attributed as the card suggests (a corrected quote speaker first); the
/// details with the remembered `reviewer` where the article has none.
pub fn export_view(article: &Article, entries: &[SavedAnnotation], reviewer: &Details) -> Article {
    let mut annotations: Vec<SavedAnnotation> = entries
        .iter()
        .map(|entry| {
            let mut entry = entry.clone();
            if entry.kind == Kind::Claim && entry.judgement.author.is_none() {
                entry.judgement.author = editing::suggested_author(entries, &entry);
            }
            entry
        })
        .collect();
    annotations.extend(
        article
            .annotations
            .iter()
            .filter(|a| a.review == Review::Rejected)
            .cloned(),
    );
    Article {
        annotations,
        details: article.details.with_reviewer(reviewer),
        ..article.clone()
    }
}

/// A short quotation of an annotation for announcements.
fn quoted(entry: &SavedAnnotation) -> String {
    let words: String = entry.exact.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = words.chars().take(60).collect();
    if cut.chars().count() < words.chars().count() {
        format!("“{cut}…”")
    } else {
        format!("“{cut}”")
    }
}

/// The kind's name with a capital, for buttons and headings.
pub fn kind_title(kind: Kind) -> &'static str {
    match kind {
        Kind::Claim => "Claim",
        Kind::Quote => "Quote",
        Kind::Boilerplate => "Boilerplate",
    }
}

pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Claim => "claim",
        Kind::Quote => "quote",
        Kind::Boilerplate => "boilerplate",
    }
}

impl State {
    /// How many shown annotations there are of `kind`.
    pub fn count(&self, kind: Kind) -> usize {
        self.shown.iter().filter(|a| a.kind == kind).count()
    }

    /// How many shown claims have `verdict`.
    pub fn verdict_count(&self, verdict: Verdict) -> usize {
        self.entries
            .iter()
            .filter(|a| a.kind == Kind::Claim && a.judgement.verdict == verdict)
            .count()
    }

    /// The index in `entries` (and `shown`) of the annotation with `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|a| a.id == id)
    }

    /// The open annotation.
    pub fn selected_entry(&self) -> Option<&SavedAnnotation> {
        self.selected
            .as_deref()
            .and_then(|id| self.index_of(id))
            .map(|i| &self.entries[i])
    }

    /// Whether the list and the keyboard visit entry `i`.
    pub fn listed(&self, i: usize) -> bool {
        let entry = &self.entries[i];
        self.filter.shows(entry.kind)
            && self
                .verdict_filter
                .is_none_or(|v| entry.kind == Kind::Claim && entry.judgement.verdict == v)
            && self
                .type_filter
                .is_none_or(|t| entry.kind == Kind::Claim && claim_type(&entry.exact).kind == t)
    }

    /// What a key acts on: with text selected, the annotation on show under
    /// the selection (the smallest holding it, else the one overlapping it
    /// most; None when there is none), never the open one; otherwise the
    /// open annotation.
    pub fn target_entry(&self) -> Option<&SavedAnnotation> {
        let Some((start, end)) = self.selection else {
            return self.selected_entry();
        };
        let overlap = |e: &SavedAnnotation| end.min(e.end).saturating_sub(start.max(e.start));
        let on_show = self.entries.iter().filter(|e| self.filter.shows(e.kind));
        on_show
            .clone()
            .filter(|e| e.start <= start && end <= e.end)
            .min_by_key(|e| e.end - e.start)
            .or_else(|| {
                on_show
                    .filter(|e| overlap(e) > 0)
                    .max_by_key(|e| overlap(e))
            })
    }

    /// Indices of the entries the list and the keyboard visit, in text order.
    pub fn listed_indices(&self) -> Vec<usize> {
        (0..self.entries.len())
            .filter(|&i| self.listed(i))
            .collect()
    }

    /// A copy with `article` changed by `edit`, the view recomputed, the
    /// revision moved (so it is saved) and `announcement` set.
    fn edited(
        &self,
        clock: &dyn Clock,
        edit: impl FnOnce(&mut Article),
        announcement: String,
    ) -> State {
        let Some(article) = self.article.as_deref() else {
            return self.clone();
        };
        let mut undo = (*self.undo).clone();
        undo.push(UndoStep {
            said: announcement.clone(),
            annotations: article.annotations.clone(),
            title: article.title.clone(),
            details: article.details.clone(),
            selected: self.selected.clone(),
        });
        if undo.len() > UNDO_DEPTH {
            undo.remove(0);
        }
        let mut article = article.clone();
        edit(&mut article);
        article.modified = clock.now();
        State {
            revision: self.revision + 1,
            announcement,
            undo: Rc::new(undo),
            ..self.with_article(article)
        }
    }

    /// A copy showing `article` over the current analysis.
    fn with_article(&self, article: Article) -> State {
        let detected = self
            .analysis
            .as_ref()
            .map(|a| a.annotations(self.threshold))
            .unwrap_or_default();
        let entries = article.merged_with(&detected);
        let shown = entries.iter().map(drawn).collect();
        State {
            article: Some(Rc::new(article)),
            entries: Rc::new(entries),
            shown: Rc::new(shown),
            inspected: None,
            ..self.clone()
        }
    }

    /// A copy with the saved `article` open in the editor, with `analysis`
    /// of its text.
    fn reopened(&self, article: Article, analysis: Rc<Analysis>) -> State {
        let title = article.title.clone();
        State {
            loads: self.loads + 1,
            announcement: format!("Opened “{title}”."),
            ..self.opened_with(article, analysis)
        }
    }

    /// A copy showing `article` with `analysis`, which must be of its text.
    fn opened_with(&self, article: Article, analysis: Rc<Analysis>) -> State {
        State {
            text: Rc::from(article.text.as_str()),
            analysis: Some(analysis),
            analysed_request: self.pending,
            pending: None,
            // The encoder starts again on the new analysis.
            scoring: None,
            // Changes to another text cannot be undone onto this one.
            undo: Rc::new(Vec::new()),
            scroll_to: None,
            notice: None,
            selected: None,
            selection: None,
            version_report: None,
            import_outcome: None,
            import_error: None,
            ..self.clone()
        }
        .with_article(article)
    }

    /// A copy with `text` (normalised) and its `analysis` open: the same
    /// text again, a new version of the open article, or a new article.
    /// `markup`: the rich paste's hints the analysis weighed (None: a plain
    /// request, which keeps the open article's own hints).
    fn analysed(
        &self,
        clock: &dyn Clock,
        text: String,
        analysis: Rc<Analysis>,
        markup: Option<&[MarkupHint]>,
    ) -> State {
        let now = clock.now();
        let open = self.article.as_deref();
        if let Some(article) = open.filter(|a| a.text == text) {
            // The same text again: analyse again, keep every decision.
            let mut article = article.clone();
            if let Some(markup) = markup {
                article.markup = markup.to_vec();
            }
            return State {
                revision: self.revision + 1,
                announcement: "Analysed again; your decisions are kept.".to_string(),
                ..self.opened_with(article, analysis)
            };
        }
        // A changed version of the open article keeps its decisions, moved
        // onto the new text, and says what happened to its claims.
        let version = open.and_then(|article| {
            let rebased = editing::rebase(article, &text, &now);
            let kept_any = rebased.lost.len() < article.annotations.len();
            let same_title = analysis::document::title_from(&text)
                == analysis::document::title_from(&article.text);
            (kept_any || same_title).then(|| {
                let report = VersionReport {
                    title: article.title.clone(),
                    changes: compare_claims(article, &text),
                    lost: rebased.lost.clone(),
                };
                (rebased.article, report)
            })
        });
        let (mut article, report, announcement) = match version {
            Some((article, report)) => {
                let changed = report
                    .changes
                    .iter()
                    .filter(|c| !matches!(c, ClaimChange::Unchanged { .. }))
                    .count();
                let said = format!(
                    "Analysed a new version of “{}”: {changed} saved claim(s) changed or vanished.",
                    report.title
                );
                (article, Some(Rc::new(report)), said)
            }
            None => {
                let mut article = Article::new(clock.new_id(), text, &now);
                article.title = analysis::document::headline(&article.text, &analysis.boilerplate);
                article.details = Details {
                    headline: article.title.clone(),
                    ..Details::default()
                }
                .with_reviewer(&self.reviewer);
                (article, None, String::new())
            }
        };
        article.markup = markup.map(<[MarkupHint]>::to_vec).unwrap_or_default();
        State {
            revision: self.revision + 1,
            announcement,
            ..self.opened_with(article, analysis)
        }
        .with_report(report)
    }

    fn with_report(self, report: Option<Rc<VersionReport>>) -> State {
        State {
            version_report: report,
            ..self
        }
    }

    /// Applies `edit` to the open annotation, if there is one.
    fn edit_selected(
        self: Rc<Self>,
        clock: &dyn Clock,
        edit: impl FnOnce(&mut Article, &SavedAnnotation) -> Option<String>,
        announce: impl FnOnce(&SavedAnnotation) -> String,
    ) -> Rc<Self> {
        let Some(entry) = self.target_entry().cloned() else {
            if self.selection.is_some() {
                return Rc::new(State {
                    announcement: "There is no annotation in the selected text.".to_string(),
                    ..(*self).clone()
                });
            }
            return self;
        };
        // Acting on selected text opens what it acted on.
        let mut selected = Some(entry.id.clone());
        let next = self.edited(
            clock,
            |article| {
                if let Some(id) = edit(article, &entry) {
                    selected = Some(id);
                }
            },
            announce(&entry),
        );
        let selected = selected.filter(|id| next.index_of(id).is_some());
        Rc::new(State {
            selected,
            selection: None,
            ..next
        })
    }
}

impl State {
    /// The reducer: the state after `action`, reading the time and new ids
    /// from `clock`. Pure: the same state, action and clock readings always
    /// give the same state.
    pub fn apply(self: Rc<Self>, action: Action, clock: &dyn Clock) -> Rc<Self> {
        match action {
            Action::InputProblem(notice) if self.notice.as_ref() == Some(&notice) => self,
            // Refused whole: whatever was open stays open, nothing is lost.
            Action::InputProblem(notice) => Rc::new(State {
                notice: Some(notice),
                ..(*self).clone()
            }),
            Action::Analysing(request) => Rc::new(State {
                pending: Some(request),
                notice: None,
                ..(*self).clone()
            }),
            Action::Analysed { request, .. } if self.pending != Some(request) => self,
            Action::Analysed {
                text,
                analysis,
                markup,
                ..
            } => Rc::new(self.analysed(clock, text, analysis, markup.as_deref())),
            Action::SetThreshold(threshold) => {
                let threshold = if threshold.is_finite() {
                    threshold.clamp(0.0, 1.0)
                } else {
                    DEFAULT_CLAIM_THRESHOLD
                };
                if threshold == self.threshold {
                    return self;
                }
                let next = State {
                    threshold,
                    ..(*self).clone()
                };
                match (next.article.as_deref().cloned(), &next.analysis) {
                    // Indices into `shown` change; `with_article` closes the tooltip.
                    (Some(article), _) => Rc::new(next.with_article(article)),
                    (None, Some(analysis)) => Rc::new(State {
                        shown: Rc::new(analysis.annotations(threshold)),
                        inspected: None,
                        ..next.clone()
                    }),
                    (None, None) => Rc::new(next),
                }
            }
            Action::ToggleKind(kind) => Rc::new(State {
                filter: self.filter.toggled(kind),
                inspected: None,
                ..(*self).clone()
            }),
            Action::FilterVerdict(verdict) if verdict == self.verdict_filter => self,
            Action::FilterVerdict(verdict) => Rc::new(State {
                verdict_filter: verdict,
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
            Action::Select(id) if id == self.selected => self,
            Action::Select(id) => Rc::new(State {
                selected: id.filter(|id| self.index_of(id).is_some()),
                ..(*self).clone()
            }),
            Action::SelectText(span) => {
                let span = span.and_then(|(s, e)| editing::trimmed_span(&self.text, s, e));
                if span == self.selection {
                    return self;
                }
                Rc::new(State {
                    selection: span,
                    ..(*self).clone()
                })
            }
            Action::Label(kind) => match self.selection {
                Some((start, end)) if self.article.is_some() => {
                    let mut added = None;
                    let next = self.edited(
                        clock,
                        |article| added = editing::add_manual(article, kind, start, end),
                        String::new(),
                    );
                    let announcement = match added.as_deref().and_then(|id| next.index_of(id)) {
                        Some(i) => {
                            format!("Added a {}: {}.", kind_name(kind), quoted(&next.entries[i]))
                        }
                        None => "Nothing added: the selection is empty.".to_string(),
                    };
                    // The undo step says what it takes back.
                    let mut undo = (*next.undo).clone();
                    if let Some(step) = undo.last_mut() {
                        step.said = announcement.clone();
                    }
                    Rc::new(State {
                        selected: added,
                        selection: None,
                        announcement,
                        undo: Rc::new(undo),
                        ..next
                    })
                }
                _ => {
                    if self.selected_entry().is_none_or(|e| e.kind == kind) {
                        return self;
                    }
                    self.edit_selected(
                        clock,
                        |article, entry| Some(editing::relabel(article, entry, kind)),
                        |entry| format!("Relabelled {} as a {}.", quoted(entry), kind_name(kind)),
                    )
                }
            },
            Action::Accept => self.edit_selected(
                clock,
                |article, entry| {
                    editing::accept(article, entry);
                    None
                },
                |entry| format!("Accepted the {} {}.", kind_name(entry.kind), quoted(entry)),
            ),
            Action::Reject => {
                // The keyboard carries on with the annotation that followed.
                let place = self.target_entry().and_then(|entry| {
                    let i = self.index_of(&entry.id)?;
                    self.listed_indices().iter().position(|&j| j == i)
                });
                let next = self.edit_selected(
                    clock,
                    |article, entry| {
                        editing::reject(article, entry);
                        None
                    },
                    |entry| match entry.origin {
                        Origin::Manual => {
                            format!("Removed the {} {}.", kind_name(entry.kind), quoted(entry))
                        }
                        Origin::Detected => format!(
                            "Rejected the {} {}; it stays hidden.",
                            kind_name(entry.kind),
                            quoted(entry)
                        ),
                    },
                );
                let listed = next.listed_indices();
                match place.and_then(|p| listed.get(p).or(listed.last())) {
                    Some(&i) => Rc::new(State {
                        selected: Some(next.entries[i].id.clone()),
                        focus_moves: next.focus_moves + 1,
                        ..(*next).clone()
                    }),
                    None => next,
                }
            }
            Action::SetVerdict(verdict) => {
                let Some(entry) = self.target_entry() else {
                    return self;
                };
                if entry.kind != Kind::Claim {
                    return self;
                }
                let judgement = Judgement {
                    verdict,
                    author: entry
                        .judgement
                        .author
                        .clone()
                        .or_else(|| editing::suggested_author(&self.entries, entry)),
                    ..entry.judgement.clone()
                };
                self.edit_selected(
                    clock,
                    |article, entry| {
                        editing::judge(article, entry, judgement);
                        None
                    },
                    |_| format!("Verdict: {}.", verdict.label()),
                )
            }
            Action::Judge(id, judgement) => {
                let Some(i) = self.index_of(&id) else {
                    return self;
                };
                if self.entries[i].judgement == judgement {
                    return self;
                }
                let entry = self.entries[i].clone();
                Rc::new(self.edited(
                    clock,
                    |article| editing::judge(article, &entry, judgement),
                    "Judgement saved.".to_string(),
                ))
            }
            Action::Step(direction) => {
                let listed = self.listed_indices();
                if listed.is_empty() {
                    return self;
                }
                let current = self
                    .selected
                    .as_deref()
                    .and_then(|id| self.index_of(id))
                    .and_then(|i| listed.iter().position(|&j| j == i));
                let at = match (current, direction >= 0) {
                    (None, true) => 0,
                    (None, false) => listed.len() - 1,
                    (Some(p), true) => (p + 1).min(listed.len() - 1),
                    (Some(p), false) => p.saturating_sub(1),
                };
                let entry = &self.entries[listed[at]];
                Rc::new(State {
                    selected: Some(entry.id.clone()),
                    focus_moves: self.focus_moves + 1,
                    announcement: format!(
                        "{} {} of {}: {}.",
                        kind_title(entry.kind),
                        at + 1,
                        listed.len(),
                        quoted(entry)
                    ),
                    ..(*self).clone()
                })
            }
            Action::Jump(index) => match self.entries.get(index) {
                Some(entry) => Rc::new(State {
                    selected: Some(entry.id.clone()),
                    focus_moves: self.focus_moves + 1,
                    ..(*self).clone()
                }),
                None => self,
            },
            Action::ShowHelp(help) if help == self.help => self,
            Action::ShowHelp(help) => Rc::new(State {
                help,
                ..(*self).clone()
            }),
            Action::Rename(title) => match clean_title(&title) {
                Some(title) if self.article.as_ref().is_some_and(|a| a.title != title) => {
                    let said = format!("Renamed to “{title}”.");
                    Rc::new(self.edited(clock, |article| article.title = title, said))
                }
                _ => self,
            },
            Action::Opened { request, .. } if self.pending != Some(request) => self,
            Action::Opened {
                article,
                analysis,
                opening,
                ..
            } => {
                let threshold = match &opening {
                    Opening::Reload {
                        threshold: Some(t), ..
                    } if t.is_finite() => t.clamp(0.0, 1.0),
                    _ => self.threshold,
                };
                let base = State {
                    threshold,
                    ..(*self).clone()
                };
                let opened = base.reopened(*article, analysis);
                let title = opened
                    .article
                    .as_ref()
                    .map_or(String::new(), |a| a.title.clone());
                Rc::new(match opening {
                    Opening::Saved => opened,
                    Opening::Reload {
                        selected, scroll, ..
                    } => State {
                        selected: selected.filter(|id| opened.index_of(id).is_some()),
                        scroll_to: Some(scroll),
                        announcement: format!("Reopened “{title}” as you left it."),
                        ..opened
                    },
                    Opening::Project => State {
                        revision: opened.revision + 1,
                        announcement: format!("Opened the project file “{title}”."),
                        ..opened
                    },
                })
            }
            Action::New => Rc::new(State {
                loads: self.loads + 1,
                // Revisions only ever grow, so the app's save bookkeeping holds.
                revision: self.revision,
                library: self.library.clone(),
                storage_problem: self.storage_problem.clone(),
                threshold: self.threshold,
                filter: self.filter,
                reviewer: self.reviewer.clone(),
                announcement: "Started a new article.".to_string(),
                ..State::default()
            }),
            Action::Library(summaries) => Rc::new(State {
                library: Rc::new(summaries),
                storage_problem: None,
                ..(*self).clone()
            }),
            Action::StorageProblem(problem) if problem == self.storage_problem => self,
            Action::StorageProblem(problem) => Rc::new(State {
                storage_problem: problem,
                ..(*self).clone()
            }),
            Action::Deleted(id) => {
                let library = self
                    .library
                    .iter()
                    .filter(|s| s.id != id)
                    .cloned()
                    .collect();
                let open = self.article.as_ref().is_some_and(|a| a.id == id);
                let next = State {
                    library: Rc::new(library),
                    ..(*self).clone()
                };
                if open {
                    // The deleted article is closed, so autosave cannot bring it back.
                    Rc::new(State {
                        loads: self.loads + 1,
                        revision: self.revision,
                        library: next.library,
                        storage_problem: self.storage_problem.clone(),
                        threshold: self.threshold,
                        filter: self.filter,
                        reviewer: self.reviewer.clone(),
                        ..State::default()
                    })
                } else {
                    Rc::new(next)
                }
            }
            Action::Import(json) => {
                let Some(article) = self.article.as_deref() else {
                    return Rc::new(State {
                        import_error: Some(
                            "Nothing was imported: W3C annotations need the article they annotate. \
                             Paste its text and press Annotate first, or import a project file, \
                             which brings its text along."
                                .to_string(),
                        ),
                        import_outcome: None,
                        ..(*self).clone()
                    });
                };
                match from_web_annotations(&json, &article.text) {
                    Err(error) => Rc::new(State {
                        import_error: Some(format!("Nothing was imported: {error}.")),
                        import_outcome: None,
                        ..(*self).clone()
                    }),
                    Ok(report) => {
                        let placed = report.placed.len();
                        let orphans = report.orphans.len();
                        let next = self.edited(
                            clock,
                            |article| {
                                for p in report.placed {
                                    article.upsert(p.annotation);
                                }
                            },
                            format!(
                                "Imported {placed} annotation(s); {orphans} could not be placed."
                            ),
                        );
                        Rc::new(State {
                            import_outcome: Some(Rc::new(ImportOutcome {
                                placed,
                                orphans: report.orphans,
                            })),
                            import_error: None,
                            ..next
                        })
                    }
                }
            }
            Action::DismissReports => Rc::new(State {
                version_report: None,
                import_outcome: None,
                import_error: None,
                ..(*self).clone()
            }),
            Action::Undo => {
                let (Some(article), Some(step)) = (self.article.as_deref(), self.undo.last())
                else {
                    return self;
                };
                let mut undo = (*self.undo).clone();
                undo.pop();
                let mut article = article.clone();
                article.annotations = step.annotations.clone();
                article.title = step.title.clone();
                article.details = step.details.clone();
                article.modified = clock.now();
                let next = self.with_article(article);
                let selected = step
                    .selected
                    .clone()
                    .filter(|id| next.index_of(id).is_some());
                Rc::new(State {
                    revision: self.revision + 1,
                    announcement: format!("Undone: {}", step.said),
                    undo: Rc::new(undo),
                    selected,
                    selection: None,
                    focus_moves: self.focus_moves + 1,
                    ..next
                })
            }
            Action::SetSpeaker(name) => {
                let Some(quote) = self.selected_entry().cloned() else {
                    return self;
                };
                let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
                let wanted = Some(name.clone()).filter(|n| !n.is_empty());
                if quote.kind != Kind::Quote || quote.speaker_correction == wanted {
                    return self;
                }
                let old = quote.speaker_name();
                let said = match &wanted {
                    Some(name) => format!("Speaker of {}: {name}.", quoted(&quote)),
                    None => format!("Speaker of {}: as detected.", quoted(&quote)),
                };
                let entries = self.entries.clone();
                // The field speaks for the open quote, whatever is selected.
                let open = Rc::new(State {
                    selection: None,
                    ..(*self).clone()
                });
                open.edit_selected(
                    clock,
                    |article, quote| {
                        editing::set_speaker(article, quote, &name);
                        let now = article
                            .annotations
                            .iter()
                            .find(|a| a.id == quote.id)
                            .and_then(SavedAnnotation::speaker_name);
                        // Claims inside the quote whose author was filled
                        // in from the old speaker follow the correction.
                        for claim in entries.iter().filter(|c| {
                            c.kind == Kind::Claim
                                && editing::mostly_inside(c, quote)
                                && c.judgement.author.is_some()
                                && c.judgement.author == old
                        }) {
                            let judgement = Judgement {
                                author: now.clone(),
                                ..claim.judgement.clone()
                            };
                            editing::judge(article, claim, judgement);
                        }
                        None
                    },
                    |_| said,
                )
            }
            Action::SetDetails(details) => {
                let Some(article) = self.article.as_deref() else {
                    return self;
                };
                if article.details == details {
                    return self;
                }
                let reviewer = Details {
                    organisation: details.organisation.trim().to_string(),
                    reviewer: details.reviewer.trim().to_string(),
                    ..Details::default()
                };
                let next = self.edited(
                    clock,
                    |article| article.details = details,
                    "Article details saved.".to_string(),
                );
                Rc::new(State {
                    reviewer: reviewer.with_reviewer(&self.reviewer),
                    ..next
                })
            }
            Action::Reviewer(remembered) => {
                let remembered = Details {
                    organisation: remembered.organisation,
                    reviewer: remembered.reviewer,
                    ..Details::default()
                };
                if remembered == self.reviewer {
                    return self;
                }
                Rc::new(State {
                    reviewer: remembered,
                    ..(*self).clone()
                })
            }
            Action::FilterType(kind) if kind == self.type_filter => self,
            Action::FilterType(kind) => Rc::new(State {
                type_filter: kind,
                ..(*self).clone()
            }),
            Action::ImportFailed(message) => Rc::new(State {
                import_error: Some(format!("Nothing was imported: {message}.")),
                import_outcome: None,
                ..(*self).clone()
            }),
            Action::Scored { request, .. } if self.analysed_request != Some(request) => self,
            Action::Scored { batch, .. } => Rc::new(self.scored(batch)),
            Action::ScoringFailed { request, message } => {
                let problem = format!("{MODEL_PROBLEM} ({message})");
                let scoring = self
                    .scoring
                    .filter(|_| self.analysed_request != Some(request));
                if self.model_problem.as_ref() == Some(&problem) && scoring == self.scoring {
                    return self;
                }
                Rc::new(State {
                    model_problem: Some(problem),
                    scoring,
                    ..(*self).clone()
                })
            }
        }
    }

    /// A copy with `batch` of encoder logits applied to the analysis on
    /// show: each sentence's score and reasons from `claims::combine`, the
    /// marks recomputed (decisions keep their own scores), the progress
    /// moved.
    fn scored(&self, batch: ScoredBatch) -> State {
        let scoring = (batch.done < batch.total).then_some(Scoring {
            done: batch.done,
            total: batch.total,
        });
        let announcement = if scoring.is_none() && self.scoring.is_some() {
            format!("The language model scored {} claims.", batch.total)
        } else {
            self.announcement.clone()
        };
        let Some(analysis) = self.analysis.as_deref() else {
            return self.clone();
        };
        let mut rescored = analysis.clone();
        let mut changed = false;
        for (i, &logit) in batch.logits.iter().enumerate() {
            changed |= combine::rescore_sentence(&mut rescored, batch.from + i, logit);
        }
        let next = State {
            analysis: if changed {
                Some(Rc::new(rescored))
            } else {
                self.analysis.clone()
            },
            scoring,
            announcement,
            ..self.clone()
        };
        match next.article.as_deref().cloned() {
            Some(article) if changed => next.with_article(article),
            _ => next,
        }
    }
}

#[cfg(test)]
mod tests;
