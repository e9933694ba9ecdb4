//! CSV: one row per annotation (RFC 4180 quoting), for spreadsheets.
//!
//! Cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
//! carriage return at the start) are prefixed with `'`: pasted articles are
//! untrusted, and a claim must never become a formula in a newsroom's sheet.

use super::exported;
use crate::analysis::document::Article;

const HEADER: [&str; 13] = [
    "id", "kind", "start", "end", "text", "origin", "review", "score", "reasons", "speaker",
    "verdict", "note", "sources",
];

pub fn to_csv(article: &Article) -> String {
    let mut out = row(HEADER.iter().map(|h| h.to_string()));
    for a in exported(article) {
        let speaker = a
            .speaker_correction
            .clone()
            .or(a.judgement.author.clone())
            .or(a.speaker_name())
            .unwrap_or_default();
        out.push_str(&row([
            a.id.clone(),
            a.kind.as_str().to_string(),
            a.start.to_string(),
            a.end.to_string(),
            a.exact.clone(),
            format!("{:?}", a.origin).to_lowercase(),
            format!("{:?}", a.review).to_lowercase(),
            a.score.map(|s| format!("{s:.3}")).unwrap_or_default(),
            a.reasons.join("; "),
            speaker,
            a.judgement.verdict.label().to_string(),
            a.judgement.note.clone(),
            a.judgement.sources.join(" "),
        ]));
    }
    out
}

fn row(cells: impl IntoIterator<Item = String>) -> String {
    let mut line = cells
        .into_iter()
        .map(|c| cell(&c))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

fn cell(value: &str) -> String {
    let defused = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::export::fixtures::judged_article;

    #[test]
    fn one_row_per_exported_annotation_with_quoting() {
        let csv = to_csv(&judged_article());
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 4, "header + 3 kept annotations:\n{csv}");
        assert!(lines[0].starts_with("id,kind,start,end,text"));
        assert!(
            lines[1].starts_with("claim-0-39,claim,0,39,\"Officials said 1,500"),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains("\"Local census says 1,480; \"\"about\"\" would be fair.\""));
        assert!(
            lines[2].contains("\"\"\"We are ready,\"\"\""),
            "{}",
            lines[2]
        );
        assert!(lines[2].contains(",the office,"), "{}", lines[2]);
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("-5% growth"), "'-5% growth");
        assert_eq!(cell("plain"), "plain");
    }
}
