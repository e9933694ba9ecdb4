//! Scoring against labelled data, computed exactly as `shared/eval/README.md`
//! describes, so that the figures we report are the figures peers report.
//!
//! - claims: a gold sentence (`meta.sentences`) counts as predicted when
//!   predicted claim spans cover at least half of its characters; P/R/F1 of
//!   the check-worthy class.
//! - quotes: a predicted quote matches a gold one when overlap / union ≥ 0.8
//!   (one-to-one); span F1. Speaker accuracy: over matched gold quotes that
//!   name a speaker (a non-empty `speaker_spans`), the share whose predicted
//!   speaker span overlaps one of its ranges. A gold quote with no speaker
//!   span (PolNeAR leaves 55 of 4,185 without one) can be neither right nor
//!   wrong: counting it as wrong, as this file did until #17, printed 0.930
//!   where the reference protocol prints 0.940.
//! - boilerplate: a non-empty, non-ignored line counts as predicted
//!   boilerplate when predicted spans cover at least half of it; F1 of the
//!   boilerplate lines and of the body lines.
//! - boilerplate from HTML (`boilerplate-html`, the protocol of
//!   trafilatura's benchmark): the page is rendered and analysed with its
//!   markup; the extracted text is the rendered text minus every
//!   boilerplate block. A `with` snippet found in it (white space
//!   normalised) is a true positive, one missing a false negative; a
//!   `without` snippet found is a false positive. P/R/F1 over all snippets.
//!
//! Every figure is pooled over the documents of one `source`.

use super::offsets::OffsetMap;
use super::{annotate, annotate_with_markup, html, Analysis, Annotation, Kind};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

/// A labelled document, as in `shared/eval/*.dev.jsonl`.
#[derive(Debug, Deserialize)]
pub struct Document {
    pub id: String,
    pub source: String,
    pub text: String,
    #[serde(default)]
    pub spans: Vec<GoldSpan>,
    #[serde(default)]
    pub ignore: Vec<Range>,
    #[serde(default)]
    pub meta: Meta,
}

#[derive(Debug, Default, Deserialize)]
pub struct Meta {
    /// Claims data: every sentence as `[start, end]`.
    #[serde(default)]
    pub sentences: Vec<[usize; 2]>,
    /// Quotes data: who published the article (grouped CV by publisher).
    #[serde(default)]
    pub publisher: String,
}

#[derive(Debug, Deserialize)]
pub struct GoldSpan {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub speaker_spans: Vec<[usize; 2]>,
}

#[derive(Debug, Deserialize)]
pub struct Range {
    pub start: usize,
    pub end: usize,
}

/// True/false positive and false negative counts of one class.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, predicted: bool, gold: bool) {
        match (predicted, gold) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => {}
        }
    }
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:.3}  R {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.tp,
            self.fp,
            self.fn_
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Characters of `unit` covered by the union of `spans`.
pub(crate) fn covered(unit: (usize, usize), spans: &[(usize, usize)]) -> usize {
    let mut parts: Vec<(usize, usize)> = spans
        .iter()
        .map(|&(s, e)| (s.max(unit.0), e.min(unit.1)))
        .filter(|(s, e)| s < e)
        .collect();
    parts.sort_unstable();
    let (mut total, mut reach) = (0, unit.0);
    for (s, e) in parts {
        let s = s.max(reach);
        if e > s {
            total += e - s;
            reach = e;
        }
    }
    total
}

fn at_least_half_covered(unit: (usize, usize), spans: &[(usize, usize)]) -> bool {
    let len = unit.1.saturating_sub(unit.0);
    len > 0 && covered(unit, spans) * 2 >= len
}

fn spans_of(annotations: &[Annotation], kind: Kind) -> Vec<(usize, usize)> {
    annotations
        .iter()
        .filter(|a| a.kind == kind)
        .map(|a| (a.start, a.end))
        .collect()
}

/// Claims: sentence-level counts of the check-worthy class for one document.
pub fn score_claims(doc: &Document, predicted: &[Annotation]) -> Counts {
    let predicted = spans_of(predicted, Kind::Claim);
    let gold: Vec<(usize, usize)> = doc.spans.iter().map(|s| (s.start, s.end)).collect();
    let mut counts = Counts::default();
    for &[start, end] in &doc.meta.sentences {
        let sentence = (start, end);
        counts.add(
            at_least_half_covered(sentence, &predicted),
            at_least_half_covered(sentence, &gold),
        );
    }
    counts
}

/// Quotes: span counts plus (matched gold quotes with a gold speaker, of
/// which speaker right), and the matched gold quotes naming no speaker.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct QuoteScore {
    pub spans: Counts,
    pub matched: usize,
    pub speaker_right: usize,
    pub matched_without_speaker: usize,
}

