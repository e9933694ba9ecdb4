//! A made-up article that takes every detector through its usual paths, for
//! warming up a browser's WebAssembly compiler before the reader's first
//! paste.
//!
//! Browsers first run wasm through a quick baseline compiler and recompile a
//! function with their optimising one only once it has run for a while: the
//! first analysis of a page's life measured three to five times slower than
//! the second (scripts/bench-browser.mjs, 10,000 words: 179 ms, then 31–60).
//! Analysing this text while the page is idle moves that cost out of the
//! reader's way. Every sentence is invented here.

/// Lines of the sample: prose with figures, quotes with speakers, and the
/// furniture of a pasted page, so that every detector does real work.
const LINES: [&str; 14] = [
    "River valley towns count the cost of the spring floods",
    "By Lena Hartmann, regional correspondent",
    "The regional council said on Thursday that repairs to 214 homes would cost about 38 million euros, twice its estimate in April.",
    "“We underestimated how far the water reached,” said Jonas Weber, the council's head of planning. “The figures will change again.”",
    "According to the weather office, 96 mm of rain fell in 48 hours, the most since records began in 1891.",
    "Farmers' groups accused the ministry of “dragging its feet” on compensation, and Ms. Aydin added that 3.5% of farmland was still under water.",
    "Residents met at the school hall on Friday evening; many had not slept at home for a week.",
    "Sign up for our newsletter to get the region's news every morning.",
    "Photo: Carla Nunes / Valley Press",
    "Unemployment in the district rose to 6.2 percent in May, up from 4.9 percent a year earlier, the statistics bureau reported.",
    "« Nous reconstruirons », a déclaré la maire, Claire Dubois.",
    "Is the new dam worth the money? Critics doubt it.",
    "Share this article: Facebook | X | Email",
    "© 2026 Valley Gazette. All rights reserved.",
];

/// The sample of about `paragraphs` paragraphs: the lines above in turn, each
/// paragraph ending with a blank line, the figures varied a little so that no
/// paragraph repeats the one before exactly.
pub fn sample_article(paragraphs: usize) -> String {
    let mut text = String::with_capacity(paragraphs * 120);
    for i in 0..paragraphs {
        let line = LINES[i % LINES.len()];
        if i >= LINES.len() {
            // Later rounds: the same shapes with other figures.
            text.push_str(&line.replace("214", &(200 + i).to_string()));
        } else {
            text.push_str(line);
        }
        text.push_str("\n\n");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{annotate, Kind};

    #[test]
    fn the_sample_gives_every_detector_work() {
        let analysis = annotate(&sample_article(LINES.len() * 2));
        let shown = analysis.annotations(0.5);
        for kind in [Kind::Claim, Kind::Quote, Kind::Boilerplate] {
            assert!(
                shown.iter().any(|a| a.kind == kind),
                "the sample has no {kind:?}"
            );
        }
        assert!(analysis
            .quotes
            .iter()
            .any(|q| q.speaker.as_ref().is_some_and(|s| s.text.contains("Weber"))));
    }

    #[test]
    fn the_sample_grows_with_the_paragraphs_asked_for() {
        assert_eq!(sample_article(0), "");
        let short = sample_article(3);
        let long = sample_article(40);
        assert_eq!(short.matches("\n\n").count(), 3);
        assert_eq!(long.matches("\n\n").count(), 40);
        assert!(long.contains("216 homes"), "later rounds vary the figures");
    }
}
