//! Boilerplate: blocks of the paste that are not the article.
//!
//! Each non-blank line gets evidence from its words ([`lexicon`]: "Subscribe",
//! "Tous droits réservés"...), its shape ([`shape`]: image markdown, bylines,
//! timestamps, how much it reads like prose) and its neighbourhood (lines
//! that repeat, runs of menu-like items). [`sequence`] then labels all lines
//! at once, and contiguous boilerplate lines become one finding.
//!
//! This file is the pipeline; the rules that read a line's context live by
//! idea beside it: [`article_parts`] (the article's own lists, tables,
//! listings... lean back towards body), [`neighbours`] (furniture evidence
//! spreads to the lines beside it) and [`after_article`] (what follows the
//! end of the article's main run). [`with_context`] calls them in order.

mod address;
mod after_article;
mod article_parts;
mod code;
mod comments;
mod main_run;
mod markup;
mod neighbours;
mod patterns;
mod phrasebook;
mod products;
mod reason;
mod references;
mod sections;
mod sequence;
mod shape;
mod teaser_lists;
mod transcript_lines;

use super::fnv::FnvMap;
use super::{Finding, Kind, MarkupHint};
use after_article::mark_after_article;
use article_parts::{
    mark_hatnote_headings, mark_list_items, mark_listings, mark_product_lists,
    mark_reference_sections, mark_table_rows, score_wrapped_paragraphs,
};
pub use markup::detect_with_markup;
use neighbours::{
    mark_captions, mark_link_lists, mark_sandwiched, mark_standfirst, mark_teaser_lists,
};
use phrasebook::{Lexicon, LineWords};
pub use reason::Reason;
use sequence::LineScore;
use std::ops::Range;
use transcript_lines::TranscriptLine;

/// Returns boilerplate blocks as byte ranges of `text`, merged and ordered.
pub fn detect(text: &str) -> Vec<Finding> {
    let (lines, evidence, labels) = labelled(text, &[]);
    merge(&lines, &evidence, &labels)
}

/// Every non-blank line, its evidence, and its label (true: boilerplate).
fn labelled<'t>(text: &'t str, hints: &[MarkupHint]) -> (Vec<Line<'t>>, Vec<Evidence>, Vec<bool>) {
    let lines = lines(text);
    let evidence: Vec<Evidence> = lines.iter().map(|l| Evidence::of(l.text)).collect();
    let mut evidence = with_context(&lines, evidence);
    markup::weigh(text, &lines, &mut evidence, hints);
    let scores: Vec<LineScore> = evidence.iter().map(|e| e.score).collect();
    let mut labels = sequence::decode(&scores);
    keep_headline(&lines, &evidence, &mut labels);
    (lines, evidence, labels)
}

/// Words a headline has at least and at most.
const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 3..=20;

/// A paste often starts with the article's headline: a short line without
/// sentence punctuation right above the body, which the sequence model
/// takes for page furniture. It is the article's title, not boilerplate,
/// unless its own words say otherwise (a lexicon or reader-address cue) or
/// it reads as a heading for a block (it ends with a colon).
fn keep_headline(lines: &[Line<'_>], evidence: &[Evidence], labels: &mut [bool]) {
    let (Some(first), Some(&next_is_boilerplate)) = (lines.first(), labels.get(1)) else {
        return;
    };
    let e = &evidence[0];
    let title_like = HEADLINE_WORDS.contains(&e.words)
        && e.own_cue <= 0.0
        && !e.opens_block
        && first
            .text
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    if labels[0] && !next_is_boilerplate && title_like {
        labels[0] = false;
    }
}

/// The verdict on one line, with the evidence behind it: for tuning the
/// detector and for showing why a line was (or was not) cut.
#[derive(Debug, Clone, PartialEq)]
pub struct LineVerdict {
    /// Byte range of the line, trimmed of white space.
    pub range: Range<usize>,
    pub boilerplate: bool,
    /// How much the line reads like prose.
    pub prose: f32,
    /// Boilerplate evidence from words, shape and neighbours.
    pub cue: f32,
    pub reasons: Vec<&'static str>,
}

/// Every non-blank line of `text` with its label and evidence.
pub fn explain(text: &str) -> Vec<LineVerdict> {
    let (lines, evidence, labels) = labelled(text, &[]);
    lines
        .iter()
        .zip(&evidence)
        .zip(labels)
        .map(|((line, e), boilerplate)| LineVerdict {
            range: line.range.clone(),
            boilerplate,
            prose: e.score.prose,
            cue: e.score.cue,
            reasons: e.reasons.iter().map(|r| r.0.label()).collect(),
        })
        .collect()
}

/// A non-blank line: its byte range (trimmed of white space) and text.
#[derive(Debug, Clone)]
struct Line<'a> {
    range: Range<usize>,
    text: &'a str,
    /// Looks like a line of code (see [`code`]; code keeps its indentation).
    code_like: bool,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in text.split('\n') {
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            let from = start + lead;
            out.push(Line {
                range: from..from + trimmed.len(),
                text: trimmed,
                code_like: code::looks_like_code(trimmed, lead),
            });
        }
        start += raw.len() + 1;
    }
    out
}