impl std::ops::AddAssign for QuoteScore {
    fn add_assign(&mut self, other: QuoteScore) {
        self.spans += other.spans;
        self.matched += other.matched;
        self.speaker_right += other.speaker_right;
        self.matched_without_speaker += other.matched_without_speaker;
    }
}

/// For each gold quote of `doc`, the index of the predicted span (code
/// points) it matches: the unmatched one with the highest overlap / union,
/// at least 0.8, taken in gold order, one-to-one.
pub fn match_quotes(doc: &Document, predicted: &[(usize, usize)]) -> Vec<Option<usize>> {
    let mut used = vec![false; predicted.len()];
    doc.spans
        .iter()
        .map(|gold| {
            let g = (gold.start, gold.end);
            let best = predicted
                .iter()
                .enumerate()
                .filter(|(i, _)| !used[*i])
                .map(|(i, &p)| {
                    let inter = overlap(g, p);
                    let union = (g.1 - g.0) + (p.1 - p.0) - inter;
                    (i, ratio(inter, union))
                })
                .filter(|&(_, iou)| iou >= 0.8)
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| i);
            if let Some(i) = best {
                used[i] = true;
            }
            best
        })
        .collect()
}

pub fn score_quotes(doc: &Document, predicted: &[Annotation]) -> QuoteScore {
    let predicted: Vec<&Annotation> = predicted.iter().filter(|a| a.kind == Kind::Quote).collect();
    let spans: Vec<(usize, usize)> = predicted.iter().map(|p| (p.start, p.end)).collect();
    let matches = match_quotes(doc, &spans);
    let mut score = QuoteScore::default();
    for (gold, matched) in doc.spans.iter().zip(&matches) {
        let Some(i) = *matched else {
            score.spans.fn_ += 1;
            continue;
        };
        score.spans.tp += 1;
        if gold.speaker_spans.is_empty() {
            score.matched_without_speaker += 1;
            continue;
        }
        score.matched += 1;
        let right = predicted[i].speaker.as_ref().is_some_and(|s| {
            gold.speaker_spans
                .iter()
                .any(|&[gs, ge]| overlap((s.start, s.end), (gs, ge)) > 0)
        });
        score.speaker_right += usize::from(right);
    }
    score.spans.fp += predicted.len() - score.spans.tp;
    score
}

/// Boilerplate: (boilerplate-line counts, body-line counts) for one document.
pub fn score_boilerplate(doc: &Document, predicted: &[Annotation]) -> (Counts, Counts) {
    let predicted = spans_of(predicted, Kind::Boilerplate);
    let gold: Vec<(usize, usize)> = doc.spans.iter().map(|s| (s.start, s.end)).collect();
    let ignored: Vec<(usize, usize)> = doc.ignore.iter().map(|r| (r.start, r.end)).collect();
    let (mut boiler, mut body) = (Counts::default(), Counts::default());
    for line in lines(&doc.text) {
        if at_least_half_covered(line, &ignored) {
            continue;
        }
        let p = at_least_half_covered(line, &predicted);
        let g = at_least_half_covered(line, &gold);
        boiler.add(p, g);
        body.add(!p, !g);
    }
    (boiler, body)
}

/// Non-empty lines as code-point ranges, trimmed of surrounding white space.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let chars: Vec<char> = line.chars().collect();
        let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
        let trail = chars.iter().rev().take_while(|c| c.is_whitespace()).count();
        if lead < chars.len() {
            out.push((start + lead, start + chars.len() - trail));
        }
        start += chars.len() + 1;
    }
    out
}

/// Runs the annotator over every document of `path` and prints the figures
/// for `kind` per source.
pub fn evaluate_file(kind: &str, path: &str, threshold: f32) -> Result<String, String> {
    evaluate_file_with(kind, path, threshold, &|_, _| {})
}

