//! The checkable parts of a claim and what kind of claim it is: what a
//! fact-checker will verify inside the sentence (figures, quantities, dates,
//! named entities, comparisons), and a type that says how it is checked
//! (a quantity against statistics, a prediction against what happened, a
//! cause against evidence of it...), each with the reason it was given.
//!
//! The type reads the claim scorer's own cues ([`claims::cues::detect`]) for
//! causes, promises and attributions, and the parts found here for figures
//! and comparisons; nothing here changes a claim's score.
//!
//! ```
//! use article_annotator::analysis::claim_parts::{claim_type, parts, ClaimType, PartKind};
//! let claim = "Exports to Norway rose by 12% in 2023, more than in any year since 1990.";
//! let kinds: Vec<PartKind> = parts(claim).iter().map(|p| p.kind).collect();
//! assert!(kinds.contains(&PartKind::Entity) && kinds.contains(&PartKind::Date));
//! assert_eq!(claim_type(claim).kind, ClaimType::Comparison);
//! ```
//!
//! Offsets count code points of the claim's own text, end exclusive.

use crate::analysis::claims::cues::{self, ClaimCue};
use serde::{Deserialize, Serialize};

/// What a part of a claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartKind {
    /// A number, a percentage, an amount of money.
    Figure,
    /// A figure with what it counts ("12,000 passengers", "4.2 million euros").
    Quantity,
    /// A date, a year, a weekday, a month.
    Date,
    /// A name: a person, a place, an organisation, a law.
    Entity,
    /// A comparison or a superlative ("more than", "rose by", "the highest").
    Comparison,
}

impl PartKind {
    pub const ALL: [PartKind; 5] = [
        PartKind::Figure,
        PartKind::Quantity,
        PartKind::Date,
        PartKind::Entity,
        PartKind::Comparison,
    ];

    /// The lowercase name used in CSS (`data-part`) and the reasons.
    pub fn as_str(self) -> &'static str {
        match self {
            PartKind::Figure => "figure",
            PartKind::Quantity => "quantity",
            PartKind::Date => "date",
            PartKind::Entity => "entity",
            PartKind::Comparison => "comparison",
        }
    }
}

/// One checkable part of a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub kind: PartKind,
    /// Code points of the claim's text.
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// How a claim is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimType {
    /// A figure, an amount, a count: checked against statistics and records.
    Quantity,
    /// Something that will happen: checked later, or against forecasts.
    Prediction,
    /// One thing caused another: checked against evidence of the link.
    Causal,
    /// More, less, the most: checked against both sides of the comparison.
    Comparison,
    /// What someone said: checked against the record of what they said.
    QuoteOfSomeone,
    /// What the speaker lived through: hard to check from outside.
    PersonalExperience,
    /// What a law or rule says or allows: checked against its text.
    LawOrRule,
    /// None of these.
    Other,
}

impl ClaimType {
    pub const ALL: [ClaimType; 8] = [
        ClaimType::Quantity,
        ClaimType::Prediction,
        ClaimType::Causal,
        ClaimType::Comparison,
        ClaimType::QuoteOfSomeone,
        ClaimType::PersonalExperience,
        ClaimType::LawOrRule,
        ClaimType::Other,
    ];

    /// The label people read.
    pub fn label(self) -> &'static str {
        match self {
            ClaimType::Quantity => "Quantity",
            ClaimType::Prediction => "Prediction",
            ClaimType::Causal => "Causal",
            ClaimType::Comparison => "Comparison",
            ClaimType::QuoteOfSomeone => "Quote of someone",
            ClaimType::PersonalExperience => "Personal experience",
            ClaimType::LawOrRule => "Law or rule",
            ClaimType::Other => "Other",
        }
    }

    /// The kebab-case name (`data-type`, JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimType::Quantity => "quantity",
            ClaimType::Prediction => "prediction",
            ClaimType::Causal => "causal",
            ClaimType::Comparison => "comparison",
            ClaimType::QuoteOfSomeone => "quote-of-someone",
            ClaimType::PersonalExperience => "personal-experience",
            ClaimType::LawOrRule => "law-or-rule",
            ClaimType::Other => "other",
        }
    }

    /// Parses [`ClaimType::as_str`].
    pub fn from_name(name: &str) -> Option<ClaimType> {
        ClaimType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// A claim's type and why it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Typed {
    pub kind: ClaimType,
    pub reason: String,
}

