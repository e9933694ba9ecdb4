//! The fact-checker workflow's reducer and shortcut table, run in headless
//! Chromium by wasm-bindgen-test (the reducer reads the browser's clock).
//! The edits themselves are tested natively in `analysis::editing`.
#![cfg(target_arch = "wasm32")]

use article_annotator::analysis::changes::ClaimChange;
use article_annotator::analysis::document::{Origin, Verdict};
use article_annotator::analysis::export::web_annotation::to_web_annotations;
use article_annotator::analysis::Kind;
use article_annotator::app::shortcuts::{action_for, SHORTCUTS};
use article_annotator::app::state::{export_view, Action, State};
use std::rc::Rc;
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

const STORY: &str = "Bay town budget\nThe council approved 4.2 million euros on Tuesday.\nThe old ferry carried 12,000 passengers in 2023.\nResidents gathered at the pier.";

fn chars_before(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].chars().count()
}

/// STORY analysed with every sentence shown as a claim.
fn analysed() -> Rc<State> {
    Rc::new(State::default())
        .reduce(Action::SetThreshold(0.0))
        .reduce(Action::Analyse(STORY.to_string()))
}

fn select_claim(state: Rc<State>, words: &str) -> Rc<State> {
    let id = state
        .entries
        .iter()
        .find(|e| e.kind == Kind::Claim && e.exact.contains(words))
        .map(|e| e.id.clone())
        .expect("a claim with those words");
    state.reduce(Action::Select(Some(id)))
}

#[wasm_bindgen_test]
fn analysing_opens_an_article_and_a_rejection_survives_analysing_again() {
    let state = analysed();
    let article = state.article.clone().expect("an article");
    assert_eq!(article.title, "Bay town budget");
    assert_eq!(state.revision, 1, "a new analysis is saved");
    let before = state.count(Kind::Claim);
    let state = select_claim(state, "ferry").reduce(Action::Reject);
    assert_eq!(state.count(Kind::Claim), before - 1);
    let next = state.selected_entry().expect("the next annotation is open");
    assert!(next.exact.contains("Residents"), "{}", next.exact);
    let again = state.reduce(Action::Analyse(STORY.to_string()));
    assert_eq!(again.count(Kind::Claim), before - 1, "still rejected");
    assert_eq!(
        again.article.as_ref().unwrap().id,
        article.id,
        "the same article"
    );
    assert!(again.version_report.is_none());
}

#[wasm_bindgen_test]
fn a_pasted_carriage_return_is_normalised_before_analysis() {
    let state = Rc::new(State::default()).reduce(Action::Analyse("One.\r\nTwo.".to_string()));
    assert_eq!(&*state.text, "One.\nTwo.");
}

#[wasm_bindgen_test]
fn a_selection_becomes_a_manual_annotation_that_can_be_relabelled_and_removed() {
    let state = analysed();
    let (quotes, boilerplate) = (state.count(Kind::Quote), state.count(Kind::Boilerplate));
    let start = chars_before(STORY, "gathered");
    let end = start + "gathered at the pier".len();
    let state = state
        .reduce(Action::SelectText(Some((start - 1, end))))
        .reduce(Action::Label(Kind::Quote));
    let entry = state.selected_entry().expect("the new annotation is open");
    assert_eq!(
        (entry.kind, entry.origin, entry.exact.as_str()),
        (Kind::Quote, Origin::Manual, "gathered at the pier")
    );
    assert_eq!(state.selection, None);
    assert!(state.announcement.starts_with("Added a quote"));
    let state = state.reduce(Action::Label(Kind::Boilerplate));
    assert_eq!(state.selected_entry().unwrap().kind, Kind::Boilerplate);
    assert_eq!(state.count(Kind::Quote), quotes);
    assert_eq!(state.count(Kind::Boilerplate), boilerplate + 1);
    let state = state.reduce(Action::Reject);
    assert_eq!(state.count(Kind::Boilerplate), boilerplate);
    assert!(state.article.as_ref().unwrap().annotations.is_empty());
}

#[wasm_bindgen_test]
fn verdict_keys_judge_claims_only_and_unchanged_actions_keep_the_state() {
    let state = select_claim(analysed(), "council");
    let judged = state.clone().reduce(Action::SetVerdict(Verdict::False));
    assert_eq!(
        judged.selected_entry().unwrap().judgement.verdict,
        Verdict::False
    );
    assert_eq!(judged.verdict_count(Verdict::False), 1);
    assert_eq!(judged.revision, state.revision + 1);
    // On a non-claim, a verdict key does nothing at all.
    let start = chars_before(STORY, "Residents");
    let on_quote = judged
        .reduce(Action::SelectText(Some((start, start + 9))))
        .reduce(Action::Label(Kind::Quote));
    let same = on_quote.clone().reduce(Action::SetVerdict(Verdict::True));
    assert!(Rc::ptr_eq(&same, &on_quote));
    let same = on_quote.clone().reduce(Action::ShowHelp(false));
    assert!(Rc::ptr_eq(&same, &on_quote));
}

