//! A fact-checker's saved article: the text, the annotations they kept,
//! made, rejected and judged. This is what is stored, exported and imported.
//!
//! Detected annotations come and go each time the text is analysed; a
//! decision the user made (accept, reject, relabel, judge) is kept here and
//! wins over a fresh detection of the same span.

use super::annotation::{Annotation, Kind, MarkupHint, Speaker};
use super::offsets::OffsetMap;
use serde::{Deserialize, Serialize};

/// A fact-checker's rating of a claim, on the scale fact-checkers publish.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    #[default]
    Unchecked,
    True,
    MostlyTrue,
    Mixed,
    MostlyFalse,
    False,
    Unverifiable,
}

impl Verdict {
    pub const ALL: [Verdict; 7] = [
        Verdict::Unchecked,
        Verdict::True,
        Verdict::MostlyTrue,
        Verdict::Mixed,
        Verdict::MostlyFalse,
        Verdict::False,
        Verdict::Unverifiable,
    ];

    /// The label people read, and ClaimReview's `alternateName`.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Unchecked => "Unchecked",
            Verdict::True => "True",
            Verdict::MostlyTrue => "Mostly true",
            Verdict::Mixed => "Mixed",
            Verdict::MostlyFalse => "Mostly false",
            Verdict::False => "False",
            Verdict::Unverifiable => "Unverifiable",
        }
    }

    /// Parses a label or the kebab-case name, case-insensitively.
    pub fn from_label(label: &str) -> Option<Verdict> {
        let wanted = label.trim().to_lowercase().replace(['-', '_'], " ");
        Verdict::ALL
            .into_iter()
            .find(|v| v.label().to_lowercase() == wanted)
    }

    /// ClaimReview's numeric rating: 5 is true, 1 is false; none for the
    /// verdicts that are not a point on that scale.
    pub fn rating(self) -> Option<u8> {
        match self {
            Verdict::True => Some(5),
            Verdict::MostlyTrue => Some(4),
            Verdict::Mixed => Some(3),
            Verdict::MostlyFalse => Some(2),
            Verdict::False => Some(1),
            Verdict::Unchecked | Verdict::Unverifiable => None,
        }
    }
}

/// Where an annotation came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    #[default]
    Detected,
    /// Selected and labelled by the user.
    Manual,
}

/// The user's decision on an annotation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Review {
    /// Detected and not yet looked at.
    #[default]
    Pending,
    Accepted,
    /// Kept so the same detection stays hidden when the text is analysed again.
    Rejected,
}

/// What the fact-checker wrote about a claim.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Judgement {
    #[serde(default)]
    pub verdict: Verdict,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Links to the evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Who made the claim (prefilled from the quote's speaker).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// When the claim was made, as the user typed it (ISO 8601 preferred).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl Judgement {
    pub fn is_empty(&self) -> bool {
        *self == Judgement::default()
    }
}

/// One annotation of a saved article. Offsets count code points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedAnnotation {
    pub id: String,
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// The annotated text itself, so the annotation can re-anchor after edits.
    pub exact: String,
    #[serde(default)]
    pub origin: Origin,
    #[serde(default)]
    pub review: Review,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    #[serde(default, skip_serializing_if = "Judgement::is_empty")]
    pub judgement: Judgement,
    /// The kind a detector gave these words before the user relabelled
    /// them (None: not relabelled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relabelled_from: Option<Kind>,
    /// Who said it, as the user corrected it (a quote's "Speaker" field);
    /// wins over the detected [`SavedAnnotation::speaker`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_correction: Option<String>,
}

impl SavedAnnotation {
    /// A detected annotation as it enters a saved article, not yet reviewed.
    pub fn from_detection(detected: &Annotation, text: &str) -> Self {
        Self::with_exact(detected, slice_chars(text, detected.start, detected.end))
    }

    /// [`SavedAnnotation::from_detection`] with its words already cut out.
    fn with_exact(detected: &Annotation, exact: String) -> Self {
        let author = detected
            .speaker
            .as_ref()
            .map(|s| s.resolved.clone().unwrap_or(s.text.clone()));
        SavedAnnotation {
            id: detection_id(detected.kind, detected.start, detected.end),
            kind: detected.kind,
            start: detected.start,
            end: detected.end,
            exact,
            origin: Origin::Detected,
            review: Review::Pending,
            score: Some(detected.score),
            reasons: detected.reasons.clone(),
            speaker: detected.speaker.clone(),
            judgement: Judgement {
                author: if detected.kind == Kind::Claim {
                    author
                } else {
                    None
                },
                ..Judgement::default()
            },
            relabelled_from: None,
            speaker_correction: None,
        }
    }

