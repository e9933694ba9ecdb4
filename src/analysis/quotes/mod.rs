//! Quotations and their speakers.
//!
//! [`marks`] pairs quotation marks into outermost quotations; [`tokens`]
//! folds each quotation into one token; [`speaker`] reads the attribution
//! around it and [`antecedent`] resolves a pronoun speaker. This module
//! ties them together; [`evidence`] gathers what is known about each
//! quotation and [`model`] scores it with learned weights: how sure it is
//! that somebody is being quoted.

mod antecedent;
pub mod evidence;
mod marks;
pub mod model;
mod reason;
mod speaker;
mod tokens;
// Written by `train-quotes`, committed as it writes it.
#[rustfmt::skip]
mod weights;
mod word_lists;

use super::reason::DetectorReason;
use super::{Finding, Kind, SpeakerFinding};
use antecedent::Mention;
use evidence::{FoundBy, QuoteEvidence, PARTIAL_WORDS};
use marks::MarkedSpan;
pub use model::QuoteModel;
pub use reason::QuoteReason;
/// The speaker rules by name, in the order they are tried, each with its
/// bit in [`QuoteModel::rules_off`] (for `train-quotes --ablate`).
pub fn speaker_rules() -> Vec<(&'static str, u32)> {
    use speaker::rules::{bit, RULES};
    RULES.iter().map(|&rule| (rule.name(), bit(rule))).collect()
}
use speaker::rules::{on, Rule};
use speaker::Attribution;
pub use speaker::SpeakerCue;
use std::ops::Range;
use tokens::{TokenKind, Tokens};

/// Returns quotes (marks included) as byte ranges of `text`, in order,
/// scored by the committed model.
pub fn detect(text: &str) -> Vec<Finding> {
    detect_with(text, &QuoteModel::committed())
}

/// Like [`detect`], scored by `model`.
pub fn detect_with(text: &str, model: &QuoteModel) -> Vec<Finding> {
    let mut findings: Vec<Finding> = find(text, model, Features::Drop)
        .into_iter()
        .map(|explained| explained.finding)
        .collect();
    // Collected in place, into the larger buffer of what was found.
    findings.shrink_to_fit();
    findings
}

/// Whether [`find`] keeps each quotation's features: only training needs
/// them, and on a long text they would outweigh the findings.
#[derive(Clone, Copy, PartialEq)]
enum Features {
    Keep,
    Drop,
}

/// A quotation found, with its features when they are kept.
#[derive(Clone)]
struct Detected {
    finding: Finding,
    features: Option<Box<[f32; evidence::FEATURE_COUNT]>>,
}

/// A quotation found, with the features its score was computed from (what
/// `train-quotes` learns from).
#[derive(Debug, Clone)]
pub struct Explained {
    pub finding: Finding,
    /// The features of its score ([`evidence::FEATURES`]).
    pub features: [f32; evidence::FEATURE_COUNT],
}

/// Like [`detect_with`], each finding explained.
pub fn detect_explained(text: &str, model: &QuoteModel) -> Vec<Explained> {
    find(text, model, Features::Keep)
        .into_iter()
        .map(|found| Explained {
            finding: found.finding,
            features: found
                .features
                .map_or([0.0; evidence::FEATURE_COUNT], |features| *features),
        })
        .collect()
}

fn find(text: &str, model: &QuoteModel, keep: Features) -> Vec<Detected> {
    let kept = |features: [f32; evidence::FEATURE_COUNT]| {
        (keep == Features::Keep).then(|| Box::new(features))
    };
    let spans = marks::find(text);
    let ranges: Vec<Range<usize>> = spans.iter().map(|s| s.range.clone()).collect();
    let t = Tokens::new(text, &ranges);
    let quote_tokens: Vec<usize> = (0..t.len())
        .filter(|&i| matches!(t.kind(i), Some(TokenKind::Quote)))
        .collect();

    let headline = single_mark_headline(text, &spans);
    let double_marks = quotes_in_double_marks(text, &spans);
    // Each finding with its typed reasons, reported as labels at the end.
    let mut findings: Vec<(Detected, Vec<QuoteReason>)> = Vec::with_capacity(spans.len());
    let mut speakers: Vec<Mention> = Vec::new();
    // The last quotation with a speaker: its token, the speaker and the
    // speaker's tokens.
    let mut previous: Option<(usize, SpeakerFinding, Range<usize>)> = None;
    // An unattributed quotation waiting for the next one: its token, the
    // index of its first finding and its evidence.
    let mut waiting: Option<(usize, usize, QuoteEvidence)> = None;
    // The token of the last quotation read as somebody's words.
    let mut last_words: Option<usize> = None;
    for (n, span) in spans.iter().enumerate() {
        let Some(&q) = quote_tokens.get(n) else { break };
        let mut finding = Finding::new(Kind::Quote, span.range.clone(), 0.0);
        let mut reasons = vec![marks_reason(span)];
        // Only words that could stand as a quotation on their own carry on
        // the one before: a short label in between is the writer's.
        let words = words_in(text, &span.range);
        // An exclamation ("Gun!", "USA! USA!") is an utterance, never a
        // title or a scare quote, however short.
        let exclaimed = exclaims(text, &span.range);
        let clause = exclaimed || is_a_clause(text, &span.range);
        let full = words >= PARTIAL_WORDS;
        let found = find_speaker(&t, q, previous.as_ref(), full || clause, model.rules_off);
        let mut found_by = FoundBy::Nobody;
        let mut speaker = None;
        match &found {
            Some(Found::Continuation(_)) => {
                reasons.push(QuoteReason::ContinuesPrevious);
                found_by = FoundBy::Continuation;
                speaker = previous.as_ref().map(|(_, earlier, _)| earlier.clone());
            }
            Some(Found::Cue(attribution)) => {
                found_by = FoundBy::Cue(attribution.cue);
                speaker = Some(speaker_finding(&t, attribution, &speakers, &mut reasons));
            }
            None => {}
        }
        if let (Some(named), FoundBy::Cue(SpeakerCue::After | SpeakerCue::Before)) =
            (&speaker, found_by)
        {
            if let Some((_, first, mut earlier_evidence)) =
                waiting.take().filter(|(at, _, _)| leads_into(&t, *at, q))
            {
                // "¶“…”¶“…,” Lee said.": an unattributed quotation right
                // before an attributed one is the same speaker's.
                earlier_evidence.found_by = FoundBy::FollowingQuote;
                let features = earlier_evidence.features();
                let score = score(model, &earlier_evidence, &features);
                for (earlier, reasons) in &mut findings[first..] {
                    earlier.finding.speaker = Some(named.clone());
                    earlier.finding.score = score;
                    earlier.features = kept(features);
                    reasons.retain(|r| *r != QuoteReason::NoSpeaker);
                    reasons.push(QuoteReason::SpeakerOfFollowing);
                }
            }
        }
        let speaker_tokens = found.map(Found::into_tokens);
        // "the slogan “Yes We Can”": words said or printed, never a title;
        // "a “fraud” and a “Liar”": the second of two listed quotations is
        // of the same kind as the first.
        let uttered = speaker::words_stand_before(&t, q)
            || last_words.is_some_and(|earlier| speaker::listed_after(&t, earlier, q));
        let single = opens_with_single_mark(text, &span.range);
        let title_position = speaker::title_position(&t, q);
        let evidence = QuoteEvidence {
            unclosed: !span.closed,
            block: span.block,
            paragraphs: span.paragraphs > 1,
            single,
            single_in_double_text: single && double_marks,
            headline_single: single
                && headline
                    .as_ref()
                    .is_some_and(|h| h.contains(&span.range.start)),
            words,
            clause,
            exclaimed,
            title: !exclaimed
                && !uttered
                && (looks_like_title(text, &span.range) || speaker::byline_follows(&t, q))
                && !speaker::named_just_before(&t, q)
                // A reported quotation is a title only where titles stand.
                && (!found_by.directly_reported() || title_position),
            title_position,
            uttered,
            reported: uttered || speaker::sentence_reports(&t, q),
            nickname: speaker::nickname_in_name(&t, q),
            so_called: !found_by.directly_reported() && speaker::so_called_before(&t, q),
            found_by,
        };
        let features = evidence.features();
        finding.score = score(model, &evidence, &features);
        // Whether the next quotation, listed after this one, is of its kind:
        // read from the evidence, not the score, so that the features never
        // depend on the weights they are learned with.
        let somebodys_words = !evidence.title
            && !evidence.nickname
            && !evidence.so_called
            && (evidence.found_by != FoundBy::Nobody || evidence.reported || evidence.clause);
        last_words = somebodys_words.then_some(q);
        explain(&evidence, &mut reasons);
        match (&speaker, speaker_tokens) {
            (Some(found), Some(tokens)) => {
                if found.resolved.is_none() {
                    speakers.push(Mention {
                        range: found.range.clone(),
                        text: text.get(found.range.clone()).unwrap_or_default().into(),
                    });
                }
                previous = Some((q, found.clone(), tokens));
            }
            _ if evidence.partial() => reasons.push(QuoteReason::ScareQuote),
            _ => reasons.push(QuoteReason::NoSpeaker),
        }
        let waits = speaker.is_none() && !evidence.partial() && !evidence.single;
        waiting = waits.then_some((q, findings.len(), evidence));
        finding.speaker = speaker;
        let explained = Detected {
            finding,
            features: kept(features),
        };
        push_parts(text, span, (explained, reasons), &mut findings);
    }
    // The token list is the detector's largest structure: gone before the
    // findings are copied into their final form.
    drop(t);
    findings
        .into_iter()
        .map(|(mut explained, reasons)| {
            explained.finding.reasons = reasons.iter().map(DetectorReason::reason).collect();
            explained
        })
        .collect()
}

