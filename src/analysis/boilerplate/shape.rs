//! What one line looks like, apart from its words: how much it reads like
//! article prose (long, ending with sentence punctuation, in sentence case),
//! and shapes that mark page furniture (image and link markdown, bare URLs,
//! timestamps, bylines, credits, all-caps labels, menus, separators).

use super::patterns;
use super::phrasebook::LineWords;
use super::reason::Reason;
use crate::analysis::scan;

/// How much a line reads like article prose: positive for prose, negative
/// for labels, menu items and headlines. Roughly in [-3, 3].
pub fn prose_score(line: &str, words: &LineWords) -> f32 {
    let n = word_count(line, words);
    let mut score = match n {
        0..=2 => -1.5,
        3..=5 => -0.6,
        6..=9 => 0.4,
        10..=14 => 1.2,
        15..=24 => 1.8,
        _ => 2.2,
    };
    if ends_like_a_sentence(line) || is_cjk_clause_run(line) {
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
pub fn word_count(line: &str, words: &LineWords) -> usize {
    let cjk = line.chars().filter(|&c| is_cjk(c)).count();
    words.len().max(cjk / 2)
}

/// Fewest CJK characters of an unpunctuated line read as a sentence.
const CJK_CLAUSE_CHARS: usize = 20;

/// Chinese and Japanese blogs often write a paragraph as clauses parted by
/// spaces or commas, with no closing mark: a long CJK line with such a
/// break between two CJK characters reads as prose. A headline has no
/// inner break or opens with a bracketed label ("【Taipei】...").
fn is_cjk_clause_run(line: &str) -> bool {
    // CJK characters take three bytes led by 0xE3..=0xED: a byte scan
    // spares other scripts the character loop.
    if line.len() < CJK_CLAUSE_CHARS * 3
        || line.starts_with(['【', '[', '「', '『', '《', '〔'])
        || !line.bytes().any(|b| (0xE3..=0xED).contains(&b))
    {
        return false;
    }
    let mut cjk = 0;
    let mut prev_cjk = false;
    let mut pending_break = false;
    let mut clause_break = false;
    for c in line.chars() {
        if is_cjk(c) {
            cjk += 1;
            clause_break |= pending_break && prev_cjk;
            prev_cjk = true;
            pending_break = false;
        } else if c.is_whitespace() || matches!(c, '，' | '、' | '；') {
            pending_break = true;
        } else {
            prev_cjk = false;
            pending_break = false;
        }
    }
    clause_break && cjk >= CJK_CLAUSE_CHARS && cjk * 2 >= line.chars().count()
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
        if word.len() < 4 {
            continue; // fewer than four bytes: fewer than four letters below
        }
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
pub fn cues(line: &str, words: &LineWords) -> Vec<(Reason, f32)> {
    let mut out = Vec::new();
    let n = word_count(line, words);
    if !line.chars().any(scan::is_alphanumeric) {
        if !is_typed_rule(line) {
            out.push((Reason::Separator, 2.0));
        }
        return out;
    }
    // Cheap substring checks guard the patterns: most lines are prose.
    if n <= 16
        && (line.contains('©') || words.contains("copyright") || line.contains("(c)"))
        && patterns::copyright_mark(line)
    {
        out.push((Reason::CopyrightMark, 4.0));
    }
    let markdown = line.contains("](");
    if markdown && patterns::image_markdown(line) {
        out.push((Reason::ImageMarkdown, 5.0));
    } else if markdown && markdown_link_share(line) > 0.5 {
        out.push((Reason::LinkMarkdown, 3.0));
    }
    if (line.contains("http") || line.contains("www.")) && patterns::bare_url(line) {
        // Weak alone: a bare address in a paste is most often a source the
        // author cites; in a block of furniture it goes with the block.
        out.push((Reason::BareUrl, 1.0));
    }
    if n <= 12 && looks_like_timestamp(line, words) {
        out.push((Reason::Timestamp, 2.5));
    }
    if n <= 8 && looks_like_byline(line) {
        out.push((Reason::Byline, 3.0));
    } else if n <= 5 && is_social_handle_line(line) {
        // "Sam Lee @samlee_news" under a headline: the author's account.
        out.push((Reason::Byline, 2.5));
    }
    // A guard only (the patterns decide): some word starts like a credit word.
    let credit_word = words
        .iter()
        .any(|w| CREDIT_WORDS.iter().any(|c| w.starts_with(c)));
    if n <= 40 && credit_word && patterns::trailing_credit(line) {
        // "... at dawn. Credit: Sam Lee": a caption ending in its credit.
        out.push((Reason::Credit, 4.0));
    } else if n <= 30 && credit_word && patterns::credit(line) {
        out.push((Reason::Credit, 2.5));
    } else if n <= 8
        && (line.contains([',', '/', '|']) || words.contains("via"))
        && patterns::agency_credit(line)
    {
        out.push((Reason::Credit, 3.0));
    }
    if n <= 12 && line.contains(['|', '•', '·', '»', '/']) && patterns::menu_separators(line) >= 2
    {
        out.push((Reason::MenuSeparators, 2.5));
    }
    if n <= 10 && is_all_caps(line) {
        out.push((Reason::AllCaps, 0.8));
    }
    if (PROMO_WORDS..=4 * PROMO_WORDS).contains(&n)
        && !ends_like_a_sentence(line)
        && is_all_caps(line)
    {
        // "FIVE THINGS TO KNOW ABOUT THE FLOOD": a shouted headline is a
        // promoted link; subheadings are shorter and body text is not shouted.
        out.push((Reason::PromotedHeadline, 2.5));
    }
    if line.starts_with(|c: char| c.is_ascii_digit()) && is_gallery_counter(line) {
        out.push((Reason::GalleryCounter, GALLERY_COUNTER));
    }
    if n >= TEASER_WORDS && line.contains(": ") && is_headline_with_dateline(line) {
        out.push((Reason::HeadlineWithDateline, TEASER));
    }
    if line.ends_with("[…]") || line.ends_with("[...]") {
        // "... every summer and […]": a blog's excerpt of another post,
        // cut short by the software with its bracketed ellipsis.
        out.push((Reason::Excerpt, EXCERPT));
    } else if n <= 16 && (line.ends_with("...") || line.ends_with('…')) && !line.ends_with(".....")
    {
        out.push((Reason::TrailingEllipsis, 1.0));
    }
    out
}

/// Evidence of a gallery's slide counter.
const GALLERY_COUNTER: f32 = 3.0;

/// "1 of 12", "3of4A crane lifts...", "31/50 Ferry fares rise": a photo
/// gallery's slide counter opening its caption. The counter is at most
/// the total, and the caption (if any) opens with a capital, so that a
/// fraction in a recipe ("1/2 cup flour") or a score is not one.
fn is_gallery_counter(line: &str) -> bool {
    let number = |s: &str| -> Option<(u32, usize)> {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            return None;
        }
        Some((s[..digits].parse().ok()?, digits))
    };
    let Some((slide, used)) = number(line) else {
        return false;
    };
    let rest = line[used..].trim_start();
    let (rest, slash) = if let Some(r) = rest.strip_prefix("of") {
        (r.trim_start(), false)
    } else if let Some(r) = rest.strip_prefix('/') {
        (r, true)
    } else {
        return false;
    };
    let Some((total, used)) = number(rest) else {
        return false;
    };
    let caption = &rest[used..];
    let opens_caption = caption.is_empty()
        || caption
            .trim_start()
            .starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“');
    // "3/4" alone is a fraction as often as a counter; a gallery says so
    // with its caption or with more slides.
    let enough = !slash || total >= 5 || !caption.is_empty();
    (1..=total).contains(&slide) && opens_caption && enough
}

/// Evidence of a post's excerpt ending in a bracketed ellipsis.
const EXCERPT: f32 = 3.0;

/// Fewest words of a teaser: another story's headline and its lede.
const TEASER_WORDS: usize = 15;
/// How far into a line, in bytes, a teaser's dateline may sit.
const TEASER_REACH: usize = 300;
/// Evidence of a teaser: enough to cut a paragraph-long line.
const TEASER: f32 = 4.5;
/// Fewest words of the headline part of a teaser.
const TEASER_HEADLINE_WORDS: usize = 4;
/// Fewest letters of a dateline ("PARIS", "NEW DELHI"): fewer are an
/// acronym ("the FBI: ...").
const DATELINE_LETTERS: usize = 5;

/// "Ferry fares to rise in spring RIVERTON: The council voted...": a
/// teaser for another story pastes as its headline run into its lede's
/// capitalised dateline. The headline part has no sentence end, the
/// dateline is one to three words in capitals before a colon, and the
/// lede opens with a capital. Prose quoting an agency ("... from the FBI:
/// ...") has a sentence before it or too short a name.
fn is_headline_with_dateline(line: &str) -> bool {
    // A headline is short: only colons near the start are looked at, which
    // keeps this linear however many colons a long line has.
    let mut reach = TEASER_REACH.min(line.len());
    while !line.is_char_boundary(reach) {
        reach -= 1;
    }
    let mut from = 0;
    while let Some(found) = line[from..reach].find(": ") {
        let colon = from + found;
        from = colon + 2;
        // Most colons in prose follow a lowercase word: skip them cheaply.
        if !line[from..].starts_with(|c: char| c.is_uppercase())
            || !line[..colon]
                .chars()
                .next_back()
                .is_some_and(char::is_uppercase)
        {
            continue;
        }
        let before: Vec<&str> = line[..colon].split(' ').collect();
        let capitals = before
            .iter()
            .rev()
            .take(3)
            .take_while(|w| {
                w.chars().any(char::is_alphabetic)
                    && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-')
            })
            .count();
        let letters: usize = before[before.len() - capitals..]
            .iter()
            .map(|w| w.chars().filter(|c| c.is_alphabetic()).count())
            .sum();
        let headline = &before[..before.len() - capitals];
        if capitals == 0 || letters < DATELINE_LETTERS || headline.len() < TEASER_HEADLINE_WORDS {
            continue;
        }
        let sentence_inside = headline
            .iter()
            .any(|w| w.ends_with(['.', '!', '?', '"', '”']) && w.len() > 2);
        if !sentence_inside {
            return true;
        }
    }
    false
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

fn markdown_link_share(line: &str) -> f32 {
    patterns::linked_bytes(line) as f32 / line.len().max(1) as f32
}

/// A short line made mostly of a date, a time or "updated/ago" words.
fn looks_like_timestamp(line: &str, words: &LineWords) -> bool {
    let digits = line.chars().any(|c| c.is_ascii_digit());
    let dated = digits && (patterns::clock_time(line) || patterns::numeric_date(line));
    // A word of digits needs a digit in the line: the cheap test first,
    // then the number, then the month names.
    let month = digits
        && words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()))
        && words.iter().any(|w| MONTHS.contains(&w));
    let relative = (digits || words.first().is_some_and(patterns::opens_updated_line))
        && patterns::relative_time(line);
    if !(dated || month || relative) {
        return false;
    }
    // Prose mentioning a date is not a timestamp: require few other words.
    let plain = words
        .iter()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()) && !MONTHS.contains(w))
        .count();
    let limit = if patterns::clock_time(line) || relative {
        5
    } else {
        3
    };
    plain <= limit && !ends_like_a_sentence(line)
}

