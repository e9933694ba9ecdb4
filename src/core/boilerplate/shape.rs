//! What one line looks like, apart from its words: how much it reads like
//! article prose (long, ending with sentence punctuation, in sentence case),
//! and shapes that mark page furniture (image and link markdown, bare URLs,
//! timestamps, bylines, credits, all-caps labels, menus, separators).

use crate::core::scan;
use regex::Regex;
use std::sync::OnceLock;

/// How much a line reads like article prose: positive for prose, negative
/// for labels, menu items and headlines. Roughly in [-3, 3].
pub fn prose_score(line: &str, words: &[String]) -> f32 {
    let n = word_count(line, words);
    let mut score = match n {
        0..=2 => -1.5,
        3..=5 => -0.6,
        6..=9 => 0.4,
        10..=14 => 1.2,
        15..=24 => 1.8,
        _ => 2.2,
    };
    if ends_like_a_sentence(line) {
        score += 1.0;
    } else if line.ends_with(':') || line.ends_with(',') || line.ends_with(';') {
        // Introduces a list or a quote; neutral.
    } else {
        score -= 0.9;
    }
    if n >= 3 && title_case_share(line) > 0.7 {
        score -= 1.0;
    }
    score
}

/// Words in `line`, counting two CJK characters as one word, since those
/// scripts do not separate words by spaces.
pub fn word_count(line: &str, words: &[String]) -> usize {
    let cjk = line.chars().filter(|&c| is_cjk(c)).count();
    words.len().max(cjk / 2)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

/// Ends with . ! ? … (or their CJK forms), possibly inside closing quotes
/// or brackets.
pub fn ends_like_a_sentence(line: &str) -> bool {
    let last = line
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*', '_'])
        .chars()
        .next_back();
    matches!(last, Some('.' | '!' | '?' | '…' | '。' | '！' | '？'))
}

/// Share of the words after the first that start with a capital letter.
fn title_case_share(line: &str) -> f32 {
    let mut total = 0usize;
    let mut capital = 0usize;
    for word in scan::words(line).skip(1) {
        let Some(first) = word.chars().find(|&c| scan::is_alphanumeric(c)) else {
            continue;
        };
        if word.chars().filter(|&c| scan::is_alphabetic(c)).count() < 4 {
            continue; // short function words are lowercase in title case too
        }
        total += 1;
        capital += usize::from(first.is_uppercase());
    }
    if total < 2 {
        0.0
    } else {
        capital as f32 / total as f32
    }
}

/// Shortest typed rule.
const RULE_CHARS: usize = 3;

/// A horizontal rule typed as underscores or hyphens ("___", "-----"):
/// the author's break between parts of the text, which pastes with it.
/// The page's own rules are borders and do not paste; runs of bullets,
/// box drawing and stray brackets remain separators.
fn is_typed_rule(line: &str) -> bool {
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next() else {
        return false;
    };
    (first == '_' || first == '-')
        && line.chars().filter(|&c| c == first).count() >= RULE_CHARS
        && marks.all(|c| c == first)
}

/// Shape cues of one line: (reason, evidence), evidence roughly 1 to 5.
pub fn cues(line: &str, words: &[String]) -> Vec<(&'static str, f32)> {
    let mut out = Vec::new();
    let n = word_count(line, words);
    if !line.chars().any(scan::is_alphanumeric) {
        if !is_typed_rule(line) {
            out.push(("separator", 2.0));
        }
        return out;
    }
    let re = patterns();
    // Cheap substring checks guard the regexes: most lines are prose and
    // the regex engine is built without its literal optimisations.
    if n <= 16
        && (line.contains('©') || words.iter().any(|w| w == "copyright") || line.contains("(c)"))
        && re.copyright_mark.is_match(line)
    {
        out.push(("copyright", 4.0));
    }
    let markdown = line.contains("](");
    if markdown && re.image_markdown.is_match(line) {
        out.push(("image markdown", 5.0));
    } else if markdown && markdown_link_share(line, re) > 0.5 {
        out.push(("link markdown", 3.0));
    }
    if (line.contains("http") || line.contains("www.")) && re.bare_url.is_match(line) {
        // Weak alone: a bare address in a paste is most often a source the
        // author cites; in a block of furniture it goes with the block.
        out.push(("bare URL", 1.0));
    }
    if n <= 12 && looks_like_timestamp(line, words, re) {
        out.push(("timestamp", 2.5));
    }
    if n <= 8 && looks_like_byline(line) {
        out.push(("byline", 3.0));
    } else if n <= 5 && is_social_handle_line(line) {
        // "Sam Lee @samlee_news" under a headline: the author's account.
        out.push(("byline", 2.5));
    }
    // A guard only (the patterns decide): some word starts like a credit word.
    let credit_word = words
        .iter()
        .any(|w| CREDIT_WORDS.iter().any(|c| w.starts_with(c)));
    if n <= 40 && credit_word && re.trailing_credit.is_match(line) {
        // "... at dawn. Credit: Sam Lee": a caption ending in its credit.
        out.push(("caption", 4.0));
    } else if n <= 30 && credit_word && re.credit.is_match(line) {
        out.push(("caption", 2.5));
    } else if n <= 8
        && (line.contains([',', '/', '|']) || words.iter().any(|w| w == "via"))
        && re.agency_credit.is_match(line)
    {
        out.push(("caption", 3.0));
    }
    if n <= 12
        && line.contains(['|', '•', '·', '»', '/'])
        && re.menu_separators.find_iter(line).count() >= 2
    {
        out.push(("navigation line", 2.5));
    }
    if n <= 10 && is_all_caps(line) {
        out.push(("all-caps label", 0.8));
    }
    if (PROMO_WORDS..=4 * PROMO_WORDS).contains(&n)
        && !ends_like_a_sentence(line)
        && is_all_caps(line)
    {
        // "FIVE THINGS TO KNOW ABOUT THE FLOOD": a shouted headline is a
        // promoted link; subheadings are shorter and body text is not shouted.
        out.push(("promoted headline", 2.5));
    }
    if n <= 16 && (line.ends_with("...") || line.ends_with('…')) && !line.ends_with(".....") {
        out.push(("related links", 1.0));
    }
    out
}

/// "By Jane Doe", "Par Marie Dupont et Luc Martin, à Lyon": an author word
/// followed by capitalised names (and joining words), then at most a short
/// place or role after a comma or dash.
fn looks_like_byline(line: &str) -> bool {
    const AUTHOR_WORDS: &[&str] = &[
        "by",
        "par",
        "von",
        "por",
        "di",
        "door",
        "przez",
        "автор",
        "de",
    ];
    const JOINERS: &[&str] = &["and", "und", "et", "y", "e", "en", "i", "и", "&"];
    if ends_like_a_sentence(line) {
        return false;
    }
    let names = line.split([',', '|', '–', '—']).next().unwrap_or("");
    let mut tokens = names.split_whitespace();
    let Some(first) = tokens.next() else {
        return false;
    };
    let first = first.trim_end_matches(':').to_lowercase();
    if !AUTHOR_WORDS.contains(&first.as_str()) {
        return false;
    }
    let mut capitalised = 0;
    for token in tokens {
        if JOINERS.contains(&token) {
            continue;
        }
        if !token.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        capitalised += 1;
    }
    (1..=6).contains(&capitalised)
}

/// A short line ending in a social-media handle ("Sam Lee @samlee",
/// "@samlee"), not an e-mail address and not a sentence.
fn is_social_handle_line(line: &str) -> bool {
    let Some((before, handle)) = line.rsplit_once('@') else {
        return false;
    };
    let handle_ok = handle.len() >= 2 && handle.chars().all(|c| c.is_alphanumeric() || c == '_');
    let name_ok = before.is_empty() || before.trim().chars().next().is_some_and(char::is_uppercase);
    // "Account: @sam" labels someone's account in the text; a byline
    // gives the name and the handle alone.
    handle_ok && name_ok && !before.contains(['@', ':'])
}

/// Words without which the credit pattern cannot match.
const CREDIT_WORDS: &[&str] = &[
    "photo",
    "image",
    "picture",
    "credit",
    "foto",
    "bild",
    "créd",
    "фото",
    "ap",
    "getty",
    "reuters",
    "afp",
    "shutterstock",
];

/// Fewest words of an all-caps line read as a promoted headline.
const PROMO_WORDS: usize = 5;

fn is_all_caps(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|&c| scan::is_alphabetic(c)).collect();
    letters.len() >= 3
        && letters.iter().all(|c| !c.is_lowercase())
        && letters.iter().any(|c| c.is_uppercase())
}

