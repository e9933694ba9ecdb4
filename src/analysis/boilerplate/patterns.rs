//! The line shapes that take more than a word lookup: image and link
//! markdown, bare URLs, clock times, numeric dates, "updated" and "ago"
//! lines, photo credits, menu separators and copyright marks.
//!
//! They were regular expressions; each function's doc gives the expression
//! it matches exactly as the `regex` crate did, and `tests` checks that on
//! generated lines against the crate itself, which is now only a
//! dev-dependency. Why by hand: the crate (parser, compiler, engines and
//! Unicode tables) was 128 KB of the 383 KB gzipped JS API download, for
//! eleven patterns. Two deliberate narrowings: `\d` is an ASCII digit (the
//! callers already required one), and a word character is a letter, a digit
//! or `_` (Unicode's `\w` adds combining marks and connector punctuation).
//!
//! Every function runs in time linear in the line, whatever it holds: each
//! candidate start does bounded work or scans text no other candidate scans.

/// A word character for `\b`.
fn is_word(c: char) -> bool {
    crate::analysis::scan::is_alphanumeric(c) || c == '_'
}

/// Whether `\b` holds at byte `at` after a word character: at the end or
/// before a character that is not one.
fn word_ends(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_none_or(|c| !is_word(c))
}

/// The byte length `text` takes to spell `lower` (written in lower case)
/// in any case, if it starts with it.
fn prefix_ci(text: &str, lower: &str) -> Option<usize> {
    let mut taken = 0;
    let mut chars = text.chars();
    for want in lower.chars() {
        let c = chars.next()?;
        if c != want && !c.to_lowercase().eq(std::iter::once(want)) {
            return None;
        }
        taken += c.len_utf8();
    }
    Some(taken)
}

/// Bytes of leading whitespace (`\s*`).
fn whitespace(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

/// Leading ASCII digits (`\d*`), which are one byte each.
fn digits(text: &str) -> usize {
    text.bytes().take_while(u8::is_ascii_digit).count()
}

/// Byte offsets where a word character follows a non-word one (or the
/// start): where `\b` can open a word.
fn word_starts_in(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut before_is_word = false;
    text.char_indices().filter_map(move |(at, c)| {
        let starts = !before_is_word && is_word(c);
        before_is_word = is_word(c);
        starts.then_some(at)
    })
}

/// `^\s*\[?!\[[^\]]*\]\([^)]*\)`: the line opens with image markdown,
/// perhaps wrapped in a link.
pub fn image_markdown(line: &str) -> bool {
    let rest = line.trim_start();
    let rest = rest.strip_prefix('[').unwrap_or(rest);
    let Some(rest) = rest.strip_prefix("![") else {
        return false;
    };
    let Some(close) = rest.find(']') else {
        return false;
    };
    rest[close + 1..]
        .strip_prefix('(')
        .is_some_and(|target| target.contains(')'))
}

/// The bytes of every `\[[^\]]*\]\([^)\s]*\)` (a markdown link), matched
/// leftmost-first without overlap.
pub fn linked_bytes(line: &str) -> usize {
    let mut total = 0;
    let mut from = 0;
    while let Some(open) = line[from..].find('[').map(|i| from + i) {
        // The first `]` after the `[`: the text of the link.
        let Some(close) = line[open + 1..].find(']').map(|i| open + 1 + i) else {
            break; // no `[` from here on has a `]` after it
        };
        let Some(target) = line[close + 1..].strip_prefix('(') else {
            // Every `[` up to `close` meets this same `]` and fails alike.
            from = close + 1;
            continue;
        };
        let target_start = close + 2;
        match target.find(|c: char| c == ')' || c.is_whitespace()) {
            Some(end) if target[end..].starts_with(')') => {
                let after = target_start + end + 1;
                total += after - open;
                from = after;
            }
            // Whitespace before any `)`: a `[` before it has no target
            // that can close; look again after it.
            Some(end) => from = (close + 1).max(target_start + end),
            None => break, // no `)` or whitespace left: nothing can close
        }
    }
    total
}

/// `^\s*<?(?:https?://|www\.)\S+>?\s*$`: a line that is only an address.
pub fn bare_url(line: &str) -> bool {
    let line = line.trim();
    let line = line.strip_prefix('<').unwrap_or(line);
    ["https://", "http://", "www."]
        .iter()
        .find_map(|scheme| line.strip_prefix(scheme))
        .is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace))
}

