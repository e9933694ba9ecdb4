//! Transcript lines: speech after a speaker tag ("MODERATOR: Thank you.")
//! and stage directions ("(APPLAUSE)", "SENATOR: [inaudible]").
//!
//! Debate and speech transcripts repeat the same short capitalised lines
//! ("(APPLAUSE)" after every other paragraph) and put an all-caps label at
//! the start of every line: read as page furniture, those shapes would open
//! boilerplate blocks that swallow the speech between them. Recognising the
//! transcript's own conventions keeps its speech body.

use super::phrasebook::{Lexicon, LineWords};

/// The most words a speaker tag has ("SEN. JANE ROE").
const TAG_WORDS: usize = 4;
/// The most words a stage direction has ("LAUGHTER AND CHEERS").
const DIRECTION_WORDS: usize = 4;

/// How a line reads in a transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TranscriptLine {
    /// Not recognisably a transcript line.
    #[default]
    None,
    /// A stage direction, with or without a speaker tag.
    Direction,
    /// Speech after a speaker tag, with this many words after the tag and
    /// whether it ends like a sentence.
    Speech { words: usize, sentence: bool },
}

/// Classifies `line` (trimmed) by transcript conventions.
pub fn classify(line: &str) -> TranscriptLine {
    let rest = match speaker_tag(line) {
        Some(tag_len) => line.get(tag_len..).unwrap_or("").trim(),
        None => line,
    };
    if is_stage_direction(rest) {
        return TranscriptLine::Direction;
    }
    if rest.len() == line.len() {
        return TranscriptLine::None;
    }
    TranscriptLine::Speech {
        words: crate::analysis::scan::words(rest).count(),
        sentence: super::shape::ends_like_a_sentence(rest),
    }
}

/// Byte length of a leading speaker tag, colon included: an all-caps name
/// of a few words ("TRUMP:", "MR. SMITH:", "Q:") that is not a label from
/// the lexicon ("PHOTO:", "READ MORE:"), followed by text.
fn speaker_tag(line: &str) -> Option<usize> {
    let (tag, rest) = line.split_once(':')?;
    if rest.trim().is_empty() || tag.is_empty() || tag.len() > 40 {
        return None;
    }
    let tag_words = tag.split_whitespace().count();
    let name_like = tag
        .chars()
        .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\'' | '’'));
    if tag_words == 0 || tag_words > TAG_WORDS || !name_like {
        return None;
    }
    if !Lexicon::get().hits(&LineWords::of(tag)).is_empty() {
        return None;
    }
    Some(tag.len() + 1)
}

/// "(APPLAUSE)", "[LAUGHTER]", "(CROSSTALK)": a few words in
/// brackets making up the whole line, letters only (a credit such as
/// "(Photo: Sam Lee)" has a colon; a year or a figure has digits).
fn is_stage_direction(rest: &str) -> bool {
    let inner = rest
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .or_else(|| rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')));
    let Some(inner) = inner else {
        return false;
    };
    let n = inner.split_whitespace().count();
    (1..=DIRECTION_WORDS).contains(&n)
        && inner
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’'))
        && Lexicon::get().hits(&LineWords::of(inner)).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_directions_with_and_without_a_speaker() {
        for line in [
            "(APPLAUSE)",
            "[laughter]",
            "(LAUGHTER AND CHEERS)",
            "PANEL: (CROSSTALK)",
        ] {
            assert_eq!(classify(line), TranscriptLine::Direction, "{line}");
        }
        for line in ["(Photo: Sam Lee)", "(2031)", "(a b c d e f)", "()"] {
            assert_eq!(classify(line), TranscriptLine::None, "{line}");
        }
    }

    #[test]
    fn speech_after_an_all_caps_tag() {
        assert_eq!(
            classify("MAYOR ROE: We built the new ferry in two years."),
            TranscriptLine::Speech {
                words: 8,
                sentence: true
            }
        );
        assert_eq!(
            classify("Q: Why now"),
            TranscriptLine::Speech {
                words: 2,
                sentence: false
            }
        );
    }

    #[test]
    fn labels_are_not_speaker_tags() {
        for line in [
            "Read more: Ferry plan wins support",
            "Updated: 9:41 am",
            "Photo: Sam Lee",
            "SUBSCRIBE: get our letter",
            "12: the number of piers",
            "Ends with a colon:",
        ] {
            assert_eq!(classify(line), TranscriptLine::None, "{line}");
        }
    }
}