fn markdown_link_share(line: &str, re: &Patterns) -> f32 {
    let linked: usize = re.link_markdown.find_iter(line).map(|m| m.len()).sum();
    linked as f32 / line.len().max(1) as f32
}

/// A short line made mostly of a date, a time or "updated/ago" words.
fn looks_like_timestamp(line: &str, words: &[String], re: &Patterns) -> bool {
    let digits = line.chars().any(|c| c.is_ascii_digit());
    let dated = digits && (re.time.is_match(line) || re.numeric_date.is_match(line));
    let month = words.iter().any(|w| MONTHS.contains(&w.as_str()))
        && words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()));
    let relative = (digits
        || words
            .first()
            .is_some_and(|w| DATE_WORDS.contains(&w.as_str())))
        && re.relative_time.is_match(line);
    if !(dated || month || relative) {
        return false;
    }
    // Prose mentioning a date is not a timestamp: require few other words.
    let plain = words
        .iter()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()) && !MONTHS.contains(&w.as_str()))
        .count();
    let limit = if re.time.is_match(line) || relative {
        5
    } else {
        3
    };
    plain <= limit && !ends_like_a_sentence(line)
}

/// First words of "Updated ...", "Publié le ..." lines (see `relative_time`).
const DATE_WORDS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "modified",
    "mis",
    "publié",
    "aktualisiert",
    "veröffentlicht",
    "actualizado",
    "publicado",
    "aggiornato",
    "pubblicato",
    "atualizado",
    "bijgewerkt",
    "gepubliceerd",
    "zaktualizowano",
    "opublikowano",
    "обновлено",
    "опубликовано",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