/// `(?i)(?:^|[^$€£\d.,])\b(?:\d{1,2}[:h]\d{2}|\d{1,2}\.\d{2}\s*(?:am|pm|a\.m\.|p\.m\.|uhr))`:
/// a clock time ("9:30", "18h45", "10.15 pm"), not an amount ("$9.30").
pub fn clock_time(line: &str) -> bool {
    digit_runs(line, |before| {
        !matches!(before, '$' | '€' | '£' | '.' | ',')
    })
    .any(|at| clock_at(&line[at..]))
}

/// Byte offsets where a run of ASCII digits opens a word (`\b\d`) and the
/// character before it passes `before_ok`.
fn digit_runs<'a>(
    line: &'a str,
    before_ok: impl Fn(char) -> bool + 'a,
) -> impl Iterator<Item = usize> + 'a {
    let mut before: Option<char> = None;
    line.char_indices().filter_map(move |(at, c)| {
        let opens = c.is_ascii_digit() && before.is_none_or(|b| !is_word(b) && before_ok(b));
        before = Some(c);
        opens.then_some(at)
    })
}

fn clock_at(text: &str) -> bool {
    let run = digits(text);
    (1..=run.min(2)).any(|hours| {
        let rest = &text[hours..];
        let mut chars = rest.chars();
        match chars.next() {
            Some(':' | 'h' | 'H') => digits(&rest[1..]) >= 2,
            Some('.') if digits(&rest[1..]) >= 2 => {
                let after = &rest[3..];
                let after = &after[whitespace(after)..];
                ["am", "pm", "a.m.", "p.m.", "uhr"]
                    .iter()
                    .any(|suffix| prefix_ci(after, suffix).is_some())
            }
            _ => false,
        }
    })
}

/// `\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})\b`: "2024-05-01",
/// "1.5.24", "12/31/2024".
pub fn numeric_date(line: &str) -> bool {
    digit_runs(line, |_| true).any(|at| {
        let text = &line[at..];
        iso_date(text) || day_month_year(text)
    })
}

fn iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    digits(text) == 4
        && b.get(4) == Some(&b'-')
        && digits(&text[5..]) == 2
        && b.get(7) == Some(&b'-')
        && digits(&text[8..]) == 2
        && word_ends(text, 10)
}

fn day_month_year(text: &str) -> bool {
    let separated = |at: usize| matches!(text.as_bytes().get(at), Some(b'.' | b'/'));
    let day = digits(text);
    if !(1..=2).contains(&day) || !separated(day) {
        return false;
    }
    let month = digits(&text[day + 1..]);
    let year_at = day + 1 + month + 1;
    if !(1..=2).contains(&month) || !separated(day + 1 + month) {
        return false;
    }
    let year = digits(&text[year_at..]);
    (2..=4).contains(&year) && word_ends(text, year_at + year)
}