#[wasm_bindgen_test]
fn steps_visit_the_listed_annotations_and_stop_at_the_ends() {
    let state = analysed().reduce(Action::ToggleKind(Kind::Boilerplate));
    let listed: Vec<String> = state
        .entries
        .iter()
        .filter(|e| e.kind != Kind::Boilerplate)
        .map(|e| e.id.clone())
        .collect();
    let mut visited = Vec::new();
    let mut state = state;
    for _ in 0..listed.len() + 2 {
        state = state.reduce(Action::Step(1));
        visited.push(state.selected.clone().unwrap());
    }
    assert_eq!(&visited[..listed.len()], &listed[..]);
    assert_eq!(visited.last(), listed.last(), "stays on the last one");
    assert!(state.focus_moves > 0);
    let back = state.reduce(Action::Step(-1));
    assert_eq!(back.selected.as_ref(), listed.get(listed.len() - 2));
}

#[wasm_bindgen_test]
fn a_changed_version_keeps_the_article_and_reports_vanished_claims() {
    let state = select_claim(analysed(), "ferry").reduce(Action::Accept);
    let id = state.article.as_ref().unwrap().id.clone();
    let changed = STORY.replace("The old ferry carried 12,000 passengers in 2023.\n", "");
    let next = state.reduce(Action::Analyse(changed.clone()));
    assert_eq!(next.article.as_ref().unwrap().id, id);
    let report = next.version_report.as_ref().expect("a report");
    assert!(report
        .changes
        .iter()
        .any(|c| matches!(c, ClaimChange::Vanished { before, .. } if before.contains("ferry"))));
    // An unrelated text is a new article.
    let other = next.reduce(Action::Analyse("Another story\nIt rained.".to_string()));
    assert_ne!(other.article.as_ref().unwrap().id, id);
    assert!(other.version_report.is_none());
}

#[wasm_bindgen_test]
fn an_import_places_what_it_can_and_lists_the_orphans() {
    let state = select_claim(analysed(), "ferry").reduce(Action::SetVerdict(Verdict::Mixed));
    let article = export_view(state.article.as_ref().unwrap(), &state.entries);
    let exported = to_web_annotations(&article).to_string();
    let shorter = STORY.replace("The old ferry carried 12,000 passengers in 2023.\n", "");
    let fresh = state
        .reduce(Action::New)
        .reduce(Action::Analyse(shorter))
        .reduce(Action::Import(exported));
    let outcome = fresh.import_outcome.as_ref().expect("an outcome");
    assert!(outcome.placed > 0);
    assert!(outcome.orphans.iter().any(|o| o.exact.contains("ferry")));
    let broken = fresh.reduce(Action::Import("{".to_string()));
    assert!(broken.import_error.as_ref().unwrap().contains("not JSON"));
}

#[wasm_bindgen_test]
fn every_listed_shortcut_does_something_and_question_mark_toggles_help() {
    for shortcut in SHORTCUTS {
        for key in shortcut.keys {
            let key = if *key == "Esc" { "Escape" } else { key };
            assert!(action_for(key, false).is_some(), "{key}");
        }
    }
    assert_eq!(action_for("?", false), Some(Action::ShowHelp(true)));
    assert_eq!(action_for("?", true), Some(Action::ShowHelp(false)));
    assert_eq!(action_for("Escape", true), Some(Action::ShowHelp(false)));
    assert_eq!(action_for("Escape", false), Some(Action::Select(None)));
    assert_eq!(action_for("z", false), None);
    assert_eq!(
        action_for("6", false),
        Some(Action::SetVerdict(Verdict::False))
    );
}

/// A rich paste (issue #5): the markup's hints are kept with the article, so
/// opening the saved article, or analysing the same text again, gives the
/// same result; a changed text does not inherit hints that no longer fit.
#[wasm_bindgen_test]
fn a_rich_paste_keeps_its_markup_with_the_article() {
    use article_annotator::analysis::{document::Article, html};
    let page = "<article><p>The harbour board voted on Tuesday to dredge the northern channel before the autumn storms.</p>\
        <p>Pilots had warned for years that silt was building up near the breakwater, the chair said.</p></article>\
        <nav><ul><li>Harbours</li><li>Weather</li><li>Shipping</li></ul></nav>";
    let rendered = html::render(page);
    let boilerplate = |state: &State| -> Vec<(usize, usize, String)> {
        let analysis = state.analysis.as_ref().unwrap();
        analysis
            .boilerplate
            .iter()
            .map(|b| (b.start, b.end, b.reasons[0].to_string()))
            .collect()
    };
    let state = Rc::new(State::default()).reduce(Action::AnalyseWithMarkup(
        rendered.text.clone(),
        rendered.hints.clone(),
    ));
    let marked = boilerplate(&state);
    let nav_start = chars_before(&rendered.text, "Harbours");
    assert_eq!(
        marked,
        [(
            nav_start,
            rendered.text.chars().count(),
            "navigation (<nav>)".to_string()
        )]
    );
    let article = state.article.as_deref().unwrap().clone();
    assert_eq!(article.markup, rendered.hints);

    let saved: Article = serde_json::from_str(&serde_json::to_string(&article).unwrap()).unwrap();
    let reopened = Rc::new(State::default()).reduce(Action::Open(saved));
    assert_eq!(boilerplate(&reopened), marked);
    let again = state.clone().reduce(Action::Analyse(rendered.text.clone()));
    assert_eq!(boilerplate(&again), marked);

    let edited = rendered.text.replace("Harbours", "Ports");
    let changed = state.reduce(Action::Analyse(edited));
    assert!(changed.article.as_deref().unwrap().markup.is_empty());
    assert!(boilerplate(&changed)
        .iter()
        .all(|b| b.2 != "navigation (<nav>)"));
}