/// Words that scale a number ("4.2 million").
const SCALES: &[&str] = &[
    "hundred",
    "thousand",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "bn",
    "m",
    "k",
    "percent",
    "per",
    "cent",
    "percentage",
    "points",
];
/// Numbers written as words.
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "half",
    "third",
    "quarter",
    "double",
    "twice",
    "triple",
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
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
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const RELATIVE_DAYS: &[&str] = &["yesterday", "today", "tomorrow", "tonight"];
/// "last year", "next week".
const PERIODS: &[&str] = &[
    "year", "years", "month", "months", "week", "weeks", "decade", "century", "quarter", "spring",
    "summer", "autumn", "winter", "season",
];
/// Words after a figure that do not name what it counts.
const NOT_COUNTED: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "from", "with",
    "than", "as", "is", "was", "were", "are", "be", "been", "that", "which", "who", "this", "it",
    "its", "their", "his", "her", "more", "less", "fewer", "over", "under", "about", "since",
    "after", "before", "per", "cent", "percent", "if", "but", "so", "when", "while",
];
/// Comparisons of two or more words, as lower-case words.
const COMPARISON_PHRASES: &[&[&str]] = &[
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["rather", "than"],
    &["compared", "with"],
    &["compared", "to"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["twice", "as"],
    &["the", "most"],
    &["the", "least"],
    &["the", "highest"],
    &["the", "lowest"],
    &["the", "largest"],
    &["the", "biggest"],
    &["the", "smallest"],
    &["the", "best"],
    &["the", "worst"],
    &["a", "record"],
    &["record", "high"],
    &["record", "low"],
];
/// Verbs of change that compare two moments when a "by", "from", "to" or a
/// figure follows.
const CHANGES: &[&str] = &[
    "rose",
    "risen",
    "rise",
    "rises",
    "fell",
    "fallen",
    "fall",
    "falls",
    "increased",
    "increase",
    "increases",
    "decreased",
    "decrease",
    "decreases",
    "grew",
    "grown",
    "dropped",
    "doubled",
    "tripled",
    "halved",
    "declined",
    "climbed",
    "jumped",
    "soared",
    "plunged",
    "cut",
    "raised",
    "reduced",
];
/// Words that make a claim about a law or rule.
const LAW_WORDS: &[&str] = &[
    "law",
    "laws",
    "legal",
    "illegal",
    "unlawful",
    "lawful",
    "constitution",
    "constitutional",
    "unconstitutional",
    "regulation",
    "regulations",
    "rule",
    "rules",
    "ruled",
    "ban",
    "bans",
    "banned",
    "prohibited",
    "forbidden",
    "mandatory",
    "statute",
    "treaty",
    "decree",
    "court",
    "legislation",
    "bill",
    "allowed",
    "permitted",
    "requires",
    "required",
];
/// Words of a future or a forecast.
const FUTURE: &[&str] = &[
    "will",
    "won't",
    "shall",
    "forecast",
    "forecasts",
    "predicted",
    "predicts",
    "projected",
    "expects",
    "expected",
    "plans",
    "planned",
    "intends",
];
/// Phrases of a future ("going to", "next year").
const FUTURE_PHRASES: &[&[&str]] = &[
    &["going", "to"],
    &["set", "to"],
    &["next", "year"],
    &["next", "month"],
    &["next", "week"],
    &["by", "2030"],
    &["by", "2050"],
];
const FIRST_PERSON: &[&str] = &[
    "i", "i'm", "i've", "i'd", "me", "my", "we", "we've", "our", "us",
];
/// Little words allowed inside a name ("Bank of England").
const NAME_JOINERS: &[&str] = &[
    "of", "de", "del", "der", "van", "von", "la", "le", "al", "bin",
];

/// A word of the claim: its code points, its text and its lower-cased bare
/// form (edge punctuation removed, currency signs and "%" kept).
#[derive(Debug, Clone)]
struct Token {
    start: usize,
    end: usize,
    bare: String,
    lower: String,
    /// The word ends a sentence or a clause (".", "!", "?", ":", ";").
    ends_clause: bool,
    /// Punctuation follows the word ("," among others): a name stops there.
    punctuated: bool,
}

fn keeps(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '%' | '$' | '€' | '£' | '¥' | '₽' | '\'' | '’')
}

