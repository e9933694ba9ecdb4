//! schema.org ClaimReview, one for each judged claim, in the shape Google's
//! fact-check markup (and its Fact Check Markup Tool) reads: the review's
//! `url`, its `author` (the reviewing organisation), `datePublished`, the
//! claim reviewed, the rating, and the claim itself (`itemReviewed`) with
//! its claimant, date and the article it appeared in (`appearance`: URL,
//! headline, date, author, publisher).
//!
//! The details come from [`Article::details`]; what a publisher still has
//! to fill in is listed by [`missing`], so the page can say so before the
//! file is downloaded. With no claim judged there is nothing to review, and
//! [`to_claim_reviews`] says so instead of writing an empty list.

use super::exported;
use crate::analysis::annotation::Kind;
use crate::analysis::document::{Article, Verdict};
use serde_json::{json, Map, Value};

/// Why there is no ClaimReview to export.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no claim has a verdict yet: give a claim a verdict (True to Unverifiable, keys 2-7) before exporting ClaimReview")]
pub struct NothingJudged;

/// A JSON array of ClaimReview objects, one per claim with a verdict (any
/// verdict but Unchecked).
pub fn to_claim_reviews(article: &Article) -> Result<Value, NothingJudged> {
    let d = &article.details;
    let headline = non_empty(&d.headline).unwrap_or(&article.title);
    let reviewed_on = date_part(&article.modified);
    let reviews: Vec<Value> = exported(article)
        .into_iter()
        .filter(|a| a.kind == Kind::Claim && a.judgement.verdict != Verdict::Unchecked)
        .map(|claim| {
            let j = &claim.judgement;
            let mut rating = json!({
                "@type": "Rating",
                "alternateName": j.verdict.label(),
            });
            if let Some(value) = j.verdict.rating() {
                rating["ratingValue"] = json!(value);
                rating["bestRating"] = json!(5);
                rating["worstRating"] = json!(1);
            }
            let mut appearance = Map::new();
            appearance.insert("@type".into(), json!("CreativeWork"));
            if let Some(url) = non_empty(&d.url) {
                appearance.insert("url".into(), json!(url));
            }
            appearance.insert("headline".into(), json!(headline));
            if let Some(date) = non_empty(&d.published) {
                appearance.insert("datePublished".into(), json!(date));
            }
            if let Some(author) = non_empty(&d.author) {
                appearance.insert("author".into(), author_of(author));
            }
            if let Some(publisher) = non_empty(&d.publisher) {
                appearance.insert(
                    "publisher".into(),
                    json!({ "@type": "Organization", "name": publisher }),
                );
            }
            let mut item = Map::new();
            item.insert("@type".into(), json!("Claim"));
            if let Some(author) = j.author.as_deref().and_then(non_empty) {
                item.insert("author".into(), author_of(author));
            }
            // When the claim was made: as the user said, else the article's date.
            let made = j
                .date
                .as_deref()
                .and_then(non_empty)
                .or(non_empty(&d.published));
            if let Some(date) = made {
                item.insert("datePublished".into(), json!(date));
            }
            item.insert("appearance".into(), Value::Object(appearance));

            let mut review = Map::new();
            review.insert("@context".into(), json!("https://schema.org"));
            review.insert("@type".into(), json!("ClaimReview"));
            if let Some(url) = non_empty(&d.review_url) {
                review.insert("url".into(), json!(url));
            }
            if let Some(organisation) = non_empty(&d.organisation) {
                review.insert(
                    "author".into(),
                    json!({ "@type": "Organization", "name": organisation }),
                );
            }
            if let Some(reviewer) = non_empty(&d.reviewer) {
                review.insert(
                    "creator".into(),
                    json!({ "@type": "Person", "name": reviewer }),
                );
            }
            if let Some(date) = reviewed_on {
                review.insert("datePublished".into(), json!(date));
            }
            review.insert(
                "claimReviewed".into(),
                json!(claim.exact.split_whitespace().collect::<Vec<_>>().join(" ")),
            );
            review.insert("itemReviewed".into(), Value::Object(item));
            review.insert("reviewRating".into(), rating);
            if !j.note.is_empty() {
                review.insert("reviewBody".into(), json!(j.note));
            }
            if !j.sources.is_empty() {
                review.insert("citation".into(), json!(j.sources));
            }
            Value::Object(review)
        })
        .collect();
    if reviews.is_empty() {
        return Err(NothingJudged);
    }
    Ok(Value::Array(reviews))
}

/// What Google's fact-check markup expects that the article's details do
/// not give yet, as the page's field labels (empty: nothing missing).
pub fn missing(article: &Article) -> Vec<&'static str> {
    let d = &article.details;
    [
        ("Review URL", &d.review_url),
        ("Organisation", &d.organisation),
        ("Article URL", &d.url),
        ("Published", &d.published),
    ]
    .into_iter()
    .filter(|(_, value)| value.trim().is_empty())
    .map(|(label, _)| label)
    .collect()
}

