//! From evidence to a claim's score and reasons, by the lexical model alone
//! or with the fine-tuned encoder's logit: the one place every door (the CLI,
//! the page when its worker's logits arrive, the JS API) turns them into the
//! score and the reasons the user sees.
//!
//! With the encoder, the claim's logit is
//! `encoder × z + lexical × l + bias + context`, where `z` is the encoder's
//! raw logit, `l` the lexical model's, and `context` the hand-set transcript
//! effects; the three coefficients are fitted by `scripts/train-claims-encoder`
//! on the held-aside slice of the training file (never on the eval files) and
//! read from `encoder/model/claims-encoder.json`, with the bias shifted so
//! that 0.5 is the best-F1 operating point there, as the lexical model's is.
//! A moderator's turn then halves the probability, as it does lexically.
//!
//! Every reason but attribution says its direction and its size in log-odds:
//! "raised: the language model's reading (+2.1)", "lowered: question turn
//! (−2.5)".

use super::evidence::{ClaimEvidence, Effect, ScoredBy};
use super::lexical_model::sigmoid;
use super::NOTABLE;
use crate::analysis::reason::{DetectorReason, PipelineReason, Reason};
use crate::analysis::visible::VisibleText;
use crate::analysis::Analysis;
use serde::Deserialize;
use std::borrow::Cow;
use std::sync::OnceLock;

/// The encoder's calibration and how it is combined with the lexical model,
/// written with the weights by `scripts/train-claims-encoder`.
const MODEL_CARD: &str = include_str!("../../../encoder/model/claims-encoder.json");

/// How the encoder's and the lexical model's logits make the claim's logit.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct Combination {
    pub encoder: f32,
    pub lexical: f32,
    pub bias: f32,
}

#[derive(Deserialize)]
struct ModelCard {
    combination: Combination,
}

/// The committed combination (see the module's documentation).
pub fn combination() -> Combination {
    static COMBINATION: OnceLock<Combination> = OnceLock::new();
    *COMBINATION.get_or_init(|| {
        serde_json::from_str::<ModelCard>(MODEL_CARD)
            .map(|card| card.combination)
            .unwrap_or(Combination {
                encoder: 1.0,
                lexical: 0.0,
                bias: 0.0,
            })
    })
}

/// What the encoder's own term is called among the reasons.
pub const ENCODER_REASON: &str = "the language model's reading";

/// The score and reasons of a sentence from its lexical evidence alone.
pub fn score_lexically(evidence: &ClaimEvidence, score: &mut f32, reasons: &mut Vec<Reason>) {
    let effects: Vec<Effect> = evidence
        .cues
        .iter()
        .chain(&evidence.context)
        .cloned()
        .collect();
    let logit = evidence.lexical + context_logit(evidence);
    finish(evidence, logit, effects, score, reasons);
}

/// The score and reasons of a sentence from the encoder's raw logit and its
/// lexical evidence, combined by [`combination`].
pub fn score_with_encoder(
    evidence: &ClaimEvidence,
    encoder_logit: f32,
    score: &mut f32,
    reasons: &mut Vec<Reason>,
) {
    let c = combination();
    let own = c.encoder * encoder_logit + c.bias;
    let mut effects = vec![Effect::new(ENCODER_REASON, own)];
    let (weighed, unweighed): (Vec<Effect>, Vec<Effect>) = evidence
        .cues
        .iter()
        .map(|e| Effect::new(e.label.clone(), c.lexical * e.logit))
        .partition(|e| e.logit.abs() >= NOTABLE);
    effects.extend(weighed);
    effects.extend(evidence.context.iter().cloned());
    let logit = own + c.lexical * evidence.lexical + context_logit(evidence);
    finish(evidence, logit, effects, score, reasons);
    // The cues still tell the user what the sentence holds, though the
    // combination (chosen on the held-aside slice) gives them no weight.
    if !unweighed.is_empty() {
        let labels: Vec<&str> = unweighed.iter().map(|e| e.label.as_str()).collect();
        let at = reasons
            .iter()
            .position(|r| r.starts_with("said by "))
            .unwrap_or(reasons.len());
        let seen = format!("{UNWEIGHED_PREFIX}{}", labels.join(", "));
        reasons.insert(at, Reason::neutral(seen));
    }
}

