//! The reducer, natively: every action, with a clock that gives fixed times
//! and counted ids, and analyses made here as the worker would make them.

use super::*;
use crate::analysis::changes::ClaimChange;
use crate::analysis::export::web_annotation::to_web_annotations;
use crate::analysis::{annotate, annotate_with_markup, html};
use std::cell::Cell;

/// Times one second apart from 2026-01-01, ids a1, a2, ...
#[derive(Default)]
struct TestClock {
    ticks: Cell<u32>,
    ids: Cell<u32>,
}

impl Clock for TestClock {
    fn now(&self) -> String {
        let t = self.ticks.get() + 1;
        self.ticks.set(t);
        format!(
            "2026-01-01T{:02}:{:02}:{:02}Z",
            t / 3600,
            t / 60 % 60,
            t % 60
        )
    }

    fn new_id(&self) -> String {
        let n = self.ids.get() + 1;
        self.ids.set(n);
        format!("a{n}")
    }
}

const STORY: &str = "Bay town budget\nThe council approved 4.2 million euros on Tuesday.\nThe old ferry carried 12,000 passengers in 2023.\nResidents gathered at the pier.";

trait Reduce {
    fn to(self, action: Action) -> Rc<State>;
}

thread_local! {
    /// The clock of each test's thread, so ids differ within a test.
    static CLOCK: TestClock = TestClock::default();
}

impl Reduce for Rc<State> {
    /// Applies `action` with this thread's test clock.
    fn to(self, action: Action) -> Rc<State> {
        CLOCK.with(|clock| self.apply(action, clock))
    }
}

fn chars_before(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].chars().count()
}

/// `state` after the worker's reply to a request for `text`.
fn analyse(state: Rc<State>, text: &str) -> Rc<State> {
    let request = state.pending.unwrap_or(0) + 1;
    state.to(Action::Analysing(request)).to(Action::Analysed {
        request,
        text: text.to_string(),
        analysis: Rc::new(annotate(text)),
        markup: None,
    })
}

/// STORY analysed with every sentence shown as a claim.
fn analysed() -> Rc<State> {
    analyse(
        Rc::new(State::default()).to(Action::SetThreshold(0.0)),
        STORY,
    )
}

fn select_claim(state: Rc<State>, words: &str) -> Rc<State> {
    let id = state
        .entries
        .iter()
        .find(|e| e.kind == Kind::Claim && e.exact.contains(words))
        .map(|e| e.id.clone())
        .expect("a claim with those words");
    state.to(Action::Select(Some(id)))
}

/// Every action of the reducer has a test here: adding an action without
/// naming its test fails to compile.
#[test]
fn every_action_is_tested() {
    fn test_of(action: &Action) -> &'static str {
        match action {
            Action::InputProblem(_) => "refused_input_says_why_and_keeps_the_open_work",
            Action::Analysing(_) | Action::Analysed { .. } => {
                "an_analysis_is_taken_only_for_the_latest_request"
            }
            Action::SetThreshold(_) => "the_threshold_refilters_without_reanalysing",
            Action::ToggleKind(_) => "toggling_a_kind_hides_it_and_closes_the_tooltip",
            Action::FilterVerdict(_) => "the_verdict_filter_limits_the_listed_claims",
            Action::SetSort(_) => "sorting_and_inspecting_change_only_what_they_name",
            Action::Inspect(_) => "sorting_and_inspecting_change_only_what_they_name",
            Action::Select(_) => "selecting_opens_only_annotations_on_show",
            Action::SelectText(_) => "a_text_selection_is_trimmed_to_words",
            Action::Label(_) => {
                "a_selection_becomes_a_manual_annotation_that_can_be_relabelled_and_removed"
            }
            Action::Accept => "accepting_keeps_a_detection_across_analyses",
            Action::Reject => "a_rejection_survives_analysing_again_and_the_next_one_opens",
            Action::SetVerdict(_) => "verdict_keys_judge_claims_only_and_prefill_the_author",
            Action::Judge(_, _) => "a_judgement_is_recorded_and_an_unchanged_one_is_not",
            Action::Step(_) => "steps_visit_the_listed_annotations_and_stop_at_the_ends",
            Action::Jump(_) => "jumping_opens_an_annotation_and_moves_the_focus_to_it",
            Action::ShowHelp(_) => "the_help_opens_and_closes",
            Action::Rename(_) => "renaming_cleans_the_title_and_is_saved",
            Action::Opened { .. } => "a_saved_article_opens_with_its_analysis_and_verdicts",
            Action::New => "new_starts_afresh_and_keeps_the_library_and_settings",
            Action::Library(_) | Action::StorageProblem(_) | Action::Deleted(_) => {
                "the_library_and_storage_problems_are_shown_and_deleting_the_open_article_closes_it"
            }
            Action::Import(_) => "an_import_places_what_it_can_and_lists_the_orphans",
            Action::DismissReports => "dismissing_closes_every_report",
            Action::Undo => "every_change_can_be_undone_in_turn",
            Action::SetSpeaker(_) => "a_corrected_speaker_is_a_decision_that_claims_inside_follow",
            Action::SetDetails(_) | Action::Reviewer(_) => {
                "details_are_saved_and_the_reviewer_is_remembered_for_new_articles"
            }
            Action::FilterType(_) => "the_type_filter_limits_the_listed_claims",
            Action::ImportFailed(_) => "an_import_that_cannot_be_read_says_why",
            Action::Scored { .. } => "encoder_logits_rescore_the_analysis_on_show_only",
            Action::ScoringFailed { .. } => {
                "a_model_that_cannot_load_leaves_the_quick_scores_and_says_so"
            }
        }
    }
    assert!(!test_of(&Action::New).is_empty());
}

#[test]
fn refused_input_says_why_and_keeps_the_open_work() {
    let state = analysed();
    let empty = state.clone().to(Action::InputProblem(Notice::EmptyInput));
    assert_eq!(empty.notice, Some(Notice::EmptyInput));
    assert_eq!(empty.text, state.text);
    assert_eq!(empty.shown, state.shown);
    assert_eq!(empty.article, state.article);
    assert_eq!(empty.revision, state.revision, "nothing to save");
    let again = empty.clone().to(Action::InputProblem(Notice::EmptyInput));
    assert!(
        Rc::ptr_eq(&again, &empty),
        "the same notice changes nothing"
    );
    let long = empty.to(Action::InputProblem(Notice::TooLong(3_000_000)));
    assert_eq!(long.notice, Some(Notice::TooLong(3_000_000)));
    assert_eq!(input_problem("  \n"), Some(Notice::EmptyInput));
    assert_eq!(input_problem("Text."), None);
    // The next request clears the notice.
    assert_eq!(long.to(Action::Analysing(9)).notice, None);
}