/// Like [`evaluate_file`], with `rescore` applied to each document's
/// analysis before it is scored (the CLI rescores claims with the encoder).
pub fn evaluate_file_with(
    kind: &str,
    path: &str,
    threshold: f32,
    rescore: &(dyn Fn(&str, &mut Analysis) + Sync),
) -> Result<String, String> {
    if kind == "boilerplate-html" {
        return evaluate_html_file(path, threshold);
    }
    if !matches!(kind, "claims" | "quotes" | "boilerplate") {
        return Err(unknown_kind(kind));
    }
    let docs = read_documents(path)?;
    let analyses: Vec<Analysis> = docs
        .iter()
        .map(|d| {
            let mut analysis = annotate(&d.text);
            rescore(&d.text, &mut analysis);
            analysis
        })
        .collect();
    let predictions: Vec<Vec<Annotation>> =
        analyses.iter().map(|a| a.annotations(threshold)).collect();
    let pairs = docs.iter().zip(&predictions);
    match kind {
        "claims" => Ok(report_claims(pairs, &analyses)),
        "quotes" => Ok(report_quotes(pairs) + &report_quotes_cross_validated(&docs)),
        "boilerplate" => Ok(report_boilerplate(pairs)),
        other => Err(unknown_kind(other)),
    }
}

/// The labelled documents of a `*.dev.jsonl` file.
pub fn read_documents(path: &str) -> Result<Vec<Document>, String> {
    read_jsonl(path, "a labelled document")
}

/// A page of `boilerplate-html.dev.jsonl`: its HTML and the snippets its
/// extracted text must and must not contain.
#[derive(Debug, Deserialize)]
pub struct HtmlPage {
    pub id: String,
    pub html: String,
    #[serde(default)]
    pub with: Vec<String>,
    #[serde(default)]
    pub without: Vec<String>,
}

/// `text` with single spaces for every run of white space, trimmed.
fn normalise_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What an extractor keeps of `text`: everything outside `cut` (code-point
/// ranges, in any order), the kept pieces parted by line feeds.
pub fn extracted(text: &str, cut: &[(usize, usize)]) -> String {
    let map = OffsetMap::new(text);
    let mut cut: Vec<(usize, usize)> = cut
        .iter()
        .map(|&(s, e)| (map.byte_of_char(s), map.byte_of_char(e)))
        .filter(|(s, e)| s < e)
        .collect();
    cut.sort_unstable();
    let mut kept = String::with_capacity(text.len());
    let mut from = 0;
    for (start, end) in cut {
        if start > from {
            kept.push_str(&text[from..start]);
            kept.push('\n');
        }
        from = from.max(end);
    }
    kept.push_str(&text[from.min(text.len())..]);
    kept
}

/// Snippet counts of one page: `with` snippets found are true positives,
/// missing ones false negatives; `without` snippets found false positives.
pub fn score_snippets(extracted: &str, with: &[String], without: &[String]) -> Counts {
    let haystack = normalise_space(extracted);
    let found = |snippet: &String| haystack.contains(normalise_space(snippet).as_str());
    let mut counts = Counts::default();
    for snippet in with {
        counts.add(found(snippet), true);
    }
    for snippet in without {
        counts.add(found(snippet), false);
    }
    counts
}

/// Reads one JSON object a line (blank lines skipped).
pub fn read_jsonl<T: serde::de::DeserializeOwned>(
    path: &str,
    what: &str,
) -> Result<Vec<T>, String> {
    let content = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line)
                .map_err(|e| format!("{path}: line {}: not {what}: {e}", i + 1))
        })
        .collect()
}

/// Renders and analyses every page of `path` and prints the snippet figures.
fn evaluate_html_file(path: &str, threshold: f32) -> Result<String, String> {
    let pages: Vec<HtmlPage> = read_jsonl(path, "a page with snippets")?;
    let mut total = Counts::default();
    for page in &pages {
        let rendered = html::render(&page.html);
        let analysis = annotate_with_markup(&rendered.text, &rendered.hints);
        let cut = spans_of(&analysis.annotations(threshold), Kind::Boilerplate);
        total += score_snippets(&extracted(&rendered.text, &cut), &page.with, &page.without);
    }
    Ok(format!(
        "boilerplate from HTML: snippets of the body (with) and of page furniture (without) found in the rendered page minus its boilerplate\n{:<42} docs {:>4}  {total}\n",
        "all",
        pages.len()
    ))
}

/// What the annotator shows on each document: the one place the evals
/// (and the regression gate, [`super::eval_gate`]) get their predictions.
pub fn predict(docs: &[Document], threshold: f32) -> Vec<Vec<Annotation>> {
    docs.iter()
        .map(|d| annotate(&d.text).annotations(threshold))
        .collect()
}