/// How cues that did not move the encoder's score are listed.
pub const UNWEIGHED_PREFIX: &str = "seen, no effect on this score: ";

/// Rescores every claim sentence of `analysis` with the encoder's raw logits,
/// one per sentence in `analysis.sentences` order (the texts
/// [`claim_sentences`] gives). Sentences keep their lexical score when the
/// counts differ (an error says so).
pub fn rescore(analysis: &mut Analysis, encoder_logits: &[f32]) -> Result<(), String> {
    if encoder_logits.len() != analysis.sentences.len()
        || analysis.claim_evidence.len() != analysis.sentences.len()
    {
        return Err(format!(
            "{} encoder scores for {} claim sentences",
            encoder_logits.len(),
            analysis.sentences.len()
        ));
    }
    for (index, &z) in encoder_logits.iter().enumerate() {
        rescore_sentence(analysis, index, z);
    }
    Ok(())
}

/// Rescores the claim sentence at `index` of `analysis.sentences` with the
/// encoder's raw logit, as [`rescore`] does every one: for the page, where
/// the worker's logits arrive a batch at a time. False (and nothing changed)
/// when there is no such sentence or no evidence for it.
pub fn rescore_sentence(analysis: &mut Analysis, index: usize, encoder_logit: f32) -> bool {
    if analysis.claim_evidence.len() != analysis.sentences.len() {
        return false;
    }
    let (Some(sentence), Some(evidence)) = (
        analysis.sentences.get_mut(index),
        analysis.claim_evidence.get_mut(index),
    ) else {
        return false;
    };
    sentence.reasons.clear();
    score_with_encoder(
        evidence,
        encoder_logit,
        &mut sentence.score,
        &mut sentence.reasons,
    );
    evidence.scored_by = ScoredBy::Encoder;
    true
}

/// The text of each claim sentence of `analysis` (of `text`), in order: what
/// the encoder reads. As the detectors read it ([`VisibleText`]): an emoji
/// stuck to every word ("said🔥 Thursday🔥") made every word unknown to the
/// encoder's vocabulary, and the example article's seven claims fell to one.
pub fn claim_sentences<'t>(text: &'t str, analysis: &Analysis) -> Vec<Cow<'t, str>> {
    // Code-point offsets to bytes in one pass: the sentences come in order.
    let mut wanted: Vec<usize> = analysis
        .sentences
        .iter()
        .flat_map(|s| [s.start, s.end])
        .collect();
    wanted.sort_unstable();
    let mut bytes = Vec::with_capacity(wanted.len());
    let mut chars = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    let mut position = 0;
    let mut byte = chars.next().unwrap_or(0);
    for &char_offset in &wanted {
        while position < char_offset {
            match chars.next() {
                Some(next) => byte = next,
                None => break,
            }
            position += 1;
        }
        bytes.push((char_offset, byte));
    }
    let byte_of = |c: usize| {
        bytes
            .binary_search_by_key(&c, |&(offset, _)| offset)
            .map(|i| bytes[i].1)
            .unwrap_or(text.len())
    };
    analysis
        .sentences
        .iter()
        .map(|s| {
            let sentence = text
                .get(byte_of(s.start)..byte_of(s.end))
                .unwrap_or_default();
            let view = VisibleText::of(sentence);
            if view.is_unchanged() {
                Cow::Borrowed(sentence)
            } else {
                Cow::Owned(view.text().to_owned())
            }
        })
        .collect()
}

fn context_logit(evidence: &ClaimEvidence) -> f32 {
    evidence.context.iter().map(|e| e.logit).sum()
}