#[test]
fn an_analysis_is_taken_only_for_the_latest_request() {
    let start = Rc::new(State::default()).to(Action::SetThreshold(0.0));
    let busy = start.clone().to(Action::Analysing(1));
    assert_eq!(busy.pending, Some(1), "the page shows it is busy");
    assert!(busy.analysis.is_none());
    let newer = busy.to(Action::Analysing(2));
    let stale = newer.clone().to(Action::Analysed {
        request: 1,
        text: "Another text.".to_string(),
        analysis: Rc::new(annotate("Another text.")),
        markup: None,
    });
    assert!(Rc::ptr_eq(&stale, &newer), "a stale reply changes nothing");
    let clock = TestClock::default();
    let done = stale.apply(
        Action::Analysed {
            request: 2,
            text: STORY.to_string(),
            analysis: Rc::new(annotate(STORY)),
            markup: None,
        },
        &clock,
    );
    assert_eq!(done.pending, None);
    assert_eq!(&*done.text, STORY);
    let article = done.article.as_deref().expect("an article");
    assert_eq!(article.id, "a1", "the id comes from the clock");
    assert_eq!(article.created, "2026-01-01T00:00:01Z");
    assert_eq!(article.title, "Bay town budget");
    assert_eq!(done.revision, 1, "a new analysis is saved");
    assert_eq!(
        done.shown.len(),
        done.entries.len(),
        "entries and marks index for index"
    );
    // Starting afresh drops the request in flight, so its reply is stale.
    let fresh = done.to(Action::Analysing(3)).to(Action::New);
    let after = fresh.clone().to(Action::Analysed {
        request: 3,
        text: STORY.to_string(),
        analysis: Rc::new(annotate(STORY)),
        markup: None,
    });
    assert!(Rc::ptr_eq(&after, &fresh));
    assert!(after.article.is_none());
}

#[test]
fn the_same_text_again_keeps_decisions_and_a_changed_version_reports_its_claims() {
    let state = select_claim(analysed(), "ferry").to(Action::Accept);
    let id = state.article.as_ref().unwrap().id.clone();
    let again = analyse(state.clone(), STORY);
    assert_eq!(again.article.as_ref().unwrap().id, id);
    assert_eq!(
        again.announcement,
        "Analysed again; your decisions are kept."
    );
    assert_eq!(
        again.article.as_ref().unwrap().annotations,
        state.article.as_ref().unwrap().annotations
    );
    let changed = STORY.replace("The old ferry carried 12,000 passengers in 2023.\n", "");
    let next = analyse(state, &changed);
    assert_eq!(next.article.as_ref().unwrap().id, id);
    let report = next.version_report.as_ref().expect("a report");
    assert!(report
        .changes
        .iter()
        .any(|c| matches!(c, ClaimChange::Vanished { before, .. } if before.contains("ferry"))));
    // An unrelated text is a new article.
    let other = analyse(next, "Another story\nIt rained.");
    assert_ne!(other.article.as_ref().unwrap().id, id);
    assert!(other.version_report.is_none());
}

/// A rich paste (issue #5): the markup's hints are kept with the article, so
/// opening the saved article, or analysing the same text again, gives the
/// same result; a changed text does not inherit hints that no longer fit.
#[test]
fn a_rich_paste_keeps_its_markup_with_the_article() {
    let page = "<article><p>The harbour board voted on Tuesday to dredge the northern channel before the autumn storms.</p>\
        <p>Pilots had warned for years that silt was building up near the breakwater, the chair said.</p></article>\
        <nav><ul><li>Harbours</li><li>Weather</li><li>Shipping</li></ul></nav>";
    let rendered = html::render(page);
    let state = Rc::new(State::default())
        .to(Action::Analysing(1))
        .to(Action::Analysed {
            request: 1,
            text: rendered.text.clone(),
            analysis: Rc::new(annotate_with_markup(&rendered.text, &rendered.hints)),
            markup: Some(rendered.hints.clone()),
        });
    let article = state.article.as_deref().unwrap().clone();
    assert_eq!(article.markup, rendered.hints);
    // A plain request on the same text keeps the hints.
    let again = state.clone().to(Action::Analysing(2)).to(Action::Analysed {
        request: 2,
        text: rendered.text.clone(),
        analysis: Rc::new(annotate_with_markup(&rendered.text, &article.markup)),
        markup: None,
    });
    assert_eq!(again.article.as_deref().unwrap().markup, rendered.hints);
    let edited = rendered.text.replace("Harbours", "Ports");
    let changed = analyse(state, &edited);
    assert!(changed.article.as_deref().unwrap().markup.is_empty());
}

#[test]
fn the_threshold_refilters_without_reanalysing() {
    let state = analyse(Rc::new(State::default()), STORY);
    let low = state.clone().to(Action::SetThreshold(0.0));
    assert!(low.count(Kind::Claim) >= state.count(Kind::Claim));
    assert_eq!(
        low.count(Kind::Claim),
        4,
        "every sentence, the headline too"
    );
    assert!(
        Rc::ptr_eq(
            low.analysis.as_ref().unwrap(),
            state.analysis.as_ref().unwrap()
        ),
        "the analysis is reused, not recomputed"
    );
    let high = low.clone().to(Action::SetThreshold(1.0));
    assert_eq!(high.count(Kind::Claim), 0);
    assert_eq!(high.revision, low.revision, "a view change is not saved");
    let same = high.clone().to(Action::SetThreshold(1.0));
    assert!(Rc::ptr_eq(&same, &high));
    let odd = high.to(Action::SetThreshold(f32::NAN));
    assert_eq!(odd.threshold, DEFAULT_CLAIM_THRESHOLD);
    let clamped = odd.to(Action::SetThreshold(7.0));
    assert_eq!(clamped.threshold, 1.0);
    // Before any analysis only the threshold moves.
    let empty = Rc::new(State::default()).to(Action::SetThreshold(0.3));
    assert_eq!((empty.threshold, empty.shown.len()), (0.3, 0));
}