fn unknown_kind(kind: &str) -> String {
    format!("eval: unknown kind '{kind}' (claims, quotes, boilerplate or boilerplate-html)")
}

type Pairs<'a> =
    std::iter::Zip<std::slice::Iter<'a, Document>, std::slice::Iter<'a, Vec<Annotation>>>;

/// The data set a source belongs to: "CheckThat2024-T1-en/dev_test" →
/// "CheckThat2024-T1-en".
pub(crate) fn group_of(source: &str) -> String {
    source
        .split(['/', '#'])
        .next()
        .unwrap_or(source)
        .to_string()
}

/// Each gold sentence's claim score (that of the scored sentence covering at
/// least half of it, else 0) and whether it is check-worthy: what average
/// precision ranks.
pub fn ranked_claims(doc: &Document, scored: &[Annotation]) -> Vec<(f32, bool)> {
    let gold: Vec<(usize, usize)> = doc.spans.iter().map(|s| (s.start, s.end)).collect();
    doc.meta
        .sentences
        .iter()
        .map(|&[start, end]| {
            let sentence = (start, end);
            let score = scored
                .iter()
                .filter(|a| 2 * overlap(sentence, (a.start, a.end)) >= end.saturating_sub(start))
                .map(|a| a.score)
                .fold(0.0f32, f32::max);
            (score, at_least_half_covered(sentence, &gold))
        })
        .collect()
}

/// Average precision of a ranking (ties broken pessimistically: negatives
/// first), 0 when nothing is positive.
pub fn average_precision(ranked: &mut [(f32, bool)]) -> f64 {
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let positives = ranked.iter().filter(|r| r.1).count();
    let (mut seen, mut sum) = (0usize, 0.0);
    for (rank, &(_, positive)) in ranked.iter().enumerate() {
        if positive {
            seen += 1;
            sum += seen as f64 / (rank + 1) as f64;
        }
    }
    if positives == 0 {
        0.0
    } else {
        sum / positives as f64
    }
}

fn report_claims(pairs: Pairs<'_>, analyses: &[Analysis]) -> String {
    type Row = (usize, Counts, Vec<(f32, bool)>);
    let mut by_source: BTreeMap<String, Row> = BTreeMap::new();
    for ((doc, predicted), analysis) in pairs.zip(analyses) {
        let counts = score_claims(doc, predicted);
        let ranked = ranked_claims(doc, &analysis.sentences);
        for key in [
            doc.source.clone(),
            format!("{} (all)", group_of(&doc.source)),
        ] {
            let entry = by_source.entry(key).or_default();
            entry.0 += 1;
            entry.1 += counts;
            entry.2.extend_from_slice(&ranked);
        }
    }
    let mut out = String::from(
        "claims: sentence-level, check-worthy class (AP: average precision of the scores)\n",
    );
    for (source, (docs, counts, mut ranked)) in by_source {
        let ap = average_precision(&mut ranked);
        let _ = writeln!(out, "{source:<42} docs {docs:>4}  {counts}  AP {ap:.3}");
    }
    out
}

fn report_quotes(pairs: Pairs<'_>) -> String {
    let mut total = QuoteScore::default();
    let mut by_source: BTreeMap<String, (usize, QuoteScore)> = BTreeMap::new();
    for (doc, predicted) in pairs {
        let s = score_quotes(doc, predicted);
        let entry = by_source.entry(doc.source.clone()).or_default();
        entry.0 += 1;
        entry.1 += s;
        total += s;
    }
    let mut out = String::from(
        "quotes: span match at overlap/union >= 0.8; speaker accuracy over matched gold quotes with a gold speaker\n",
    );
    let line = |out: &mut String, name: &str, docs: usize, s: &QuoteScore| {
        let _ = writeln!(
            out,
            "{name:<42} docs {docs:>4}  {}  speaker acc {:.3} ({}/{})",
            s.spans,
            ratio(s.speaker_right, s.matched),
            s.speaker_right,
            s.matched
        );
    };
    let all_docs: usize = by_source.values().map(|(d, _)| d).sum();
    for (source, (docs, s)) in &by_source {
        line(&mut out, source, *docs, s);
    }
    line(&mut out, "all", all_docs, &total);
    let _ = writeln!(
        out,
        "({} matched gold quotes name no speaker: not counted in speaker accuracy)",
        total.matched_without_speaker
    );
    out
}

