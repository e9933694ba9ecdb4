//! Evidence that spreads from a telling line to the lines beside it: a
//! photo credit to its caption, a "Related" heading to its headlines, a
//! byline to the standfirst above it, two strong lines to the block between
//! them, one numbered teaser to the run it stands in. Page furniture comes
//! in blocks, and its clearest line vouches for the rest.

use super::reason::Reason;
use super::transcript_lines::TranscriptLine;
use super::{shape, teaser_lists, Evidence, Line, ANCHOR, BELONGS, BLOCK_SPAN};

/// The most headlines a "Related" heading is taken to introduce.
const LINK_LIST_SPAN: usize = 10;

/// A short "Related" / "Most read" / "Lire aussi" heading opens a list of
/// headlines: the unpunctuated lines right after it belong to it.
pub(super) fn mark_link_lists(lines: &[Line<'_>], evidence: &mut [Evidence]) {
    for i in 0..evidence.len() {
        let heading = evidence[i].words <= 5
            && evidence[i]
                .reasons
                .iter()
                .any(|r| r.0.points_to_other_pages() && r.1 >= 1.5);
        if !heading {
            continue;
        }
        for j in i + 1..(i + 1 + LINK_LIST_SPAN).min(lines.len()) {
            if evidence[j].reference
                || evidence[j].words > 30
                || shape::ends_like_a_sentence(lines[j].text) && evidence[j].words > 20
            {
                break;
            }
            if !evidence[j].code
                && !evidence[j].product
                && !evidence[j]
                    .reasons
                    .iter()
                    .any(|r| r.0.points_to_other_pages() && r.0 != Reason::ReadMore && r.1 == 2.0)
            {
                evidence[j].add(Reason::LinkList, 2.0);
            }
        }
    }
}

/// Evidence for a line next to a photo credit ("Photo: Sam Lee", "Sam Lee,
/// AP"): the caption the credit belongs to.
const NEXT_TO_CREDIT: f32 = 1.5;

/// A line beside a short credit line is most likely its caption.
pub(super) fn mark_captions(evidence: &mut [Evidence]) {
    let is_credit =
        |e: &Evidence| e.words <= 10 && e.reasons.iter().any(|r| r.0.is_caption() && r.1 >= 2.5);
    let credits: Vec<bool> = evidence.iter().map(is_credit).collect();
    for i in 0..evidence.len() {
        let beside = (i > 0 && credits[i - 1]) || credits.get(i + 1).copied().unwrap_or(false);
        if beside && !credits[i] && evidence[i].words <= 25 {
            evidence[i].add(Reason::BesideCredit, NEXT_TO_CREDIT);
        }
    }
}

/// Evidence for a headline of a run of listicle teasers.
const LISTICLE_TEASER: f32 = 2.5;

/// A run of numbered listicle headlines (see [`teaser_lists`]) promotes
/// the site's other lists.
pub(super) fn mark_teaser_lists(lines: &[Line<'_>], evidence: &mut [Evidence]) {
    let counts: Vec<Option<u32>> = lines
        .iter()
        .map(|l| {
            if l.text.starts_with(|c: char| c.is_ascii_digit()) {
                teaser_lists::listicle_count(l.text)
            } else {
                None
            }
        })
        .collect();
    if counts.iter().flatten().count() < teaser_lists::MIN_TEASERS {
        return;
    }
    for (e, teaser) in evidence.iter_mut().zip(teaser_lists::teaser_lists(&counts)) {
        if teaser && !e.code && !e.reference {
            e.add(Reason::ListicleTeasers, LISTICLE_TEASER);
        }
    }
}

/// How far down the paste a byline or date can still head the article.
const STANDFIRST_SPAN: usize = 8;
/// Paragraphs that must follow the byline for it to head the article
/// rather than sign it off.
const PARAGRAPHS_AFTER_BYLINE: usize = 3;

/// The lines above an article's byline or date (its headline, kicker and
/// standfirst) are the page's presentation of the article, not its text:
/// a summary sentence there is cut with the byline under it.
pub(super) fn mark_standfirst(evidence: &mut [Evidence]) {
    let dateline = |e: &Evidence| {
        e.reasons
            .iter()
            .any(|r| matches!(r.0, Reason::Byline | Reason::Timestamp) && r.1 >= 2.5)
    };
    let Some(first) = evidence.iter().take(STANDFIRST_SPAN).position(dateline) else {
        return;
    };
    let paragraphs = evidence[first..]
        .iter()
        .filter(|e| e.score.prose >= 2.0)
        .take(PARAGRAPHS_AFTER_BYLINE)
        .count();
    if paragraphs < PARAGRAPHS_AFTER_BYLINE {
        return;
    }
    for e in &mut evidence[..first] {
        if e.transcript == TranscriptLine::None && e.score.prose > 0.0 {
            let needed = e.score.prose + 0.5;
            e.add(Reason::Standfirst, needed);
        }
    }
}

/// A run of lines that each carry some evidence (an appeal's paragraphs
/// saying "we" and "your support"), lying between two strong boilerplate
/// lines (its heading and its "Remind me later"), is one block: its lines
/// get enough evidence to outweigh their prose.
pub(super) fn mark_sandwiched(evidence: &mut [Evidence]) {
    let anchors: Vec<usize> = (0..evidence.len())
        .filter(|&i| evidence[i].score.cue >= ANCHOR)
        .collect();
    for &a in &anchors {
        if a > 0 && evidence[a - 1].opens_block {
            evidence[a - 1].add(Reason::BlockHeading, ANCHOR);
        }
    }
    for pair in anchors.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if b - a < 2 || b - a > BLOCK_SPAN {
            continue;
        }
        let inner = a + 1..b;
        if evidence[inner.clone()].iter().all(|e| e.own_cue >= BELONGS) {
            for e in &mut evidence[inner] {
                let needed = e.score.prose.max(0.0) + 0.5;
                e.add(Reason::BetweenBoilerplate, needed);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::boilerplate::detect;
    use crate::analysis::boilerplate::tests::{texts, with_body, BODY_EN};

    #[test]
    fn a_standfirst_above_the_byline_is_cut_with_it() {
        let standfirst = "The river crossing has been shut for a year, and the cost of reopening it keeps climbing.";
        let text = with_body(&[standfirst, "By Jane Q. Writer"], &[]);
        let got = texts(&text, &detect(&text));
        assert_eq!(got, vec![format!("{standfirst}\nBy Jane Q. Writer")]);
        // A byline signing off a short piece leaves the piece alone.
        let signed = [BODY_EN[0], BODY_EN[1], "By Jane Q. Writer", BODY_EN[3]].join("\n");
        let got = texts(&signed, &detect(&signed));
        assert!(got.iter().all(|b| !b.contains(BODY_EN[0])), "{got:?}");
    }

    #[test]
    fn a_caption_beside_its_credit_is_cut_with_it() {
        let text = [
            BODY_EN[0],
            BODY_EN[1],
            "A crane lifts a new steel beam onto the eastern pier",
            "Sam Lee, AP",
            BODY_EN[3],
            BODY_EN[0],
        ]
        .join("\n");
        let got = texts(&text, &detect(&text));
        assert_eq!(
            got,
            vec!["A crane lifts a new steel beam onto the eastern pier\nSam Lee, AP"]
        );
    }

    #[test]
    fn a_related_heading_takes_its_headlines_with_it() {
        let text = [
            BODY_EN[0],
            BODY_EN[1],
            "Related",
            "Ferry plan wins support on the east bank",
            "Bridge inspections to double after flood damage",
            BODY_EN[3],
            BODY_EN[0],
        ]
        .join("\n");
        let got = texts(&text, &detect(&text));
        assert_eq!(
            got,
            vec!["Related\nFerry plan wins support on the east bank\nBridge inspections to double after flood damage"]
        );
    }

    #[test]
    fn a_run_of_listicle_teasers_after_the_article_is_cut() {
        let teasers = [
            "15 Bridges That Changed Their Cities",
            "9 Ferries You Can Still Ride Today",
            "12 Strangest Tunnels Under Rivers",
        ];
        let text = with_body(&[], &teasers);
        assert_eq!(texts(&text, &detect(&text)), [teasers.join("\n")]);
    }
}
