//! Numbered sections: a listicle counts its sections ("1", "2.", "3)" …),
//! each followed by its own paragraphs. Between the numbers there may be
//! more headings and photo credits than prose, which would otherwise read
//! as page furniture; the count says the article goes on.

/// Sections a count needs before it is taken for the article's structure.
const MIN_SECTIONS: usize = 3;
/// Largest number taken for a section marker rather than a year or a price.
const MAX_NUMBER: u32 = 200;

/// The number a section marker line carries: the line is only a number
/// ("7", "7.", "7)") or a number with a heading ("7. Check the locks").
pub fn marker_number(line: &str) -> Option<u32> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &line[digits..];
    let mut chars = rest.chars();
    let well_formed = match chars.next() {
        None => true,
        Some('.' | ')') => chars.next().is_none_or(char::is_whitespace),
        Some(_) => false,
    };
    let n: u32 = line[..digits].parse().ok()?;
    (well_formed && (1..=MAX_NUMBER).contains(&n)).then_some(n)
}

/// One count being followed.
struct Count {
    last: u32,
    /// +1 counting up, -1 counting down, 0 not known yet (one marker).
    step: i64,
    markers: Vec<usize>,
    /// A paragraph of prose since the last marker.
    prose_since: bool,
}

/// Which lines are markers of numbered sections: markers counting up or
/// down by one, at least [`MIN_SECTIONS`] of them, with a paragraph of
/// prose in every section (a "Most read" list of numbered headlines has
/// none). `numbers[i]` is line i's marker number and `prose[i]` whether
/// it is a paragraph of prose. One pass.
pub fn markers(numbers: &[Option<u32>], prose: &[bool]) -> Vec<bool> {
    let mut out = vec![false; numbers.len()];
    let mut count: Option<Count> = None;
    let finish = |count: Option<Count>, out: &mut Vec<bool>| {
        if let Some(c) = count.filter(|c| c.markers.len() >= MIN_SECTIONS) {
            for i in c.markers {
                out[i] = true;
            }
        }
    };
    for (i, (&number, &is_prose)) in numbers.iter().zip(prose).enumerate() {
        let Some(n) = number else {
            if let Some(c) = count.as_mut() {
                c.prose_since |= is_prose;
            }
            continue;
        };
        let continues = count.as_ref().is_some_and(|c| {
            let step = i64::from(n) - i64::from(c.last);
            c.prose_since && step.abs() == 1 && (c.step == 0 || c.step == step)
        });
        if continues {
            if let Some(c) = count.as_mut() {
                c.step = i64::from(n) - i64::from(c.last);
                c.last = n;
                c.markers.push(i);
                c.prose_since = false;
            }
        } else {
            finish(count.take(), &mut out);
            count = Some(Count {
                last: n,
                step: 0,
                markers: vec![i],
                prose_since: false,
            });
        }
    }
    finish(count, &mut out);
    out
}

/// Whether `line` is an item of a numbered list: a marker with its text
/// ("3) A lamp in the shape of a ferry"), not a number alone.
fn is_list_item(line: &str) -> Option<u32> {
    let n = marker_number(line)?;
    line.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')')
        .chars()
        .any(char::is_alphanumeric)
        .then_some(n)
}

/// Items of numbered lists ("1. …", "2. …", "3. …", counting up by one, at
/// least [`MIN_SECTIONS`] of them, whatever lies between): an author's
/// own list (steps, picks, a ranking). Page furniture numbers its lists
/// with bare numbers ("Most read 1 2 3") far more often than with a dot
/// or a bracket before each headline. One pass.
pub fn list_items<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<bool> {
    let mut out = Vec::new();
    let mut chain: Vec<usize> = Vec::new();
    let mut last = 0u32;
    let finish = |chain: &mut Vec<usize>, out: &mut Vec<bool>| {
        if chain.len() >= MIN_SECTIONS {
            for &i in chain.iter() {
                out[i] = true;
            }
        }
        chain.clear();
    };
    for (i, line) in lines.enumerate() {
        out.push(false);
        let Some(n) = is_list_item(line) else {
            continue;
        };
        if chain.is_empty() || n != last + 1 {
            finish(&mut chain, &mut out);
        }
        chain.push(i);
        last = n;
    }
    finish(&mut chain, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_markers_are_numbers_alone_or_before_a_heading() {
        assert_eq!(marker_number("7"), Some(7));
        assert_eq!(marker_number("12."), Some(12));
        assert_eq!(marker_number("3) Check the locks"), Some(3));
        assert_eq!(marker_number("4. Keep the receipt"), Some(4));
        assert_eq!(marker_number("2019"), None);
        assert_eq!(marker_number("0"), None);
        assert_eq!(marker_number("3.5 million riders"), None);
        assert_eq!(marker_number("12 comments"), None);
        assert_eq!(marker_number("Chapter 3"), None);
        assert_eq!(marker_number(""), None);
    }

    #[test]
    fn a_count_with_prose_in_every_section_marks_its_numbers() {
        let numbers = [
            None,
            Some(1),
            None,
            None,
            Some(2),
            None,
            Some(3),
            None,
            Some(9),
        ];
        let prose = [true, false, false, true, false, true, false, true, false];
        assert_eq!(
            markers(&numbers, &prose),
            [false, true, false, false, true, false, true, false, false]
        );
        // Counting down works too.
        let numbers = [Some(3), None, Some(2), None, Some(1), None];
        let prose = [false, true, false, true, false, true];
        assert_eq!(
            markers(&numbers, &prose),
            [true, false, true, false, true, false]
        );
    }

    #[test]
    fn numbered_items_counting_up_are_a_list() {
        let lines = [
            "Our picks for the weekend:",
            "1. A lamp in the shape of a ferry",
            "https://example.org/lamp",
            "2) Rain boots for the whole family",
            "3. A map of the old river crossings",
            "5. Something else",
            "7",
            "8",
            "9",
        ];
        assert_eq!(
            list_items(lines.into_iter()),
            [false, true, false, true, true, false, false, false, false]
        );
        // Two items are not yet a list.
        assert_eq!(
            list_items(["1. Bread", "2. Milk"].into_iter()),
            [false, false]
        );
    }

    #[test]
    fn numbered_headlines_without_prose_and_short_counts_are_not_sections() {
        let numbers = [Some(1), None, Some(2), None, Some(3), None];
        let headlines = [false; 6];
        assert_eq!(markers(&numbers, &headlines), [false; 6]);
        let numbers = [Some(1), None, Some(2), None];
        let prose = [false, true, false, true];
        assert_eq!(markers(&numbers, &prose), [false; 4]);
        assert!(markers(&[], &[]).is_empty());
    }
}