/// Words that open an "Updated ..." line, in several languages.
const UPDATED: [&str; 19] = [
    "updated",
    "published",
    "posted",
    "modified",
    "mis à jour",
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

/// Whether `word` (lower case) is the first word of one of [`UPDATED`]: a
/// cheap test before [`relative_time`].
pub fn opens_updated_line(word: &str) -> bool {
    UPDATED.iter().any(|u| u.split(' ').next() == Some(word))
}

/// `(?i)^(?:updated|published|…|опубликовано)\b|\b\d+\s+(?:minutes?|hours?|days?|weeks?|mins?|hrs?)\s+ago\b`:
/// "Updated 3 June", "5 hours ago".
pub fn relative_time(line: &str) -> bool {
    let opens = UPDATED
        .iter()
        .any(|word| prefix_ci(line, word).is_some_and(|n| word_ends(line, n)));
    opens || digit_runs(line, |_| true).any(|at| ago_at(&line[at..]))
}

fn ago_at(text: &str) -> bool {
    const UNITS: [&str; 12] = [
        "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week", "mins", "min", "hrs",
        "hr",
    ];
    let rest = &text[digits(text)..];
    let gap = whitespace(rest);
    if gap == 0 {
        return false;
    }
    let rest = &rest[gap..];
    UNITS.iter().any(|unit| {
        let Some(n) = prefix_ci(rest, unit) else {
            return false;
        };
        let after = &rest[n..];
        let gap = whitespace(after);
        gap > 0 && prefix_ci(&after[gap..], "ago").is_some_and(|m| word_ends(&after[gap..], m))
    })
}

/// Words that name a picture or its credit.
const CREDIT_WORDS: [&str; 9] = [
    "photo", "image", "picture", "credit", "foto", "bild", "crédit", "crédito", "фото",
];

/// Picture agencies named alone.
const AGENCY_NAMES: [&str; 5] = ["ap photo", "getty images", "reuters", "afp", "shutterstock"];

/// `(?i)\b(?:photo|image|picture|credit|foto|bild|crédit|crédito|фото)s?\s*(?:by\b|credit\b|:|\.\.\.|…)`
/// `|\((?:image|photo|credit|foto|фото)s?:?\s[^)]*\)\s*$`
/// `|\b(?:ap photo|getty images|reuters|afp|shutterstock)\b`: a photo credit.
pub fn credit(line: &str) -> bool {
    word_starts_in(line).any(|at| credit_at(&line[at..]) || agency_at(&line[at..]))
        || bracketed_credit(line)
}

/// The lengths `text` takes to spell one of `words` and then, if it
/// follows, an `s`: every way `(?:words)s?` matches at its start.
fn credit_word_ends<'a>(text: &'a str, words: &'a [&str]) -> impl Iterator<Item = usize> + 'a {
    words
        .iter()
        .filter_map(|word| prefix_ci(text, word))
        .flat_map(move |n| {
            let plural = prefix_ci(&text[n..], "s").map(|s| n + s);
            std::iter::once(n).chain(plural)
        })
}

fn credit_at(text: &str) -> bool {
    credit_word_ends(text, &CREDIT_WORDS).any(|n| {
        let rest = &text[n..];
        let rest = &rest[whitespace(rest)..];
        ["by", "credit"]
            .iter()
            .any(|word| prefix_ci(rest, word).is_some_and(|m| word_ends(rest, m)))
            || rest.starts_with([':', '…'])
            || rest.starts_with("...")
    })
}

fn agency_at(text: &str) -> bool {
    AGENCY_NAMES
        .iter()
        .any(|name| prefix_ci(text, name).is_some_and(|n| word_ends(text, n)))
}

/// `\((?:image|photo|credit|foto|фото)s?:?\s[^)]*\)\s*$`: "(Photo: Sam Lee)"
/// closing the line.
fn bracketed_credit(line: &str) -> bool {
    let line = line.trim_end();
    let Some(inside) = line.strip_suffix(')') else {
        return false;
    };
    // The `(` must see this `)` as the first one after it.
    let from = inside.rfind(')').map_or(0, |i| i + 1);
    inside[from..].match_indices('(').any(|(at, _)| {
        let text = &inside[from + at + 1..];
        credit_word_ends(text, &["image", "photo", "credit", "foto", "фото"]).any(|n| {
            // `:?\s`: a colon must be taken, as it is no space.
            let rest = &text[n..];
            let rest = rest.strip_prefix(':').unwrap_or(rest);
            rest.chars().next().is_some_and(char::is_whitespace)
        })
    })
}

/// How many `\s[|•·»/]\s` the line holds, leftmost-first without overlap:
/// "Home | News | Sport" has two.
pub fn menu_separators(line: &str) -> usize {
    let mut count = 0;
    let mut window = ['\0'; 3];
    let mut filled = 0;
    for c in line.chars() {
        window = [window[1], window[2], c];
        filled += 1;
        if filled >= 3
            && window[0].is_whitespace()
            && matches!(window[1], '|' | '•' | '·' | '»' | '/')
            && window[2].is_whitespace()
        {
            count += 1;
            filled = 0; // the next match starts after this one
        }
    }
    count
}

/// `(?i)©|\(c\)\s*\d{4}|\bcopyright\s+\d{4}`: "© 2024", "(c) 2024",
/// "Copyright 2024".
pub fn copyright_mark(line: &str) -> bool {
    let year_after = |text: &str, gap_needed: bool| {
        let gap = whitespace(text);
        (gap > 0 || !gap_needed) && digits(&text[gap..]) >= 4
    };
    line.contains('©')
        || line.match_indices('(').any(|(at, _)| {
            let text = &line[at + 1..];
            prefix_ci(text, "c)").is_some_and(|n| year_after(&text[n..], false))
        })
        || word_starts_in(line).any(|at| {
            let text = &line[at..];
            prefix_ci(text, "copyright").is_some_and(|n| year_after(&text[n..], true))
        })
}

/// Agencies that close a credit line.
const AGENCIES: [&str; 15] = [
    "ap",
    "afp",
    "reuters",
    "getty",
    "getty images",
    "associated press",
    "epa",
    "dpa",
    "bloomberg",
    "shutterstock",
    "xinhua",
    "anadolu",
    "tass",
    "ria novosti",
    "afp via getty images",
];

/// `(?i)(?:[,/|]|\bvia)\s*(?:the\s+)?(?:ap|afp|reuters|…|afp via getty images|reuters/[\w .-]+)\s*$`:
/// "Jane Doe, AP", "John Roe/Reuters", "City Archive via AP".
pub fn agency_credit(line: &str) -> bool {
    let end = line.trim_end().len();
    // Where the run of `[\w .-]` that ends the line (before its trailing
    // whitespace) starts, for "Reuters/Jane Doe".
    let tail_start = line[..end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word(c) || matches!(c, ' ' | '.' | '-'))
        .last()
        .map_or(end, |(at, _)| at);
    let after_separators = line
        .match_indices([',', '/', '|'])
        .map(|(at, s)| at + s.len());
    let after_via =
        word_starts_in(line).filter_map(|at| prefix_ci(&line[at..], "via").map(|n| at + n));
    after_separators.chain(after_via).any(|from| {
        let from = from + whitespace(&line[from..]);
        // `(?:the\s+)?`
        let after_the = prefix_ci(&line[from..], "the").and_then(|n| {
            let gap = whitespace(&line[from + n..]);
            (gap > 0).then_some(from + n + gap)
        });
        [Some(from), after_the]
            .into_iter()
            .flatten()
            .any(|at| agency_closes(line, at, end, tail_start))
    })
}

/// Whether an agency at byte `at` runs to `end` (the line without its
/// trailing whitespace); `tail_start` as in [`agency_credit`].
fn agency_closes(line: &str, at: usize, end: usize, tail_start: usize) -> bool {
    let text = &line[at..];
    let named = AGENCIES
        .iter()
        .any(|agency| prefix_ci(text, agency).is_some_and(|n| at + n == end));
    named
        || prefix_ci(text, "reuters/").is_some_and(|n| {
            let tail = at + n;
            // `[\w .-]+` then `\s*$`: a non-empty run of those characters
            // to the end, or, with nothing but whitespace left, a space.
            if tail < end {
                tail >= tail_start
            } else {
                line[tail..].starts_with(' ')
            }
        })
}

/// `(?i)\b(?:photo|image|picture|credit|foto|bild|crédit|crédito|фото)s?(?:\s+by)?\s*:\s*[^.!?:]{1,60}$`:
/// a caption ending in its credit ("... at dawn. Photo by: Sam Lee").
pub fn trailing_credit(line: &str) -> bool {
    // The colon is the last one: nothing after it may be one.
    let Some(colon) = line.rfind(':') else {
        return false;
    };
    let credit = &line[colon + 1..];
    let named = credit.trim_start().chars().count();
    if credit.is_empty() || credit.contains(['.', '!', '?']) || named > 60 {
        return false;
    }
    word_starts_in(&line[..colon]).any(|at| {
        let text = &line[at..];
        credit_word_ends(text, &CREDIT_WORDS).any(|n| {
            let rest = &text[n..];
            let gap = whitespace(rest);
            let by = (gap > 0)
                .then(|| prefix_ci(&rest[gap..], "by"))
                .flatten()
                .map(|m| gap + m);
            [Some(0), by].into_iter().flatten().any(|skip| {
                let rest = &rest[skip..];
                at + n + skip + whitespace(rest) == colon
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    /// The expressions these functions replace, with `\d` as `[0-9]`.
    struct Reference {
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

    /// Compiled once: a debug build takes long over eleven expressions.
    fn reference() -> &'static Reference {
        static REFERENCE: std::sync::OnceLock<Reference> = std::sync::OnceLock::new();
        REFERENCE.get_or_init(compile_reference)
    }

    fn compile_reference() -> Reference {
        let re = |p: &str| Regex::new(&p.replace(r"\d", "[0-9]")).unwrap();
        Reference {
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
            agency_credit: re(
                r"(?i)(?:[,/|]|\bvia)\s*(?:the\s+)?(?:ap|afp|reuters|getty|getty images|associated press|epa|dpa|bloomberg|shutterstock|xinhua|anadolu|tass|ria novosti|afp via getty images|reuters/[\w .-]+)\s*$",
            ),
            trailing_credit: re(
                r"(?i)\b(?:photo|image|picture|credit|foto|bild|crédit|crédito|фото)s?(?:\s+by)?\s*:\s*[^.!?:]{1,60}$",
            ),
            copyright_mark: re(r"(?i)©|\(c\)\s*\d{4}|\bcopyright\s+\d{4}"),
        }
    }

    /// Checks every function against its expression on `line`.
    fn agrees(re: &Reference, line: &str) {
        let linked: usize = re.link_markdown.find_iter(line).map(|m| m.len()).sum();
        let checks = [
            (
                "image_markdown",
                image_markdown(line),
                re.image_markdown.is_match(line),
            ),
            ("link_markdown", linked_bytes(line) == linked, true),
            ("bare_url", bare_url(line), re.bare_url.is_match(line)),
            ("time", clock_time(line), re.time.is_match(line)),
            (
                "numeric_date",
                numeric_date(line),
                re.numeric_date.is_match(line),
            ),
            (
                "relative_time",
                relative_time(line),
                re.relative_time.is_match(line),
            ),
            ("credit", credit(line), re.credit.is_match(line)),
            (
                "menu_separators",
                menu_separators(line) == re.menu_separators.find_iter(line).count(),
                true,
            ),
            (
                "copyright_mark",
                copyright_mark(line),
                re.copyright_mark.is_match(line),
            ),
            (
                "agency_credit",
                agency_credit(line),
                re.agency_credit.is_match(line),
            ),
            (
                "trailing_credit",
                trailing_credit(line),
                re.trailing_credit.is_match(line),
            ),
        ];
        for (name, ours, expected) in checks {
            assert_eq!(ours, expected, "{name} on {line:?}");
        }
    }

    /// Pieces that the expressions care about, and some they must pass over.
    const PIECES: &[&str] = &[
        "photo",
        "Photos",
        "PHOTO",
        "image",
        "picture",
        "credit",
        "Credit",
        "crédit",
        "crédito",
        "CRÉDITO",
        "foto",
        "Bild",
        "фото",
        "ФОТО",
        "by",
        "By",
        "via",
        "the",
        "The",
        "AP",
        "ap photo",
        "AFP",
        "Reuters",
        "reuters/",
        "getty",
        "Getty Images",
        "Associated Press",
        "ria novosti",
        "xinhua",
        "Shutterstock",
        "updated",
        "Updated",
        "Mis à jour",
        "publié",
        "обновлено",
        "Опубликовано",
        "minutes",
        "min",
        "Hours",
        "hrs",
        "day",
        "weeks",
        "ago",
        "AGO",
        "copyright",
        "Copyright",
        "(c)",
        "(C)",
        "©",
        "http://",
        "https://",
        "www.",
        "example.org",
        "![",
        "[",
        "]",
        "](",
        "(",
        ")",
        "<",
        ">",
        ":",
        ".",
        "...",
        "…",
        "/",
        "|",
        "•",
        "·",
        "»",
        "-",
        ",",
        "$",
        "€",
        "£",
        "_",
        "am",
        "p.m.",
        "Uhr",
        "h",
        "H",
        "0",
        "1",
        "9",
        "12",
        "30",
        "2024",
        "05",
        "123",
        "2024-05-01",
        "1.5.24",
        "12/31/2024",
        " ",
        " ",
        "  ",
        "\t",
        "\u{a0}",
        "é",
        "жизнь",
        "中文",
        "x",
        "Sam Lee",
        "s",
        "S",
    ];

    fn line() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..14).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn each_function_matches_as_its_expression_did(line in line()) {
            agrees(reference(), &line);
        }
    }

    #[test]
    fn the_shapes_each_function_knows() {
        let re = reference();
        let lines = [
            "![A crane over the quay](https://example.org/crane.jpg)",
            "  [![Logo](/logo.png)](/)",
            "![broken](no close",
            "Read [the report](https://example.org/r) and [the reply](/r2).",
            "[a [b](c) [d] (e) [f](g h)",
            "https://example.org/story?id=4",
            "<www.example.org>",
            "http:// spaced out",
            "Updated 9:30 a.m., 18h45 or 10.15 pm",
            "It cost $9.30 and 4,10.30",
            "Published 2024-05-01; also 1.5.24 and 12/31/2024",
            "Versions 2024-05-011 and 1.5.24a are not dates",
            "Mis à jour le 3 mai",
            "Updatedness",
            "5 hours ago",
            "posted 12 mins  AGO.",
            "5 hoursago",
            "Photo by Sam Lee",
            "Photos: Sam Lee",
            "Picture credit Sam Lee",
            "Crédito: Ana Ruiz",
            "A crane at dawn (Photo: Sam Lee)",
            "A crane (photos:\tSam Lee)  ",
            "A crane (Photo: Sam) and (Image Sam)",
            "AP Photo",
            "Getty Imagesx",
            "Home | News | Sport",
            "a | | b / c",
            "© 2024 Gazette",
            "(c)2024 Gazette",
            "Copyright 2024",
            "Copyright2024",
            "Jane Doe, AP",
            "John Roe/Reuters ",
            "City Archive via the AP",
            "Harbour scene, Reuters/Jane Doe-Smith Jr.",
            "Harbour scene, reuters/ ",
            "Harbour scene, reuters/\t",
            "Quay at dawn. Photo by: Sam Lee",
            "Quay at dawn. Photo: Sam Lee, Harbour Press, with thanks to everyone who helped",
            "Photo: what?",
        ];
        for line in lines {
            agrees(re, line);
        }
        assert!(image_markdown(lines[0]) && image_markdown(lines[1]));
        assert_eq!(menu_separators("Home | News | Sport"), 2);
        assert!(clock_time("Updated 9:30 a.m.") && !clock_time("It cost $9.30"));
        assert!(agency_credit("City Archive via the AP"));
        assert!(trailing_credit("Quay at dawn. Photo by: Sam Lee"));
    }

    #[test]
    fn long_hostile_lines_take_linear_time() {
        // Each line would make a naive scan quadratic: every pattern's time
        // on the line four times as long must stay within a linear bound.
        let units: [(&str, &str); 7] = [
            ("[a](", ""),
            ("[", ""),
            ("(photo ", ")"),
            (", ", ""),
            ("1 ", ""),
            ("photo ", ":"),
            (" / ", ""),
        ];
        for (unit, end) in units {
            crate::analysis::linear_time::assert_linear(
                &format!("a line of {unit:?} repeated"),
                1_000,
                |n| unit.repeat(n) + end,
                |line| {
                    std::hint::black_box((
                        image_markdown(line),
                        linked_bytes(line),
                        bare_url(line),
                        clock_time(line),
                        numeric_date(line),
                        relative_time(line),
                        credit(line),
                        menu_separators(line),
                        copyright_mark(line),
                        agency_credit(line),
                        trailing_credit(line),
                    ));
                },
            );
        }
    }
}