/// Below this a quotation ruled out by a categorical rule scores, whatever
/// the weights say: any value under [`QUOTE_MIN_SCORE`] hides it, and no
/// figure depends on which.
///
/// [`QUOTE_MIN_SCORE`]: crate::analysis::QUOTE_MIN_SCORE
const RULED_OUT: f32 = 0.3;

/// The bit of [`QuoteModel::rules_off`] that switches the categorical rules
/// ruling quotations out (nickname, "so-called", headline echo) off.
pub const RULING_OUT: u32 = 1 << 31;

/// The quotation's score: the model's probability that it is somebody's
/// words, unless a categorical rule rules it out.
fn score(model: &QuoteModel, evidence: &QuoteEvidence, features: &[f32]) -> f32 {
    let p = model.quote.probability(features);
    if evidence.ruled_out() && model.rules_off & RULING_OUT == 0 {
        p.min(RULED_OUT)
    } else {
        p
    }
}

/// The reasons a quotation's evidence gives beside its marks and speaker:
/// what made it read as a title, a label or somebody else's words.
fn explain(evidence: &QuoteEvidence, reasons: &mut Vec<QuoteReason>) {
    if evidence.nickname {
        reasons.push(QuoteReason::Nickname);
    }
    if evidence.so_called {
        // "the so-called “rebels”": the writer keeps a label at a
        // distance; only a reporting verb next to it makes it speech.
        reasons.push(QuoteReason::SoCalled);
    }
    if evidence.headline_single {
        reasons.push(QuoteReason::HeadlineInSingleMarks);
    }
    if evidence.single_in_double_text {
        reasons.push(QuoteReason::SingleInDoubleMarkText);
    } else if evidence.single && !evidence.found_by.directly_reported() {
        reasons.push(QuoteReason::SingleMarksUnreported);
    }
    if evidence.title {
        reasons.push(QuoteReason::Title);
    }
}

/// The first line of `text` when it is a headline whose quotations follow
/// the headline convention: single marks, in a text whose body quotes in
/// double marks. Such a quotation is a clipped echo of words the story
/// gives in full with their speaker, so it is not shown twice.
fn single_mark_headline(text: &str, spans: &[MarkedSpan]) -> Option<Range<usize>> {
    let start = text.len() - text.trim_start().len();
    let end = start + text[start..].find('\n')?;
    if text[end..].trim().is_empty() {
        return None;
    }
    let opening = |s: &MarkedSpan| text.get(s.range.clone()).and_then(|q| q.chars().next());
    let (mut double, mut single) = (0usize, 0usize);
    for span in spans.iter().filter(|s| s.range.start >= end) {
        match opening(span) {
            Some('\'' | '‘' | '’' | '‚' | '‹' | '›') => single += 1,
            Some(_) => double += 1,
            None => {}
        }
    }
    (double > single).then_some(start..end)
}

/// Whether `text` quotes people in double marks: its double-mark
/// quotations outnumber its single-mark ones. A writer keeps to one
/// convention, so there a quotation in single marks is a nested quotation
/// whose outer marks went astray, or a scare quote, never the text's own
/// way of quoting somebody (British texts, quoting in single marks, keep
/// theirs).
fn quotes_in_double_marks(text: &str, spans: &[MarkedSpan]) -> bool {
    let (mut double, mut single) = (0usize, 0usize);
    for span in spans.iter().filter(|s| !s.block) {
        if opens_with_single_mark(text, &span.range) {
            single += 1;
        } else {
            double += 1;
        }
    }
    double > single
}

/// Pushes `finding`, split into one linked part per paragraph when its
/// quotation runs over several (each paragraph re-opening the mark): every
/// part keeps the speaker and score, and points at the first part's start.
fn push_parts(
    text: &str,
    span: &MarkedSpan,
    found: (Detected, Vec<QuoteReason>),
    findings: &mut Vec<(Detected, Vec<QuoteReason>)>,
) {
    if span.block || span.paragraphs < 2 {
        findings.push(found);
        return;
    }
    let parts = paragraph_parts(text, &span.range);
    if parts.len() < 2 {
        findings.push(found);
        return;
    }
    let first = found.0.finding.range.start;
    let of = parts.len();
    for (n, range) in parts.into_iter().enumerate() {
        let (mut part, mut reasons) = found.clone();
        part.finding.range = range;
        part.finding.part_of = Some(first);
        reasons.push(QuoteReason::Part { number: n + 1, of });
        findings.push((part, reasons));
    }
}

/// Where a quotation's speaker was found: a cue naming somebody, or the
/// last quotation carried on (its speaker's tokens).
enum Found {
    Cue(Attribution),
    Continuation(Range<usize>),
}

impl Found {
    /// The tokens of the speaker's mention.
    fn into_tokens(self) -> Range<usize> {
        match self {
            Found::Cue(attribution) => attribution.tokens,
            Found::Continuation(tokens) => tokens,
        }
    }
}

