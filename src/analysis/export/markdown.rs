//! A Markdown report: the article's claims with verdicts, notes and sources,
//! then quotes with speakers, for pasting into a newsroom's notes.

use super::exported;
use crate::analysis::annotation::Kind;
use crate::analysis::document::{Article, Verdict};
use std::fmt::Write as _;

/// Renders the report. User text is escaped so it cannot break the layout.
pub fn to_markdown(article: &Article) -> String {
    let kept = exported(article);
    let count = |kind: Kind| kept.iter().filter(|a| a.kind == kind).count();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&article.title));
    let _ = writeln!(
        out,
        "{} claims, {} quotes, {} boilerplate blocks. Exported {}.\n",
        count(Kind::Claim),
        count(Kind::Quote),
        count(Kind::Boilerplate),
        if article.modified.is_empty() {
            "undated"
        } else {
            &article.modified
        }
    );

    let _ = writeln!(out, "## Claims\n");
    for (n, claim) in kept.iter().filter(|a| a.kind == Kind::Claim).enumerate() {
        let j = &claim.judgement;
        let _ = writeln!(
            out,
            "{}. **{}** — {}",
            n + 1,
            j.verdict.label(),
            quote_block(&claim.exact)
        );
        if let Some(author) = &j.author {
            let _ = writeln!(out, "   - Claimed by: {}", escape(author));
        }
        if let Some(date) = &j.date {
            let _ = writeln!(out, "   - Claimed on: {}", escape(date));
        }
        if let Some(score) = claim.score {
            let _ = writeln!(
                out,
                "   - Check-worthiness: {score:.2} ({})",
                escape(&claim.reasons.join(", "))
            );
        }
        if !j.note.is_empty() {
            let _ = writeln!(out, "   - Note: {}", escape(&j.note));
        }
        for source in &j.sources {
            let _ = writeln!(
                out,
                "   - Source: <{}>",
                source.replace(['<', '>', ' '], "")
            );
        }
    }
    let judged = kept
        .iter()
        .filter(|a| a.kind == Kind::Claim && a.judgement.verdict != Verdict::Unchecked)
        .count();
    let _ = writeln!(out, "\n{judged} of {} claims judged.\n", count(Kind::Claim));

    let _ = writeln!(out, "## Quotes\n");
    for quote in kept.iter().filter(|a| a.kind == Kind::Quote) {
        let speaker = quote
            .speaker
            .as_ref()
            .map_or("unattributed".to_string(), |s| {
                escape(s.resolved.as_deref().unwrap_or(&s.text))
            });
        let _ = writeln!(out, "- {} — {speaker}", quote_block(&quote.exact));
    }
    out
}

/// One line of user text, escaped, in italics.
fn quote_block(text: &str) -> String {
    format!(
        "*{}*",
        escape(&text.split_whitespace().collect::<Vec<_>>().join(" "))
    )
}

/// Escapes Markdown's active characters so user text stays text.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_{}[]<>()#+-!|~".contains(c) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::export::fixtures::judged_article;

    #[test]
    fn the_report_lists_judged_claims_and_attributed_quotes() {
        let md = to_markdown(&judged_article());
        assert!(
            md.starts_with("# Officials said 1,500 people live there."),
            "{md}"
        );
        assert!(
            md.contains("1 claims, 1 quotes, 1 boilerplate blocks"),
            "{md}"
        );
        assert!(
            md.contains("1. **Mostly true** — *Officials said 1,500 people live there.*"),
            "{md}"
        );
        assert!(
            md.contains("   - Source: <https://example.org/census>"),
            "{md}"
        );
        assert!(md.contains("1 of 1 claims judged."), "{md}");
        assert!(md.contains("— the office"), "{md}");
        assert!(
            !md.contains("Donate now"),
            "boilerplate is counted, not listed: {md}"
        );
    }

    #[test]
    fn user_text_cannot_inject_markdown() {
        assert_eq!(
            escape("[x](javascript:alert(1)) <b>"),
            "\\[x\\]\\(javascript:alert\\(1\\)\\) \\<b\\>"
        );
    }
}
