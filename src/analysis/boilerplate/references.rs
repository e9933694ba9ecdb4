//! Reference sections: the notes, citations and bibliography closing an
//! article, an encyclopaedia entry or a standard ("References",
//! "Footnotes", "17.1. Normative References", "Einzelnachweise",
//! "Примечания"). They come after the last paragraph and are made of short
//! bracketed labels and citation fragments, so they look like the page's
//! footer; but they are the article's sources, which a fact-checker reads
//! first. A section runs from its heading to the next heading of another
//! kind ("External links", "Authors' addresses") or to page furniture.

/// Headings of a reference section, lowercase, in several languages.
const HEADINGS: &[&str] = &[
    "references",
    "reference",
    "notes",
    "footnotes",
    "endnotes",
    "citations",
    "sources",
    "bibliography",
    "works cited",
    "notes and references",
    "references and notes",
    "normative references",
    "informative references",
    "références",
    "notes et références",
    "bibliographie",
    "einzelnachweise",
    "anmerkungen",
    "quellen",
    "literatur",
    "referencias",
    "notas",
    "bibliografía",
    "fuentes",
    "note",
    "bibliografia",
    "fonti",
    "referências",
    "bronnen",
    "noten",
    "literatuur",
    "przypisy",
    "źródła",
    "примечания",
    "литература",
    "источники",
];

/// Most words a heading of another section has ("External links").
const HEADING_WORDS: usize = 4;

/// "References", "7 References", "17.1. Normative References",
/// "Notes[edit]", "Footnotes:": a section number, the heading, and an
/// encyclopaedia's edit link or a colon.
pub fn is_reference_heading(line: &str) -> bool {
    if line.len() > 60 {
        return false;
    }
    let text = line
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
        .trim();
    let text = match text.find('[') {
        Some(at) if text.ends_with(']') => &text[..at],
        _ => text,
    };
    let text = text.trim().trim_end_matches(':').trim();
    // Lowercasing allocates: only lines as long as some heading get it.
    HEADINGS.iter().any(|h| {
        h.len() == text.len() && (text.eq_ignore_ascii_case(h) || text.to_lowercase() == *h)
    })
}

/// A short line opening with a letter and without closing punctuation:
/// the heading of the next section, or a widget's label ("hide", "v").
/// Citations run on over lines that end with a comma or a full stop, or
/// open with a bracket, a caret or a slash.
fn is_other_heading(line: &str) -> bool {
    line.split_whitespace().count() <= HEADING_WORDS
        && line.chars().next().is_some_and(char::is_alphabetic)
        && !line.ends_with(['.', ',', ';', ':', ')', '"', '”', ']'])
        && !is_reference_heading(line)
}

/// Which lines belong to a reference section, its heading included.
/// `stops[i]` says line i is page furniture by its own words, which ends
/// a section too. One pass.
pub fn reference_sections<'a>(lines: impl Iterator<Item = &'a str>, stops: &[bool]) -> Vec<bool> {
    let mut out = Vec::with_capacity(stops.len());
    let mut inside = false;
    for (line, &stop) in lines.zip(stops) {
        if is_reference_heading(line) {
            inside = true;
        } else if inside && (stop || is_other_heading(line)) {
            inside = false;
        }
        out.push(inside);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_headings_are_recognised_with_numbers_and_edit_links() {
        for line in [
            "References",
            "7 References",
            "17.1. Normative References",
            "Notes[edit]",
            "Footnotes:",
            "Einzelnachweise",
            "Примечания",
        ] {
            assert!(is_reference_heading(line), "{line}");
        }
        for line in [
            "Related articles",
            "The references he gave were checked by the council.",
            "External links",
        ] {
            assert!(!is_reference_heading(line), "{line}");
        }
    }

    #[test]
    fn a_section_runs_to_the_next_heading_or_furniture() {
        let lines = [
            "The ferry resumed service on Monday.",
            "References",
            "[TIDES]",
            "Lee, S., \"Tide tables for the lower river\",",
            "Harbour Office, March 2031.",
            "^ \"Ferry timetable\". Riverside Courier. Retrieved 3 May 2031.",
            "External links",
            "Riverside Courier",
            "Notes",
            "^ The old pier was rebuilt twice.",
            "Subscribe to our newsletter",
        ];
        let mut stops = vec![false; lines.len()];
        stops[10] = true;
        let got = reference_sections(lines.iter().copied(), &stops);
        assert_eq!(
            got,
            [false, true, true, true, true, true, false, false, true, true, false]
        );
    }
}