/// The speaker of the quotation at token `q`, by the first rule that names
/// one ([`speaker::rules`]), the rules in `off` switched off: its own
/// sentence first, then the sentence after the last quotation's speaker,
/// that quotation carried on (`may_continue`: the words could stand on
/// their own, or the sentence reports speech), the sentence before and the
/// one after.
fn find_speaker(
    t: &Tokens,
    q: usize,
    previous: Option<&(usize, SpeakerFinding, Range<usize>)>,
    may_continue: bool,
    off: u32,
) -> Option<Found> {
    let cue = |rule: Rule, find: &dyn Fn() -> Option<Attribution>| {
        if on(off, rule) {
            find().map(Found::Cue)
        } else {
            None
        }
    };
    speaker::attribute(t, q, off)
        .map(Found::Cue)
        .or_else(|| {
            // "“…,” Lee said. Kim says the count is wrong. “…”": a sentence
            // reporting somebody after the last quotation hands the next one
            // to its speaker; the earlier speaker does not carry on.
            cue(Rule::SentenceAfterPrevious, &|| {
                let (at, earlier, _) = previous?;
                speaker::attribute_from_sentence_after(t, *at, earlier.range.end, q)
            })
        })
        .or_else(|| {
            let (at, _, tokens) = previous.filter(|_| on(off, Rule::Continuation))?;
            (continues(t, *at, q) && (may_continue || speaker::sentence_reports(t, q)))
                .then(|| Found::Continuation(tokens.clone()))
        })
        .or_else(|| {
            cue(Rule::PreviousSentence, &|| {
                speaker::attribute_from_previous_sentence(t, q)
            })
        })
        .or_else(|| {
            cue(Rule::NextSentence, &|| {
                speaker::attribute_from_next_sentence(t, q)
            })
        })
}

/// The non-blank lines of `range`, each trimmed of surrounding spaces.
fn paragraph_parts(text: &str, range: &Range<usize>) -> Vec<Range<usize>> {
    let Some(inner) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut parts = Vec::new();
    let mut offset = range.start;
    for line in inner.split('\n') {
        let leading = line.len() - line.trim_start().len();
        let content = line.trim();
        if !content.is_empty() {
            let start = offset + leading;
            parts.push(start..start + content.len());
        }
        offset += line.len() + 1;
    }
    parts
}

/// Whether the quoted words hold a verb or a subject pronoun of their own.
fn is_a_clause(text: &str, range: &Range<usize>) -> bool {
    // One buffer for every word: no allocation per quoted word.
    let mut lower = String::new();
    crate::analysis::scan::words(text.get(range.clone()).unwrap_or_default())
        .map(|w| w.trim_matches(|c: char| !crate::analysis::scan::is_alphanumeric(c)))
        // The longest clause word ("weren't") has seven letters.
        .filter(|w| w.chars().count() <= 8)
        .any(|w| {
            lower.clear();
            for c in w.chars() {
                if c == '’' {
                    lower.push('\'');
                } else {
                    lower.extend(c.to_lowercase());
                }
            }
            word_lists::is_clause_word(&lower)
        })
}

/// Whether the quoted words end in an exclamation mark.
fn exclaims(text: &str, range: &Range<usize>) -> bool {
    text.get(range.clone())
        .unwrap_or_default()
        .trim_end_matches(|c: char| c.is_whitespace() || c == ',' || marks::is_mark(c))
        .ends_with('!')
}

fn opens_with_single_mark(text: &str, range: &Range<usize>) -> bool {
    text.get(range.clone())
        .and_then(|s| s.chars().next())
        .is_some_and(marks::is_single)
}

fn marks_reason(span: &MarkedSpan) -> QuoteReason {
    match (span.block, span.closed, span.paragraphs > 1) {
        (true, _, _) => QuoteReason::BlockQuote,
        (false, false, _) => QuoteReason::Unclosed,
        (false, true, true) => QuoteReason::SeveralParagraphs,
        (false, true, false) => QuoteReason::Marks,
    }
}

/// Turns an attribution into the public speaker, resolving pronouns, and
/// records the cues that found it in `reasons`.
fn speaker_finding(
    t: &Tokens,
    attribution: &Attribution,
    speakers: &[Mention],
    reasons: &mut Vec<QuoteReason>,
) -> SpeakerFinding {
    let first = t.range(attribution.tokens.start);
    let last = t.range(attribution.tokens.end - 1);
    let range = first.start..last.end;
    if let Some(verb) = &attribution.verb {
        reasons.push(QuoteReason::ReportingVerb(verb.clone()));
    }
    reasons.push(QuoteReason::Speaker(attribution.cue));
    let mention = t.text.get(range.clone()).unwrap_or_default().to_lowercase();
    let single = attribution.tokens.len() == 1;
    if single && mention == "who" {
        // A relative pronoun stands for the phrase it follows.
        let resolved = speaker::relative_head(t, attribution.tokens.start, 0).map(|head| {
            let start = t.range(head.start).start;
            let end = t.range(head.end - 1).end;
            t.text.get(start..end).unwrap_or_default().to_string()
        });
        if let Some(name) = &resolved {
            reasons.push(QuoteReason::RefersTo {
                mention,
                name: name.clone(),
            });
        }
        return SpeakerFinding { range, resolved };
    }
    let at = attribution.tokens.start;
    let antecedent = antecedent::antecedent_kind(&mention)
        .filter(|_| single)
        .and_then(|kind| antecedent::resolve(t, at, kind, speakers));
    let Some(antecedent) = antecedent else {
        return SpeakerFinding {
            range,
            resolved: None,
        };
    };
    reasons.push(QuoteReason::RefersTo {
        mention,
        name: antecedent.text.clone(),
    });
    let resolved = Some(antecedent.text);
    SpeakerFinding { range, resolved }
}

/// Whether the quotation at token `q` carries on the one at `earlier`: the
/// same paragraph, or the next one with at most a few words between them.
fn continues(t: &Tokens, earlier: usize, q: usize) -> bool {
    let between = earlier + 1..q;
    let breaks = between
        .clone()
        .filter(|&i| t.kind(i) == Some(TokenKind::Break))
        .count();
    (breaks == 0 && between.len() <= 80) || (breaks == 1 && between.len() <= 12)
}

/// Whether the quotation at token `earlier` ends its paragraph and the one
/// at `q` opens the next.
fn leads_into(t: &Tokens, earlier: usize, q: usize) -> bool {
    q == earlier + 2 && t.kind(earlier + 1) == Some(TokenKind::Break)
}

fn words_in(text: &str, range: &Range<usize>) -> usize {
    crate::analysis::scan::words(text.get(range.clone()).unwrap_or_default())
        .filter(|w| w.chars().any(crate::analysis::scan::is_alphanumeric))
        .count()
}

/// Whether `inner` ends one sentence and starts another ("The Donald. Big
/// Daddy."): a word of three letters or more, no abbreviation, closed by a
/// full stop, a question or an exclamation mark, then a capitalised word.
/// Titles are one phrase; two sentences are somebody's words.
fn holds_two_sentences(inner: &str) -> bool {
    let mut words = inner.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let Some(next) = words.peek() else { break };
        let ends = word
            .trim_end_matches(|c: char| marks::is_mark(c))
            .ends_with(['.', '!', '?']);
        let letters: String = word
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        let starts = next
            .trim_start_matches(|c: char| marks::is_mark(c))
            .starts_with(char::is_uppercase);
        if ends && starts && letters.chars().count() >= 3 && !word_lists::is_abbreviation(&letters)
        {
            return true;
        }
    }
    false
}