fn tokens(claim: &str) -> Vec<Token> {
    let chars: Vec<char> = claim.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let word_start = i;
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        let word = &chars[word_start..i];
        let lead = word.iter().take_while(|c| !keeps(**c)).count();
        let trail = word[lead..]
            .iter()
            .rev()
            .take_while(|c| !keeps(**c))
            .count();
        let core = &word[lead..word.len() - trail];
        // A word's own trailing apostrophe is punctuation here.
        let core_len = core.len().saturating_sub(usize::from(
            core.last().is_some_and(|c| matches!(c, '\'' | '’')),
        ));
        let core = &core[..core_len];
        if core.is_empty() {
            continue;
        }
        let bare: String = core.iter().collect();
        let start = word_start + lead;
        out.push(Token {
            start,
            end: start + core.len(),
            lower: bare.to_lowercase(),
            bare,
            ends_clause: word[lead + core.len()..]
                .iter()
                .any(|c| matches!(c, '.' | '!' | '?' | ':' | ';')),
            punctuated: word[lead + core.len()..]
                .iter()
                .any(|c| matches!(c, ',' | '.' | '!' | '?' | ':' | ';' | ')' | '—')),
        });
    }
    out
}

fn is_numeral(token: &Token) -> bool {
    token.bare.chars().any(|c| c.is_ascii_digit())
}

fn is_year(token: &Token) -> bool {
    let digits = token.bare.strip_suffix('s').unwrap_or(&token.bare);
    digits.len() == 4
        && digits.chars().all(|c| c.is_ascii_digit())
        && (digits.starts_with("18") || digits.starts_with("19") || digits.starts_with("20"))
}