/// Whether `word` (lowercase) names a month in one of the languages.
pub fn is_month(word: &str) -> bool {
    MONTHS.contains(&word)
}

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

#[cfg(test)]
mod tests {
    use super::super::phrasebook::LineWords;
    use super::*;

    fn prose(line: &str) -> f32 {
        prose_score(line, &LineWords::of(line))
    }

    fn reasons(line: &str) -> Vec<&'static str> {
        cues(line, &LineWords::of(line))
            .into_iter()
            .map(|c| c.0.label())
            .collect()
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
    fn an_excerpt_cut_short_with_a_bracketed_ellipsis_is_a_teaser() {
        let excerpt = "Last summer we took the night ferry across the bay, and this year we wanted to try the new bridge […]";
        assert!(reasons(excerpt).contains(&"related links"));
        assert!(reasons("The ferry crossed the bay [...]").contains(&"related links"));
        let quote = "\"We will rebuild the pier [...] before the winter,\" she said.";
        assert!(!reasons(quote).contains(&"related links"));
    }

    #[test]
    fn a_gallery_counter_opens_a_caption() {
        for line in [
            "3of4A crane lifts a steel beam onto the east pier.",
            "1 of 12",
            "31/50 Ferry fares rise in spring",
            "2 of 9 Divers inspect the west pier",
        ] {
            assert!(reasons(line).contains(&"caption"), "{line}");
        }
        for line in [
            "1/2 cup of flour",
            "3/4",
            "5 of 4 Nonsense",
            "12 of the 40 piers were cracked.",
            "2019/20 season",
        ] {
            assert!(!reasons(line).contains(&"caption"), "{line}");
        }
    }