#[test]
fn toggling_a_kind_hides_it_and_closes_the_tooltip() {
    let state = analysed().to(Action::Inspect(Some(Inspected {
        id: 0,
        left: 1.0,
        top: 2.0,
    })));
    let toggled = state.to(Action::ToggleKind(Kind::Claim));
    assert!(!toggled.filter.shows(Kind::Claim));
    assert!(toggled.filter.shows(Kind::Quote));
    assert_eq!(toggled.inspected, None);
    assert!(toggled
        .listed_indices()
        .iter()
        .all(|&i| toggled.entries[i].kind != Kind::Claim));
    let back = toggled.to(Action::ToggleKind(Kind::Claim));
    assert_eq!(back.filter, KindFilter::default());
}

#[test]
fn the_verdict_filter_limits_the_listed_claims() {
    let state = select_claim(analysed(), "ferry").to(Action::SetVerdict(Verdict::False));
    let filtered = state
        .clone()
        .to(Action::FilterVerdict(Some(Verdict::False)));
    let listed: Vec<&str> = filtered
        .listed_indices()
        .into_iter()
        .map(|i| filtered.entries[i].exact.as_str())
        .collect();
    assert_eq!(listed, ["The old ferry carried 12,000 passengers in 2023."]);
    let same = filtered
        .clone()
        .to(Action::FilterVerdict(Some(Verdict::False)));
    assert!(Rc::ptr_eq(&same, &filtered));
    let all = filtered.to(Action::FilterVerdict(None));
    assert_eq!(all.listed_indices().len(), state.listed_indices().len());
}

#[test]
fn sorting_and_inspecting_change_only_what_they_name() {
    let state = analysed();
    let sorted = state.clone().to(Action::SetSort(SortOrder::ClaimScore));
    assert_eq!(sorted.sort, SortOrder::ClaimScore);
    assert_eq!(sorted.entries, state.entries);
    let same = sorted.clone().to(Action::SetSort(SortOrder::ClaimScore));
    assert!(Rc::ptr_eq(&same, &sorted));
    let here = Some(Inspected {
        id: 1,
        left: 10.0,
        top: 20.0,
    });
    let inspected = sorted.to(Action::Inspect(here));
    assert_eq!(inspected.inspected, here);
    let same = inspected.clone().to(Action::Inspect(here));
    assert!(Rc::ptr_eq(&same, &inspected));
    assert_eq!(inspected.to(Action::Inspect(None)).inspected, None);
}

#[test]
fn selecting_opens_only_annotations_on_show() {
    let state = analysed();
    let id = state.entries[1].id.clone();
    let open = state.clone().to(Action::Select(Some(id.clone())));
    assert_eq!(open.selected.as_deref(), Some(id.as_str()));
    assert_eq!(open.selected_entry(), Some(&state.entries[1]));
    let same = open.clone().to(Action::Select(Some(id)));
    assert!(Rc::ptr_eq(&same, &open));
    let unknown = open.clone().to(Action::Select(Some("nowhere".into())));
    assert_eq!(unknown.selected, None);
    assert_eq!(open.to(Action::Select(None)).selected, None);
}

#[test]
fn a_text_selection_is_trimmed_to_words() {
    let state = analysed();
    let start = chars_before(STORY, "Residents");
    let selected = state
        .clone()
        .to(Action::SelectText(Some((start - 1, start + 10))));
    assert_eq!(selected.selection, Some((start, start + 9)), "trimmed");
    let same = selected
        .clone()
        .to(Action::SelectText(Some((start, start + 9))));
    assert!(Rc::ptr_eq(&same, &selected));
    let blank = selected.to(Action::SelectText(Some((start - 1, start))));
    assert_eq!(blank.selection, None, "white space alone selects nothing");
}

#[test]
fn a_selection_becomes_a_manual_annotation_that_can_be_relabelled_and_removed() {
    let state = analysed();
    let (quotes, boilerplate) = (state.count(Kind::Quote), state.count(Kind::Boilerplate));
    let start = chars_before(STORY, "gathered");
    let end = start + "gathered at the pier".len();
    let state = state
        .to(Action::SelectText(Some((start - 1, end))))
        .to(Action::Label(Kind::Quote));
    let entry = state.selected_entry().expect("the new annotation is open");
    assert_eq!(
        (entry.kind, entry.origin, entry.exact.as_str()),
        (Kind::Quote, Origin::Manual, "gathered at the pier")
    );
    assert_eq!(state.selection, None);
    assert!(state.announcement.starts_with("Added a quote"));
    let state = state.to(Action::Label(Kind::Boilerplate));
    assert_eq!(state.selected_entry().unwrap().kind, Kind::Boilerplate);
    assert!(state.announcement.starts_with("Relabelled"));
    assert_eq!(state.count(Kind::Quote), quotes);
    assert_eq!(state.count(Kind::Boilerplate), boilerplate + 1);
    let same = state.clone().to(Action::Label(Kind::Boilerplate));
    assert!(Rc::ptr_eq(&same, &state), "already that kind");
    let state = state.to(Action::Reject);
    assert_eq!(state.count(Kind::Boilerplate), boilerplate);
    assert!(state.article.as_ref().unwrap().annotations.is_empty());
    // With nothing open and nothing selected, a label does nothing.
    let idle = state.to(Action::Select(None));
    let same = idle.clone().to(Action::Label(Kind::Claim));
    assert!(Rc::ptr_eq(&same, &idle));
}

#[test]
fn accepting_keeps_a_detection_across_analyses() {
    let state = select_claim(analysed(), "council").to(Action::Accept);
    let article = state.article.as_deref().unwrap();
    assert_eq!(article.annotations.len(), 1);
    assert_eq!(article.annotations[0].review, Review::Accepted);
    assert!(state.announcement.starts_with("Accepted the claim"));
    assert!(
        state.shown[state.index_of(&article.annotations[0].id).unwrap()].reasons[0]
            .contains("accepted by you")
    );
    let same = Rc::new(State::default()).to(Action::Accept);
    assert_eq!(same.revision, 0, "nothing open, nothing accepted");
}

#[test]
fn a_rejection_survives_analysing_again_and_the_next_one_opens() {
    let state = analysed();
    let article = state.article.clone().expect("an article");
    let before = state.count(Kind::Claim);
    let state = select_claim(state, "ferry").to(Action::Reject);
    assert_eq!(state.count(Kind::Claim), before - 1);
    let next = state.selected_entry().expect("the next annotation is open");
    assert!(next.exact.contains("Residents"), "{}", next.exact);
    assert!(state.announcement.contains("stays hidden"));
    let again = analyse(state, STORY);
    assert_eq!(again.count(Kind::Claim), before - 1, "still rejected");
    assert_eq!(again.article.as_ref().unwrap().id, article.id);
}