fn in_list(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// Whether the words from `at` are `phrase`.
fn phrase_at(tokens: &[Token], at: usize, phrase: &[&str]) -> bool {
    phrase
        .iter()
        .enumerate()
        .all(|(k, word)| tokens.get(at + k).is_some_and(|t| t.lower == *word))
}

/// Records a part over tokens `from..to` unless one is already there.
fn take(
    taken: &mut [bool],
    found: &mut Vec<(PartKind, usize, usize)>,
    kind: PartKind,
    from: usize,
    to: usize,
) {
    if to > from && taken[from..to].iter().all(|t| !t) {
        taken[from..to].iter_mut().for_each(|t| *t = true);
        found.push((kind, from, to));
    }
}

/// The checkable parts of `claim`, in text order; parts do not overlap.
pub fn parts(claim: &str) -> Vec<Part> {
    let tokens = tokens(claim);
    let mut found: Vec<(PartKind, usize, usize)> = Vec::new(); // token ranges
    let mut taken = vec![false; tokens.len()];

    // Dates first: a year or a day of the month is not a figure to count.
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let month = in_list(MONTHS, &t.lower) && t.bare.starts_with(char::is_uppercase);
        // "May" is a month only beside a day or a year.
        let may = t.bare == "May"
            && (tokens.get(i + 1).is_some_and(is_numeral)
                || i.checked_sub(1).is_some_and(|j| is_numeral(&tokens[j])));
        if month || may {
            let mut from = i;
            let mut to = i + 1;
            if from > 0 && is_numeral(&tokens[from - 1]) && tokens[from - 1].bare.len() <= 4 {
                from -= 1;
            }
            while to < tokens.len()
                && to < i + 3
                && is_numeral(&tokens[to])
                && !tokens[to - 1].ends_clause
            {
                to += 1;
            }
            take(&mut taken, &mut found, PartKind::Date, from, to);
            i = to;
            continue;
        }
        if in_list(WEEKDAYS, &t.lower) || in_list(RELATIVE_DAYS, &t.lower) || is_year(t) {
            take(&mut taken, &mut found, PartKind::Date, i, i + 1);
        } else if matches!(t.lower.as_str(), "last" | "next" | "this" | "past")
            && tokens
                .get(i + 1)
                .is_some_and(|n| in_list(PERIODS, &n.lower))
        {
            take(&mut taken, &mut found, PartKind::Date, i, i + 2);
            i += 2;
            continue;
        }
        i += 1;
    }

    // Comparisons: phrases, "-er than", and changes measured by something.
    for i in 0..tokens.len() {
        if let Some(phrase) = COMPARISON_PHRASES.iter().find(|p| phrase_at(&tokens, i, p)) {
            take(
                &mut taken,
                &mut found,
                PartKind::Comparison,
                i,
                i + phrase.len(),
            );
        } else if tokens[i].lower.len() > 3
            && tokens[i].lower.ends_with("er")
            && tokens.get(i + 1).is_some_and(|t| t.lower == "than")
        {
            take(&mut taken, &mut found, PartKind::Comparison, i, i + 2);
        } else if in_list(CHANGES, &tokens[i].lower)
            && tokens
                .get(i + 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "by" | "from" | "to") || is_numeral(t))
        {
            let with_by = tokens[i + 1].lower == "by";
            let to = i + 1 + usize::from(with_by);
            take(&mut taken, &mut found, PartKind::Comparison, i, to);
        } else if tokens[i].lower.ends_with("est")
            && tokens[i].lower.len() > 5
            && i > 0
            && tokens[i - 1].lower == "the"
        {
            take(&mut taken, &mut found, PartKind::Comparison, i - 1, i + 1);
        }
    }

    // Figures, with their scale words, and what they count.
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let numeral = is_numeral(t) && !taken[i];
        let word_number = in_list(NUMBER_WORDS, &t.lower)
            && !taken[i]
            && tokens
                .get(i + 1)
                .is_some_and(|n| !in_list(NOT_COUNTED, &n.lower) || in_list(SCALES, &n.lower));
        if !(numeral || word_number) {
            i += 1;
            continue;
        }
        let mut to = i + 1;
        while to < tokens.len()
            && !taken[to]
            && !tokens[to - 1].ends_clause
            && (in_list(SCALES, &tokens[to].lower) || in_list(NUMBER_WORDS, &tokens[to].lower))
        {
            to += 1;
        }
        let counted = tokens.get(to).filter(|n| {
            !taken[to]
                && !tokens[to - 1].ends_clause
                && n.bare.chars().all(char::is_alphabetic)
                && n.bare.starts_with(char::is_lowercase)
                && !in_list(NOT_COUNTED, &n.lower)
                && !in_list(CHANGES, &n.lower)
        });
        match counted {
            Some(_) => take(&mut taken, &mut found, PartKind::Quantity, i, to + 1),
            None => take(&mut taken, &mut found, PartKind::Figure, i, to),
        }
        i = to;
    }

    // Names: capitalised words not opening the sentence, or opening it
    // beside another capitalised word ("Ana Berg said...").
    let capital = |t: &Token| {
        t.bare.starts_with(char::is_uppercase)
            && t.bare != "I"
            && !t.bare.starts_with("I'")
            && !t.bare.starts_with("I’")
            && !in_list(MONTHS, &t.lower)
            && !in_list(WEEKDAYS, &t.lower)
    };
    let mut i = 0;
    while i < tokens.len() {
        let opens = i == 0 || tokens[i - 1].ends_clause;
        if taken[i] || !capital(&tokens[i]) {
            i += 1;
            continue;
        }
        let mut to = i + 1;
        loop {
            if to < tokens.len() && !taken[to] && capital(&tokens[to]) && !tokens[to - 1].punctuated
            {
                to += 1;
            } else if to + 1 < tokens.len()
                && in_list(NAME_JOINERS, &tokens[to].lower)
                && !tokens[to - 1].punctuated
                && !tokens[to].punctuated
                && capital(&tokens[to + 1])
                && !taken[to + 1]
            {
                to += 2;
            } else {
                break;
            }
        }
        if !opens || to > i + 1 {
            take(&mut taken, &mut found, PartKind::Entity, i, to);
        }
        i = to;
    }

    found.sort_by_key(|&(_, from, _)| from);
    let chars: Vec<char> = claim.chars().collect();
    found
        .into_iter()
        .map(|(kind, from, to)| {
            let (start, end) = (tokens[from].start, tokens[to - 1].end);
            Part {
                kind,
                start,
                end,
                text: chars[start..end].iter().collect(),
            }
        })
        .collect()
}

