//! Reader address: a line that speaks to the reader ("we need your help",
//! "nous comptons sur vous") outside any quotation. News prose reports in
//! the third person and quotes people who say "we"; appeals and prompts
//! talk to "you" in the publisher's own voice.

/// First-person plural and second-person words, lowercase, several languages.
const ADDRESS_WORDS: &[&str] = &[
    // en
    "we", "our", "us", "you", "your", "ours", "yours", // fr
    "nous", "notre", "nos", "vous", "votre", "vos",
    // de ("Sie" is left out: it is also "she" and "they")
    "wir", "unser", "unsere", "unseren", "unserer", "euch", "ihnen", // es
    "nosotros", "nuestro", "nuestra", "nuestros", "nuestras", "usted", "ustedes", "tu", "tú",
    // it
    "noi", "nostro", "nostra", "nostri", "nostre", "voi", "vostro", "vostra", // pt
    "nós", "nosso", "nossa", "nossos", "nossas", "você", "vocês", // nl
    "wij", "ons", "onze", "jij", "jullie", "uw", // pl
    "my", "nasz", "nasza", "nasze", "naszej", "wy", "wasz", "wasza", "państwo", // ru
    "мы", "наш", "наша", "наше", "наши", "нас", "вы", "ваш", "ваша", "ваши", "вас",
];

/// Bytes of the longest of [`ADDRESS_WORDS`].
const LONGEST_ADDRESS_BYTES: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < ADDRESS_WORDS.len() {
        if ADDRESS_WORDS[i].len() > longest {
            longest = ADDRESS_WORDS[i].len();
        }
        i += 1;
    }
    longest
};

/// How many reader-address words `line` has outside quotation marks:
/// straight double quotes toggle; curly and angle quotes open and close.
/// One pass, no allocation: this runs on every line of every paste.
pub fn reader_address_words(line: &str) -> usize {
    let mut count = 0;
    let mut depth = 0usize;
    let mut straight_open = false;
    let mut word_start: Option<usize> = None;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')))
    {
        if crate::analysis::scan::is_alphanumeric(c) {
            if word_start.is_none() && depth == 0 && !straight_open {
                word_start = Some(i);
            }
            continue;
        }
        if let Some(start) = word_start.take() {
            count += usize::from(is_address_word(&line[start..i]));
        }
        match c {
            '"' => straight_open = !straight_open,
            '“' | '«' | '„' => depth += 1,
            '”' | '»' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    count
}

/// Longest address word in bytes, lowercase ("państwo", "nosotros").
const LONGEST: usize = 16;

fn is_address_word(word: &str) -> bool {
    if word.len() > LONGEST {
        return false;
    }
    // Lowercase into a stack buffer: no allocation per word.
    let mut buf = [0u8; 2 * LONGEST];
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let width = c.len_utf8();
        if len + width > buf.len() {
            return false;
        }
        c.encode_utf8(&mut buf[len..]);
        len += width;
    }
    std::str::from_utf8(&buf[..len]).is_ok_and(is_lowercase_address_word)
}

/// Whether `word`, already lowercase, is a reader-address word.
pub fn is_lowercase_address_word(word: &str) -> bool {
    // Most words of prose are longer than any address word: a length
    // check spares them the hash.
    if word.len() > LONGEST_ADDRESS_BYTES {
        return false;
    }
    static SET: std::sync::OnceLock<FnvSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| ADDRESS_WORDS.iter().copied().collect())
        .contains(word)
}

/// [`reader_address_words`] for a line whose lowercase `words` are known:
/// without quotation marks in the line, no need to read it again.
pub fn reader_address_words_in(line: &str, words: &LineWords) -> usize {
    // One fast byte search per mark beats one decoding pass over the line.
    let quoted = ['"', '“', '«', '„', '”', '»']
        .iter()
        .any(|&q| line.contains(q));
    if quoted {
        reader_address_words(line)
    } else {
        words
            .iter()
            .filter(|w| is_lowercase_address_word(w))
            .count()
    }
}

use super::phrasebook::LineWords;
use crate::analysis::fnv::FnvSet;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_address_word_passes_the_length_check() {
        for word in ADDRESS_WORDS {
            assert!(is_lowercase_address_word(word), "{word}");
        }
        assert!(!is_lowercase_address_word("nosotrosx"));
    }

    #[test]
    fn counts_address_outside_quotes_only() {
        assert_eq!(reader_address_words("We need your help to keep going."), 2);
        assert_eq!(
            reader_address_words("\"We will win,\" the minister said."),
            0
        );
        assert_eq!(reader_address_words("« Nous irons », a-t-il dit."), 0);
        assert_eq!(
            reader_address_words("Nous avons besoin de votre soutien."),
            2
        );
        assert_eq!(
            reader_address_words("Мы рассчитываем на вашу помощь, вы можете помочь."),
            2
        );
        assert_eq!(reader_address_words("The mayor opened the bridge."), 0);
    }

    #[test]
    fn unbalanced_quotes_do_not_panic() {
        assert_eq!(reader_address_words("”” » we"), 1);
        assert_eq!(reader_address_words("“ we"), 0);
    }
}
