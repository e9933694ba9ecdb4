//! "Article details": where and when the article appeared and who reviews
//! it, for ClaimReview and the reports. The headline is prefilled from the
//! article; the reviewer's organisation and name are remembered for the
//! next articles. Each field reports the whole new [`Details`] when it
//! changes.

use crate::analysis::document::Details;
use crate::app::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DetailsFormProps {
    pub details: Details,
    pub on_action: Callback<Action>,
}

type Setter = fn(&mut Details, String);

/// Each field: its id, its label, its input type and what it sets.
const FIELDS: &[(&str, &str, &str, Setter)] = &[
    ("detail-url", "Article URL", "url", |d, v| d.url = v),
    ("detail-headline", "Headline", "text", |d, v| d.headline = v),
    ("detail-publisher", "Publisher", "text", |d, v| {
        d.publisher = v
    }),
    ("detail-author", "Author", "text", |d, v| d.author = v),
    ("detail-published", "Published", "date", |d, v| {
        d.published = v
    }),
    ("detail-review-url", "Review URL", "url", |d, v| {
        d.review_url = v
    }),
    ("detail-organisation", "Organisation", "text", |d, v| {
        d.organisation = v
    }),
    ("detail-reviewer", "Reviewer", "text", |d, v| d.reviewer = v),
];

fn value_of(details: &Details, id: &str) -> String {
    match id {
        "detail-url" => &details.url,
        "detail-headline" => &details.headline,
        "detail-publisher" => &details.publisher,
        "detail-author" => &details.author,
        "detail-published" => &details.published,
        "detail-review-url" => &details.review_url,
        "detail-organisation" => &details.organisation,
        _ => &details.reviewer,
    }
    .clone()
}

#[function_component(DetailsForm)]
pub fn details_form(props: &DetailsFormProps) -> Html {
    let fields = FIELDS.iter().map(|&(id, label, kind, set)| {
        let onchange = {
            let on_action = props.on_action.clone();
            let details = props.details.clone();
            Callback::from(move |event: Event| {
                let input: web_sys::HtmlInputElement = event.target_unchecked_into();
                let mut changed = details.clone();
                set(&mut changed, input.value().trim().to_string());
                on_action.emit(Action::SetDetails(changed));
            })
        };
        let reviewer = matches!(id, "detail-organisation" | "detail-reviewer");
        html! {
            <div class={classes!("detail", reviewer.then_some("reviewer-field"))}>
                <label class="field-label" for={id}>{ label }</label>
                <input {id} type={kind} value={value_of(&props.details, id)} {onchange} />
            </div>
        }
    });
    let onsubmit = Callback::from(|event: SubmitEvent| event.prevent_default());
    html! {
        <section class="panel details" aria-labelledby="details-heading">
            <h2 id="details-heading">{ "Article details" }</h2>
            <form class="details-form" aria-label="Article details" {onsubmit}>{ for fields }</form>
            <p class="hint">{ "For ClaimReview and the reports. Organisation and Reviewer are remembered for your next articles." }</p>
        </section>
    }
}