/// The names of people and organisations in `text` (names of two words or
/// more, each once, in the order they first appear; at most `limit`), for
/// picking a quote's speaker.
pub fn names(text: &str, limit: usize) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for line in text.lines() {
        for part in parts(line) {
            if seen.len() >= limit {
                return seen;
            }
            if part.kind == PartKind::Entity
                && part.text.split_whitespace().count() >= 2
                && !seen.contains(&part.text)
            {
                seen.push(part.text);
            }
        }
    }
    seen
}

/// The claim's type and the reason for it, the first that applies of:
/// prediction, causal, comparison, law or rule, quantity, quote of someone,
/// personal experience, other. What is said about the future or a cause is
/// what needs checking even when it carries figures; a figure is checked
/// before who said it.
pub fn claim_type(claim: &str) -> Typed {
    let tokens = tokens(claim);
    let hits = cues::detect(claim);
    let cue = |wanted: ClaimCue| hits.iter().find(|h| h.cue == wanted);
    let typed = |kind: ClaimType, why: String| Typed { kind, reason: why };
    let quoted = |words: &str| format!("'{words}'");

    // A prediction: a future or a promise.
    let future = tokens
        .iter()
        .find(|t| in_list(FUTURE, &t.lower) || t.lower.ends_with("'ll") || t.lower.ends_with("’ll"))
        .map(|t| t.bare.clone())
        .or_else(|| {
            (0..tokens.len()).find_map(|i| {
                FUTURE_PHRASES
                    .iter()
                    .find(|p| phrase_at(&tokens, i, p))
                    .map(|p| p.join(" "))
            })
        });
    if let Some(words) = future {
        return typed(
            ClaimType::Prediction,
            format!("says what will happen: {}", quoted(&words)),
        );
    }
    if cue(ClaimCue::Promise).is_some() || cue(ClaimCue::Hypothetical).is_some() {
        return typed(
            ClaimType::Prediction,
            "a promise, a plan or a hypothetical".to_string(),
        );
    }
    if let Some(hit) = cue(ClaimCue::CausalLink) {
        let words = hit.words.clone().unwrap_or_else(|| "a causal link".into());
        return typed(
            ClaimType::Causal,
            format!("links a cause and an effect: {}", quoted(&words)),
        );
    }
    let found = parts(claim);
    let first = |kind: PartKind| found.iter().find(|p| p.kind == kind);
    if let Some(part) = first(PartKind::Comparison) {
        return typed(
            ClaimType::Comparison,
            format!("compares: {}", quoted(&part.text)),
        );
    }
    if let Some(law) = tokens.iter().find(|t| in_list(LAW_WORDS, &t.lower)) {
        return typed(
            ClaimType::LawOrRule,
            format!("about what a law or rule says: {}", quoted(&law.bare)),
        );
    }
    if let Some(part) = first(PartKind::Quantity).or(first(PartKind::Figure)) {
        return typed(
            ClaimType::Quantity,
            format!("states a figure: {}", quoted(&part.text)),
        );
    }
    let in_quotation = claim
        .trim_start()
        .starts_with(['"', '“', '«', '\'', '‘', '„']);
    let attributed = cue(ClaimCue::Attribution).or(cue(ClaimCue::ReportingVerb));
    if in_quotation || attributed.is_some() {
        let why = match attributed.and_then(|h| h.words.clone()) {
            Some(words) => format!("reports what someone said: {}", quoted(&words)),
            None => "a quotation".to_string(),
        };
        return typed(ClaimType::QuoteOfSomeone, why);
    }
    if let Some(me) = tokens.iter().find(|t| in_list(FIRST_PERSON, &t.lower)) {
        return typed(
            ClaimType::PersonalExperience,
            format!("the speaker's own experience: {}", quoted(&me.bare)),
        );
    }
    typed(
        ClaimType::Other,
        "no figure, comparison, cause, rule, forecast or attribution found".to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(claim: &str) -> Vec<(PartKind, String)> {
        parts(claim).into_iter().map(|p| (p.kind, p.text)).collect()
    }

    fn of(kind: PartKind, text: &str) -> (PartKind, String) {
        (kind, text.to_string())
    }

    #[test]
    fn figures_quantities_dates_names_and_comparisons_are_marked() {
        let claim =
            "The council approved 4.2 million euros for the ferry on Tuesday, officials said.";
        assert_eq!(
            found(claim),
            [
                of(PartKind::Quantity, "4.2 million euros"),
                of(PartKind::Date, "Tuesday"),
            ]
        );
        let claim = "Exports to Norway rose by 12% in 2023, more than in any year since 1990.";
        assert_eq!(
            found(claim),
            [
                of(PartKind::Entity, "Norway"),
                of(PartKind::Comparison, "rose by"),
                of(PartKind::Figure, "12%"),
                of(PartKind::Date, "2023"),
                of(PartKind::Comparison, "more than"),
                of(PartKind::Date, "1990"),
            ]
        );
        assert_eq!(
            found("Ana Berg met the Bank of England governor on 3 May 2024."),
            [
                of(PartKind::Entity, "Ana Berg"),
                of(PartKind::Entity, "Bank of England"),
                of(PartKind::Date, "3 May 2024"),
            ]
        );
        assert_eq!(
            found("It was the deadliest storm since last year and cost twelve lives."),
            [
                of(PartKind::Comparison, "the deadliest"),
                of(PartKind::Date, "last year"),
                of(PartKind::Quantity, "twelve lives"),
            ]
        );
    }

    #[test]
    fn offsets_count_code_points_of_the_claim() {
        let claim = "Zoë’s café in Kraków sold 1,200 “pierogi” on Friday.";
        for part in parts(claim) {
            let slice: String = claim
                .chars()
                .skip(part.start)
                .take(part.end - part.start)
                .collect();
            assert_eq!(slice, part.text);
        }
        assert!(found(claim).contains(&of(PartKind::Entity, "Kraków")));
        assert!(found(claim).contains(&of(PartKind::Quantity, "1,200 “pierogi")));
    }

    #[test]
    fn a_capital_opening_the_sentence_alone_is_no_name_and_may_is_a_month_only_with_a_day() {
        assert!(found("Residents gathered at the pier.").is_empty());
        assert!(found("You may go now.").is_empty());
        assert_eq!(
            found("I left in May 2020."),
            [of(PartKind::Date, "May 2020")]
        );
    }

    #[test]
    fn each_claim_gets_a_type_with_its_reason() {
        let cases = [
            (
                "Unemployment fell to 3.1% in June.",
                ClaimType::Comparison,
                "fell",
            ),
            (
                "The plant employs 1,200 people.",
                ClaimType::Quantity,
                "1,200 people",
            ),
            (
                "Prices will rise again next year.",
                ClaimType::Prediction,
                "will",
            ),
            (
                "The river flooded because of the heavy rain.",
                ClaimType::Causal,
                "because",
            ),
            (
                "Unemployment is higher than in Spain.",
                ClaimType::Comparison,
                "higher than",
            ),
            (
                "Selling the drug is illegal in Norway.",
                ClaimType::LawOrRule,
                "illegal",
            ),
            (
                "According to the mayor, nobody was hurt.",
                ClaimType::QuoteOfSomeone,
                "according to",
            ),
            (
                "I grew up in that town and saw the mill close.",
                ClaimType::PersonalExperience,
                "I",
            ),
            (
                "The sky over the harbour was grey.",
                ClaimType::Other,
                "no figure",
            ),
        ];
        for (claim, kind, why) in cases {
            let typed = claim_type(claim);
            assert_eq!(typed.kind, kind, "{claim}: {typed:?}");
            assert!(typed.reason.contains(why), "{claim}: {}", typed.reason);
        }
    }

    #[test]
    fn names_are_the_multi_word_entities_in_order() {
        let text =
            "Ana Berg met Omar Lind in Oslo.\nLater, Ana Berg said the Bank of England agreed.";
        assert_eq!(
            names(text, 10),
            ["Ana Berg", "Omar Lind", "Bank of England"]
        );
        assert_eq!(names(text, 1), ["Ana Berg"]);
    }

    #[test]
    fn type_names_round_trip() {
        for t in ClaimType::ALL {
            assert_eq!(ClaimType::from_name(t.as_str()), Some(t));
            assert!(!t.label().is_empty());
        }
        assert_eq!(ClaimType::from_name("nonsense"), None);
    }
}