    /// Who said it: the user's correction, else the detected speaker (the
    /// name a pronoun was resolved to, else the mention as written).
    pub fn speaker_name(&self) -> Option<String> {
        self.speaker_correction.clone().or_else(|| {
            self.speaker
                .as_ref()
                .map(|s| s.resolved.clone().unwrap_or_else(|| s.text.clone()))
        })
    }

    /// True when `other` annotates the same words as the same kind.
    pub fn same_target(&self, kind: Kind, start: usize, end: usize) -> bool {
        self.kind == kind && self.start == start && self.end == end
    }
}

/// A stable id for a detection: the same span and kind always get the same
/// id, so a decision about it survives analysing the text again.
pub fn detection_id(kind: Kind, start: usize, end: usize) -> String {
    format!("{}-{start}-{end}", kind.as_str())
}

/// The code points `start..end` of `text` (clamped), as a new string.
pub fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// What a fact-checker records about the article and the review, for
/// ClaimReview and the reports. Every field is free text as typed; empty
/// means not given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Details {
    /// Where the article was published ("Article URL").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// The article's headline (prefilled from the text).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub headline: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub publisher: String,
    /// The article's author.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// When the article was published (ISO 8601 date preferred).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub published: String,
    /// Where the fact-check is published (ClaimReview's `url`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub review_url: String,
    /// The reviewer's organisation (ClaimReview's `author`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// The reviewer's own name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reviewer: String,
}

impl Details {
    pub fn is_empty(&self) -> bool {
        *self == Details::default()
    }

    /// These details with the reviewer's fields filled from `remembered`
    /// where they are empty (the reviewer is remembered across articles).
    pub fn with_reviewer(&self, remembered: &Details) -> Details {
        let or = |own: &str, kept: &str| {
            if own.trim().is_empty() {
                kept.to_string()
            } else {
                own.to_string()
            }
        };
        Details {
            organisation: or(&self.organisation, &remembered.organisation),
            reviewer: or(&self.reviewer, &remembered.reviewer),
            ..self.clone()
        }
    }
}

/// A saved article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub text: String,
    /// ISO 8601 timestamps supplied by the caller (the core has no clock).
    #[serde(default)]
    pub created: String,
    #[serde(default)]
    pub modified: String,
    /// The user's annotations and decisions, kept across analyses.
    #[serde(default)]
    pub annotations: Vec<SavedAnnotation>,
    /// What the pasted page's markup said about the text (rich paste), so
    /// that analysing the saved article again gives the same result. Absent
    /// from plain pastes and from entries saved before rich paste.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markup: Vec<MarkupHint>,
    /// The article's and the review's details (ClaimReview needs them).
    #[serde(default, skip_serializing_if = "Details::is_empty")]
    pub details: Details,
}

impl Article {
    /// A new article whose title is its first non-empty line, shortened.
    pub fn new(id: impl Into<String>, text: impl Into<String>, now: &str) -> Self {
        let text = text.into();
        Article {
            id: id.into(),
            title: title_from(&text),
            text,
            created: now.to_string(),
            modified: now.to_string(),
            annotations: Vec::new(),
            markup: Vec::new(),
            details: Details::default(),
        }
    }

    /// A new article holding `detections` as its annotations, unreviewed:
    /// what the page first shows, and what the CLI and the JS API export.
    pub fn with_detections(
        id: impl Into<String>,
        text: impl Into<String>,
        now: &str,
        detections: &[Annotation],
    ) -> Self {
        let mut article = Article::new(id, text, now);
        article.annotations = detections
            .iter()
            .map(|a| SavedAnnotation::from_detection(a, &article.text))
            .collect();
        article
    }

    /// What to show: the user's kept annotations, plus every fresh detection
    /// the user has not already decided on. Rejected ones are left out.
    pub fn merged_with(&self, detected: &[Annotation]) -> Vec<SavedAnnotation> {
        let decided = |a: &Annotation| {
            self.annotations
                .iter()
                .any(|s| s.same_target(a.kind, a.start, a.end))
        };
        // One offset map for every detection: slicing each from the start of
        // the text would be quadratic on a long one.
        let map = OffsetMap::new(&self.text);
        let exact = |a: &Annotation| {
            let bytes = map.byte_of_char(a.start)..map.byte_of_char(a.end.max(a.start));
            self.text.get(bytes).unwrap_or_default().to_string()
        };
        let mut shown: Vec<SavedAnnotation> = self
            .annotations
            .iter()
            .filter(|s| s.review != Review::Rejected)
            .cloned()
            .chain(
                detected
                    .iter()
                    .filter(|a| !decided(a))
                    .map(|a| SavedAnnotation::with_exact(a, exact(a))),
            )
            .collect();
        shown.sort_by_key(|a| (a.start, a.kind, a.end));
        shown
    }

