//! What the reader must not miss after a paste or an import: saved claims
//! that changed or vanished in a new version of the article, and imported
//! annotations that could not be placed (listed, never dropped silently).

use crate::analysis::changes::ClaimChange;
use crate::app::state::{kind_name, Action, ImportOutcome, VersionReport};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportsProps {
    #[prop_or_default]
    pub version: Option<std::rc::Rc<VersionReport>>,
    #[prop_or_default]
    pub import: Option<std::rc::Rc<ImportOutcome>>,
    #[prop_or_default]
    pub import_error: Option<String>,
    pub on_action: Callback<Action>,
}

fn change_item(change: &ClaimChange) -> Option<Html> {
    Some(match change {
        ClaimChange::Unchanged { .. } => return None,
        ClaimChange::Moved { .. } => return None,
        ClaimChange::Edited { before, after, .. } => html! {
            <li class="change" data-status="edited">
                <strong>{ "Edited: " }</strong>
                <del>{ before.clone() }</del>{ " → " }<ins>{ after.clone() }</ins>
            </li>
        },
        ClaimChange::Vanished { before, .. } => html! {
            <li class="change" data-status="vanished">
                <strong>{ "Vanished: " }</strong><del>{ before.clone() }</del>
            </li>
        },
    })
}

#[function_component(Reports)]
pub fn reports(props: &ReportsProps) -> Html {
    if props.version.is_none() && props.import.is_none() && props.import_error.is_none() {
        return Html::default();
    }
    let dismiss = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::DismissReports))
    };
    let version = props.version.as_ref().map(|report| {
        let changed: Vec<Html> = report.changes.iter().filter_map(change_item).collect();
        let moved = report
            .changes
            .iter()
            .filter(|c| matches!(c, ClaimChange::Moved { .. }))
            .count();
        let unchanged = report.changes.len() - changed.len() - moved;
        let lost_other = report.lost.iter().filter(|a| a.kind != crate::analysis::Kind::Claim);
        html! {
            <div class="report version-report" role="region" aria-labelledby="version-heading">
                <h3 id="version-heading">{ format!("New version of “{}”", report.title) }</h3>
                <p>{ format!("{} saved claims changed or vanished; {unchanged} unchanged, {moved} moved.", changed.len()) }</p>
                if !changed.is_empty() {
                    <ul class="changes">{ for changed }</ul>
                }
                <ul class="changes">
                    { for lost_other.map(|a| html! {
                        <li class="change" data-status="vanished">
                            <strong>{ format!("Vanished {}: ", kind_name(a.kind)) }</strong><del>{ a.exact.clone() }</del>
                        </li>
                    }) }
                </ul>
            </div>
        }
    });
    let import = props.import.as_ref().map(|outcome| {
        html! {
            <div class="report import-report" role="region" aria-labelledby="import-heading">
                <h3 id="import-heading">{ format!("Imported {} annotations", outcome.placed) }</h3>
                if outcome.orphans.is_empty() {
                    <p>{ "Every annotation found its place in the text." }</p>
                } else {
                    <p>{ format!("{} could not be placed in this text:", outcome.orphans.len()) }</p>
                    <ul class="orphans">
                        { for outcome.orphans.iter().map(|o| html! {
                            <li class="orphan">
                                <strong>{ o.kind.map_or("annotation", kind_name) }</strong>{ ": " }
                                <q>{ o.exact.clone() }</q>
                                <span class="muted">{ format!(" ({})", o.why) }</span>
                            </li>
                        }) }
                    </ul>
                }
            </div>
        }
    });
    html! {
        <section class="reports" aria-label="Reports">
            if let Some(error) = &props.import_error {
                <p class="notice" role="alert">{ error.clone() }</p>
            }
            { for version }
            { for import }
            <button type="button" class="link-button" onclick={dismiss}>{ "Dismiss" }</button>
        </section>
    }
}
