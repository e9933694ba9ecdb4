//! Figures as written: digits, years, "May 3" and currency signs before a
//! number. These read the sentence's own characters (its digits, its
//! capital "May", the bytes of "€"), which the word lists cannot see.

pub(super) fn is_figure(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
}

pub(super) fn is_year(word: &str) -> bool {
    let digits = word.strip_suffix('s').unwrap_or(word);
    digits.len() == 4
        && digits.chars().all(|c| c.is_ascii_digit())
        && (digits.starts_with("18") || digits.starts_with("19") || digits.starts_with("20"))
}

/// "May 3": the month only before a day, capitalised.
pub(super) fn may_and_day(words: &[&str]) -> bool {
    let mut previous = "";
    for &word in words {
        if previous == "May" && is_figure(word) {
            return true;
        }
        previous = word;
    }
    false
}

/// "$250", "€ 3", "£1.5bn". Read as UTF-8 bytes: the signs' encodings
/// ("£" is C2 A3, "€" E2 82 AC...) cannot begin inside another character.
pub(super) fn has_currency_figure(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    bytes.iter().enumerate().any(|(i, &first)| {
        // Most bytes start no sign: one comparison each decides them.
        if !matches!(first, b'$' | 0xC2 | 0xE2) {
            return false;
        }
        let sign = match bytes[i..] {
            [b'$', ..] => 1,
            [0xC2, 0xA3 | 0xA5, ..] => 2,
            [0xE2, 0x82, 0xAC | 0xBD, ..] => 3,
            _ => return false,
        };
        let mut after = i + sign;
        if bytes.get(after) == Some(&b' ') {
            after += 1;
        }
        bytes.get(after).is_some_and(u8::is_ascii_digit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_signs_are_read_from_their_bytes() {
        for text in ["It cost $5.", "It cost € 3.", "£1.5bn", "¥100", "₽ 20"] {
            assert!(has_currency_figure(text), "{text}");
        }
        for text in ["It cost $ five.", "€", "$", "£  3", "¢5", "“5”"] {
            assert!(!has_currency_figure(text), "{text}");
        }
    }
}
