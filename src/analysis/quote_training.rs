//! Learning the quote score from labelled documents, and measuring it the
//! only honest way on the file it learns from: cross-validation grouped by
//! document (or by publisher), each fold scored by a model that never saw
//! it, through the whole pipeline, with the protocol of `eval`.
//!
//! A quote example is a quotation the detector finds (outside boilerplate,
//! as the pipeline keeps it), its features ([`quotes::evidence`]) and
//! whether it matches a gold quote (overlap / union ≥ 0.8, one-to-one). A
//! speaker example is a matched quotation whose gold quote names a speaker:
//! every mention the rules proposed, its features and whether it overlaps
//! the gold speaker. Examples are read once, with the speakers the rules'
//! own order picks ([`QuoteModel::following_the_rules`]): the features of a
//! quotation depend on the speaker chosen (how it was found) and a
//! continuation's candidate on the speaker chosen before, and reading them
//! so keeps what is learned independent of the weights committed before.
//! Where the learned ranking parts from the rules' order, a quotation is
//! scored with features it was not trained on; the CV figures, which run
//! the whole pipeline with each fold's model, include that.

use super::eval::{self, Document, QuoteScore};
use super::learn;
use super::offsets::OffsetMap;
use super::quotes::evidence::FEATURE_COUNT;
use super::quotes::model::{Linear, QuoteModel};
use super::quotes::speaker_features::SPEAKER_FEATURE_COUNT;
use super::{annotate, annotate_with, quotes, DEFAULT_CLAIM_THRESHOLD, QUOTE_MIN_SCORE};

/// The L2 penalty of the quote score, on the sum of the examples' log
/// losses: weak, as 28 features against four thousand examples need.
pub const QUOTE_L2: f64 = 1.0;

/// The L2 penalty of the speaker ranking, on the sum of the quotations'
/// log losses.
pub const SPEAKER_L2: f64 = 1.0;

/// Folds of the inner cross-validation that places the operating point.
const INNER_FOLDS: usize = 5;

/// The quotations of one document as examples.
#[derive(Debug, Clone)]
pub struct DocumentExamples {
    pub id: String,
    /// Features of each quotation found, and whether it matches a gold one.
    pub quotes: Vec<([f32; FEATURE_COUNT], bool)>,
    /// Gold quotes that no quotation found matches: misses whatever the
    /// weights.
    pub missed: usize,
    /// For each matched quotation whose gold quote names a speaker, the
    /// features of every speaker proposed and whether it is right.
    pub speakers: Vec<Vec<([f32; SPEAKER_FEATURE_COUNT], bool)>>,
}

/// Reads the examples of `doc`, the rules in `rules_off` switched off
/// ([`QuoteModel::rules_off`]; 0 for all of them).
pub fn examples_of(doc: &Document, rules_off: u32) -> DocumentExamples {
    let text = &doc.text;
    let boilerplate: Vec<(usize, usize)> = annotate(text)
        .boilerplate
        .iter()
        .map(|b| (b.start, b.end))
        .collect();
    let map = OffsetMap::new(text);
    let chars = |r: &std::ops::Range<usize>| (map.char_of_byte(r.start), map.char_of_byte(r.end));
    let found: Vec<((usize, usize), quotes::Explained)> = quotes::detect_explained(
        text,
        &QuoteModel {
            rules_off,
            ..QuoteModel::following_the_rules()
        },
    )
    .into_iter()
    .map(|e| (chars(&e.finding.range), e))
    // As the pipeline does: a quotation mostly inside boilerplate
    // is dropped whatever its score.
    .filter(|(span, _)| eval::covered(*span, &boilerplate) * 2 <= span.1 - span.0)
    .collect();
    let spans: Vec<(usize, usize)> = found.iter().map(|(s, _)| *s).collect();
    let matches = eval::match_quotes(doc, &spans);
    let mut right = vec![false; found.len()];
    let mut speakers = Vec::new();
    for (gold, matched) in doc.spans.iter().zip(&matches) {
        let Some(i) = *matched else { continue };
        right[i] = true;
        if gold.speaker_spans.is_empty() {
            continue;
        }
        let group = found[i]
            .1
            .speakers
            .iter()
            .map(|(range, features)| {
                let (start, end) = chars(range);
                let hit = gold
                    .speaker_spans
                    .iter()
                    .any(|&[s, e]| start.max(s) < end.min(e));
                (*features, hit)
            })
            .collect();
        speakers.push(group);
    }
    DocumentExamples {
        id: doc.id.clone(),
        quotes: found
            .into_iter()
            .zip(right)
            .map(|((_, e), right)| (e.features, right))
            .collect(),
        missed: matches.iter().filter(|m| m.is_none()).count(),
        speakers,
    }
}

