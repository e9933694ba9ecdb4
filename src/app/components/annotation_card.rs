//! The open annotation: relabel, accept, reject or remove it; for a quote
//! who said it ("Speaker", a decision); for a claim its checkable parts and
//! type, links to look it up, and the fact-checker's judgement (verdict,
//! note, sources, author, date).
//!
//! Every field reports a whole new [`Judgement`] when it changes; the
//! reducer records it and the app saves it. Source links are only made
//! clickable when they are http(s) addresses: user text never becomes a
//! `javascript:` link.

use crate::analysis::claim_parts::{claim_type, parts};
use crate::analysis::document::{Judgement, Origin, Review, SavedAnnotation, Verdict};
use crate::analysis::evidence::evidence_links;
use crate::analysis::Kind;
use crate::app::components::legend::badge;
use crate::app::shortcuts::verdict_key;
use crate::app::state::{kind_name, kind_title, Action};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnnotationCardProps {
    pub entry: SavedAnnotation,
    /// The author to show when the judgement names none (from a quote's speaker).
    #[prop_or_default]
    pub suggested_author: Option<String>,
    /// Names in the article, offered for a quote's speaker.
    #[prop_or_default]
    pub names: Rc<Vec<String>>,
    /// The article's address, if given (the archive link shows its copies).
    #[prop_or_default]
    pub article_url: Option<String>,
    pub on_action: Callback<Action>,
}

/// Only web addresses become links.
pub fn is_web_link(source: &str) -> bool {
    let lower = source.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn review_label(entry: &SavedAnnotation) -> &'static str {
    match (entry.origin, entry.review) {
        (Origin::Manual, _) => "Marked by you",
        (Origin::Detected, Review::Pending) => "Detected, not yet reviewed",
        (Origin::Detected, Review::Accepted) => "Detected, accepted",
        (Origin::Detected, Review::Rejected) => "Detected, rejected",
    }
}

fn input_value(event: &Event) -> String {
    if let Some(area) = event.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
        return area.value();
    }
    if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
        return select.value();
    }
    event
        .target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|input| input.value())
        .unwrap_or_default()
}