/// The probability of `logit`, halved in a moderator's turn, and the
/// reasons: the moderator first, then the effects strongest first (raising
/// before lowering at equal strength), then who said it.
fn finish(
    evidence: &ClaimEvidence,
    logit: f32,
    mut effects: Vec<Effect>,
    score: &mut f32,
    reasons: &mut Vec<Reason>,
) {
    let mut probability = sigmoid(logit);
    if let Some(name) = &evidence.moderator {
        probability *= 0.5;
        reasons.push(PipelineReason::Questioner(name.clone()).reason());
    }
    *score = probability.clamp(0.0, 1.0);
    effects.sort_by(|a, b| {
        b.logit
            .abs()
            .total_cmp(&a.logit.abs())
            .then(b.logit.total_cmp(&a.logit))
    });
    reasons.extend(effects.iter().map(Effect::reason));
    if reasons.is_empty() {
        reasons.push(Reason::neutral("no strong cue either way"));
    }
    if let Some(name) = &evidence.said_by {
        reasons.push(PipelineReason::SaidBy(name.clone()).reason());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::annotate;

    #[test]
    fn the_committed_combination_parses() {
        let card: ModelCard = serde_json::from_str(MODEL_CARD).unwrap();
        assert!(card.combination.encoder > 0.0, "{:?}", card.combination);
    }

    #[test]
    fn the_encoder_moves_the_score_and_says_which_way() {
        let text = "Unemployment rose to 7.4% in March, the highest rate since 1992.";
        let mut high = annotate(text);
        let mut low = high.clone();
        rescore(&mut high, &[6.0]).unwrap();
        rescore(&mut low, &[-6.0]).unwrap();
        let (high, low) = (&high.sentences[0], &low.sentences[0]);
        assert!(high.score > 0.5 && low.score < 0.5, "{high:?} {low:?}");
        assert!(high
            .reasons
            .iter()
            .any(|r| r.starts_with("raised: the language model")));
        assert!(low
            .reasons
            .iter()
            .any(|r| r.starts_with("lowered: the language model")));
        let scored_by = |a: &Analysis| a.claim_evidence[0].scored_by;
        assert_eq!(scored_by(&annotate(text)), ScoredBy::Lexical);
    }

    #[test]
    fn a_count_mismatch_changes_nothing() {
        let text = "Unemployment rose to 7.4% in March. Thank you.";
        let lexical = annotate(text);
        let mut analysis = lexical.clone();
        assert!(rescore(&mut analysis, &[1.0]).is_err());
        assert_eq!(analysis, lexical);
    }

    #[test]
    fn one_sentence_is_rescored_as_the_whole_analysis_would_be() {
        let text = "Unemployment rose to 7.4% in March. Thank you for coming.";
        let mut whole = annotate(text);
        rescore(&mut whole, &[3.0, -3.0]).unwrap();
        let mut one = annotate(text);
        assert!(rescore_sentence(&mut one, 1, -3.0));
        assert_eq!(one.sentences[1], whole.sentences[1]);
        assert_eq!(one.claim_evidence[0].scored_by, ScoredBy::Lexical);
        assert_eq!(one.claim_evidence[1].scored_by, ScoredBy::Encoder);
        let before = one.clone();
        assert!(!rescore_sentence(&mut one, 2, 1.0), "no such sentence");
        assert_eq!(one, before);
    }

    #[test]
    fn context_effects_apply_to_the_encoder_too() {
        let statement = "Unemployment rose to 7.4% in March, the highest rate since 1992.";
        let asked = format!("HOST: {statement} What will you do about it?\nGUEST: Plenty.");
        let mut analysis = annotate(&asked);
        let n = analysis.sentences.len();
        rescore(&mut analysis, &vec![2.0; n]).unwrap();
        let first = &analysis.sentences[0];
        assert!(first
            .reasons
            .iter()
            .any(|r| r == "lowered: question turn (−2.5)"));
    }

    #[test]
    fn claim_sentences_cut_the_text_at_code_points() {
        let text = "Café prices rose 5% in 2023. « Ça » coûte 3 €.\nHOST: Tax fell by 2% in 2020.";
        let analysis = annotate(text);
        let sentences = claim_sentences(text, &analysis);
        assert_eq!(sentences.len(), analysis.sentences.len());
        assert_eq!(sentences[0], "Café prices rose 5% in 2023.");
        assert!(
            sentences.iter().any(|s| s == "Tax fell by 2% in 2020."),
            "{sentences:?}"
        );
    }

    #[test]
    fn the_encoder_reads_sentences_as_the_detectors_do() {
        let clean = "Unemployment fell to 4.1 percent in May, the lowest rate since 2019.";
        let decorated = "Unemployment\u{1F525} fell\u{1F525} to\u{200B} 4.1\u{1F525} percent \u{200F}in May, the lowest rate since 2019.\u{1F525}";
        let sentences = claim_sentences(decorated, &annotate(decorated));
        assert_eq!(sentences, [clean]);
        // A clean sentence is lent as it is, not copied.
        let sentences = claim_sentences(clean, &annotate(clean));
        assert!(matches!(sentences[0], Cow::Borrowed(_)));
    }
}
