//! schema.org ClaimReview drafts, one for each judged claim, in the shape
//! fact-checking publishers (and search engines' fact-check markup) use.
//! They are drafts: the publisher adds its own URL and name before publishing.

use super::{exported, text_urn};
use crate::analysis::annotation::Kind;
use crate::analysis::document::{Article, Verdict};
use serde_json::{json, Map, Value};

/// A JSON array of ClaimReview objects, one per claim with a verdict.
pub fn to_claim_reviews(article: &Article) -> Value {
    let source = text_urn(&article.text);
    let reviews = exported(article)
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
            let mut item = Map::new();
            item.insert("@type".into(), json!("Claim"));
            if let Some(author) = &j.author {
                item.insert("author".into(), author_of(author));
            }
            if let Some(date) = &j.date {
                item.insert("datePublished".into(), json!(date));
            }
            item.insert(
                "appearance".into(),
                json!({ "@type": "CreativeWork", "headline": article.title, "identifier": source }),
            );
            let mut review = json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": claim.exact.split_whitespace().collect::<Vec<_>>().join(" "),
                "reviewRating": rating,
                "itemReviewed": Value::Object(item),
            });
            if !j.note.is_empty() {
                review["reviewBody"] = json!(j.note);
            }
            if !j.sources.is_empty() {
                review["citation"] = json!(j.sources);
            }
            if !article.modified.is_empty() {
                review["dateModified"] = json!(article.modified);
            }
            review
        })
        .collect();
    Value::Array(reviews)
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
    use crate::analysis::export::fixtures::judged_article;

    #[test]
    fn a_judged_claim_becomes_a_valid_claim_review() {
        let reviews = to_claim_reviews(&judged_article());
        let reviews = reviews.as_array().unwrap();
        assert_eq!(reviews.len(), 1, "only the judged claim");
        let r = &reviews[0];
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(
            r["claimReviewed"],
            "Officials said 1,500 people live there."
        );
        assert_eq!(r["reviewRating"]["alternateName"], "Mostly true");
        assert_eq!(r["reviewRating"]["ratingValue"], 4);
        assert_eq!(r["itemReviewed"]["author"]["name"], "Officials");
        assert_eq!(r["itemReviewed"]["author"]["@type"], "Person");
        assert_eq!(r["itemReviewed"]["datePublished"], "2024-08-29");
        assert_eq!(r["citation"][0], "https://example.org/census");
    }

    #[test]
    fn unverifiable_claims_have_no_numeric_rating_and_institutions_are_organizations() {
        let mut article = judged_article();
        article.annotations[0].judgement.verdict = Verdict::Unverifiable;
        article.annotations[0].judgement.author = Some("the presidency".into());
        let r = &to_claim_reviews(&article)[0];
        assert_eq!(r["reviewRating"]["alternateName"], "Unverifiable");
        assert!(r["reviewRating"].get("ratingValue").is_none());
        assert_eq!(r["itemReviewed"]["author"]["@type"], "Organization");
    }
}