/// Everything known about one line: its score and the reasons behind it.
#[derive(Debug, Clone, Default)]
struct Evidence {
    score: LineScore,
    words: usize,
    /// A short line ending with a colon: a heading for what follows.
    opens_block: bool,
    /// Evidence from the line's own words (lexicon, reader address).
    own_cue: f32,
    /// (reason, evidence), strongest first.
    reasons: Vec<(Reason, f32)>,
    /// Speech or a stage direction by transcript conventions: its shape
    /// (all caps, repeated) says nothing about page furniture.
    transcript: TranscriptLine,
    /// Part of a program listing (see [`code`]): its shape says nothing
    /// about page furniture either.
    code: bool,
    /// Words addressing the reader outside quotations (see [`address`]).
    address_words: usize,
    /// Part of a list of product cards (see [`products`]): the article's
    /// own list, whose repeated buttons are not furniture.
    product: bool,
    /// Part of the article's reference section (see [`references`]).
    reference: bool,
}

/// Caps a line's summed cue evidence: several weak cues are not certainty.
const MAX_CUE: f32 = 6.0;
/// A stage direction leans slightly towards body, like a short line of speech.
const STAGE_DIRECTION_PROSE: f32 = 0.5;
/// Words of speech after a speaker tag that make it a paragraph of a
/// transcript, which no neighbouring evidence can cut.
const SPEECH_PARAGRAPH_WORDS: usize = 8;

fn is_speech_paragraph(line: TranscriptLine) -> bool {
    matches!(line, TranscriptLine::Speech { words, sentence: true } if words >= SPEECH_PARAGRAPH_WORDS)
}

impl Evidence {
    fn of(line: &str) -> Evidence {
        let words = LineWords::of(line);
        let n = shape::word_count(line, &words).max(1);
        let transcript = transcript_lines::classify(line);
        if transcript == TranscriptLine::Direction {
            return Evidence::stage_direction(n);
        }
        let mut reasons = shape::cues(line, &words);
        if transcript != TranscriptLine::None {
            // The speaker tag is what is in capitals, not the speech.
            reasons.retain(|r| !matches!(r.0, Reason::AllCaps | Reason::PromotedHeadline));
        }
        if is_table_row(line) {
            // A date in a table's cell is data, not the page's dateline.
            reasons.retain(|r| r.0 != Reason::Timestamp);
        }
        let shape = LineShape {
            words: n,
            sentence: shape::ends_like_a_sentence(line),
            label_words: line
                .split_once(':')
                .map(|(label, _)| phrasebook::count_words(label)),
        };
        let lexical = lexicon_evidence(&words, &shape);
        let own_cue = lexical.iter().map(|r| r.1).sum::<f32>();
        reasons.extend(lexical);
        reasons.sort_by(|a, b| b.1.total_cmp(&a.1));
        let cue = reasons.iter().map(|r| r.1).sum::<f32>().min(MAX_CUE);
        Evidence {
            score: LineScore {
                prose: shape::prose_score(line, &words),
                cue,
                body_only: is_speech_paragraph(transcript),
            },
            words: n,
            opens_block: n <= 8 && line.ends_with(':'),
            own_cue,
            reasons,
            transcript,
            code: false,
            address_words: address::reader_address_words_in(line, &words),
            product: false,
            reference: false,
        }
    }

