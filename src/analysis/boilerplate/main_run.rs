//! The article's main run: an article is one contiguous stretch of prose,
//! while the page around it (menus, teaser lists, footers) is made of short
//! lines with only the odd sentence among them. As in body text extraction
//! (Finn et al.), the main run is the stretch of lines with the largest sum
//! of per-line scores, prose counting for it and furniture against it.
//! Linear: Kadane's maximum-sum segment.

/// What one line contributes to the main run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RunLine {
    /// A paragraph of prose.
    Prose,
    /// Prose-like but short (a sentence fragment, an intro ending in a colon).
    HalfProse,
    /// Neither for nor against (a program listing).
    Neutral,
    /// A short line, a label, a headline.
    Short,
    /// A line with strong furniture cues.
    Furniture,
}

impl RunLine {
    fn weight(self) -> f32 {
        match self {
            RunLine::Prose => 1.0,
            RunLine::HalfProse => 0.3,
            RunLine::Neutral => 0.0,
            RunLine::Short => -0.3,
            RunLine::Furniture => -1.0,
        }
    }
}

/// The index range of the main run, or `None` when no line reads as prose.
/// Of runs with equal sums the later one ends further on and wins: a last
/// paragraph after an inline link still belongs to the article.
pub fn main_run(lines: &[RunLine]) -> Option<std::ops::Range<usize>> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut sum = 0.0f32;
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += line.weight();
        if sum > 0.0 && best.is_none_or(|(b, _, _)| sum >= b) {
            best = Some((sum, start, i + 1));
        }
    }
    best.map(|(_, from, to)| from..to)
}

#[cfg(test)]
mod tests {
    use super::RunLine::{Furniture, HalfProse, Neutral, Prose, Short};
    use super::*;

    #[test]
    fn the_main_run_spans_the_paragraphs_and_what_lies_between_them() {
        let page = [
            Furniture, Short, Short, Prose, Prose, Short, Neutral, Prose, HalfProse, Prose, Short,
            Furniture, Short, Prose, Short, Short, Short, Prose, Furniture,
        ];
        assert_eq!(main_run(&page), Some(3..10));
        // One furniture line inside the article does not end it.
        assert_eq!(main_run(&[Prose, Prose, Furniture, Prose]), Some(0..4));
    }

    #[test]
    fn a_page_without_prose_has_no_main_run() {
        assert_eq!(main_run(&[Short, Furniture, Neutral]), None);
        assert_eq!(main_run(&[]), None);
    }
}