    #[test]
    fn a_headline_run_into_a_dateline_is_a_teaser() {
        let teaser = "Ferry fares to rise in spring as fuel costs climb RIVERTON: The city council voted on Monday to raise fares by a tenth.";
        assert!(reasons(teaser).contains(&"teaser"));
        for prose in [
            "RIVERTON: The city council voted on Monday to raise ferry fares by a tenth from the spring.",
            "The figures came in a letter sent on Monday by the FBI: Agents had found no sign of tampering at the pier.",
            "The council met on Monday. Its chair spoke to REUTERS: She said fares would rise by a tenth in the spring.",
            "Ferry fares will rise in spring, the council said, and the reasons are these: Fuel costs more than it did.",
        ] {
            assert!(!reasons(prose).contains(&"teaser"), "{prose}");
        }
    }

    #[test]
    fn unpunctuated_cjk_clauses_read_as_prose() {
        let clauses = "我們沿著河岸走了一整個下午 看著渡輪在霧裡慢慢靠岸";
        let headline = "河岸步道一日遊渡輪碼頭與老街美食推薦懶人包全攻略";
        let labelled = "【台北】河岸步道一日遊 渡輪碼頭與老街美食推薦懶人包";
        assert!(prose(clauses) > 1.5, "{}", prose(clauses));
        assert!(prose(headline) < 1.5, "{}", prose(headline));
        assert!(prose(labelled) < 1.5, "{}", prose(labelled));
        assert!(prose("渡輪 碼頭") < 0.0);
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
            &LineWords::of("A survey boat near the eastern pier. Credit: Harbour Authority")
        )
        .contains(&(Reason::Credit, 4.0)));
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