    /// "(APPLAUSE)" belongs to the transcript around it: no evidence either
    /// way, so it neither opens a block nor is cut on its own.
    fn stage_direction(words: usize) -> Evidence {
        Evidence {
            score: LineScore {
                prose: STAGE_DIRECTION_PROSE,
                ..LineScore::default()
            },
            words,
            transcript: TranscriptLine::Direction,
            ..Evidence::default()
        }
    }

    fn add(&mut self, reason: Reason, weight: f32) {
        self.reasons.push((reason, weight));
        self.score.cue = (self.score.cue + weight).min(MAX_CUE);
    }
}

/// Lexicon evidence per reason: full weight when the phrases make up the
/// line, shrinking with the share of the line they cover, so that "Share"
/// alone is a share line but a paragraph mentioning a share is not.
/// What [`lexicon_evidence`] needs to know about the line's shape.
struct LineShape {
    words: usize,
    /// Ends with sentence punctuation: "He declined to comment." is prose
    /// even though it is short and has a lexicon word.
    sentence: bool,
    /// Words before the first colon, when there is one ("Read more: ...").
    label_words: Option<usize>,
}

/// How much more a lexicon label closed by a colon counts when what
/// follows is not a sentence: the line is the label's link, not prose
/// that happens to start with the word.
const LABELLED_HEADLINE: f32 = 1.5;

fn lexicon_evidence(words: &LineWords, shape: &LineShape) -> Vec<(Reason, f32)> {
    let n = shape.words;
    let mut by_reason: Vec<(Reason, f32, usize, usize)> = Vec::new();
    let mut leading: Vec<(Reason, f32)> = Vec::new();
    for hit in Lexicon::get().hits(words) {
        if hit.first_word == 0 {
            // A phrase opening the line labels it ("Read more: ...",
            // "Image caption ..."), whatever follows; fully so when a colon
            // closes the phrase.
            let floor = if shape.label_words == Some(hit.words) && !shape.sentence {
                // "Related: Ten strange bridges": a label and a headline.
                LABELLED_HEADLINE
            } else if shape.label_words == Some(hit.words) {
                1.0
            } else if hit.words >= 2 {
                0.6
            } else {
                0.35
            };
            leading.push((hit.reason, hit.weight * floor));
        }
        match by_reason.iter_mut().find(|r| r.0 == hit.reason) {
            Some(r) => {
                r.1 = r.1.max(hit.weight);
                r.2 += hit.words;
                r.3 = r.3.max(hit.words);
            }
            None => by_reason.push((hit.reason, hit.weight, hit.words, hit.words)),
        }
    }
    by_reason
        .into_iter()
        .map(|(reason, weight, covered, longest)| {
            let factor = if n <= 4 && !shape.sentence {
                1.0
            } else {
                let floor = if longest >= 2 { 0.25 } else { 0.08 };
                (covered as f32 / n as f32 * 1.5).clamp(floor, 1.0)
            };
            let lead = leading
                .iter()
                .filter(|l| l.0 == reason)
                .map(|l| l.1)
                .fold(0.0, f32::max);
            (reason, (weight * factor).max(lead))
        })
        .collect()
}

/// Lines occurring this many times are furniture (repeated captions, "Advertisement").
const REPEATS: usize = 2;
/// A run of at least this many short unpunctuated lines is a menu.
const MENU_RUN: usize = 5;

/// Lines with at least this much evidence anchor a block around them.
const ANCHOR: f32 = 2.5;
/// Lines with at least this much evidence can belong to an anchored block.
const BELONGS: f32 = 0.5;
/// The most lines an anchored block may span between its anchors.
const BLOCK_SPAN: usize = 10;