#[test]
fn verdict_keys_judge_claims_only_and_prefill_the_author() {
    let state = select_claim(analysed(), "council");
    let clock = TestClock::default();
    let judged = state
        .clone()
        .apply(Action::SetVerdict(Verdict::False), &clock);
    assert_eq!(
        judged.selected_entry().unwrap().judgement.verdict,
        Verdict::False
    );
    assert_eq!(judged.verdict_count(Verdict::False), 1);
    assert_eq!(judged.revision, state.revision + 1);
    assert_eq!(judged.announcement, "Verdict: False.");
    assert_eq!(
        judged.article.as_ref().unwrap().modified,
        "2026-01-01T00:00:01Z",
        "the change is stamped by the clock"
    );
    // On a non-claim, a verdict key does nothing at all.
    let start = chars_before(STORY, "Residents");
    let on_quote = judged
        .to(Action::SelectText(Some((start, start + 9))))
        .to(Action::Label(Kind::Quote));
    let same = on_quote.clone().to(Action::SetVerdict(Verdict::True));
    assert!(Rc::ptr_eq(&same, &on_quote));
    // A claim inside a quote gets the quote's speaker as its author.
    let text =
        "Ferry fares\n\"We will cut the fare by 30 percent next year,\" said Ana Berg, the mayor.";
    let quoted = select_claim(
        analyse(
            Rc::new(State::default()).to(Action::SetThreshold(0.0)),
            text,
        ),
        "cut the fare",
    )
    .to(Action::SetVerdict(Verdict::Mixed));
    let author = quoted.selected_entry().unwrap().judgement.author.clone();
    assert_eq!(author.as_deref(), Some("Ana Berg"));
}

#[test]
fn a_judgement_is_recorded_and_an_unchanged_one_is_not() {
    let state = select_claim(analysed(), "council");
    let id = state.selected.clone().unwrap();
    let judgement = Judgement {
        verdict: Verdict::Mixed,
        note: "The budget says 4.1 million.".into(),
        sources: vec!["https://example.org/budget".into()],
        author: Some("The council".into()),
        date: Some("2026-03-04".into()),
    };
    let judged = state.to(Action::Judge(id.clone(), judgement.clone()));
    let entry = &judged.entries[judged.index_of(&id).unwrap()];
    assert_eq!(entry.judgement, judgement);
    assert_eq!(entry.review, Review::Accepted);
    assert_eq!(judged.announcement, "Judgement saved.");
    let same = judged.clone().to(Action::Judge(id, judgement.clone()));
    assert!(Rc::ptr_eq(&same, &judged));
    let nowhere = judged.clone().to(Action::Judge("gone".into(), judgement));
    assert!(Rc::ptr_eq(&nowhere, &judged));
}

#[test]
fn steps_visit_the_listed_annotations_and_stop_at_the_ends() {
    let state = analysed().to(Action::ToggleKind(Kind::Boilerplate));
    let listed: Vec<String> = state
        .entries
        .iter()
        .filter(|e| e.kind != Kind::Boilerplate)
        .map(|e| e.id.clone())
        .collect();
    let mut visited = Vec::new();
    let mut state = state;
    for _ in 0..listed.len() + 2 {
        state = state.to(Action::Step(1));
        visited.push(state.selected.clone().unwrap());
    }
    assert_eq!(&visited[..listed.len()], &listed[..]);
    assert_eq!(visited.last(), listed.last(), "stays on the last one");
    assert!(state.focus_moves > 0);
    assert!(state.announcement.contains(&format!("of {}", listed.len())));
    let back = state.to(Action::Step(-1));
    assert_eq!(back.selected.as_ref(), listed.get(listed.len() - 2));
    let none = Rc::new(State::default());
    assert!(Rc::ptr_eq(&none.clone().to(Action::Step(1)), &none));
}

#[test]
fn jumping_opens_an_annotation_and_moves_the_focus_to_it() {
    let state = analysed();
    let last = state.entries.len() - 1;
    let jumped = state.clone().to(Action::Jump(last));
    assert_eq!(
        jumped.selected.as_deref(),
        Some(state.entries[last].id.as_str())
    );
    assert_eq!(jumped.focus_moves, state.focus_moves + 1);
    let nowhere = jumped.clone().to(Action::Jump(last + 1));
    assert!(Rc::ptr_eq(&nowhere, &jumped), "no such annotation");
}

#[test]
fn the_help_opens_and_closes() {
    let state = analysed();
    let open = state.clone().to(Action::ShowHelp(true));
    assert!(open.help);
    assert!(Rc::ptr_eq(&open.clone().to(Action::ShowHelp(true)), &open));
    assert!(!open.to(Action::ShowHelp(false)).help);
    assert!(Rc::ptr_eq(
        &state.clone().to(Action::ShowHelp(false)),
        &state
    ));
}

#[test]
fn renaming_cleans_the_title_and_is_saved() {
    let state = analysed();
    let renamed = state
        .clone()
        .to(Action::Rename("  Ferry\n budget   check ".into()));
    assert_eq!(
        renamed.article.as_ref().unwrap().title,
        "Ferry budget check"
    );
    assert_eq!(renamed.revision, state.revision + 1);
    assert_eq!(renamed.announcement, "Renamed to “Ferry budget check”.");
    let blank = renamed.clone().to(Action::Rename(" \n ".into()));
    assert!(Rc::ptr_eq(&blank, &renamed));
    let same = renamed
        .clone()
        .to(Action::Rename("Ferry budget check".into()));
    assert!(Rc::ptr_eq(&same, &renamed));
    let nothing_open = Rc::new(State::default());
    assert!(Rc::ptr_eq(
        &nothing_open.clone().to(Action::Rename("Title".into())),
        &nothing_open
    ));
}