fn non_empty(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

/// The date of an ISO 8601 timestamp ("2026-11-25T10:00:00Z" → "2026-11-25").
fn date_part(timestamp: &str) -> Option<&str> {
    let date = timestamp.get(..10)?;
    let ok = date.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    ok.then_some(date)
}

/// A speaker as schema.org wants an author. "the presidency" or "the office
/// of ..." name an institution; a bare name is taken for a person.
fn author_of(name: &str) -> Value {
    let lower = name.trim().to_lowercase();
    let institution = lower.starts_with("the ")
        || [
            "office",
            "ministry",
            "agency",
            "government",
            "department",
            "committee",
            "council",
        ]
        .iter()
        .any(|w| lower.split_whitespace().any(|t| t == *w));
    let kind = if institution {
        "Organization"
    } else {
        "Person"
    };
    json!({ "@type": kind, "name": name.trim() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::document::Details;
    use crate::analysis::export::fixtures::judged_article;

    fn published() -> Article {
        let mut article = judged_article();
        article.details = Details {
            url: "https://example.org/kursk".into(),
            headline: "Kursk residents wait".into(),
            publisher: "The Moscow Times".into(),
            author: "Anna Ivanova".into(),
            published: "2024-08-28".into(),
            review_url: "https://checks.example.org/kursk#claim-1".into(),
            organisation: "Example Checks".into(),
            reviewer: "Sam Lee".into(),
        };
        article
    }

    #[test]
    fn a_judged_claim_becomes_a_claim_review_google_accepts() {
        let reviews = to_claim_reviews(&published()).unwrap();
        let reviews = reviews.as_array().unwrap();
        assert_eq!(reviews.len(), 1, "only the judged claim");
        let r = &reviews[0];
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(r["url"], "https://checks.example.org/kursk#claim-1");
        assert_eq!(r["author"]["@type"], "Organization");
        assert_eq!(r["author"]["name"], "Example Checks");
        assert_eq!(r["creator"]["name"], "Sam Lee");
        assert_eq!(r["datePublished"], "2026-11-25", "the review's date");
        assert_eq!(
            r["claimReviewed"],
            "Officials said 1,500 people live there."
        );
        assert_eq!(r["reviewRating"]["alternateName"], "Mostly true");
        assert_eq!(r["reviewRating"]["ratingValue"], 4);
        let item = &r["itemReviewed"];
        assert_eq!(item["@type"], "Claim");
        assert_eq!(item["author"]["name"], "Officials");
        assert_eq!(item["datePublished"], "2024-08-29", "the claim's own date");
        let appearance = &item["appearance"];
        assert_eq!(appearance["url"], "https://example.org/kursk");
        assert_eq!(appearance["headline"], "Kursk residents wait");
        assert_eq!(appearance["datePublished"], "2024-08-28");
        assert_eq!(appearance["author"]["name"], "Anna Ivanova");
        assert_eq!(appearance["publisher"]["name"], "The Moscow Times");
        assert_eq!(r["citation"][0], "https://example.org/census");
        assert!(missing(&published()).is_empty());
    }

    #[test]
    fn without_details_the_headline_is_the_title_and_what_is_missing_is_named() {
        let article = judged_article();
        let r = &to_claim_reviews(&article).unwrap()[0];
        assert_eq!(r["itemReviewed"]["appearance"]["headline"], article.title);
        assert!(r.get("url").is_none() && r.get("author").is_none());
        assert_eq!(
            missing(&article),
            ["Review URL", "Organisation", "Article URL", "Published"]
        );
    }

    #[test]
    fn with_nothing_judged_the_export_says_so() {
        let mut article = judged_article();
        article.annotations[0].judgement.verdict = Verdict::Unchecked;
        assert_eq!(to_claim_reviews(&article), Err(NothingJudged));
        assert!(NothingJudged
            .to_string()
            .starts_with("no claim has a verdict yet"));
    }

    #[test]
    fn unverifiable_claims_have_no_numeric_rating_and_institutions_are_organizations() {
        let mut article = judged_article();
        article.annotations[0].judgement.verdict = Verdict::Unverifiable;
        article.annotations[0].judgement.author = Some("the presidency".into());
        let r = &to_claim_reviews(&article).unwrap()[0];
        assert_eq!(r["reviewRating"]["alternateName"], "Unverifiable");
        assert!(r["reviewRating"].get("ratingValue").is_none());
        assert_eq!(r["itemReviewed"]["author"]["@type"], "Organization");
    }
}
