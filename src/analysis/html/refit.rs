//! Keeps a rich paste's markup hints true to the text after it is edited:
//! a hint whose words were touched is dropped, one before or after the edit
//! is kept (moved by the edit's change in length). Never misapplied.

use crate::analysis::MarkupHint;

/// `hints` (code points of `old`) carried over to `new`.
pub fn refit(hints: &[MarkupHint], old: &str, new: &str) -> Vec<MarkupHint> {
    if old == new {
        return hints.to_vec();
    }
    let old_chars: Vec<char> = old.chars().collect();
    let new_chars: Vec<char> = new.chars().collect();
    let prefix = old_chars
        .iter()
        .zip(&new_chars)
        .take_while(|(a, b)| a == b)
        .count();
    let most_suffix = old_chars.len().min(new_chars.len()) - prefix;
    let suffix = old_chars
        .iter()
        .rev()
        .zip(new_chars.iter().rev())
        .take(most_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    let changed_until = old_chars.len() - suffix;
    hints
        .iter()
        .filter_map(|h| {
            if h.end <= prefix {
                Some(h.clone())
            } else if h.start >= changed_until && h.end <= old_chars.len() {
                let moved = |at: usize| at - changed_until + (new_chars.len() - suffix);
                Some(MarkupHint {
                    start: moved(h.start),
                    end: moved(h.end),
                    ..h.clone()
                })
            } else {
                None
            }
        })
        .collect()
}

/// `hints` of an inserted text, moved to where it was inserted.
pub fn shifted(hints: &[MarkupHint], by: usize) -> impl Iterator<Item = MarkupHint> + '_ {
    hints.iter().map(move |h| MarkupHint {
        start: h.start + by,
        end: h.end + by,
        ..h.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(start: usize, end: usize) -> MarkupHint {
        MarkupHint {
            start,
            end,
            boilerplate: 1.0,
            reason: "r".into(),
        }
    }

    fn covered(text: &str, hints: &[MarkupHint]) -> Vec<String> {
        hints
            .iter()
            .map(|h| text.chars().skip(h.start).take(h.end - h.start).collect())
            .collect()
    }

    #[test]
    fn hints_away_from_an_edit_keep_their_words() {
        let old = "Menu\nBody text.\nShare";
        let hints = [hint(0, 4), hint(5, 15), hint(16, 21)];
        let new = "Menu\nBody text, édited more.\nShare";
        let kept = refit(&hints, old, new);
        assert_eq!(covered(new, &kept), ["Menu", "Share"]);
        assert_eq!(refit(&hints, old, old), hints);
    }

    #[test]
    fn hints_over_a_deletion_or_past_the_text_are_dropped() {
        let old = "Menu\nShare";
        let kept = refit(&[hint(0, 4), hint(5, 10), hint(8, 99)], old, "Me\nShare");
        assert_eq!(covered("Me\nShare", &kept), ["Share"]);
        assert!(refit(&[hint(0, 4)], old, "").is_empty());
        // Repeated characters around the edit cannot shift a hint wrongly.
        let kept = refit(&[hint(2, 4)], "aaaa", "aaaaa");
        assert_eq!(covered("aaaaa", &kept), ["aa"]);
    }

    #[test]
    fn inserted_hints_move_to_the_insertion() {
        let moved: Vec<_> = shifted(&[hint(0, 3)], 7).collect();
        assert_eq!((moved[0].start, moved[0].end), (7, 10));
    }
}
