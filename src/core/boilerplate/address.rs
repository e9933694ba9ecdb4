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

/// How many reader-address words `line` has outside quotation marks.
pub fn reader_address_words(line: &str) -> usize {
    unquoted(line)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter(|w| ADDRESS_WORDS.contains(&w.to_lowercase().as_str()))
        .count()
}

/// The text of `line` outside quotations: straight double quotes toggle;
/// curly and angle quotes open and close.
fn unquoted(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut depth = 0usize;
    let mut straight_open = false;
    for c in line.chars() {
        match c {
            '"' => straight_open = !straight_open,
            '“' | '«' | '„' => depth += 1,
            '”' | '»' => depth = depth.saturating_sub(1),
            _ if depth == 0 && !straight_open => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