    /// Records a decision: replaces the saved annotation with the same id,
    /// or adds it.
    pub fn upsert(&mut self, annotation: SavedAnnotation) {
        match self.annotations.iter_mut().find(|a| a.id == annotation.id) {
            Some(existing) => *existing = annotation,
            None => self.annotations.push(annotation),
        }
    }
}

/// The title a reader would give the text: its first non-empty line that
/// no boilerplate block (`boilerplate`, code points, in text order) starts
/// before, so a menu or a byline pasted above the headline does not name
/// the article; the first non-empty line when every line is boilerplate.
pub fn title_outside(text: &str, boilerplate: &[Annotation]) -> String {
    let mut blocks = boilerplate.iter().peekable();
    let mut line_start = 0; // in code points
    for line in text.split('\n') {
        let length = line.chars().count();
        while blocks.next_if(|b| b.end <= line_start).is_some() {}
        let inside = blocks
            .peek()
            .is_some_and(|b| b.start <= line_start && line_start + length <= b.end);
        if !inside && !line.trim().is_empty() {
            return title_from(line);
        }
        line_start += length + 1;
    }
    title_from(text)
}

/// The article's headline, to name it by: among the lines before the body's
/// first sentence (a line outside boilerplate of eight words or more ending
/// like a sentence), a line shaped like a headline (3 to 25 words, not
/// ending with a full stop, no byline, link or breadcrumb), preferring one
/// outside boilerplate, else the one in boilerplate nearest the body (a
/// page's headline is often caught in the menu block above it). Without
/// such a line, [`title_outside`]. `boilerplate`: code points, in text order.
pub fn headline(text: &str, boilerplate: &[Annotation]) -> String {
    let mut lines = Vec::new(); // (line, inside boilerplate)
    let mut blocks = boilerplate.iter().peekable();
    let mut line_start = 0;
    for line in text.split('\n').take(400) {
        let length = line.chars().count();
        while blocks.next_if(|b| b.end <= line_start).is_some() {}
        let inside = blocks
            .peek()
            .is_some_and(|b| b.start <= line_start && line_start + length <= b.end);
        line_start += length + 1;
        if line.trim().is_empty() {
            continue;
        }
        if !inside && is_body_sentence(line) {
            break;
        }
        lines.push((line.trim(), inside));
    }
    let shaped = |line: &str, inside: bool| {
        let words = line.split_whitespace().count();
        is_headline_shaped(line) && words >= if inside { 4 } else { 3 }
    };
    let outside = lines
        .iter()
        .find(|&&(line, inside)| !inside && shaped(line, inside));
    let nearest_inside = lines
        .iter()
        .rev()
        .take(12)
        .find(|&&(line, inside)| inside && shaped(line, inside));
    match outside.or(nearest_inside) {
        Some((line, _)) => title_from(line),
        None => title_outside(text, boilerplate),
    }
}

/// A line of the article's body: eight words or more, ending as a sentence.
fn is_body_sentence(line: &str) -> bool {
    let trimmed = line
        .trim()
        .trim_end_matches(['"', '”', '’', '\'', ')', '»']);
    line.split_whitespace().count() >= 8 && trimmed.ends_with(['.', '!', '?'])
}

/// A headline's shape: 3-25 words, not ending with a full stop or colon,
/// opening with a capital, a digit or a quotation mark, and not a byline,
/// a link, a breadcrumb or a copyright line.
fn is_headline_shaped(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    let lower = line.to_lowercase();
    (3..=25).contains(&words)
        && line.chars().count() <= 200
        && !line.ends_with(['.', ':', ',', ';'])
        && line
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'«".contains(c))
        && !lower.starts_with("by ")
        && !["http", "www.", "@", "©", " | ", " › ", " > ", " / "]
            .iter()
            .any(|s| lower.contains(s))
}