/// The quote figures by grouped cross-validation: by document (five folds)
/// and by publisher (each left out in turn), beside the committed model's.
fn report_quotes_cross_validated(docs: &[Document]) -> String {
    use super::quote_training::{cross_validate, examples_of, Grouping};
    let examples: Vec<_> = docs.iter().map(|d| examples_of(d, 0)).collect();
    let mut out = String::new();
    for (name, grouping) in [
        (
            "grouped CV, 5 folds by document",
            Grouping::Document { folds: 5 },
        ),
        ("grouped CV, one publisher left out", Grouping::Publisher),
    ] {
        let s = cross_validate(docs, &examples, grouping, 0);
        let _ = writeln!(
            out,
            "{name:<42} docs {:>4}  {}  speaker acc {:.3} ({}/{})",
            docs.len(),
            s.spans,
            ratio(s.speaker_right, s.matched),
            s.speaker_right,
            s.matched
        );
    }
    out
}

/// How a boilerplate document was pasted, the groups its figures are
/// reported in.
pub(crate) fn page_kind(source: &str) -> &'static str {
    if source.ends_with("#article-region") {
        "article region pasted as text"
    } else {
        "full pages pasted as text"
    }
}

fn report_boilerplate(pairs: Pairs<'_>) -> String {
    let mut by_group: BTreeMap<String, (usize, Counts, Counts)> = BTreeMap::new();
    for (doc, predicted) in pairs {
        let (boiler, body) = score_boilerplate(doc, predicted);
        let page_kind = page_kind(&doc.source);
        for key in [doc.source.clone(), format!("= {page_kind}")] {
            let entry = by_group.entry(key).or_default();
            entry.0 += 1;
            entry.1 += boiler;
            entry.2 += body;
        }
    }
    let mut out =
        String::from("boilerplate: line-level F1 of boilerplate lines and of body lines\n");
    for (group, (docs, boiler, body)) in by_group {
        let _ = writeln!(
            out,
            "{group:<52} docs {docs:>4}  boilerplate F1 {:.3} (P {:.3} R {:.3})  body F1 {:.3} (P {:.3} R {:.3})",
            boiler.f1(),
            boiler.precision(),
            boiler.recall(),
            body.f1(),
            body.precision(),
            body.recall()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_precision_ranks_by_score_with_ties_counted_against() {
        let mut perfect = vec![(0.9, true), (0.1, false), (0.8, true)];
        assert!((average_precision(&mut perfect) - 1.0).abs() < 1e-12);
        // Positive at ranks 2 and 3: (1/2 + 2/3) / 2.
        let mut mixed = vec![(0.9, false), (0.8, true), (0.7, true), (0.1, false)];
        assert!((average_precision(&mut mixed) - (0.5 + 2.0 / 3.0) / 2.0).abs() < 1e-12);
        let mut tied = vec![(0.5, true), (0.5, false)];
        assert!((average_precision(&mut tied) - 0.5).abs() < 1e-12);
        assert_eq!(average_precision(&mut [(0.3, false)]), 0.0);
    }

    fn ann(kind: Kind, start: usize, end: usize) -> Annotation {
        Annotation {
            kind,
            start,
            end,
            score: 1.0,
            reasons: vec![],
            speaker: None,
            part_of: None,
        }
    }

    fn doc(text: &str, spans: &[(usize, usize)], sentences: &[[usize; 2]]) -> Document {
        Document {
            id: "t".into(),
            source: "s".into(),
            text: text.into(),
            spans: spans
                .iter()
                .map(|&(start, end)| GoldSpan {
                    start,
                    end,
                    speaker_spans: vec![[0, 2]],
                })
                .collect(),
            ignore: vec![],
            meta: Meta {
                sentences: sentences.to_vec(),
                ..Meta::default()
            },
        }
    }

    #[test]
    fn claims_count_a_sentence_when_half_is_covered() {
        let d = doc(
            "aaaa bbbb cccc",
            &[(0, 4), (5, 9)],
            &[[0, 4], [5, 9], [10, 14]],
        );
        // Sentence 1 fully, sentence 2 half (2 of 4), sentence 3 a quarter.
        let predicted = [
            ann(Kind::Claim, 0, 4),
            ann(Kind::Claim, 7, 9),
            ann(Kind::Claim, 13, 14),
        ];
        let c = score_claims(&d, &predicted);
        assert_eq!(
            c,
            Counts {
                tp: 2,
                fp: 0,
                fn_: 0
            }
        );
    }

    #[test]
    fn quotes_match_one_to_one_at_iou_point_eight() {
        let d = doc("xx said \"hello there\"", &[(8, 21)], &[]);
        let mut good = ann(Kind::Quote, 8, 20);
        good.speaker = Some(crate::analysis::Speaker {
            start: 0,
            end: 2,
            text: "xx".into(),
            resolved: None,
        });
        let s = score_quotes(&d, &[good.clone(), good, ann(Kind::Quote, 0, 5)]);
        assert_eq!(
            s.spans,
            Counts {
                tp: 1,
                fp: 2,
                fn_: 0
            }
        );
        assert_eq!((s.matched, s.speaker_right), (1, 1));
        let far = score_quotes(&d, &[ann(Kind::Quote, 8, 14)]);
        assert_eq!(
            far.spans,
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
    }

    #[test]
    fn speaker_accuracy_counts_only_gold_quotes_that_name_a_speaker() {
        let mut d = doc(
            "xx said \"hello there\" and \"bye now\"",
            &[(8, 21), (26, 35)],
            &[],
        );
        d.spans[1].speaker_spans.clear();
        let s = score_quotes(&d, &[ann(Kind::Quote, 8, 21), ann(Kind::Quote, 26, 35)]);
        assert_eq!(s.spans.tp, 2);
        // The quote with no gold speaker is matched but neither right nor wrong.
        assert_eq!(
            (s.matched, s.speaker_right, s.matched_without_speaker),
            (1, 0, 1)
        );
    }

    #[test]
    fn boilerplate_scores_lines_and_skips_empty_and_ignored_ones() {
        let mut d = doc("Share this\n\nBody text here.\nHeadline", &[(0, 10)], &[]);
        d.ignore = vec![Range { start: 28, end: 36 }];
        let (boiler, body) = score_boilerplate(&d, &[ann(Kind::Boilerplate, 0, 10)]);
        assert_eq!(
            boiler,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            body,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
    }

    #[test]
    fn snippets_are_looked_for_in_the_text_left_after_the_cuts() {
        let text = "Menü\nThe  body line\nShare this\nLast line";
        // "Menü" and "Share this" cut (code points 0..4 and 20..30).
        let kept = extracted(text, &[(20, 30), (0, 4)]);
        assert!(
            !kept.contains("Menü") && !kept.contains("Share"),
            "{kept:?}"
        );
        let with = ["the body line".to_string(), "The body\n line".to_string()];
        let without = ["Share this".to_string(), "Menü".to_string()];
        let counts = score_snippets(&kept, &with, &without);
        // Matching is case-sensitive, white space normalised.
        assert_eq!(
            counts,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 1
            }
        );
        let nothing_cut = score_snippets(&extracted(text, &[]), &with, &without);
        assert_eq!((nothing_cut.tp, nothing_cut.fp), (1, 2));
        // Words either side of a cut are not glued together.
        assert_eq!(extracted("ab", &[(1, 1)]), "ab");
        assert_eq!(normalise_space(&extracted("a b c", &[(2, 3)])), "a c");
    }

    #[test]
    fn an_html_file_is_rendered_analysed_and_scored_by_snippets() {
        let page = r#"{"id": "p", "html": "<nav><a href=/>Home</a> <a href=/w>World</a></nav><article><p>The harbour board voted on Tuesday to dredge the northern channel before the autumn storms.</p><p>Pilots had warned for years that silt was building up near the breakwater, the chair said.</p><p>Work starts next month and lasts six weeks, while larger ships wait for high tide.</p></article><footer>Share this article</footer>", "with": ["dredge the northern channel"], "without": ["Share this article"]}"#;
        let path = std::env::temp_dir().join(format!("eval-html-{}.jsonl", std::process::id()));
        std::fs::write(&path, format!("{page}\n\n")).unwrap();
        let report = evaluate_file("boilerplate-html", path.to_str().unwrap(), 0.5);
        std::fs::remove_file(&path).ok();
        let report = report.unwrap();
        assert!(report.contains("docs    1"), "{report}");
        assert!(report.contains("(tp 1, fp 0, fn 0)"), "{report}");
        let error = evaluate_file("boilerplates", "x", 0.5).unwrap_err();
        assert!(error.contains("boilerplate-html"), "{error}");
    }

    #[test]
    fn lines_count_code_points_not_bytes() {
        assert_eq!(lines("é\n  ab \n"), vec![(0, 1), (4, 6)]);
    }
}
