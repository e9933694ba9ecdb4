//! Lists of listicle teasers: "15 Amazing Images of Stars", "11 Weird
//! Things People Have Swallowed", "10 Strangest Medical Cases". A site
//! promotes its numbered lists under an article as a run of headlines,
//! each led by its own count and written in title case. The article's own
//! numbered sections count up or down by one with paragraphs between
//! them; a table's rows are not in title case ("12 votes") or are dated
//! ("3 March at the Town Hall").

/// Headlines a run needs before it is taken for a teaser list.
pub const MIN_TEASERS: usize = 3;
/// Words a teaser headline has, its count included.
const TEASER_WORDS: std::ops::RangeInclusive<usize> = 4..=14;
/// Share of capitalised words (of four letters or more) in a headline.
const TITLE_CASE: f32 = 0.7;

/// The count leading a listicle headline ("15 Amazing ..."), if `line` is one.
pub fn listicle_count(line: &str) -> Option<u32> {
    let (count, rest) = line.split_once(' ')?;
    if count.is_empty() || count.len() > 3 || !count.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    if !TEASER_WORDS.contains(&(words.len() + 1))
        || !words[0].starts_with(|c: char| c.is_uppercase())
        || super::shape::is_month(&words[0].to_lowercase())
        || line.ends_with(['.', '!', '?', ':', ','])
    {
        return None;
    }
    let long: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capital = long
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    let title = long.len() >= 2 && capital as f32 >= TITLE_CASE * long.len() as f32;
    if title {
        count.parse().ok()
    } else {
        None
    }
}

/// Which lines belong to a run of at least [`MIN_TEASERS`] listicle
/// headlines in a row whose counts do not step by one (a numbered list of
/// the article's own does). One pass.
pub fn teaser_lists(counts: &[Option<u32>]) -> Vec<bool> {
    let mut out = vec![false; counts.len()];
    let mut start = 0;
    while start < counts.len() {
        let mut end = start;
        while end < counts.len() && counts[end].is_some() {
            end += 1;
        }
        if end - start >= MIN_TEASERS {
            let run: Vec<u32> = counts[start..end].iter().flatten().copied().collect();
            let stepped = run.windows(2).all(|w| w[0].abs_diff(w[1]) == 1);
            if !stepped {
                out[start..end].fill(true);
            }
        }
        start = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listicle_headlines_are_recognised_by_count_and_title_case() {
        assert_eq!(
            listicle_count("15 Bridges That Changed Their Cities"),
            Some(15)
        );
        assert_eq!(listicle_count("The 15 Bridges That Changed Cities"), None);
        assert_eq!(listicle_count("12 votes"), None);
        assert_eq!(listicle_count("3 March at the East Bank Library"), None);
        assert_eq!(
            listicle_count("40 people crossed the river by ferry on Monday."),
            None
        );
    }

    #[test]
    fn a_run_of_unrelated_counts_is_a_teaser_list() {
        let counts = [
            None,
            Some(15),
            Some(11),
            Some(27),
            None,
            Some(1),
            Some(2),
            Some(3),
            None,
            Some(9),
            Some(4),
        ];
        let got = teaser_lists(&counts);
        assert_eq!(
            got,
            [false, true, true, true, false, false, false, false, false, false, false]
        );
    }
}