/// The first non-empty line, cut to 80 characters at a word boundary.
pub fn title_from(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("Untitled");
    if line.chars().count() <= 80 {
        return line.to_string();
    }
    let cut: String = line.chars().take(80).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detected(kind: Kind, start: usize, end: usize) -> Annotation {
        Annotation {
            kind,
            start,
            end,
            score: 0.9,
            reasons: vec!["number".into()],
            speaker: None,
            part_of: None,
        }
    }

    #[test]
    fn markup_hints_are_saved_only_when_there_are_some() {
        let mut article = Article::new("a1", "Menu\nBody.", "2030-01-01T00:00:00Z");
        let plain = serde_json::to_string(&article).unwrap();
        assert!(!plain.contains("markup"), "{plain}");
        // An entry saved before rich paste existed loads with no hints.
        let old: Article = serde_json::from_str(&plain).unwrap();
        assert!(old.markup.is_empty());
        article.markup = vec![MarkupHint {
            start: 0,
            end: 4,
            boilerplate: 1.0,
            reason: "navigation (<nav>)".into(),
        }];
        let saved = serde_json::to_string(&article).unwrap();
        let loaded: Article = serde_json::from_str(&saved).unwrap();
        assert_eq!(loaded, article);
    }

    #[test]
    fn verdict_labels_round_trip_and_rate_on_five_points() {
        for v in Verdict::ALL {
            assert_eq!(Verdict::from_label(v.label()), Some(v));
        }
        assert_eq!(
            Verdict::from_label("mostly-false"),
            Some(Verdict::MostlyFalse)
        );
        assert_eq!(Verdict::True.rating(), Some(5));
        assert_eq!(Verdict::False.rating(), Some(1));
        assert_eq!(Verdict::Unverifiable.rating(), None);
    }

    #[test]
    fn a_rejected_detection_stays_hidden_after_analysing_again() {
        let mut article =
            Article::new("a", "Prices rose 5%. Nothing else.", "2026-01-01T00:00:00Z");
        let first = detected(Kind::Claim, 0, 15);
        let mut rejected = SavedAnnotation::from_detection(&first, &article.text);
        rejected.review = Review::Rejected;
        article.upsert(rejected);
        let shown = article.merged_with(&[first.clone(), detected(Kind::Claim, 16, 29)]);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].exact, "Nothing else.");
    }

    #[test]
    fn a_judged_claim_replaces_its_detection_and_keeps_the_verdict() {
        let mut article = Article::new("a", "Prices rose 5%.", "t");
        let d = detected(Kind::Claim, 0, 15);
        let mut judged = SavedAnnotation::from_detection(&d, &article.text);
        judged.judgement.verdict = Verdict::MostlyFalse;
        article.upsert(judged);
        let shown = article.merged_with(&[d]);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].judgement.verdict, Verdict::MostlyFalse);
    }

    #[test]
    fn titles_skip_boilerplate_lines_above_the_headline() {
        let text = "Home\nWeather\n\nDredging starts on the north channel\nThe board voted.";
        let menu = |start, end| Annotation {
            kind: Kind::Boilerplate,
            start,
            end,
            score: 0.9,
            reasons: Vec::new(),
            speaker: None,
            part_of: None,
        };
        assert_eq!(
            title_outside(text, &[menu(0, 12)]),
            "Dredging starts on the north channel"
        );
        // A block covering only part of a line does not hide the line.
        assert_eq!(title_outside(text, &[menu(0, 2)]), "Home");
        assert_eq!(title_outside(text, &[]), "Home");
        // All boilerplate: the first line after all.
        assert_eq!(title_outside("Share\nLike", &[menu(0, 10)]), "Share");
    }

    /// Issue #18: saved entries were named after the first claim ("The gray
    /// haze led…") when the headline sat in the menu block above the lede.
    #[test]
    fn articles_are_named_after_their_headline() {
        let block = |start, end| Annotation {
            kind: Kind::Boilerplate,
            start,
            end,
            score: 0.9,
            reasons: Vec::new(),
            speaker: None,
            part_of: None,
        };
        let text = "Home\nNews\nSport\nIndia's capital chokes on toxic smog for a fifth day\n\nThe gray haze led schools to close across the city on Monday, officials said.\nMore text.";
        let menu_end = text.find("\n\nThe gray").unwrap();
        let inside = [block(0, text[..menu_end].chars().count())];
        assert_eq!(
            headline(text, &inside),
            "India's capital chokes on toxic smog for a fifth day"
        );
        assert_eq!(
            headline(text, &[block(0, 15)]),
            "India's capital chokes on toxic smog for a fifth day",
            "outside the menu block too"
        );
        // A byline and a date between the headline and the lede are skipped.
        let text = "Ferry fares to be cut by a third\nBy Ana Berg\n3 May 2026\nThe council voted on Tuesday to cut the fare from next year, officials said.";
        assert_eq!(headline(text, &[]), "Ferry fares to be cut by a third");
        // No headline-shaped line: the first line outside boilerplate, as before.
        let text = "The gray haze led schools to close across the city on Monday, officials said.";
        assert!(headline(text, &[]).starts_with("The gray haze"));
    }

    #[test]
    fn titles_come_from_the_first_line_and_are_shortened() {
        assert_eq!(title_from("\n  Kursk talks \nbody"), "Kursk talks");
        assert_eq!(title_from("   "), "Untitled");
        let long = "word ".repeat(40);
        let title = title_from(&long);
        assert!(
            title.ends_with('…') && title.chars().count() <= 81,
            "{title}"
        );
    }

    #[test]
    fn slicing_counts_code_points() {
        assert_eq!(slice_chars("é😀ж!", 1, 3), "😀ж");
        assert_eq!(slice_chars("ab", 1, 99), "b");
    }
}