#[wasm_bindgen_test]
fn an_analysis_from_the_worker_is_taken_only_for_the_latest_request() {
    let analysis = |text: &str| Rc::new(article_annotator::analysis::annotate(text));
    let start = Rc::new(State::default()).reduce(Action::SetThreshold(0.0));
    let busy = start.clone().reduce(Action::Analysing(1));
    assert_eq!(busy.pending, Some(1), "the page shows it is busy");
    assert!(busy.analysis.is_none());
    let newer = busy.reduce(Action::Analysing(2));
    // The reply to request 1 is stale: the text changed since.
    let stale = newer.clone().reduce(Action::Analysed {
        request: 1,
        text: "Another text.".to_string(),
        analysis: analysis("Another text."),
        markup: None,
    });
    assert!(Rc::ptr_eq(&stale, &newer), "a stale reply changes nothing");
    let done = stale.reduce(Action::Analysed {
        request: 2,
        text: STORY.to_string(),
        analysis: analysis(STORY),
        markup: None,
    });
    assert_eq!(done.pending, None);
    assert_eq!(&*done.text, STORY);
    // The same as analysing it here.
    let here = start.reduce(Action::Analyse(STORY.to_string()));
    assert_eq!(done.shown, here.shown);
    assert_eq!(done.revision, here.revision, "it is saved the same way");
    // Starting afresh drops the request in flight, so its reply is stale.
    let fresh = done.reduce(Action::Analysing(3)).reduce(Action::New);
    let after = fresh.clone().reduce(Action::Analysed {
        request: 3,
        text: STORY.to_string(),
        analysis: analysis(STORY),
        markup: None,
    });
    assert!(Rc::ptr_eq(&after, &fresh));
    assert!(after.article.is_none());
}

#[wasm_bindgen_test]
fn a_saved_article_opens_with_the_worker_analysis_of_its_text_and_keeps_its_verdicts() {
    let judged =
        select_claim(analysed(), "12,000 passengers").reduce(Action::SetVerdict(Verdict::False));
    let saved = judged.article.as_deref().unwrap().clone();
    let elsewhere = Rc::new(State::default())
        .reduce(Action::SetThreshold(0.0))
        .reduce(Action::Analyse(
            "Another town\nThe mayor cut 30 jobs in May.".to_string(),
        ));
    let opened = |request: u64| Action::Opened {
        request,
        article: Box::new(saved.clone()),
        analysis: Rc::new(article_annotator::analysis::annotate(STORY)),
    };
    let busy = elsewhere.clone().reduce(Action::Analysing(7));
    assert_eq!(busy.pending, Some(7));
    assert_eq!(
        busy.article, elsewhere.article,
        "the open work stays until the reply"
    );
    // Superseded by a paste after the click: the reply changes nothing.
    let superseded = busy.clone().reduce(Action::Analysing(8));
    let stale = superseded.clone().reduce(opened(7));
    assert!(Rc::ptr_eq(&stale, &superseded));

    let done = busy.reduce(opened(7));
    assert_eq!(done.pending, None);
    assert_eq!(done.loads, elsewhere.loads + 1, "the editor shows its text");
    assert_eq!(&*done.text, STORY);
    assert_eq!(done.announcement, format!("Opened “{}”.", saved.title));
    assert_eq!(
        done.revision, elsewhere.revision,
        "opening is not a change to save"
    );
    // The same as opening it here.
    let here = elsewhere.reduce(Action::Open(saved.clone()));
    assert_eq!(done.shown, here.shown);
    assert_eq!(done.entries, here.entries);
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

#[wasm_bindgen_test]
fn jumping_opens_an_annotation_and_moves_the_focus_to_it() {
    let state = analysed();
    let last = state.entries.len() - 1;
    let jumped = state.clone().reduce(Action::Jump(last));
    assert_eq!(
        jumped.selected.as_deref(),
        Some(state.entries[last].id.as_str())
    );
    assert_eq!(jumped.focus_moves, state.focus_moves + 1);
    let nowhere = jumped.clone().reduce(Action::Jump(last + 1));
    assert!(
        Rc::ptr_eq(&nowhere, &jumped),
        "no such annotation: nothing changes"
    );
}