#[test]
fn a_saved_article_opens_with_its_analysis_and_verdicts() {
    let judged =
        select_claim(analysed(), "12,000 passengers").to(Action::SetVerdict(Verdict::False));
    let saved = judged.article.as_deref().unwrap().clone();
    let elsewhere = analyse(
        Rc::new(State::default()).to(Action::SetThreshold(0.0)),
        "Another town\nThe mayor cut 30 jobs in May.",
    );
    let opened = |request: u64| Action::Opened {
        request,
        article: Box::new(saved.clone()),
        analysis: Rc::new(annotate(STORY)),
        opening: Opening::Saved,
    };
    let busy = elsewhere.clone().to(Action::Analysing(7));
    assert_eq!(
        busy.article, elsewhere.article,
        "the open work stays until the reply"
    );
    let superseded = busy.clone().to(Action::Analysing(8));
    let stale = superseded.clone().to(opened(7));
    assert!(Rc::ptr_eq(&stale, &superseded));

    let done = busy.to(opened(7));
    assert_eq!(done.pending, None);
    assert_eq!(done.loads, elsewhere.loads + 1, "the editor shows its text");
    assert_eq!(&*done.text, STORY);
    assert_eq!(done.announcement, format!("Opened “{}”.", saved.title));
    assert_eq!(
        done.revision, elsewhere.revision,
        "opening is not a change to save"
    );
    let judged: Vec<_> = done
        .entries
        .iter()
        .filter(|e| e.judgement.verdict != Verdict::default())
        .map(|e| (e.exact.as_str(), e.judgement.verdict))
        .collect();
    assert_eq!(
        judged,
        [(
            "The old ferry carried 12,000 passengers in 2023.",
            Verdict::False
        )]
    );
}

#[test]
fn new_starts_afresh_and_keeps_the_library_and_settings() {
    let state = analysed()
        .to(Action::Library(vec![Summary {
            id: "x".into(),
            title: "X".into(),
            ..Summary::default()
        }]))
        .to(Action::ToggleKind(Kind::Quote));
    let fresh = state.clone().to(Action::New);
    assert!(fresh.article.is_none() && fresh.analysis.is_none());
    assert_eq!(fresh.loads, state.loads + 1, "the editor is emptied");
    assert_eq!(fresh.revision, state.revision, "revisions never go back");
    assert_eq!(fresh.library, state.library);
    assert_eq!(
        (fresh.threshold, fresh.filter),
        (state.threshold, state.filter)
    );
    assert_eq!(fresh.announcement, "Started a new article.");
}

#[test]
fn the_library_and_storage_problems_are_shown_and_deleting_the_open_article_closes_it() {
    let state = analysed().to(Action::StorageProblem(Some("full".into())));
    assert_eq!(state.storage_problem.as_deref(), Some("full"));
    let same = state
        .clone()
        .to(Action::StorageProblem(Some("full".into())));
    assert!(Rc::ptr_eq(&same, &state));
    let open = state.article.as_ref().unwrap().id.clone();
    let summaries = vec![
        Summary {
            id: open.clone(),
            title: "Open".into(),
            ..Summary::default()
        },
        Summary {
            id: "other".into(),
            title: "Other".into(),
            ..Summary::default()
        },
    ];
    let listed = state.to(Action::Library(summaries));
    assert_eq!(listed.library.len(), 2);
    assert_eq!(listed.storage_problem, None, "a save that worked clears it");
    let other_gone = listed.clone().to(Action::Deleted("other".into()));
    assert_eq!(other_gone.library.len(), 1);
    assert!(other_gone.article.is_some(), "the open one stays open");
    let open_gone = other_gone.clone().to(Action::Deleted(open));
    assert!(open_gone.library.is_empty());
    assert!(
        open_gone.article.is_none(),
        "closed, so autosave cannot bring it back"
    );
    assert_eq!(open_gone.loads, other_gone.loads + 1);
}

#[test]
fn an_import_places_what_it_can_and_lists_the_orphans() {
    let state = select_claim(analysed(), "ferry").to(Action::SetVerdict(Verdict::Mixed));
    let article = export_view(
        state.article.as_ref().unwrap(),
        &state.entries,
        &Details::default(),
    );
    let exported = to_web_annotations(&article).to_string();
    let shorter = STORY.replace("The old ferry carried 12,000 passengers in 2023.\n", "");
    let fresh = analyse(state.to(Action::New), &shorter).to(Action::Import(exported));
    let outcome = fresh.import_outcome.as_ref().expect("an outcome");
    assert!(outcome.placed > 0);
    assert!(outcome.orphans.iter().any(|o| o.exact.contains("ferry")));
    assert!(fresh.announcement.starts_with("Imported"));
    let broken = fresh.to(Action::Import("{".to_string()));
    assert!(broken.import_error.as_ref().unwrap().contains("not JSON"));
    // With nothing open there is no text to place annotations on.
    let empty = Rc::new(State::default()).to(Action::Import("[]".into()));
    assert!(empty.import_error.is_some() && empty.article.is_none());
}

#[test]
fn dismissing_closes_every_report() {
    let state = analysed().to(Action::Import("{".into()));
    assert!(state.import_error.is_some());
    let changed = STORY.replace("4.2 million", "4.9 million");
    let state = analyse(select_claim(state, "council").to(Action::Accept), &changed);
    assert!(state.version_report.is_some());
    let dismissed = state.to(Action::DismissReports);
    assert!(dismissed.version_report.is_none());
    assert!(dismissed.import_outcome.is_none());
    assert!(dismissed.import_error.is_none());
}

/// Issue #18's repro: with one quote rejected and one claim relabelled as a
/// quote, the W3C export imported onto the same text brought the quote back
/// and showed the sentence as both a claim and a quote (7 claims / 4 quotes
/// against 6 / 3). Every decision now travels: the round trip is identical.
#[test]
fn export_then_import_onto_the_same_text_shows_exactly_what_was_exported() {
    let text = "Port strike ends\n\"We will return on Monday,\" the union leader, Ana Berg, said.\nThe strike cost 40 million euros, the port said.\n\"It was a hard month,\" said a docker.\nShipping resumed on Friday.";
    let state = analyse(
        Rc::new(State::default()).to(Action::SetThreshold(0.0)),
        text,
    );
    let quote = state
        .entries
        .iter()
        .find(|e| e.kind == Kind::Quote && e.exact.contains("hard month"))
        .expect("the docker's quote")
        .id
        .clone();
    let state = state.to(Action::Select(Some(quote))).to(Action::Reject);
    let state = select_claim(state, "Shipping resumed").to(Action::Label(Kind::Quote));
    let counts = |s: &State| (s.count(Kind::Claim), s.count(Kind::Quote));
    let before = counts(&state);
    let exported = to_web_annotations(&export_view(
        state.article.as_ref().unwrap(),
        &state.entries,
        &Details::default(),
    ))
    .to_string();

    let reopened = analyse(state.clone().to(Action::New), text);
    assert_ne!(counts(&reopened), before, "the fresh analysis differs");
    let imported = reopened.to(Action::Import(exported));
    let outcome = imported.import_outcome.as_ref().unwrap();
    assert!(outcome.orphans.is_empty());
    assert_eq!(counts(&imported), before);
    let view = |s: &State| -> Vec<(Kind, usize, usize, Origin, Review)> {
        s.entries
            .iter()
            .map(|e| (e.kind, e.start, e.end, e.origin, e.review))
            .collect()
    };
    assert_eq!(
        view(&imported),
        view(&state),
        "identical, decision for decision"
    );
}

