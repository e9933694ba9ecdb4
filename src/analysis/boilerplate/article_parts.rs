//! Parts of the article that look like furniture line by line: numbered
//! lists, product cards, reference sections, tables, hard-wrapped
//! paragraphs, program listings and the heading above a hatnote. Each rule
//! finds one such part and leans its lines back towards body, or takes
//! away the shape cues that say nothing about it. Most run first, so that
//! the repetition, menu and [`neighbours`](super::neighbours) rules find
//! these lines already marked as the article's own.

use super::phrasebook::LineWords;
use super::reason::Reason;
use super::transcript_lines::TranscriptLine;
use super::{
    code, is_table_row, products, references, sections, shape, Evidence, Line, ANCHOR, BELONGS,
    HEADLINE_WORDS, MAX_CUE,
};

/// How much the heading above a hatnote reads like prose: enough that the
/// hatnote's evidence does not carry the heading away with it.
const HATNOTE_HEADING_PROSE: f32 = 1.5;

/// An encyclopaedia's hatnote ("Main article: Ferry transport") sits right
/// under the heading of the section it serves: that heading is the
/// article's, even when a table of contents repeats it elsewhere.
pub(super) fn mark_hatnote_headings(lines: &[Line<'_>], evidence: &mut [Evidence]) {
    for i in 1..evidence.len() {
        let hatnote = evidence[i]
            .reasons
            .iter()
            .any(|r| r.0 == Reason::CrossReference && r.1 >= ANCHOR);
        let heading = &lines[i - 1];
        if hatnote
            && evidence[i - 1].words <= HEADLINE_WORDS.end() / 2
            && !shape::ends_like_a_sentence(heading.text)
            && evidence[i - 1].own_cue < BELONGS
        {
            let e = &mut evidence[i - 1];
            e.score.prose = e.score.prose.max(HATNOTE_HEADING_PROSE);
        }
    }
}

/// How much an item of a numbered list reads like prose: a little, so that
/// the list stays with the article unless its own words say otherwise.
const LIST_ITEM_PROSE: f32 = 0.5;

/// Items of the author's numbered lists (see [`sections::list_items`]) are
/// short and unpunctuated like menu entries, but they are the article's.
pub(super) fn mark_list_items(lines: &[Line<'_>], evidence: &mut [Evidence]) {
    let items = sections::list_items(lines.iter().map(|l| l.text));
    for (e, item) in evidence.iter_mut().zip(items) {
        if item {
            e.score.prose = e.score.prose.max(LIST_ITEM_PROSE);
        }
    }
}

/// How much a line of a product list reads like prose: a little, as an
/// item of the author's list.
const PRODUCT_PROSE: f32 = 0.5;

/// Lines of a list of product cards (see [`products`]) belong to the
/// article: their repeated buttons and short feature lines are the list's
/// own, not a menu. A card ends at a paragraph or a line whose own words
/// are furniture.
pub(super) fn mark_product_lists(lines: &[Line<'_>], evidence: &mut [Evidence]) {
    let prices: Vec<bool> = lines
        .iter()
        .map(|l| products::is_price_line(l.text))
        .collect();
    if prices.iter().filter(|&&p| p).count() < products::MIN_CARDS {
        return;
    }
    let stops: Vec<bool> = evidence
        .iter()
        .map(|e| e.score.prose >= 2.0 || e.own_cue >= ANCHOR)
        .collect();
    for (e, listed) in evidence
        .iter_mut()
        .zip(products::product_lists(&prices, &stops))
    {
        if listed {
            e.product = true;
            e.score.prose = e.score.prose.max(PRODUCT_PROSE);
        }
    }
}

/// How much a line of a reference section reads like prose: a little, as
/// an item of the article's own list.
const REFERENCE_PROSE: f32 = 0.5;

/// The article's notes and bibliography (see [`references`]) come after
/// its last paragraph and look like a footer: labels, fragments, repeated
/// author names. They are its sources, so the cues that read position and
/// repetition as furniture do not apply; their own words still count.
pub(super) fn mark_reference_sections(lines: &[Line<'_>], evidence: &mut [Evidence]) {
    let stops: Vec<bool> = evidence.iter().map(|e| e.own_cue >= ANCHOR).collect();
    let sections = references::reference_sections(lines.iter().map(|l| l.text), &stops);
    for (e, inside) in evidence.iter_mut().zip(sections) {
        if inside {
            e.reference = true;
            e.score.prose = e.score.prose.max(REFERENCE_PROSE);
        }
    }
}

/// How much a row of a table reads like prose: a little, as an item of
/// the article's own list.
const TABLE_ROW_PROSE: f32 = 0.5;

/// A table's rows (cells parted by tabs, see [`is_table_row`]) are data
/// the article presents, an encyclopaedia's infobox above its first
/// paragraph included: short and unpunctuated, they lean towards body
/// unless their own words or their place say otherwise.
pub(super) fn mark_table_rows(lines: &[Line<'_>], evidence: &mut [Evidence]) {
    for (line, e) in lines.iter().zip(evidence.iter_mut()) {
        if is_table_row(line.text) {
            e.score.prose = e.score.prose.max(TABLE_ROW_PROSE);
        }
    }
}

/// Shortest line taken to be hard-wrapped rather than a short label.
const WRAP_WIDTH: usize = 50;

/// Hard-wrapped text (plain-text documents, e-mail) splits a paragraph over
/// lines that each look like fragments; a line that stops mid-sentence and
/// is continued by a lowercase line is read with its paragraph.
pub(super) fn score_wrapped_paragraphs(lines: &[Line<'_>], evidence: &mut [Evidence]) {
    let continues = |i: usize| {
        let (line, next) = (lines[i].text, lines[i + 1].text);
        line.len() >= WRAP_WIDTH
            && !shape::ends_like_a_sentence(line)
            && !line.ends_with(':')
            && next.chars().next().is_some_and(char::is_lowercase)
    };
    let mut start = 0;
    while start < lines.len() {
        let mut end = start;
        while end + 1 < lines.len() && continues(end) {
            end += 1;
        }
        if end > start {
            let joined = lines[start..=end]
                .iter()
                .map(|l| l.text)
                .collect::<Vec<_>>()
                .join(" ");
            let prose = shape::prose_score(&joined, &LineWords::of(&joined));
            for e in &mut evidence[start..=end] {
                e.score.prose = e.score.prose.max(prose);
            }
        }
        start = end + 1;
    }
}

/// How much a line of a listing reads like prose: a little, so that a
/// listing without cues stays with the article around it.
const CODE_PROSE: f32 = 0.5;

/// Lines of a program listing lose the cues their shape gave them (short,
/// unpunctuated, capitalised, repeated); only lines without any letter or
/// digit keep theirs, as separators.
pub(super) fn mark_listings(lines: &[Line<'_>], evidence: &mut [Evidence]) {
    let signals: Vec<code::CodeSignal> = lines
        .iter()
        .zip(evidence.iter())
        .map(|(line, e)| {
            if line.code_like {
                code::CodeSignal::Code
            } else if e.words >= 6 && shape::ends_like_a_sentence(line.text) {
                code::CodeSignal::Prose
            } else {
                code::CodeSignal::Neutral
            }
        })
        .collect();
    for (e, listed) in evidence.iter_mut().zip(code::listings(&signals)) {
        if !listed || e.transcript != TranscriptLine::None {
            continue;
        }
        e.code = true;
        e.reasons.retain(|r| r.0 == Reason::Separator);
        e.own_cue = 0.0;
        e.score.cue = e.reasons.iter().map(|r| r.1).sum::<f32>().min(MAX_CUE);
        e.score.prose = e.score.prose.max(CODE_PROSE);
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::boilerplate::detect;
    use crate::analysis::boilerplate::tests::{texts, with_body, BODY_EN};

    #[test]
    fn hard_wrapped_paragraphs_read_as_prose() {
        let text = [
            "Skip to content",
            "The council approved the plan on Monday after a long debate in",
            "which several members asked whether the money could be found in",
            "the current budget, and the mayor promised an answer next week.",
            "Engineers expect the work to last about eighteen months, and they",
            "warned that the river crossing would stay closed to trucks until",
            "the second pier has been rebuilt and tested under full load.",
        ]
        .join("\n");
        let got = texts(&text, &detect(&text));
        assert_eq!(got, vec!["Skip to content"]);
    }

    #[test]
    fn a_code_listing_between_paragraphs_stays_body() {
        let listing = [
            "SELECT city,",
            "  count(*) AS trips",
            "FROM",
            "  ferry_trips",
            "GROUP BY",
            "  city;",
        ];
        let mut lines = vec![BODY_EN[0], BODY_EN[1]];
        lines.extend(listing);
        lines.push(BODY_EN[3]);
        lines.extend(listing);
        lines.push(BODY_EN[0]);
        let text = lines.join("\n");
        let found = detect(&text);
        assert!(found.is_empty(), "{:?}", texts(&text, &found));
        // The same short repeated lines without code around them are a menu.
        let menu = with_body(&[], &["Home", "World", "Sport", "Home", "World", "Sport"]);
        assert_eq!(
            texts(&menu, &detect(&menu)),
            ["Home\nWorld\nSport\nHome\nWorld\nSport"]
        );
    }

    #[test]
    fn an_infobox_above_the_first_paragraph_stays_body() {
        let text = with_body(
            &[
                "Opened\tMarch 2031",
                "Length\t420 m",
                "Operator\tRiverside Council",
            ],
            &[],
        );
        let found = detect(&text);
        assert!(found.is_empty(), "{:?}", texts(&text, &found));
    }

    #[test]
    fn the_product_cards_of_a_deals_post_stay_body() {
        let mut lines = vec![BODY_EN[0], BODY_EN[1]];
        for (name, price) in [
            ("Harbour rain jacket", "$89.00"),
            ("Deckhand boots", "$64.50"),
            ("Tide waterproof bag", "$31.99"),
            ("Ferry captain's thermos", "$24.00"),
        ] {
            lines.extend([
                name,
                "Taped seams",
                "Packs into its own pocket",
                price,
                "Available from Riverside Outfitters",
                "Buy now",
            ]);
        }
        lines.push(BODY_EN[3]);
        let text = lines.join("\n");
        let found = detect(&text);
        assert!(found.is_empty(), "{:?}", texts(&text, &found));
        // The same buttons without cards around them are repeated furniture.
        let text = with_body(
            &[],
            &[
                "Available from Riverside Outfitters",
                "Buy now",
                "Available from Riverside Outfitters",
                "Buy now",
            ],
        );
        assert!(!detect(&text).is_empty());
    }

    #[test]
    fn a_hatnote_is_cut_but_the_heading_above_it_stays() {
        let text = [
            BODY_EN[0],
            BODY_EN[1],
            "Ferries",
            "Main article: Ferry transport on the river",
            BODY_EN[3],
            "Hauptartikel: Fährverkehr am Fluss",
            BODY_EN[0],
            "Ferries",
        ]
        .join("\n");
        let got = texts(&text, &detect(&text));
        assert_eq!(
            got,
            [
                "Main article: Ferry transport on the river",
                "Hauptartikel: Fährverkehr am Fluss",
                "Ferries"
            ]
        );
    }

    #[test]
    fn a_reference_section_after_the_article_stays_body() {
        let references = [
            "References",
            "[TIDES]",
            "Lee, S., \"Tide tables for the lower river\",",
            "Harbour Office, March 2031.",
            "[PIERS]",
            "Roe, M., \"Inspection of the east pier\",",
            "City Engineering Department, May 2030.",
        ];
        let mut lines = vec!["Share this article"];
        lines.extend(references);
        lines.push("© 2031 Riverside Courier. All rights reserved.");
        let text = with_body(&[], &lines);
        let got = texts(&text, &detect(&text));
        assert_eq!(
            got,
            [
                "Share this article",
                "© 2031 Riverside Courier. All rights reserved."
            ]
        );
    }

    #[test]
    fn an_http_exchange_between_paragraphs_stays_body() {
        let exchange = [
            "PUT /ferries/timetable HTTP/1.1",
            "Host: ferries.example.org",
            "Content-Type: application/json",
            "HTTP/1.1 200 OK",
            "Content-Type: application/json",
            "ETag: \"4815162342\"",
        ];
        let mut lines = vec![BODY_EN[0], BODY_EN[1]];
        lines.extend(exchange);
        lines.push(BODY_EN[3]);
        lines.extend(exchange);
        lines.push(BODY_EN[0]);
        let text = lines.join("\n");
        let found = detect(&text);
        assert!(found.is_empty(), "{:?}", texts(&text, &found));
    }
}