/// Adds the cues that depend on other lines: repetition, menu runs and
/// blocks sandwiched between strong boilerplate lines.
fn with_context(lines: &[Line<'_>], mut evidence: Vec<Evidence>) -> Vec<Evidence> {
    score_wrapped_paragraphs(lines, &mut evidence);
    mark_listings(lines, &mut evidence);
    mark_list_items(lines, &mut evidence);
    mark_product_lists(lines, &mut evidence);
    mark_reference_sections(lines, &mut evidence);
    mark_table_rows(lines, &mut evidence);
    for e in evidence.iter_mut() {
        if e.code {
            continue;
        }
        let address = e.address_words;
        if address >= 2 {
            let weight = (0.4 * address as f32).min(1.6);
            e.own_cue += weight;
            e.add(Reason::ReaderAddress, weight);
        }
    }
    let lowered: Vec<String> = lines
        .iter()
        .map(|l| {
            if l.text.is_ascii() {
                l.text.to_ascii_lowercase()
            } else {
                l.text.to_lowercase()
            }
        })
        .collect();
    let mut counts: FnvMap<&str, usize> =
        FnvMap::with_capacity_and_hasher(lines.len(), Default::default());
    for line in &lowered {
        *counts.entry(line.as_str()).or_default() += 1;
    }
    let in_table = table_rows(lines, &evidence);
    for (((line, lower), e), in_table) in lines
        .iter()
        .zip(&lowered)
        .zip(evidence.iter_mut())
        .zip(in_table)
    {
        // Rows of a table of results ("41% 120 votes") repeat by chance.
        let repeated = counts.get(lower.as_str()).copied().unwrap_or(0) >= REPEATS
            && e.transcript == TranscriptLine::None
            && !in_table
            && !e.product
            && !e.reference;
        let has_words = line.text.chars().any(char::is_alphanumeric);
        if repeated && has_words && !e.code && !line.code_like {
            // Repeated captions and labels are furniture; a repeated
            // sentence (an interview's recurring question) much less so.
            let weight = if shape::ends_like_a_sentence(line.text) {
                0.8
            } else {
                1.8
            };
            e.add(Reason::RepeatedLine, weight);
        }
    }
    // Rows led by a number ("61% 120 votes", "3 March: Town Hall") are a
    // table or a list of results, not a menu.
    let menu_like = |e: &Evidence, line: &Line<'_>| {
        e.words <= 4
            && !is_number_led(line.text)
            && e.transcript == TranscriptLine::None
            && !shape::ends_like_a_sentence(line.text)
            && line.text.chars().any(char::is_alphabetic)
            && !e.code
            && !line.code_like
            && !e.product
            && !e.reference
    };
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        while j < lines.len() && menu_like(&evidence[j], &lines[j]) {
            j += 1;
        }
        if j - i >= MENU_RUN {
            for e in &mut evidence[i..j] {
                e.add(Reason::MenuRun, 1.0);
            }
        }
        i = j.max(i + 1);
    }
    mark_captions(&mut evidence);
    mark_teaser_lists(lines, &mut evidence);
    mark_hatnote_headings(lines, &mut evidence);
    mark_standfirst(&mut evidence);
    mark_link_lists(lines, &mut evidence);
    mark_sandwiched(&mut evidence);
    mark_after_article(lines, &mut evidence);
    evidence
}

/// A row led by a number ("61% 120 votes", "3 March: Town Hall"): a line
/// of a table or a list of results.
fn is_number_led(line: &str) -> bool {
    line.starts_with(|c: char| c.is_ascii_digit() || c == '%')
}

/// Words a row of a table has at most.
const TABLE_ROW_WORDS: usize = 6;
/// Rows led by numbers in a row that make a table rather than a counter
/// or two ("193 claps", "13 responses").
const TABLE_ROWS: usize = 5;

/// Lines inside a run of at least [`TABLE_ROWS`] short number-led rows
/// with a label each.
fn table_rows(lines: &[Line<'_>], evidence: &[Evidence]) -> Vec<bool> {
    // A row has its label ("120 votes"); bare numbers are counters.
    let row = |i: usize| {
        evidence[i].words <= TABLE_ROW_WORDS
            && is_number_led(lines[i].text)
            && lines[i].text.chars().any(char::is_alphabetic)
    };
    let mut out = vec![false; lines.len()];
    let mut start = 0;
    while start < lines.len() {
        let mut end = start;
        while end < lines.len() && row(end) {
            end += 1;
        }
        if end - start >= TABLE_ROWS {
            out[start..end].fill(true);
        }
        start = end + 1;
    }
    out
}

/// A row of a table as it pastes: cells separated by tabs. Tables sit in
/// articles as often as around them, so a row neither extends the main
/// run nor ends it.
fn is_table_row(line: &str) -> bool {
    line.contains('\t')
}

/// Turns line labels into findings: contiguous boilerplate lines are one block.
fn merge(lines: &[Line<'_>], evidence: &[Evidence], labels: &[bool]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !labels[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < lines.len() && labels[j + 1] {
            j += 1;
        }
        out.push(block(&lines[i..=j], &evidence[i..=j]));
        i = j + 1;
    }
    out
}