#[test]
fn with_text_selected_keys_act_on_the_selection_not_the_open_annotation() {
    // Issue #18: with a claim open, selecting other text and pressing q
    // relabelled the open claim; the same after x.
    let state = select_claim(analysed(), "council");
    let open = state.selected.clone().unwrap();
    let start = chars_before(STORY, "Residents");
    let selected = state.to(Action::SelectText(Some((start, start + 9))));
    let labelled = selected.clone().to(Action::Label(Kind::Quote));
    assert!(labelled
        .announcement
        .starts_with("Added a quote: “Residents”"));
    let claim = labelled.entries.iter().find(|e| e.id == open).unwrap();
    assert_eq!(claim.kind, Kind::Claim, "the open claim is untouched");
    // x with the ferry sentence selected rejects that sentence, not the open claim.
    let ferry = chars_before(STORY, "old ferry");
    let rejected = labelled
        .to(Action::Select(Some(open.clone())))
        .to(Action::SelectText(Some((ferry, ferry + 9))))
        .to(Action::Reject);
    assert!(
        rejected.announcement.contains("The old ferry"),
        "{}",
        rejected.announcement
    );
    assert!(rejected.index_of(&open).is_some(), "the open claim stays");
    assert_eq!(rejected.selection, None);
    // A verdict key on a selection judges the claim under it.
    let council = chars_before(STORY, "4.2 million");
    let judged = rejected
        .to(Action::SelectText(Some((council, council + 3))))
        .to(Action::SetVerdict(Verdict::True));
    let entry = judged
        .entries
        .iter()
        .find(|e| e.exact.contains("4.2 million"))
        .unwrap();
    assert_eq!(entry.judgement.verdict, Verdict::True);
    // Selected text with no annotation under it: said so, nothing changed.
    let bare = Rc::new(State {
        selection: Some((0, 3)),
        ..(*judged.to(Action::ToggleKind(Kind::Claim))).clone()
    });
    let nothing = bare.clone().to(Action::Accept);
    assert_eq!(nothing.article, bare.article);
    assert_eq!(
        nothing.announcement,
        "There is no annotation in the selected text."
    );
}

#[test]
fn every_change_can_be_undone_in_turn() {
    let state = select_claim(analysed(), "council");
    let original = state.article.clone().unwrap();
    let start = chars_before(STORY, "Residents");
    let changed = state
        .to(Action::SetVerdict(Verdict::False))
        .to(Action::Label(Kind::Quote))
        .to(Action::Rename("Ferry check".into()))
        .to(Action::SelectText(Some((start, start + 9))))
        .to(Action::Label(Kind::Boilerplate))
        .to(Action::Reject);
    assert_eq!(changed.undo.len(), 5);
    assert!(changed
        .undo
        .last()
        .unwrap()
        .said
        .starts_with("Removed the boilerplate"));
    let mut state = changed;
    let mut said = Vec::new();
    while !state.undo.is_empty() {
        let revision = state.revision;
        state = state.to(Action::Undo);
        assert_eq!(state.revision, revision + 1, "an undo is saved");
        said.push(state.announcement.clone());
    }
    assert!(
        said[0].starts_with("Undone: Removed the boilerplate"),
        "{said:?}"
    );
    assert!(said[2].starts_with("Undone: Renamed"), "{said:?}");
    assert!(said[3].starts_with("Undone: Relabelled"), "{said:?}");
    assert_eq!(said[4], "Undone: Verdict: False.");
    let back = state.article.as_deref().unwrap();
    assert_eq!(back.annotations, original.annotations);
    assert_eq!(back.title, original.title);
    assert_eq!(
        state.selected_entry().unwrap().exact,
        "The council approved 4.2 million euros on Tuesday."
    );
    assert!(
        Rc::ptr_eq(&state.clone().to(Action::Undo), &state),
        "nothing left"
    );
    // Another text cannot be undone onto.
    let judged = select_claim(analysed(), "ferry").to(Action::Accept);
    assert_eq!(judged.undo.len(), 1);
    assert!(analyse(judged, "Another story\nIt rained.").undo.is_empty());
}

#[test]
fn a_corrected_speaker_is_a_decision_that_claims_inside_follow() {
    let text = "Ferry fares\n\"We will cut the fare by 30 percent next year,\" the office said.";
    let state = analyse(
        Rc::new(State::default()).to(Action::SetThreshold(0.0)),
        text,
    );
    // The claim inside the quote is judged first: its author is the detected speaker.
    let judged = select_claim(state, "cut the fare").to(Action::SetVerdict(Verdict::False));
    let claim_id = judged.selected.clone().unwrap();
    let detected = judged.selected_entry().unwrap().judgement.author.clone();
    assert_eq!(detected.as_deref(), Some("the office"));
    let quote = judged
        .entries
        .iter()
        .find(|e| e.kind == Kind::Quote)
        .unwrap()
        .id
        .clone();
    let corrected = judged
        .to(Action::Select(Some(quote.clone())))
        .to(Action::SetSpeaker("  Ana   Berg ".into()));
    let entry = corrected.selected_entry().unwrap();
    assert_eq!(entry.speaker_correction.as_deref(), Some("Ana Berg"));
    assert_eq!(entry.speaker_name().as_deref(), Some("Ana Berg"));
    assert_eq!(entry.review, Review::Accepted, "a decision");
    assert!(
        corrected.announcement.ends_with("Ana Berg."),
        "{}",
        corrected.announcement
    );
    let claim = &corrected.entries[corrected.index_of(&claim_id).unwrap()];
    assert_eq!(
        claim.judgement.author.as_deref(),
        Some("Ana Berg"),
        "the claimant follows"
    );
    let same = corrected.clone().to(Action::SetSpeaker("Ana Berg".into()));
    assert!(Rc::ptr_eq(&same, &corrected));
    let cleared = corrected.to(Action::SetSpeaker(String::new()));
    assert_eq!(
        cleared.selected_entry().unwrap().speaker_name().as_deref(),
        Some("the office")
    );
    // Only a quote has a speaker field.
    let on_claim = cleared.to(Action::Select(Some(claim_id)));
    assert!(Rc::ptr_eq(
        &on_claim.clone().to(Action::SetSpeaker("X".into())),
        &on_claim
    ));
}