/// Fits the speaker ranking and the quote score to `docs`, the score's bias
/// shifted so that [`QUOTE_MIN_SCORE`] is the best span-F1 threshold of an
/// inner cross-validation on the same documents.
pub fn train(docs: &[&DocumentExamples], l2: f64) -> QuoteModel {
    let mut quote = fit(docs, l2);
    let mut scored: Vec<(f32, bool)> = Vec::new();
    let mut missed = 0;
    for fold in 0..INNER_FOLDS {
        let (inside, outside): (Vec<&DocumentExamples>, Vec<&DocumentExamples>) = docs
            .iter()
            .partition(|d| learn::fold_of(&d.id, INNER_FOLDS) == fold);
        let model = fit(&outside, l2);
        for d in inside {
            missed += d.missed;
            scored.extend(d.quotes.iter().map(|(x, y)| (model.logit(x), *y)));
        }
    }
    // The threshold is found on logits, where a shift of the bias moves it.
    let threshold = learn::best_f1_threshold(&scored, missed);
    if threshold.is_finite() {
        quote.bias -= threshold - logit(QUOTE_MIN_SCORE);
    }
    let groups: Vec<Vec<(&[f32], bool)>> = docs
        .iter()
        .flat_map(|d| &d.speakers)
        .map(|g| g.iter().map(|(x, y)| (&x[..], *y)).collect())
        .collect();
    let speaker = learn::fit_ranking(&groups, SPEAKER_FEATURE_COUNT, SPEAKER_L2);
    QuoteModel {
        speaker,
        quote,
        rules_off: 0,
    }
}

fn fit(docs: &[&DocumentExamples], l2: f64) -> Linear {
    let examples: Vec<(&[f32], bool)> = docs
        .iter()
        .flat_map(|d| d.quotes.iter().map(|(x, y)| (&x[..], *y)))
        .collect();
    learn::fit_logistic(&examples, FEATURE_COUNT, l2)
}

fn logit(p: f32) -> f32 {
    (p / (1.0 - p)).ln()
}

/// How documents are grouped into folds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// `folds` folds by a hash of the document's id.
    Document { folds: usize },
    /// One fold per publisher (`meta.publisher`), left out in turn.
    Publisher,
}

/// The figures of cross-validation: every document scored, through the
/// whole pipeline, by the model trained without its fold, the rules in
/// `rules_off` switched off (as they were when `examples` were read).
pub fn cross_validate(
    docs: &[Document],
    examples: &[DocumentExamples],
    grouping: Grouping,
    rules_off: u32,
) -> QuoteScore {
    let fold_names: Vec<String> = docs
        .iter()
        .map(|d| match grouping {
            Grouping::Document { folds } => learn::fold_of(&d.id, folds).to_string(),
            Grouping::Publisher => d.meta.publisher.clone(),
        })
        .collect();
    let mut folds: Vec<&String> = fold_names.iter().collect();
    folds.sort();
    folds.dedup();
    let mut total = QuoteScore::default();
    for fold in folds {
        let training: Vec<&DocumentExamples> = examples
            .iter()
            .zip(&fold_names)
            .filter(|(_, f)| *f != fold)
            .map(|(e, _)| e)
            .collect();
        let model = QuoteModel {
            rules_off,
            ..train(&training, QUOTE_L2)
        };
        for (doc, _) in docs.iter().zip(&fold_names).filter(|(_, f)| *f == fold) {
            let predicted =
                annotate_with(&doc.text, &[], &model).annotations(DEFAULT_CLAIM_THRESHOLD);
            total += eval::score_quotes(doc, &predicted);
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::eval::{GoldSpan, Meta};

    /// An invented article: one attributed quotation (gold, with its
    /// speaker) and a show's title in quotation marks (not gold).
    fn invented(id: &str) -> Document {
        let text = "“We will win the vote,” the mayor said on Monday.\n\nThe channel showed “Evening Talk” later.";
        let chars = |s: &str| text.chars().take(text.find(s).unwrap()).count();
        let quote = "“We will win the vote,”";
        let start = chars(quote);
        let speaker = chars("the mayor");
        Document {
            id: id.into(),
            source: "invented".into(),
            text: text.into(),
            spans: vec![GoldSpan {
                start,
                end: start + quote.chars().count(),
                speaker_spans: vec![[speaker, speaker + "the mayor".len()]],
            }],
            ignore: vec![],
            meta: Meta::default(),
        }
    }

    #[test]
    fn a_matched_quotation_is_a_right_example_and_its_speaker_a_right_candidate() {
        let examples = examples_of(&invented("a"), 0);
        let labels: Vec<bool> = examples.quotes.iter().map(|(_, right)| *right).collect();
        assert_eq!(labels, [true, false]);
        assert_eq!(examples.missed, 0);
        assert_eq!(examples.speakers.len(), 1);
        assert!(examples.speakers[0].iter().any(|(_, right)| *right));
    }

    #[test]
    fn cross_validation_scores_every_document_once() {
        let docs: Vec<Document> = (0..6).map(|i| invented(&format!("doc-{i}"))).collect();
        let examples: Vec<DocumentExamples> = docs.iter().map(|d| examples_of(d, 0)).collect();
        let s = cross_validate(&docs, &examples, Grouping::Document { folds: 3 }, 0);
        assert_eq!(s.spans.tp + s.spans.fn_, docs.len());
        // Trained on the other folds' copies, each fold finds its quotation
        // and its speaker, and leaves the title out.
        assert_eq!((s.spans.tp, s.spans.fp), (6, 0));
        assert_eq!(s.speaker_right, 6);
    }
}