/// One finding for a run of boilerplate lines, with its most telling reasons.
fn block(lines: &[Line<'_>], evidence: &[Evidence]) -> Finding {
    let start = lines.first().map_or(0, |l| l.range.start);
    let end = lines.last().map_or(start, |l| l.range.end);
    let mut totals: Vec<(&'static str, f32)> = Vec::new();
    for (reason, weight) in evidence.iter().flat_map(|e| e.reasons.iter()) {
        let label = reason.label();
        match totals.iter_mut().find(|t| t.0 == label) {
            Some(t) => t.1 += weight,
            None => totals.push((label, *weight)),
        }
    }
    totals.sort_by(|a, b| b.1.total_cmp(&a.1));
    let margin =
        evidence.iter().map(|e| e.score.margin()).sum::<f32>() / evidence.len().max(1) as f32;
    let mut finding = Finding::new(
        Kind::Boilerplate,
        start..end,
        0.5 + 0.5 * (margin / 3.0).tanh().max(0.0),
    );
    for (reason, _) in totals.into_iter().take(4) {
        finding = finding.because(reason);
    }
    if finding.reasons.is_empty() {
        finding = finding.because("short line outside the article prose");
    }
    finding
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Article prose of our own: long lines that end like sentences.
    pub(super) const BODY_EN: [&str; 4] = [
        "The city council approved a plan on Monday to rebuild the river bridge, which has been closed to trucks since the spring floods damaged two of its piers.",
        "Engineers told the council that the repairs would take about eighteen months and cost roughly twice the amount set aside in last year's budget.",
        "He declined to comment.",
        "Residents of the east bank, who now drive an extra twenty minutes to reach the hospital, welcomed the vote but asked for a temporary ferry in the meantime.",
    ];

    pub(super) fn texts<'a>(text: &'a str, found: &[Finding]) -> Vec<&'a str> {
        found.iter().map(|f| &text[f.range.clone()]).collect()
    }

    pub(super) fn with_body(before: &[&str], after: &[&str]) -> String {
        let mut lines: Vec<&str> = before.to_vec();
        lines.extend(BODY_EN);
        lines.extend(after);
        lines.join("\n")
    }

    #[test]
    fn the_headline_of_a_paste_is_the_title_not_boilerplate() {
        let text = with_body(&["Council votes to rebuild the river bridge"], &[]);
        assert!(
            texts(&text, &detect(&text)).is_empty(),
            "{:?}",
            texts(&text, &detect(&text))
        );
        // Its own words can still make it furniture, and so can a colon.
        for first in [
            "Sign up for our newsletter today",
            "A Message from the Riverside Courier:",
        ] {
            let text = with_body(&[first], &[]);
            assert_eq!(texts(&text, &detect(&text)), [first], "{first}");
        }
    }

    #[test]
    fn empty_and_blank_text_has_no_boilerplate() {
        assert!(detect("").is_empty());
        assert!(detect("\n \n\t\n").is_empty());
    }

    #[test]
    fn plain_article_prose_has_no_boilerplate() {
        let text = BODY_EN.join("\n\n");
        assert!(
            detect(&text).is_empty(),
            "{:?}",
            texts(&text, &detect(&text))
        );
    }

    #[test]
    fn furniture_around_the_article_is_cut_and_merged() {
        let text = with_body(
            &[
                "Skip to content",
                "Log in",
                "Subscribe",
                "By Jane Q. Writer",
                "Updated 9:41 am, March 3, 2028",
            ],
            &[
                "Share on Facebook",
                "Share on Twitter",
                "© 2031 Example Media. All rights reserved.",
            ],
        );
        let found = detect(&text);
        assert_eq!(
            texts(&text, &found),
            vec![
                "Skip to content\nLog in\nSubscribe\nBy Jane Q. Writer\nUpdated 9:41 am, March 3, 2028",
                "Share on Facebook\nShare on Twitter\n© 2031 Example Media. All rights reserved.",
            ]
        );
        assert!(found
            .iter()
            .all(|f| f.kind == Kind::Boilerplate && !f.reasons.is_empty()));
        assert!(found[1].reasons.iter().any(|r| r == "share line"));
    }

    #[test]
    fn a_block_spans_first_to_last_non_space_character() {
        let text = with_body(
            &[],
            &[
                "   Share this article  ",
                "",
                "  Follow us on social media \t",
            ],
        );
        let found = detect(&text);
        assert_eq!(
            texts(&text, &found),
            vec!["Share this article  \n\n  Follow us on social media"]
        );
    }

    #[test]
    fn an_appeal_block_is_cut_whole_from_heading_to_dismissal() {
        let text = with_body(
            &[],
            &[
                "A note from the editors:",
                "Dear readers,",
                "We have reported on this valley for thirty years, and we intend to keep doing so for as long as you read us.",
                "Our newsroom depends on readers like you: your support, however small, keeps our reporting free for everyone.",
                "![donate](https://example.org/donate.png)",
                "Maybe later",
            ],
        );
        let found = detect(&text);
        let got = texts(&text, &found);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].starts_with("A note from the editors:") && got[0].ends_with("Maybe later"));
    }

    #[test]
    fn a_french_appeal_is_cut_whole_too() {
        let text = with_body(
            &[],
            &[
                "Un message de la rédaction :",
                "Chers lecteurs,",
                "Nous enquêtons depuis vingt ans sur cette vallée et nous voulons continuer aussi longtemps que vous nous lirez.",
                "Notre travail dépend de vous : votre soutien, même modeste, garde nos articles ouverts à tous.",
                "Faites un don",
                "Plus tard",
            ],
        );
        let got = texts(&text, &detect(&text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].starts_with("Un message de la rédaction") && got[0].ends_with("Plus tard"));
    }

    #[test]
    fn short_quotes_and_subheadings_inside_the_body_stay_body() {
        let text = [
            BODY_EN[0],
            "\"We will not wait,\" she said.",
            BODY_EN[1],
            "What happens next",
            BODY_EN[3],
        ]
        .join("\n");
        assert!(
            detect(&text).is_empty(),
            "{:?}",
            texts(&text, &detect(&text))
        );
    }

    #[test]
    fn captions_and_links_inside_the_body_are_cut() {
        let text = [
            BODY_EN[0],
            BODY_EN[1],
            "The old bridge at dusk. (Photo: Sam Lee)",
            BODY_EN[3],
            "Read more: Ferry plan draws support from east bank",
            BODY_EN[0],
        ]
        .join("\n");
        let got = texts(&text, &detect(&text));
        assert_eq!(
            got,
            vec![
                "The old bridge at dusk. (Photo: Sam Lee)",
                "Read more: Ferry plan draws support from east bank"
            ]
        );
    }

    #[test]
    fn a_labelled_headline_inside_the_body_is_cut() {
        let text = [
            BODY_EN[0],
            BODY_EN[1],
            "Related: Ten strange bridges around the world",
            BODY_EN[3],
            BODY_EN[0],
        ]
        .join("\n");
        let got = texts(&text, &detect(&text));
        assert_eq!(got, vec!["Related: Ten strange bridges around the world"]);
    }

    #[test]
    fn furniture_in_other_languages_is_cut() {
        let body_fr = [
            "Le conseil municipal a approuvé lundi un plan de reconstruction du pont, fermé aux camions depuis les crues du printemps.",
            "Les ingénieurs estiment que les travaux dureront environ dix-huit mois et coûteront deux fois plus que prévu.",
        ];
        for (head, tail) in [
            (
                "Abonnez-vous à notre lettre d'information",
                "Tous droits réservés",
            ),
            ("Jetzt abonnieren", "Alle Rechte vorbehalten"),
            ("Suscríbete al boletín", "Todos los derechos reservados"),
            ("Iscriviti alla newsletter", "Tutti i diritti riservati"),
            ("Assine a nossa newsletter", "Todos os direitos reservados"),
            (
                "Meld je aan voor de nieuwsbrief",
                "Alle rechten voorbehouden",
            ),
            ("Zapisz się do newslettera", "Wszelkie prawa zastrzeżone"),
            ("Подпишитесь на рассылку", "Все права защищены"),
        ] {
            let text = format!("{head}\n{}\n{}\n{tail}", body_fr[0], body_fr[1]);
            let got = texts(&text, &detect(&text));
            assert_eq!(got, vec![head, tail], "{head} / {tail}");
        }
    }

    #[test]
    fn labels_of_comment_related_and_sponsored_blocks_are_cut() {
        for label in [
            "関連記事",
            "スポンサーリンク",
            "相关文章",
            "관련기사",
            "Tags: bridges, ferries, council",
            "Order Reprints",
            "Leave a Reply",
            "Добавить отзыв",
            "Самые популярные",
        ] {
            let text = with_body(&[], &[label]);
            assert_eq!(texts(&text, &detect(&text)), [label], "{label}");
        }
        // A word of the lexicon inside prose stays prose.
        let text = with_body(
            &[],
            &["Shoppers compared the price tags on the new ferry passes with last year's, and most found them cheaper."],
        );
        assert!(
            detect(&text).is_empty(),
            "{:?}",
            texts(&text, &detect(&text))
        );
    }

    #[test]
    fn author_notes_topic_labels_and_teaser_headings_are_cut() {
        for label in [
            "Additional reporting by Sam Lee",
            "About the author",
            "责任编辑：王小明",
            "Topics",
            "Next Up In Science",
            "On Our Radar",
            "Weitere Beiträge zum Thema",
            "Enviá tu comentario",
            "You must be logged in to post a comment.",
            "(Reporting by Sam Lee; Editing by Jo Roe)",
            "Související články",
        ] {
            let text = with_body(&[], &[label]);
            assert_eq!(texts(&text, &detect(&text)), [label], "{label}");
        }
    }

    #[test]
    fn repeated_caption_lines_are_cut() {
        let caption = "Workers inspect the damaged pier from a boat";
        let text = format!(
            "{caption}\n{caption}\n{}\n{}\n{}",
            BODY_EN[0], BODY_EN[1], BODY_EN[3]
        );
        let got = texts(&text, &detect(&text));
        assert_eq!(got, vec![format!("{caption}\n{caption}")]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        let long = "word ".repeat(50_000);
        for text in [
            "\u{0}\u{1}\u{fffd}\n\r\n\r",
            "“unbalanced « quotes ![x](",
            "é\nü\n中文\n🙂🙂🙂\n",
            "](http\n[](\n!\n©",
            long.as_str(),
        ] {
            for f in detect(text) {
                assert!(text.get(f.range.clone()).is_some());
            }
        }
    }

    #[test]
    fn transcript_speech_between_stage_directions_stays_body() {
        let text = [
            "MODERATOR: Good evening, and welcome to the third debate on the river crossing.",
            "(APPLAUSE)",
            "MAYOR ROE: Thank you. We rebuilt the east pier in fourteen months, under budget.",
            "AUDIENCE: (CHEERING)",
            "COUNCILLOR DOE: That is not true; the pier cost twice what the council approved.",
            "(APPLAUSE)",
            "(CROSSTALK)",
            "MAYOR ROE: The audited accounts show a cost of eleven million, as promised.",
            "(APPLAUSE)",
            "MODERATOR: We will take a short break and come back with your questions.",
            "(APPLAUSE)",
        ]
        .join("\n");
        let found = detect(&text);
        assert!(found.is_empty(), "{:?}", texts(&text, &found));
    }

    #[test]
    fn labels_in_capitals_are_still_furniture() {
        let text = with_body(&["PHOTO: (Sam Lee)", "ADVERTISEMENT"], &[]);
        let got = texts(&text, &detect(&text));
        assert_eq!(got, vec!["PHOTO: (Sam Lee)\nADVERTISEMENT"]);
    }

    #[test]
    fn rows_led_by_numbers_are_results_not_a_menu() {
        let rows = [
            "41% Ferry",
            "33% New bridge",
            "19% Tunnel",
            "7% No change",
            "12 votes",
        ];
        let text = with_body(&[], &rows);
        let found = detect(&text);
        assert!(found.is_empty(), "{:?}", texts(&text, &found));
        // The same short rows led by words are a menu.
        let menu = ["Ferry", "New bridge", "Tunnel", "No change", "Votes"];
        let text = with_body(&[], &menu);
        assert_eq!(texts(&text, &detect(&text)), [menu.join("\n")]);
    }

    #[test]
    fn the_sections_of_a_numbered_list_article_stay_body() {
        let sections = [
            ("A ferry that runs on river water", "The first ferry of the new line crossed in eleven minutes on Monday, carrying forty commuters and two bicycles across the swollen river, and its captain says the crossing will get faster once the spring floods recede."),
            ("A bridge built in a single night", "Volunteers from the east bank assembled a temporary footbridge from rented scaffolding in a single night, and the council, which had first threatened them with a fine, has since asked them to keep it up."),
            ("A tunnel nobody finished", "Work on the old tunnel under the river stopped in the seventies when the money ran out, and its bricked-up entrance near the market is now home to a small colony of protected bats."),
            ("A cable car for the school run", "Parents have asked the council to study a cable car between the two banks of the river, which they say would cut the morning school run by half and take hundreds of cars off the old road."),
        ];
        let mut lines = vec![BODY_EN[0], BODY_EN[1]];
        let numbers = ["1", "2", "3", "4"];
        for (number, (heading, paragraph)) in numbers.iter().zip(sections) {
            lines.extend([number, heading, "Getty Images", paragraph]);
        }
        let text = lines.join("\n");
        let found = detect(&text);
        for (_, paragraph) in sections {
            assert!(
                found
                    .iter()
                    .all(|f| !text[f.range.clone()].contains(paragraph)),
                "{paragraph}: {:?}",
                texts(&text, &found)
            );
        }
    }

    #[test]
    fn a_numbered_list_closing_the_article_stays_body() {
        let list = [
            "1) A lamp in the shape of a ferry",
            "https://shop.example.org/lamp",
            "2) Rain boots for the whole family",
            "https://shop.example.org/boots",
            "3) A framed map of the old river crossings",
            "https://shop.example.org/map",
            "4) Binoculars for the bird hide",
            "https://shop.example.org/binoculars",
        ];
        let items_cut = |lines: &[&str]| {
            let text = with_body(&[], lines);
            let found = detect(&text);
            lines
                .iter()
                .step_by(2)
                .filter(|item| texts(&text, &found).iter().any(|b| b.contains(*item)))
                .count()
        };
        assert_eq!(items_cut(&list), 0);
    }

    #[test]
    fn equal_rows_of_a_results_table_are_not_repeated_furniture() {
        let rows = [
            "12% 30 votes",
            "8% 20 votes",
            "12% 30 votes",
            "41% 102 votes",
            "27% 67 votes",
            "12% 30 votes",
        ];
        let text = with_body(&[], &rows);
        let found = detect(&text);
        assert!(found.is_empty(), "{:?}", texts(&text, &found));
        // Bare counters repeating beside each other are still furniture.
        let explained = explain(&with_body(&[], &["193", "193", "12 replies"]));
        assert!(explained[BODY_EN.len()].reasons.contains(&"repeated line"));
    }

    #[test]
    fn a_table_inside_the_article_does_not_end_it() {
        let rows = [
            "Pier\tInspected\tState",
            "East pier\tMarch 2029\tCracked",
            "West pier\tApril 2029\tSound",
            "North pier\tMay 2029\tSound",
            "South pier\tJune 2029\tScoured",
        ];
        let after = [
            "The inspectors recommended closing the east pier to all traffic until divers have examined its foundations in the summer.",
            "The council will publish the full inspection reports on its website next week, together with the engineers' cost estimates.",
        ];
        let mut lines = vec![BODY_EN[0], BODY_EN[1], BODY_EN[3]];
        lines.extend(rows);
        lines.extend(after);
        lines.extend(["Share this article", "Ferry fares to rise in spring"]);
        let text = lines.join("\n");
        let verdicts = explain(&text);
        let after_table = 3 + rows.len();
        assert!(
            verdicts[after_table..after_table + after.len()]
                .iter()
                .all(|v| !v.boilerplate && !v.reasons.contains(&"after the end of the article")),
            "{verdicts:?}"
        );
        assert!(verdicts[verdicts.len() - 1].boilerplate);
        // Its dated rows are data, not datelines.
        assert!(verdicts[4..after_table]
            .iter()
            .all(|v| !v.reasons.contains(&"timestamp")));
    }

    #[test]
    fn explain_labels_every_non_blank_line() {
        let text = with_body(&["Advertisement"], &[]);
        let verdicts = explain(&text);
        assert_eq!(verdicts.len(), 1 + BODY_EN.len());
        assert!(verdicts[0].boilerplate && verdicts[0].reasons.contains(&"advertisement"));
        assert!(verdicts[1..].iter().all(|v| !v.boilerplate));
    }
}