#[test]
fn details_are_saved_and_the_reviewer_is_remembered_for_new_articles() {
    let state = analysed();
    let details = state.article.as_ref().unwrap().details.clone();
    assert_eq!(
        details.headline, "Bay town budget",
        "prefilled from the article"
    );
    let filled = Details {
        url: "https://example.org/bay".into(),
        publisher: "Bay News".into(),
        organisation: "Example Checks".into(),
        reviewer: "Sam Lee".into(),
        ..details
    };
    let saved = state.to(Action::SetDetails(filled.clone()));
    assert_eq!(saved.article.as_ref().unwrap().details, filled);
    assert_eq!(saved.announcement, "Article details saved.");
    assert_eq!(
        (
            saved.reviewer.organisation.as_str(),
            saved.reviewer.reviewer.as_str()
        ),
        ("Example Checks", "Sam Lee")
    );
    assert!(
        saved.reviewer.url.is_empty(),
        "only the reviewer is remembered"
    );
    let same = saved.clone().to(Action::SetDetails(filled));
    assert!(Rc::ptr_eq(&same, &saved));
    let next = analyse(
        saved.to(Action::New),
        "Another story\nIt rained all week in the valley, forecasters said.",
    );
    let details = &next.article.as_ref().unwrap().details;
    assert_eq!(
        (details.organisation.as_str(), details.reviewer.as_str()),
        ("Example Checks", "Sam Lee")
    );
    assert!(
        details.url.is_empty(),
        "the article's own details are its own"
    );
    // Remembered from an earlier visit.
    let remembered = Rc::new(State::default()).to(Action::Reviewer(Details {
        organisation: "Fact Desk".into(),
        url: "ignored".into(),
        ..Details::default()
    }));
    assert_eq!(remembered.reviewer.organisation, "Fact Desk");
    assert!(remembered.reviewer.url.is_empty());
    let fresh = analyse(remembered, STORY);
    assert_eq!(
        fresh.article.as_ref().unwrap().details.organisation,
        "Fact Desk"
    );
}

#[test]
fn the_type_filter_limits_the_listed_claims() {
    let state = analysed();
    let quantities = state
        .clone()
        .to(Action::FilterType(Some(ClaimType::Quantity)));
    let listed: Vec<&str> = quantities
        .listed_indices()
        .into_iter()
        .map(|i| quantities.entries[i].exact.as_str())
        .collect();
    assert_eq!(
        listed,
        [
            "The council approved 4.2 million euros on Tuesday.",
            "The old ferry carried 12,000 passengers in 2023."
        ]
    );
    let same = quantities
        .clone()
        .to(Action::FilterType(Some(ClaimType::Quantity)));
    assert!(Rc::ptr_eq(&same, &quantities));
    let all = quantities.to(Action::FilterType(None));
    assert_eq!(all.listed_indices(), state.listed_indices());
    let sorted = all.to(Action::SetSort(SortOrder::ClaimType));
    assert_eq!(sorted.sort, SortOrder::ClaimType);
}

#[test]
fn an_import_that_cannot_be_read_says_why() {
    let state = Rc::new(State::default()).to(Action::ImportFailed("it is damaged: no text".into()));
    assert_eq!(
        state.import_error.as_deref(),
        Some("Nothing was imported: it is damaged: no text.")
    );
    // W3C annotations with no article open: said so.
    let w3c = Rc::new(State::default()).to(Action::Import("[]".into()));
    assert!(w3c
        .import_error
        .as_ref()
        .unwrap()
        .contains("need the article they annotate"));
}

#[test]
fn opening_after_a_reload_restores_the_open_annotation_and_the_scroll() {
    let saved = select_claim(analysed(), "ferry").to(Action::Accept);
    let article = saved.article.as_deref().unwrap().clone();
    let selected = saved.selected.clone();
    let reload = |selected: Option<String>| Action::Opened {
        request: 1,
        article: Box::new(article.clone()),
        analysis: Rc::new(annotate(STORY)),
        opening: Opening::Reload {
            selected,
            scroll: 640.0,
            threshold: Some(0.0),
        },
    };
    let reopened = Rc::new(State::default())
        .to(Action::Analysing(1))
        .to(reload(selected.clone()));
    assert_eq!(reopened.selected, selected);
    assert_eq!(reopened.scroll_to, Some(640.0));
    assert_eq!(reopened.threshold, 0.0, "the reader's threshold");
    assert_eq!(reopened.entries, saved.entries, "every mark as it was");
    assert_eq!(reopened.threshold, 0.0, "the reader's threshold");
    assert_eq!(reopened.entries, saved.entries, "every mark as it was");
    assert_eq!(reopened.revision, 0, "nothing new to save");
    assert!(reopened.announcement.contains("as you left it"));
    let gone = Rc::new(State::default())
        .to(Action::Analysing(1))
        .to(reload(Some("gone".into())));
    assert_eq!(gone.selected, None);
    // A project file opens as a change to save.
    let project = Rc::new(State::default())
        .to(Action::Analysing(1))
        .to(Action::Opened {
            request: 1,
            article: Box::new(article.clone()),
            analysis: Rc::new(annotate(STORY)),
            opening: Opening::Project,
        });
    assert_eq!(project.revision, 1);
    assert_eq!(project.article.as_deref(), Some(&article));
    assert!(project.announcement.starts_with("Opened the project file"));
}

/// The index in the analysis on show of the sentence holding `words`.
fn sentence_index(state: &State, words: &str) -> usize {
    let analysis = state.analysis.as_ref().unwrap();
    analysis
        .sentences
        .iter()
        .position(|s| slice(&state.text, s.start, s.end).contains(words))
        .expect("a sentence with those words")
}

/// A batch of `logits` from sentence `from`, with `done` of `total` scored.
fn batch(from: usize, logits: &[f32], done: usize, total: usize) -> ScoredBatch {
    ScoredBatch {
        from,
        logits: logits.to_vec(),
        done,
        total,
    }
}