struct Patterns {
    image_markdown: Regex,
    link_markdown: Regex,
    bare_url: Regex,
    time: Regex,
    numeric_date: Regex,
    relative_time: Regex,
    credit: Regex,
    menu_separators: Regex,
    copyright_mark: Regex,
    agency_credit: Regex,
    trailing_credit: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let re = |p: &str| Regex::new(p).expect("the built-in patterns are valid");
        Patterns {
            image_markdown: re(r"^\s*\[?!\[[^\]]*\]\([^)]*\)"),
            link_markdown: re(r"\[[^\]]*\]\([^)\s]*\)"),
            bare_url: re(r"^\s*<?(?:https?://|www\.)\S+>?\s*$"),
            time: re(
                r"(?i)(?:^|[^$€£\d.,])\b(?:\d{1,2}[:h]\d{2}|\d{1,2}\.\d{2}\s*(?:am|pm|a\.m\.|p\.m\.|uhr))",
            ),
            numeric_date: re(r"\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})\b"),
            relative_time: re(
                r"(?i)^(?:updated|published|posted|modified|mis à jour|publié|aktualisiert|veröffentlicht|actualizado|publicado|aggiornato|pubblicato|atualizado|bijgewerkt|gepubliceerd|zaktualizowano|opublikowano|обновлено|опубликовано)\b|\b\d+\s+(?:minutes?|hours?|days?|weeks?|mins?|hrs?)\s+ago\b",
            ),
            credit: re(
                r"(?i)\b(?:photo|image|picture|credit|foto|bild|crédit|crédito|фото)s?\s*(?:by\b|credit\b|:|\.\.\.|…)|\((?:image|photo|credit|foto|фото)s?:?\s[^)]*\)\s*$|\b(?:ap photo|getty images|reuters|afp|shutterstock)\b",
            ),
            menu_separators: re(r"\s[|•·»/]\s"),
            // "Jane Doe, AP", "John Roe/Reuters", "City Archive via AP":
            // a photo credit line.
            agency_credit: re(
                r"(?i)(?:[,/|]|\bvia)\s*(?:the\s+)?(?:ap|afp|reuters|getty|getty images|associated press|epa|dpa|bloomberg|shutterstock|xinhua|anadolu|tass|ria novosti|afp via getty images|reuters/[\w .-]+)\s*$",
            ),
            trailing_credit: re(
                r"(?i)\b(?:photo|image|picture|credit|foto|bild|crédit|crédito|фото)s?(?:\s+by)?\s*:\s*[^.!?:]{1,60}$",
            ),
            copyright_mark: re(r"(?i)©|\(c\)\s*\d{4}|\bcopyright\s+\d{4}"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::words;
    use super::*;

    fn prose(line: &str) -> f32 {
        prose_score(line, &words(line))
    }

    fn reasons(line: &str) -> Vec<&'static str> {
        cues(line, &words(line)).into_iter().map(|c| c.0).collect()
    }

    #[test]
    fn prose_reads_as_prose_and_labels_do_not() {
        assert!(prose("The council voted on Tuesday to close the old bridge after engineers found cracks in two of its piers.") > 2.0);
        assert!(prose("Le conseil municipal a voté mardi la fermeture du vieux pont après la découverte de fissures.") > 2.0);
        assert!(prose("He declined to comment.") > -0.5);
        assert!(prose("Weather") < -1.0);
        assert!(prose("Local Council Votes To Close Historic Bridge") < 0.0);
    }

    #[test]
    fn sentence_ends_see_through_closing_quotes() {
        assert!(ends_like_a_sentence("She said: “It is over.”"));
        assert!(ends_like_a_sentence("これは文です。"));
        assert!(!ends_like_a_sentence("Most read"));
    }

    #[test]
    fn markdown_urls_and_separators() {
        assert_eq!(
            reasons("![a cat](https://example.org/cat.png)"),
            vec!["image markdown"]
        );
        assert!(reasons("[Home](/) [World](/world)").contains(&"link markdown"));
        assert!(reasons("https://example.org/some/page").contains(&"bare URL"));
        assert_eq!(reasons("* * *"), vec!["separator"]);
        assert_eq!(reasons("───┼───"), vec!["separator"]);
        assert_eq!(reasons("-"), vec!["separator"]);
        // A rule the author typed between parts of the text is no cue.
        assert!(reasons("______").is_empty());
        assert!(reasons("- - - -").is_empty());
    }

    #[test]
    fn timestamps_in_several_languages() {
        assert!(reasons("Updated 9:41 am, Friday, March 3, 2028").contains(&"timestamp"));
        assert!(reasons("3 hours ago").contains(&"timestamp"));
        assert!(reasons("12 mars 2027 à 14h05").contains(&"timestamp"));
        assert!(reasons("Aktualisiert am 04.05.2029").contains(&"timestamp"));
        assert!(reasons("5 октября 2026").contains(&"timestamp"));
        assert!(!reasons(
            "The festival, which began on March 3, drew more visitors than any edition before it."
        )
        .contains(&"timestamp"));
    }

    #[test]
    fn bylines_and_credits() {
        assert!(reasons("By Jane Q. Writer").contains(&"byline"));
        assert!(reasons("Par Marie Dupont et Luc Martin").contains(&"byline"));
        assert!(reasons("Von Anna Schmidt, Berlin").contains(&"byline"));
        assert!(!reasons("By noon the square was full.").contains(&"byline"));
        assert!(reasons("The harbour at dawn (Photo: Sam Lee)").contains(&"caption"));
        assert!(reasons("Фото: личный архив автора").contains(&"caption"));
        assert!(reasons("Sam Lee, AP").contains(&"caption"));
        assert!(cues(
            "A survey boat near the eastern pier. Credit: Harbour Authority",
            &words("A survey boat near the eastern pier. Credit: Harbour Authority")
        )
        .contains(&("caption", 4.0)));
        assert!(reasons("Sam Lee/Reuters").contains(&"caption"));
        assert!(!reasons("The deal was reported by AP.").contains(&"caption"));
        assert!(reasons("River Museum archive via AP").contains(&"caption"));
        assert!(!reasons("The ferry plan was first reported via AP.").contains(&"caption"));
    }

    #[test]
    fn an_authors_handle_is_a_byline() {
        assert!(reasons("Sam Lee @samlee_news").contains(&"byline"));
        assert!(reasons("Sam Lee@samlee").contains(&"byline"));
        assert!(reasons("@samlee").contains(&"byline"));
        assert!(!reasons("Write to sam@example.org").contains(&"byline"));
        assert!(!reasons("Thanks to everyone who wrote @ us").contains(&"byline"));
        assert!(!reasons("Account: @samlee").contains(&"byline"));
    }

    #[test]
    fn menus_and_labels() {
        assert!(reasons("News | Sport | Weather | Culture").contains(&"navigation line"));
        assert!(reasons("TOP STORIES").contains(&"all-caps label"));
        assert!(reasons("FIVE THINGS TO KNOW ABOUT THE FLOOD").contains(&"promoted headline"));
        assert!(!reasons("TOP STORIES").contains(&"promoted headline"));
        assert!(!reasons("THE COUNCIL VOTED TO REBUILD IT.").contains(&"promoted headline"));
        assert!(reasons("© 2031 Example Media Group").contains(&"copyright"));
        assert!(
            reasons("Storm closes two schools in the valley as rivers rise...")
                .contains(&"related links")
        );
    }
}