#[function_component(AnnotationCard)]
pub fn annotation_card(props: &AnnotationCardProps) -> Html {
    let entry = &props.entry;
    let act = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let relabel = Kind::ALL.iter().map(|&kind| {
        let current = entry.kind == kind;
        let key = &kind_name(kind)[..1];
        html! {
            <button
                type="button"
                class={classes!("kind-button", current.then_some("current"))}
                data-kind={kind.as_str()}
                aria-pressed={current.to_string()}
                aria-keyshortcuts={key.to_string()}
                onclick={act(Action::Label(kind))}
            >
                <span class="swatch" data-kind={kind.as_str()} aria-hidden="true">{ badge(kind) }</span>
                { kind_title(kind) }
            </button>
        }
    });
    let reject_label = match entry.origin {
        Origin::Manual => "Remove",
        Origin::Detected => "Reject",
    };
    html! {
        <section class="panel card" aria-labelledby="card-heading" data-ann-id={entry.id.clone()}>
            <div class="panel-head">
                <h2 id="card-heading">{ format!("Open {}", kind_name(entry.kind)) }</h2>
                <button type="button" class="link-button" onclick={act(Action::Select(None))}>{ "Close" }</button>
            </div>
            // Focusable: a long annotation scrolls inside it.
            <blockquote class="card-exact" tabindex="0">
                if entry.kind == Kind::Claim {
                    { with_parts(&entry.exact) }
                } else {
                    { entry.exact.clone() }
                }
            </blockquote>
            <p class="card-review">{ review_label(entry) }</p>
            <div class="kind-buttons" role="group" aria-label="Kind">{ for relabel }</div>
            <div class="card-actions">
                if entry.origin == Origin::Detected && entry.review != Review::Accepted {
                    <button type="button" class="accept" aria-keyshortcuts="a" onclick={act(Action::Accept)}>{ "Accept" }</button>
                }
                <button type="button" class="reject" aria-keyshortcuts="x" onclick={act(Action::Reject)}>{ reject_label }</button>
            </div>
            if entry.kind == Kind::Quote {
                <SpeakerField
                    speaker={entry.speaker_name().unwrap_or_default()}
                    names={props.names.clone()}
                    on_action={props.on_action.clone()}
                />
            }
            if entry.kind == Kind::Claim {
                <ClaimAnatomy exact={entry.exact.clone()} article_url={props.article_url.clone()} />
                <JudgementForm
                    id={entry.id.clone()}
                    judgement={entry.judgement.clone()}
                    suggested_author={props.suggested_author.clone()}
                    on_action={props.on_action.clone()}
                />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct JudgementFormProps {
    id: String,
    judgement: Judgement,
    suggested_author: Option<String>,
    on_action: Callback<Action>,
}

#[function_component(JudgementForm)]
fn judgement_form(props: &JudgementFormProps) -> Html {
    // The author shown is the one that will be saved with any change.
    let base = Judgement {
        author: props
            .judgement
            .author
            .clone()
            .or(props.suggested_author.clone()),
        ..props.judgement.clone()
    };
    let field = |set: fn(&mut Judgement, String)| {
        let on_action = props.on_action.clone();
        let id = props.id.clone();
        let base = base.clone();
        Callback::from(move |event: Event| {
            let mut judgement = base.clone();
            set(&mut judgement, input_value(&event));
            on_action.emit(Action::Judge(id.clone(), judgement));
        })
    };
    let on_verdict = field(|j, v| j.verdict = Verdict::from_label(&v).unwrap_or_default());
    let on_note = field(|j, v| j.note = v.trim().to_string());
    let on_sources = field(|j, v| {
        j.sources = v
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect();
    });
    let on_author = field(|j, v| j.author = Some(v.trim().to_string()).filter(|a| !a.is_empty()));
    let on_date = field(|j, v| j.date = Some(v.trim().to_string()).filter(|d| !d.is_empty()));
    let verdicts = Verdict::ALL.iter().map(|&v| {
        html! {
            <option value={v.label()} selected={v == props.judgement.verdict}>
                { format!("{} ({})", v.label(), verdict_key(v)) }
            </option>
        }
    });
    let links = props.judgement.sources.iter().map(|source| {
        if is_web_link(source) {
            html! { <li><a href={source.trim().to_string()} target="_blank" rel="noopener noreferrer">{ source.clone() }</a></li> }
        } else {
            html! { <li>{ source.clone() }</li> }
        }
    });
    // Enter in a field must not submit (and reload) anything.
    let onsubmit = Callback::from(|event: SubmitEvent| event.prevent_default());
    html! {
        <form class="judgement" aria-label="Judgement" {onsubmit}>
            <label class="field-label" for="verdict">{ "Verdict" }</label>
            <select id="verdict" onchange={on_verdict} data-verdict={props.judgement.verdict.label()}>
                { for verdicts }
            </select>
            <label class="field-label" for="judgement-note">{ "Note" }</label>
            <textarea id="judgement-note" rows="3" value={props.judgement.note.clone()} onchange={on_note} />
            <label class="field-label" for="judgement-sources">{ "Sources (one link a line)" }</label>
            <textarea id="judgement-sources" rows="2" value={props.judgement.sources.join("\n")} onchange={on_sources} />
            if !props.judgement.sources.is_empty() {
                <ul class="sources">{ for links }</ul>
            }
            <div class="judgement-row">
                <div>
                    <label class="field-label" for="judgement-author">{ "Claim made by" }</label>
                    <input id="judgement-author" type="text" value={base.author.clone().unwrap_or_default()} onchange={on_author} />
                </div>
                <div>
                    <label class="field-label" for="judgement-date">{ "Date" }</label>
                    <input id="judgement-date" type="date" value={props.judgement.date.clone().unwrap_or_default()} onchange={on_date} />
                </div>
            </div>
        </form>
    }
}

/// The claim's words with its checkable parts marked.
fn with_parts(exact: &str) -> Html {
    let chars: Vec<char> = exact.chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    for part in parts(exact) {
        if part.start > at {
            out.push(Html::from(chars[at..part.start].iter().collect::<String>()));
        }
        out.push(html! {
            <span class="part" data-part={part.kind.as_str()}>{ part.text.clone() }</span>
        });
        at = part.end;
    }
    if at < chars.len() {
        out.push(Html::from(chars[at..].iter().collect::<String>()));
    }
    out.into_iter().collect()
}

#[derive(Properties, PartialEq)]
struct ClaimAnatomyProps {
    exact: String,
    article_url: Option<String>,
}

/// What kind of claim it is and why, the parts to check, and where to look.
#[function_component(ClaimAnatomy)]
fn claim_anatomy(props: &ClaimAnatomyProps) -> Html {
    let typed = claim_type(&props.exact);
    let found = parts(&props.exact);
    let links = evidence_links(&props.exact, props.article_url.as_deref());
    html! {
        <div class="anatomy">
            <p class="claim-type" data-type={typed.kind.as_str()}>
                <span class="field-label">{ "Type" }</span>
                <strong>{ typed.kind.label() }</strong>
                <span class="muted">{ format!(" — {}", typed.reason) }</span>
            </p>
            if !found.is_empty() {
                <div class="parts">
                    <span class="field-label">{ "To check" }</span>
                    <ul class="part-list">
                        { for found.iter().map(|p| html! {
                            <li data-part={p.kind.as_str()}>
                                <span class="part" data-part={p.kind.as_str()}>{ p.text.clone() }</span>
                                <span class="muted">{ format!(" {}", p.kind.as_str()) }</span>
                            </li>
                        }) }
                    </ul>
                </div>
            }
            <div class="evidence">
                <span class="field-label">{ "Look it up (opens a new tab)" }</span>
                <ul class="evidence-links">
                    { for links.iter().map(|l| html! {
                        <li><a href={l.url.clone()} target="_blank" rel="noopener noreferrer">{ l.label }</a></li>
                    }) }
                </ul>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SpeakerFieldProps {
    /// Who said it now (corrected or detected; empty: nobody found).
    speaker: String,
    names: Rc<Vec<String>>,
    on_action: Callback<Action>,
}

/// "Speaker": free text, with the article's names to pick from.
#[function_component(SpeakerField)]
fn speaker_field(props: &SpeakerFieldProps) -> Html {
    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| on_action.emit(Action::SetSpeaker(input_value(&event))))
    };
    let onsubmit = Callback::from(|event: SubmitEvent| event.prevent_default());
    html! {
        <form class="speaker" {onsubmit}>
            <label class="field-label" for="quote-speaker">{ "Speaker" }</label>
            <input
                id="quote-speaker"
                type="text"
                list="speaker-names"
                autocomplete="off"
                value={props.speaker.clone()}
                placeholder="Who said it"
                {onchange}
            />
            <datalist id="speaker-names">
                { for props.names.iter().map(|n| html! { <option value={n.clone()} /> }) }
            </datalist>
            <p class="hint">{ "Type a name or pick one from the article; it goes into every export." }</p>
        </form>
    }
}