#[test]
fn encoder_logits_rescore_the_analysis_on_show_only() {
    use crate::analysis::claims::ScoredBy;
    let state = analysed().to(Action::SetThreshold(0.5));
    let request = state.analysed_request.expect("the request on show");
    let total = state.analysis.as_ref().unwrap().sentences.len();
    let ferry = sentence_index(&state, "ferry");
    let council = sentence_index(&state, "council");
    let claim_at = |state: &State, i: usize| {
        let sentence = &state.analysis.as_ref().unwrap().sentences[i];
        state
            .entries
            .iter()
            .find(|e| e.kind == Kind::Claim && e.start == sentence.start)
            .cloned()
    };
    assert!(claim_at(&state, ferry).is_some(), "a claim before");
    // Another request's logits change nothing.
    let stale = state.clone().to(Action::Scored {
        request: request + 1,
        batch: batch(ferry, &[-8.0], 1, total),
    });
    assert!(Rc::ptr_eq(&stale, &state));
    // Scoring starts: progress, nothing rescored yet.
    let started = state.clone().to(Action::Scored {
        request,
        batch: batch(0, &[], 0, total),
    });
    assert_eq!(started.scoring, Some(Scoring { done: 0, total }));
    assert_eq!(started.analysis, state.analysis);
    let lowered = started.to(Action::Scored {
        request,
        batch: batch(ferry, &[-8.0], 1, total),
    });
    let analysis = lowered.analysis.as_ref().unwrap();
    let sentence = &analysis.sentences[ferry];
    assert!(sentence.score < 0.1, "{sentence:?}");
    assert!(
        sentence
            .reasons
            .iter()
            .any(|r| r.starts_with("lowered: the language model's reading (−")),
        "{:?}",
        sentence.reasons
    );
    assert_eq!(analysis.claim_evidence[ferry].scored_by, ScoredBy::Encoder);
    assert_eq!(
        analysis.claim_evidence[council].scored_by,
        ScoredBy::Lexical
    );
    assert!(
        claim_at(&lowered, ferry).is_none(),
        "below the threshold now"
    );
    assert_eq!(lowered.scoring, Some(Scoring { done: 1, total }));
    // The last batch ends the progress and says so.
    let logits = vec![6.0; total];
    let done = lowered.to(Action::Scored {
        request,
        batch: batch(0, &logits, total, total),
    });
    assert_eq!(done.scoring, None);
    assert!(done.announcement.contains("language model scored"));
    let raised = claim_at(&done, ferry).expect("shown again");
    assert!(raised.score.unwrap() > 0.9, "{raised:?}");
    assert!(raised.reasons[0].starts_with("raised: the language model's reading (+"));
    // Logits past the analysis' sentences are dropped, not a panic.
    let beyond = done.clone().to(Action::Scored {
        request,
        batch: batch(total, &[1.0], total, total),
    });
    assert_eq!(beyond.analysis, done.analysis);
}

#[test]
fn decisions_keep_their_scores_when_the_encoder_scores() {
    let state = select_claim(analysed(), "council").to(Action::Accept);
    let state = select_claim(state, "ferry").to(Action::Reject);
    let request = state.analysed_request.unwrap();
    let accepted = state.article.as_ref().unwrap().annotations[0].clone();
    let total = state.analysis.as_ref().unwrap().sentences.len();
    let claims_before = state.count(Kind::Claim);
    let scored = state.to(Action::Scored {
        request,
        batch: batch(0, &vec![5.0; total], total, total),
    });
    let kept = scored
        .entries
        .iter()
        .find(|e| e.id == accepted.id)
        .expect("still accepted");
    assert_eq!(kept.score, accepted.score, "the score it was accepted with");
    assert_eq!(kept.review, Review::Accepted);
    assert!(
        scored
            .entries
            .iter()
            .all(|e| !(e.kind == Kind::Claim && e.exact.contains("ferry"))),
        "still rejected"
    );
    assert_eq!(scored.count(Kind::Claim), claims_before);
}

#[test]
fn a_model_that_cannot_load_leaves_the_quick_scores_and_says_so() {
    let state = analysed();
    let request = state.analysed_request.unwrap();
    let total = state.analysis.as_ref().unwrap().sentences.len();
    let started = state.clone().to(Action::Scored {
        request,
        batch: batch(0, &[], 0, total),
    });
    let failed = started.to(Action::ScoringFailed {
        request,
        message: "HTTP 404".into(),
    });
    let problem = failed.model_problem.clone().expect("a note");
    assert!(problem.starts_with(MODEL_PROBLEM) && problem.contains("HTTP 404"));
    assert_eq!(failed.scoring, None, "no progress left showing");
    assert_eq!(failed.analysis, state.analysis, "the quick scores stay");
    assert_eq!(failed.entries, state.entries);
    let again = failed.clone().to(Action::ScoringFailed {
        request,
        message: "HTTP 404".into(),
    });
    assert!(Rc::ptr_eq(&again, &failed), "said once");
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn a_corrected_speaker_reaches_every_export() {
    use crate::analysis::export::{claim_review, csv, markdown, project};
    let text = "Ferry fares\n\"We will cut the fare by 30 percent next year,\" the office said.";
    let state = analyse(
        Rc::new(State::default()).to(Action::SetThreshold(0.0)),
        text,
    );
    let quote = state
        .entries
        .iter()
        .find(|e| e.kind == Kind::Quote)
        .unwrap()
        .id
        .clone();
    // The verdict comes after the correction: the claimant is suggested.
    let state = state
        .to(Action::Select(Some(quote)))
        .to(Action::SetSpeaker("Olga Petrova".into()));
    let state = select_claim(state, "cut the fare").to(Action::SetVerdict(Verdict::False));
    let article = export_view(
        state.article.as_ref().unwrap(),
        &state.entries,
        &Details::default(),
    );
    let w3c = to_web_annotations(&article).to_string();
    assert!(
        w3c.contains("\"annotator:speakerCorrection\":\"Olga Petrova\""),
        "{w3c}"
    );
    let reviews = claim_review::to_claim_reviews(&article).unwrap();
    assert_eq!(reviews[0]["itemReviewed"]["author"]["name"], "Olga Petrova");
    assert!(markdown::to_markdown(&article).contains("— Olga Petrova"));
    assert!(markdown::to_markdown(&article).contains("Claimed by: Olga Petrova"));
    assert!(csv::to_csv(&article).contains("Olga Petrova"));
    assert!(project::to_project(&article).contains("\"speaker_correction\": \"Olga Petrova\""));
}