/// Whether the quoted words read as a title or a name ("Meet the Press",
/// "Game of Thrones"): every word capitalised but the small ones.
fn looks_like_title(text: &str, range: &Range<usize>) -> bool {
    let inner = text.get(range.clone()).unwrap_or_default();
    let words: Vec<&str> = inner
        .split(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() || words.len() > 12 || holds_two_sentences(inner) {
        return false;
    }
    let small = |w: &str| {
        matches!(
            w,
            "a" | "an"
                | "the"
                | "of"
                | "and"
                | "or"
                | "in"
                | "on"
                | "at"
                | "to"
                | "for"
                | "with"
                | "by"
                | "from"
                | "de"
                | "la"
                | "le"
                | "der"
                | "die"
                | "das"
                | "is"
        )
    };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    capitalised(words[0]) && words.iter().all(|w| capitalised(w) || small(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::QUOTE_MIN_SCORE;

    /// (quoted text, speaker mention, resolved name) of every quote.
    fn quotes(text: &str) -> Vec<(&str, Option<&str>, Option<String>)> {
        detect(text)
            .into_iter()
            .map(|f| {
                let speaker = f.speaker.as_ref();
                (
                    &text[f.range.clone()],
                    speaker.map(|s| &text[s.range.clone()]),
                    speaker.and_then(|s| s.resolved.clone()),
                )
            })
            .collect()
    }

    fn speaker_of<'a>(text: &'a str, quote: &str) -> Option<&'a str> {
        let found = detect(text);
        let finding = found
            .iter()
            .find(|f| &text[f.range.clone()] == quote)
            .unwrap_or_else(|| panic!("no quote {quote} in {:?}", quotes(text)));
        finding.speaker.as_ref().map(|s| &text[s.range.clone()])
    }

    #[test]
    fn speaker_after_quote() {
        let text = "\"We are ready to talk,\" the foreign ministry said in a statement.";
        assert_eq!(
            speaker_of(text, "\"We are ready to talk,\""),
            Some("the foreign ministry")
        );
    }

    #[test]
    fn inverted_speaker_after_quote() {
        let text = "“It is over,” said Maria Lopez, a council member.";
        assert_eq!(speaker_of(text, "“It is over,”"), Some("Maria Lopez"));
    }

    #[test]
    fn speaker_before_quote_with_told() {
        let text = "Minister Anna Berg told AFP: “The talks failed.”";
        assert_eq!(
            speaker_of(text, "“The talks failed.”"),
            Some("Minister Anna Berg")
        );
    }

    #[test]
    fn according_to_names_the_speaker() {
        let text = "“Prices will rise,” according to the central bank.";
        assert_eq!(
            speaker_of(text, "“Prices will rise,”"),
            Some("the central bank")
        );
    }

    #[test]
    fn the_outer_source_relays_the_words() {
        let text = "“We will not sign,” the envoy said, according to the Daily Courier.";
        assert_eq!(
            speaker_of(text, "“We will not sign,”"),
            Some("the Daily Courier")
        );
    }

    #[test]
    fn a_reporting_word_after_a_determiner_is_a_noun_speaker() {
        let text = "“Costs will double,” the report stated.";
        assert_eq!(speaker_of(text, "“Costs will double,”"), Some("the report"));
    }

    #[test]
    fn a_new_clause_after_a_quote_is_no_attribution() {
        let text =
            "Most voters found the plan “fair and overdue,” while some critics called it a gift.";
        let found = detect(text);
        let speaker = found[0].speaker.as_ref().map(|s| &text[s.range.clone()]);
        assert_ne!(speaker, Some("some critics"));
    }

    #[test]
    fn listed_quotes_share_the_verb_after_them() {
        let text = "Taxes are “a burden” and “a brake on growth,” the candidate told the crowd.";
        assert_eq!(speaker_of(text, "“a burden”"), Some("the candidate"));
    }

    #[test]
    fn an_unattributed_paragraph_takes_the_speaker_of_the_next_quote() {
        let text = "Rain fell.\n\n“We lost the harvest this year.”\n\n“Next year will be better,” the farmer said.";
        assert_eq!(
            speaker_of(text, "“We lost the harvest this year.”"),
            Some("the farmer")
        );
    }

    #[test]
    fn the_object_of_a_preposition_is_no_speaker() {
        let text = "A senior official speaking to the Daily Courier said: “We are done.”";
        let speaker = speaker_of(text, "“We are done.”").expect("a speaker");
        assert!(speaker.contains("senior official"), "{speaker}");
    }

    #[test]
    fn a_quoted_name_inside_an_appositive_keeps_the_speaker() {
        let text = "“We lost,” Lee Park, wearing a “Vote Lee” badge, said on Friday.";
        assert_eq!(speaker_of(text, "“We lost,”"), Some("Lee Park"));
    }

    #[test]
    fn a_sentence_adverb_is_no_speaker() {
        let text = "Moreover, the union faulted the board for its “bad faith” at the talks.";
        assert_eq!(speaker_of(text, "“bad faith”"), Some("the union"));
    }

    #[test]
    fn each_participle_clause_has_its_own_speaker() {
        let text = "Both leaders issued a statement, Park saying the talks were “useful” and Lee calling them “a first step.”";
        assert_eq!(speaker_of(text, "“useful”"), Some("Park"));
        assert_eq!(speaker_of(text, "“a first step.”"), Some("Lee"));
    }

    #[test]
    fn states_after_a_quote_and_its_subject_is_a_verb() {
        let text = "“Exports fell by a third,” the ministry states in its report.";
        assert_eq!(
            speaker_of(text, "“Exports fell by a third,”"),
            Some("the ministry")
        );
        let text = "“Exports fell by a third,” the United States said.";
        assert_eq!(
            speaker_of(text, "“Exports fell by a third,”"),
            Some("the United States")
        );
    }

    #[test]
    fn name_and_colon_introduce_a_quote() {
        let text = "Berg: « Nous partons demain. »";
        assert_eq!(speaker_of(text, "« Nous partons demain. »"), Some("Berg"));
    }

    #[test]
    fn added_attributes_a_partial_quote() {
        let text = "The mayor added that the plan was “a good start.”";
        assert_eq!(speaker_of(text, "“a good start.”"), Some("The mayor"));
    }

    #[test]
    fn pronoun_speaker_is_resolved_to_the_nearest_person() {
        let text = "Chancellor Olaf Weber opened the session. “We start now,” he said.";
        let found = quotes(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, Some("he"));
        assert_eq!(found[0].2.as_deref(), Some("Chancellor Olaf Weber"));
    }

    #[test]
    fn a_relative_pronoun_is_resolved_to_the_phrase_before_it() {
        let text = "Voters backed Ana Ruiz, who said the tax was “unfair.”";
        let found = quotes(text);
        assert_eq!(found[0].1, Some("who"));
        assert_eq!(found[0].2.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn it_is_resolved_to_an_organisation() {
        let text = "The Transport Ministry met Bob Stone. “Fares stay,” it said.";
        let found = quotes(text);
        assert_eq!(found[0].1, Some("it"));
        assert_eq!(found[0].2.as_deref(), Some("Transport Ministry"));
    }

    #[test]
    fn partial_quote_belongs_to_the_governing_clause() {
        let text = "The ministry said talks had stalled, accusing its rival of “bad faith” in the process.";
        let found = detect(text);
        assert_eq!(found.len(), 1);
        let speaker = found[0].speaker.as_ref().expect("a speaker");
        assert_eq!(&text[speaker.range.clone()], "The ministry");
        assert!(found[0].score >= 0.5);
    }

    #[test]
    fn scare_quote_without_speaker_scores_low_and_says_why() {
        let text = "The so-called “reform” package passed on Tuesday.";
        let found = detect(text);
        assert_eq!(found.len(), 1);
        assert!(found[0].speaker.is_none());
        assert!(found[0].score < 0.5);
        assert!(found[0]
            .reasons
            .iter()
            .any(|r| r == "scare quote: no speaker nearby"));
    }

    #[test]
    fn quoted_title_scores_low() {
        let text = "She appeared on “Meet the Nation” last week.";
        let found = detect(text);
        assert!(found[0].score < 0.5);
        assert!(found[0].reasons.iter().any(|r| r.contains("title")));
    }

    #[test]
    fn attribution_in_the_previous_sentence() {
        let text = "The senator made a brief statement:\n\n“We will appeal.”";
        assert_eq!(speaker_of(text, "“We will appeal.”"), Some("The senator"));
    }

    #[test]
    fn attribution_in_the_next_sentence() {
        let text = "“Nothing has changed.” The spokeswoman said so twice.";
        assert_eq!(
            speaker_of(text, "“Nothing has changed.”"),
            Some("The spokeswoman")
        );
    }

    #[test]
    fn a_second_quote_continues_the_first_speaker() {
        let text = "“The first part,” Lee said. “The second part.”";
        assert_eq!(speaker_of(text, "“The second part.”"), Some("Lee"));
    }

    #[test]
    fn a_reporting_sentence_between_quotes_hands_the_next_one_to_its_speaker() {
        let text = "“We will appeal,” the mayor said. Ruiz says the count was fair. “Every ballot was checked twice.”";
        assert_eq!(
            speaker_of(text, "“Every ballot was checked twice.”"),
            Some("Ruiz")
        );
        let text = "„Wir gewinnen“, sagte Weber. Müller sagte, die Zahlen seien gut. „Das ist erst ein Anfang.“";
        assert_eq!(
            speaker_of(text, "„Das ist erst ein Anfang.“"),
            Some("Müller")
        );
        // The sentence of the earlier quotation names its speaker, not the
        // next one's; a negated verb reports nothing.
        let text = "“We will appeal,” Lee said after Kim spoke. “The ruling is wrong.”";
        assert_eq!(speaker_of(text, "“The ruling is wrong.”"), Some("Lee"));
        let text = "“We will appeal.” Lee said it twice while Kim listened. “The ruling is wrong.”";
        assert_eq!(speaker_of(text, "“The ruling is wrong.”"), Some("Lee"));
        let text = "“We will appeal,” Mayor Lee said. He did not say when. “The ruling is wrong.”";
        assert_eq!(
            speaker_of(text, "“The ruling is wrong.”"),
            Some("Mayor Lee")
        );
    }

    #[test]
    fn a_named_owner_of_a_claim_that_is_its_speaker() {
        let text = "The senator mocked Governor Hall's claim that the bridge \"will pay for itself\" within a decade.";
        assert_eq!(
            speaker_of(text, "\"will pay for itself\""),
            Some("Governor Hall's")
        );
        let text = "Lee derided Kim’s assertion that the tax was “a gift to the poor.”";
        assert_eq!(speaker_of(text, "“a gift to the poor.”"), Some("Kim’s"));
        // Without "that" the quotation is what the reporter calls the words.
        let text = "Lee called Kim's claim \"absurd\" on Monday.";
        assert_eq!(speaker_of(text, "\"absurd\""), Some("Lee"));
        // A possessive pronoun is no name to hand the words to.
        let text =
            "Ana Ruiz argued that the vote was close: His claim that it was \"rigged\" is false.";
        assert_ne!(speaker_of(text, "\"rigged\""), Some("His"));
    }

    #[test]
    fn a_participle_after_a_name_with_of_has_that_subject() {
        let text = "Unions backed the bill, with the Federation of Nurses calling it \"a lifeline\" for clinics.";
        assert_eq!(
            speaker_of(text, "\"a lifeline\""),
            Some("the Federation of Nurses")
        );
    }

    #[test]
    fn according_to_names_a_document_with_its_author() {
        let text = "“The bridge is unsafe,” the engineer wrote, according to a report filed by the county auditor.";
        assert_eq!(
            speaker_of(text, "“The bridge is unsafe,”"),
            Some("a report filed by the county auditor")
        );
        let text = "Rents rose by a \"shocking margin\" last year, according to figures by Rosa Vidal of the housing board.";
        assert_eq!(
            speaker_of(text, "\"shocking margin\""),
            Some("figures by Rosa Vidal of the housing board")
        );
        // A source with no author named stays as it is.
        let text = "“We are ready,” the coach said, according to a recording of the meeting.";
        assert_eq!(
            speaker_of(text, "“We are ready,”"),
            Some("a recording of the meeting")
        );
    }

    #[test]
    fn a_quotation_closing_its_sentence_keeps_its_source_from_the_next() {
        let text = "Ann Lee spoke on the radio, saying the city should publish the tapes \"without delay.\" Lee flies in on Sunday, according to an aide.";
        assert_eq!(speaker_of(text, "\"without delay.\""), Some("Ann Lee"));
    }

    #[test]
    fn the_last_clause_of_a_sentence_speaks_through_its_own_subject() {
        let text = "Lina Ortiz promised a new budget, but the council has fought the plan, at one point calling it \"a fantasy\" in public.";
        assert_eq!(speaker_of(text, "\"a fantasy\""), Some("the council"));
        let text = "The count isn't over, but the mayor's campaign is already claiming a \"clear mandate\" for the plan.";
        assert_eq!(
            speaker_of(text, "\"clear mandate\""),
            Some("the mayor's campaign")
        );
        // A clause opening with its verb shares the sentence's subject.
        let text = "Sen. Mia Roe said she had not read the plan, but called it a \"starting point\" for talks.";
        assert_eq!(speaker_of(text, "\"starting point\""), Some("Sen. Mia Roe"));
    }

    #[test]
    fn with_and_a_titled_phrase_names_the_participles_speaker() {
        let text = "The office criticized the ruling, with the former governor calling the move “deeply troubling.”";
        assert_eq!(
            speaker_of(text, "“deeply troubling.”"),
            Some("the former governor")
        );
        let text = "The union backed the bill, with the head of the union calling it “a lifeline.”";
        assert_eq!(
            speaker_of(text, "“a lifeline.”"),
            Some("the head of the union")
        );
    }

    #[test]
    fn a_verb_continued_by_a_gerund_still_reports() {
        let text = "Judge Ortiz continued by saying, “The court will rule on Monday, and not a day later.”";
        assert_eq!(
            speaker_of(
                text,
                "“The court will rule on Monday, and not a day later.”"
            ),
            Some("Judge Ortiz")
        );
    }

    #[test]
    fn an_opening_subordinate_clause_does_not_speak_for_the_main_one() {
        let text = "Although Lee praised the plan, Mayor Kim struck a sober note, saying, \"We have a long road ahead of us.\"";
        assert_eq!(
            speaker_of(text, "\"We have a long road ahead of us.\""),
            Some("Mayor Kim")
        );
    }

    #[test]
    fn a_source_closing_the_sentence_relays_its_quotations() {
        let text = "Fans chanted “Build the bridge” at the game, the Tribune first reported.";
        assert_eq!(speaker_of(text, "“Build the bridge”"), Some("the Tribune"));
        let text = "Pressed on the delay, Mayor Lee “bristled” and said, “Not today,” the Courier reported.";
        assert_eq!(speaker_of(text, "“bristled”"), Some("the Courier"));
        let text = "Kim called the deal “a fraud” before walking out, Lee said.";
        assert_eq!(speaker_of(text, "“a fraud”"), Some("Lee"));
        // No reporting verb closes the sentence: the speaker stays.
        let text = "Lee called the deal “a fraud,” and the crowd cheered.";
        assert_eq!(speaker_of(text, "“a fraud,”"), Some("Lee"));
        let text = "Lee called the deal “a fraud.” The paper reported it.";
        assert_eq!(speaker_of(text, "“a fraud.”"), Some("Lee"));
    }

    #[test]
    fn every_form_of_a_reporting_verb_reports() {
        let text = "The crowd surged forward, with Mayor Ruiz reportedly yelling: “Stay back from the barrier!”";
        assert_eq!(
            speaker_of(text, "“Stay back from the barrier!”"),
            Some("Mayor Ruiz")
        );
        let text = "The vote went ahead, with Senator Diaz conceding: “We did not have the numbers today.”";
        assert_eq!(
            speaker_of(text, "“We did not have the numbers today.”"),
            Some("Senator Diaz")
        );
    }

    #[test]
    fn a_lone_quantifier_after_the_verb_is_the_speaker() {
        let text = "Voters waited for hours. “The line is too long,” said one. “We came anyway,” tweeted another.";
        assert_eq!(speaker_of(text, "“The line is too long,”"), Some("one"));
        assert_eq!(speaker_of(text, "“We came anyway,”"), Some("another"));
    }

    #[test]
    fn the_agent_of_a_passive_verb_of_speech_said_the_words() {
        let text = "The new rules – dubbed \"the cage\" by the staff – start on Monday.";
        assert_eq!(speaker_of(text, "\"the cage\""), Some("the staff"));
        let text = "The delay was \"a grave failure of planning\" in the final report, as described by the auditor general.";
        assert_eq!(
            speaker_of(text, "\"a grave failure of planning\""),
            Some("the auditor general")
        );
        let text = "The gesture came to be known by some voters as a \"salute\" in later years.";
        assert_eq!(speaker_of(text, "\"salute\""), Some("some voters"));
        // "by" after something that is not speech names no speaker.
        let text = "A plan called \"Renew the Harbor\" was backed by the mayor.";
        assert_ne!(speaker_of(text, "\"Renew the Harbor\""), Some("the mayor"));
    }

    #[test]
    fn multi_paragraph_quote_is_linked_parts_with_one_speaker() {
        let text = "“We will rebuild the bridge.\n\n“We start in May.\n\n“It will take two years,” the engineer said.";
        let found = detect(text);
        let parts: Vec<&str> = found.iter().map(|f| &text[f.range.clone()]).collect();
        assert_eq!(
            parts,
            [
                "“We will rebuild the bridge.",
                "“We start in May.",
                "“It will take two years,”"
            ]
        );
        for (n, part) in found.iter().enumerate() {
            assert_eq!(part.part_of, Some(0));
            let speaker = part.speaker.as_ref().expect("every part has the speaker");
            assert_eq!(&text[speaker.range.clone()], "the engineer");
            let label = format!("multi-paragraph quotation, part {} of 3", n + 1);
            assert!(
                part.reasons.iter().any(|r| *r == label),
                "{:?}",
                part.reasons
            );
        }
    }

    #[test]
    fn a_one_paragraph_quote_is_not_a_part() {
        let found = detect("“We start in May,” the engineer said.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].part_of, None);
    }

    fn score_of(text: &str, quote: &str) -> f32 {
        detect(text)
            .iter()
            .find(|f| &text[f.range.clone()] == quote)
            .unwrap_or_else(|| panic!("no quote {quote} in {:?}", quotes(text)))
            .score
    }

    #[test]
    fn a_partial_quote_in_a_reporting_sentence_is_shown() {
        let text = "The union, which the mayor described as “greedy,” rejected the offer.";
        assert!(score_of(text, "“greedy,”") >= QUOTE_MIN_SCORE);
    }

    #[test]
    fn owned_words_and_quoted_clauses_are_shown() {
        let text = "Her pledge of “lower fares” won the vote.";
        assert!(score_of(text, "“lower fares”") >= QUOTE_MIN_SCORE);
        let text = "The governor's view was simply that “we can't wait” for funds.";
        assert!(score_of(text, "“we can't wait”") >= QUOTE_MIN_SCORE);
        let text = "The council approved a “green corridor” on Monday.";
        assert!(score_of(text, "“green corridor”") < QUOTE_MIN_SCORE);
    }

    #[test]
    fn capitalised_words_a_speaker_says_are_no_title() {
        let text = "“Enough Is Enough,” the marchers chanted.";
        assert!(score_of(text, "“Enough Is Enough,”") >= QUOTE_MIN_SCORE);
        let text = "The mayor told reporters on “Evening Talk” that taxes would fall.";
        assert!(score_of(text, "“Evening Talk”") < QUOTE_MIN_SCORE);
    }

    #[test]
    fn slogans_chants_and_printed_words_are_no_titles() {
        let shown = [
            (
                "The farmers marched behind the slogan “Bread Before Profit” all morning.",
                "“Bread Before Profit”",
            ),
            (
                "Workers hung a banner that read “Fair Pay Now” over the gate.",
                "“Fair Pay Now”",
            ),
            (
                "The crowd greeted the mayor with chants of “Four More Years” at the door.",
                "“Four More Years”",
            ),
            (
                "Die Demonstranten riefen die Parole „Wir Bleiben Hier“ vor dem Rathaus.",
                "„Wir Bleiben Hier“",
            ),
        ];
        for (text, quote) in shown {
            assert!(score_of(text, quote) >= QUOTE_MIN_SCORE, "{text}");
        }
        // No speaker is found in French here, but the words are no title.
        let text = "Les manifestants scandaient le slogan « Tous Ensemble » devant la mairie.";
        let found = detect(text);
        let title = "title or name in quotation marks".to_string();
        assert!(
            !found[0].reasons.iter().any(|r| *r == title),
            "{:?}",
            found[0].reasons
        );
        // The same capitalised words where a title stands stay a title.
        let text = "The farmers marched after a screening of “Bread Before Profit” downtown.";
        assert!(score_of(text, "“Bread Before Profit”") < QUOTE_MIN_SCORE);
    }

    #[test]
    fn a_long_title_with_a_subtitle_is_still_a_title() {
        let text = "The agency based its plan on the study “Rivers at Risk: How Drought and Dams Threaten the Delta” from 2019.";
        let quote = "“Rivers at Risk: How Drought and Dams Threaten the Delta”";
        assert!(score_of(text, quote) < QUOTE_MIN_SCORE);
        // A long sentence is no title, however it is capitalised at first.
        let text = "The mayor said “the river has risen by two metres and the town is ready for it” on Monday.";
        let quote = "“the river has risen by two metres and the town is ready for it”";
        assert!(score_of(text, quote) >= QUOTE_MIN_SCORE);
    }

    #[test]
    fn a_stance_word_used_as_a_noun_reports_nothing() {
        let text = "The new fee is a far cry from the “fair deal” of last year.";
        assert!(score_of(text, "“fair deal”") < QUOTE_MIN_SCORE);
        let text = "The clerks searched the archive for terms such as “levy” in the index.";
        assert!(score_of(text, "“levy”") < QUOTE_MIN_SCORE);
        // The same words as verbs make the sentence somebody's view.
        let text = "The union leaders feel the offer is a “fair deal” overall.";
        assert!(score_of(text, "“fair deal”") >= QUOTE_MIN_SCORE);
        let text = "A study that found “severe” damage to the reef was published.";
        assert!(score_of(text, "“severe”") >= QUOTE_MIN_SCORE);
    }

    #[test]
    fn a_term_someone_uses_is_their_words_not_a_title() {
        let text = "The mayor has often used the term “Harbor First” in her speeches.";
        assert!(score_of(text, "“Harbor First”") >= QUOTE_MIN_SCORE);
        let text = "The mayor has often appeared on “Harbor First” in the mornings.";
        assert!(score_of(text, "“Harbor First”") < QUOTE_MIN_SCORE);
    }

    #[test]
    fn orders_decrees_and_names_make_a_partial_quote_someones_words() {
        let shown = [
            (
                "The general ordered his troops to “hold the line” until dawn.",
                "“hold the line”",
            ),
            (
                "The mayor invited residents to “reclaim the streets” this summer.",
                "“reclaim the streets”",
            ),
            (
                "The charter mandates a “fair hearing” for every tenant.",
                "“fair hearing”",
            ),
            (
                "Many still follow the old dictum that a budget is a “moral document” today.",
                "“moral document”",
            ),
            (
                "The club named its founder an “honorary president” in March.",
                "“honorary president”",
            ),
        ];
        for (text, quote) in shown {
            assert!(score_of(text, quote) >= QUOTE_MIN_SCORE, "{text}");
        }
        // Without such a verb the same words stay a scare quote.
        let text = "The general moved his troops to “hold the line” until dawn.";
        assert!(score_of(text, "“hold the line”") < QUOTE_MIN_SCORE);
    }

    #[test]
    fn an_opening_sentence_adverb_is_no_speaker() {
        for adverb in ["Therefore", "Perhaps", "Well", "Still"] {
            let text =
                format!("{adverb}, the ministry believes the deal is “a good start” for both.");
            let speaker = speaker_of(&text, "“a good start”");
            assert_eq!(speaker, Some("the ministry"), "{text}");
        }
    }

    #[test]
    fn a_count_between_commas_is_no_speaker() {
        let text = "Well, all voters need to do is stay calm and chant, a hundred times, “No More Delays,” until June.";
        let speaker = speaker_of(text, "“No More Delays,”");
        assert_ne!(speaker, Some("a hundred times"));
    }

    #[test]
    fn the_second_of_two_listed_quotations_is_of_the_first_ones_kind() {
        let text = "The coach called the referee a “cheat” and a “Disgrace.”";
        assert!(score_of(text, "“Disgrace.”") >= QUOTE_MIN_SCORE);
        // After a title, a listed title stays one.
        let text = "The station dropped “Night Watch” and “Morning Star” last year.";
        assert!(score_of(text, "“Morning Star”") < QUOTE_MIN_SCORE);
    }

    #[test]
    fn two_sentences_are_no_title() {
        let text =
            "The band bowed to the crowd.\n\n“Thank You. Good Night.”\n\nThe lights went out.";
        assert!(score_of(text, "“Thank You. Good Night.”") >= QUOTE_MIN_SCORE);
        let text = "The channel showed “Mr. Lee Goes to Town” on Sunday.";
        assert!(score_of(text, "“Mr. Lee Goes to Town”") < QUOTE_MIN_SCORE);
    }

    #[test]
    fn a_nickname_inside_a_name_is_nobodys_words() {
        let text = "“We will rebuild,” Councillor Maria “Mimi” Torres said on Monday.";
        assert!(score_of(text, "“Mimi”") < QUOTE_MIN_SCORE);
        assert_eq!(
            speaker_of(text, "“We will rebuild,”"),
            Some("Councillor Maria “Mimi” Torres")
        );
        // Words quoted between two sentences are no nickname.
        let text = "The coach called the loss “Painful.” Fans agreed.";
        assert!(score_of(text, "“Painful.”") >= QUOTE_MIN_SCORE);
    }

    #[test]
    fn as_names_only_what_follows_it_at_once() {
        let text = "The senator voted as part of the “Budget Hawks” on Tuesday.";
        assert!(score_of(text, "“Budget Hawks”") < QUOTE_MIN_SCORE);
        let text = "The senator is known in the capital as “The Closer” these days.";
        assert!(score_of(text, "“The Closer”") >= QUOTE_MIN_SCORE);
    }

    #[test]
    fn a_reporting_verb_and_a_comma_make_capitalised_words_speech() {
        let text = "Asked about the result, the coach blurted out, “Never Again,” and left.";
        assert!(score_of(text, "“Never Again,”") >= QUOTE_MIN_SCORE);
        assert_eq!(speaker_of(text, "“Never Again,”"), Some("the coach"));
    }

    #[test]
    fn a_so_called_label_is_the_writers_not_a_speakers() {
        let hidden = [
            (
                "The aid went to the so-called “moderate rebels” in the north.",
                "“moderate rebels”",
            ),
            (
                "The region built so called “smart roads” with the new budget.",
                "“smart roads”",
            ),
            (
                "Die Polizei durchsuchte Wohnungen der sogenannten „Reichsbürger“ am Morgen.",
                "„Reichsbürger“",
            ),
            (
                "Le gouvernement a publié un soi-disant « plan de relance » hier.",
                "« plan de relance »",
            ),
        ];
        for (text, quote) in hidden {
            assert!(score_of(text, quote) < QUOTE_MIN_SCORE, "{text}");
        }
        // Without the label the partial quotation in a stance sentence shows.
        let text = "The aid went to what the envoy described as “moderate rebels” in the north.";
        assert!(score_of(text, "“moderate rebels”") >= QUOTE_MIN_SCORE);
        // A speaker reporting the label still says it.
        let text = "Lee said the so-called “peace plan” was a trap.";
        assert!(score_of(text, "“peace plan”") >= QUOTE_MIN_SCORE);
    }

    #[test]
    fn a_name_given_by_a_speaker_is_no_title() {
        let text = "The senator called the bill “The Great Giveaway” on Friday.";
        assert!(score_of(text, "“The Great Giveaway”") >= QUOTE_MIN_SCORE);
        let text = "The senator spoke on “Evening Talk” on Friday.";
        assert!(score_of(text, "“Evening Talk”") < QUOTE_MIN_SCORE);
    }

    #[test]
    fn single_quotes_need_a_reporting_cue() {
        let text = "Harbour plan a 'disaster' for fishermen";
        let found = detect(text);
        assert_eq!(found.len(), 1);
        assert!(found[0].score < QUOTE_MIN_SCORE);
        assert!(found[0].reasons.iter().any(|r| r.contains("single")));
        let text = "‘We will not move,’ the harbour master said.";
        assert!(score_of(text, "‘We will not move,’") >= QUOTE_MIN_SCORE);
    }

    #[test]
    fn a_single_mark_headline_quote_is_not_shown_twice() {
        let text = "Mayor: ‘We Will Rebuild the Bridge’\n\n“We will rebuild the bridge,” the mayor said on Monday.";
        assert!(score_of(text, "‘We Will Rebuild the Bridge’") < QUOTE_MIN_SCORE);
        assert!(score_of(text, "“We will rebuild the bridge,”") >= QUOTE_MIN_SCORE);
        // A text quoting in single marks throughout keeps its first line.
        let text = "‘We will not move,’ the harbour master said.\n\n‘Never,’ he added.";
        assert!(score_of(text, "‘We will not move,’") >= QUOTE_MIN_SCORE);
    }

    #[test]
    fn single_marks_in_a_text_that_quotes_in_double_marks_are_not_its_quotes() {
        let text = "“We will build it,” the mayor said. “Soon.”\n\nLater she told the crowd, ‘We are ready,’ and left.";
        assert!(score_of(text, "‘We are ready,’") < QUOTE_MIN_SCORE);
        assert!(score_of(text, "“We will build it,”") >= QUOTE_MIN_SCORE);
        let text = "„Wir bauen die Brücke“, sagte die Bürgermeisterin. „Bald.“ Dann rief sie ‚Wir sind bereit‘, sagte sie.";
        assert!(score_of(text, "‚Wir sind bereit‘") < QUOTE_MIN_SCORE);
        // A text quoting in single marks keeps them, its double ones aside.
        let text =
            "‘We will build it,’ the mayor said. ‘We will start soon.’ She called the plan “bold”.";
        assert!(score_of(text, "‘We will build it,’") >= QUOTE_MIN_SCORE);
        assert!(score_of(text, "‘We will start soon.’") >= QUOTE_MIN_SCORE);
    }

    #[test]
    fn a_label_or_a_stance_makes_a_short_quote_somebodys_words() {
        let text = "The minister hailed the treaty as a “turning point” for the region.";
        assert!(score_of(text, "“turning point”") >= QUOTE_MIN_SCORE);
        let text = "The senator routinely portrays her rival's budget plans as “reckless.”";
        assert!(score_of(text, "“reckless.”") >= QUOTE_MIN_SCORE);
        let text = "The museum bought paintings such as “Blue Harbour” last year.";
        assert!(score_of(text, "“Blue Harbour”") < QUOTE_MIN_SCORE);
    }

    #[test]
    fn a_headline_cited_with_its_byline_is_no_quote() {
        let text = "READ — \"Harbour museum to close in May,\" by the Gazette's Ann Lee: \"The museum will shut its doors for good next spring.\"";
        assert!(score_of(text, "\"Harbour museum to close in May,\"") < QUOTE_MIN_SCORE);
    }

    #[test]
    fn a_short_quote_in_a_sentence_of_belief_or_finding_is_shown() {
        let text = "The auditors found “serious gaps” in the accounts.";
        assert!(score_of(text, "“serious gaps”") >= QUOTE_MIN_SCORE);
        assert_eq!(speaker_of(text, "“serious gaps”"), Some("The auditors"));
        let text = "Her supporters are crying “foul” over the count.";
        assert!(score_of(text, "“foul”") >= QUOTE_MIN_SCORE);
        let text = "The report repeated Lee's allegations of a “secret deal” at the port.";
        assert!(score_of(text, "“secret deal”") >= QUOTE_MIN_SCORE);
        // With no such word the writer's own label stays a scare quote.
        let text = "The city is building a “green corridor” along the river.";
        assert!(score_of(text, "“green corridor”") < QUOTE_MIN_SCORE);
    }

    #[test]
    fn labels_listed_after_as_and_a_stated_position_are_somebodys_words() {
        let text = "Critics painted the mayor as a “showman” and a “bully.”";
        assert!(score_of(text, "“showman”") >= QUOTE_MIN_SCORE);
        assert!(score_of(text, "“bully.”") >= QUOTE_MIN_SCORE);
        let text = "The senator made it clear that she has “grave doubts” about the bill.";
        assert!(score_of(text, "“grave doubts”") >= QUOTE_MIN_SCORE);
        // Things listed with no label or position stay the writer's.
        let text = "The shop sold “blue” and “green” paint.";
        assert!(score_of(text, "“green”") < QUOTE_MIN_SCORE);
    }

    #[test]
    fn a_short_label_after_a_quote_is_no_continuation() {
        let text = "“We are ready,” the coach said. Fans filled the “home end” early.";
        assert!(score_of(text, "“home end”") < QUOTE_MIN_SCORE);
        let text = "“We are ready,” the coach said. “Very ready.”";
        assert!(score_of(text, "“Very ready.”") >= QUOTE_MIN_SCORE);
    }

    #[test]
    fn a_short_exclamation_is_an_utterance_not_a_title() {
        let text = "The crowd greeted the mayor with chants of “Four More Years!” at the rally.";
        assert!(score_of(text, "“Four More Years!”") >= QUOTE_MIN_SCORE);
    }

    #[test]
    fn english_opening_marks_open_after_a_comma_or_before_a_space() {
        let text = "The mayor said,“We will rebuild.”";
        assert_eq!(speaker_of(text, "“We will rebuild.”"), Some("The mayor"));
        let text = "As the paper reported, “ … the vote was close.”";
        assert!(score_of(text, "“ … the vote was close.”") >= QUOTE_MIN_SCORE);
    }

    #[test]
    fn a_work_named_by_its_kind_is_a_title() {
        let text = "She wrote in her memoir, “Hard Roads Home,” that the talks failed.";
        assert!(score_of(text, "“Hard Roads Home,”") < QUOTE_MIN_SCORE);
        let text = "Fans built a website called “Vote For Rain” last spring.";
        assert!(score_of(text, "“Vote For Rain”") < QUOTE_MIN_SCORE);
        let text = "The senator called the bill “The Great Giveaway” on Friday.";
        assert!(score_of(text, "“The Great Giveaway”") >= QUOTE_MIN_SCORE);
    }

    #[test]
    fn single_quotes_inside_a_double_quote_are_part_of_it() {
        let text = "“They told us ‘go home’ and left,” the farmer said.";
        let found = quotes(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "“They told us ‘go home’ and left,”");
    }

    #[test]
    fn french_speaker_after_guillemets() {
        let text = "« Nous sommes prêts », a déclaré le ministre.";
        assert_eq!(
            speaker_of(text, "« Nous sommes prêts »"),
            Some("le ministre")
        );
    }

    #[test]
    fn german_speaker_before_low_high_marks() {
        let text = "Die Ministerin sagte: „Wir bleiben hier.“";
        assert_eq!(
            speaker_of(text, "„Wir bleiben hier.“"),
            Some("Die Ministerin")
        );
    }

    #[test]
    fn polish_and_czech_speakers() {
        let text = "Premier powiedział: „Nie zgadzamy się.”";
        assert_eq!(speaker_of(text, "„Nie zgadzamy się.”"), Some("Premier"));
        let text = "Ministr řekl: „Souhlasíme.“";
        assert_eq!(speaker_of(text, "„Souhlasíme.“"), Some("Ministr"));
    }

    #[test]
    fn swedish_and_danish_speakers() {
        let text = "»Vi är redo», sa statsministern.";
        assert_eq!(speaker_of(text, "»Vi är redo»"), Some("statsministern"));
        let text = "Borgmesteren sagde: »Vi bygger.«";
        assert_eq!(speaker_of(text, "»Vi bygger.«"), Some("Borgmesteren"));
    }

    #[test]
    fn japanese_quote_is_found() {
        let found = quotes("首相は「準備はできている」と述べた。");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "「準備はできている」");
    }

    #[test]
    fn block_quote_is_a_quote_with_its_introducer() {
        let text = "The council wrote:\n> Our decision is final.\n> No appeal is possible.";
        let found = detect(text);
        assert_eq!(found.len(), 1);
        assert!(found[0].reasons.iter().any(|r| r == "block quote"));
        let speaker = found[0].speaker.as_ref().expect("a speaker");
        assert_eq!(&text[speaker.range.clone()], "The council");
    }

    #[test]
    fn unbalanced_mark_does_not_swallow_the_article() {
        let text = "He said “this is it.\n\nLater the vote passed. Everyone went home.";
        let found = detect(text);
        assert_eq!(found.len(), 1);
        assert!(found[0].range.end <= text.find("\n\n").unwrap());
        assert!(found[0].reasons[0].contains("unclosed"));
    }

    #[test]
    fn every_finding_is_a_quote_with_reasons_inside_the_text() {
        let text = "“A,” she said. 'b' \"c d e f\" » x « „y“ 「z」 > q";
        for f in detect(text) {
            assert_eq!(f.kind, Kind::Quote);
            assert!(!f.reasons.is_empty());
            assert!(text.get(f.range.clone()).is_some());
            if let Some(s) = &f.speaker {
                assert!(text.get(s.range.clone()).is_some());
            }
        }
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "",
            "\"",
            "“”",
            "«",
            "„",
            "\n\n\"\n\n\"",
            "said \"",
            "\" said",
            "'",
            "''",
            "\u{0}\"\u{0}\"",
            "“x” he",
            "“x” — ",
            "“x”\n— ",
            "according to",
            ":\"x\"",
            "x: \"",
        ] {
            let _ = detect(text);
        }
    }

    #[test]
    fn a_megabyte_of_quotes_is_found_in_linear_time() {
        let paragraph =
            "“We will win,” Senator Jane Doe said, calling it “a turning point.” He said so.\n\n";
        let text = paragraph.repeat(1_000_000 / paragraph.len());
        assert!(detect(&text).len() > 10_000);
        crate::analysis::linear_time::assert_linear(
            "paragraphs of quotes",
            100,
            |n| paragraph.repeat(n),
            |text| {
                std::hint::black_box(detect(text));
            },
        );
    }
}
