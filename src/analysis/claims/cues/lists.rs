//! The cues' word lists ("said", "according to", "perhaps"...), named by
//! [`List`], and one lexicon over all of them: each sentence word is looked
//! up once and learns every list it starts an entry of, instead of each cue
//! scanning its lists word by word.

use crate::analysis::fnv::FnvMap;
use std::sync::OnceLock;

const NUMBER_WORDS: &[&str] = &[
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
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "dozen",
    "dozens",
    "half",
    "twice",
    "double",
    "doubled",
    "triple",
    "tripled",
    "quadrupled",
];
const CURRENCIES: &[&str] = &[
    "dollar", "dollars", "euro", "euros", "pounds", "ruble", "rubles", "rouble", "roubles", "yuan",
    "yen", "bucks",
];
const MONEY_WORDS: &[&str] = &[
    "budget", "deficit", "debt", "spending", "salary", "wage", "wages", "price", "prices",
    "priced", "cost", "costs",
];
const UNITS: &[&str] = &[
    "m",
    "km",
    "kms",
    "kilometers",
    "kilometres",
    "miles",
    "mile",
    "acres",
    "tons",
    "tonnes",
    "barrels",
    "people",
    "persons",
    "jobs",
    "troops",
    "soldiers",
    "civilians",
    "deaths",
    "cases",
    "votes",
    "americans",
    "workers",
    "children",
    "families",
    "students",
    "times",
];
/// "May" is left out: as a modal verb it is far more common than the month.
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
    "aug",
    "sept",
    "oct",
    "nov",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
];
const PERIODS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "decade",
    "decades",
    "century",
    "centuries",
    "hour",
    "hours",
];
const COUNTS: &[&str] = &[
    "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty",
    "several", "many", "few",
];
const COMPARED: &[&str] = &[
    "more", "less", "fewer", "higher", "lower", "greater", "smaller", "bigger", "larger", "better",
    "worse",
];
const CHANGES: &[&str] = &[
    "increase",
    "increased",
    "increases",
    "increasing",
    "decrease",
    "decreased",
    "decreases",
    "rose",
    "risen",
    "rising",
    "fell",
    "fallen",
    "falling",
    "grew",
    "grown",
    "dropped",
    "decline",
    "declined",
    "doubled",
    "tripled",
    "cut",
    "reduced",
    "raised",
    "up",
    "down",
];
const SUPERLATIVES: &[&str] = &[
    "most",
    "least",
    "largest",
    "biggest",
    "highest",
    "lowest",
    "fastest",
    "slowest",
    "greatest",
    "smallest",
    "worst",
    "best",
    "longest",
    "shortest",
    "deadliest",
    "strongest",
    "weakest",
    "richest",
    "poorest",
    "first-ever",
    "record",
    "all-time",
];
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "reports",
    "announced",
    "claimed",
    "claims",
    "stated",
    "estimated",
    "estimates",
    "confirmed",
    "denied",
    "accused",
    "warned",
    "admitted",
    "testified",
    "revealed",
    "disclosed",
    "found",
    "published",
];
const ATTRIBUTIONS: &[&str] = &[
    "according to",
    "in a statement",
    "a spokesman",
    "a spokeswoman",
    "officials said",
    "official said",
    "sources said",
    "data from",
    "a report by",
];
const EVIDENCE: &[&str] = &[
    "data",
    "study",
    "studies",
    "report",
    "poll",
    "polls",
    "figures",
    "records",
    "statistics",
];
const CAUSAL: &[&str] = &[
    "because of",
    "because",
    "due to",
    "caused",
    "causes",
    "led to",
    "leads to",
    "resulted in",
    "results in",
    "as a result",
    "therefore",
    "thanks to",
    "responsible for",
    "blamed",
];
const LEGAL_OR_STATISTICAL: &[&str] = &[
    "law",
    "laws",
    "legislation",
    "bill",
    "act",
    "illegal",
    "illegally",
    "legal",
    "court",
    "constitution",
    "constitutional",
    "sanction",
    "sanctions",
    "treaty",
    "convicted",
    "indicted",
    "sentenced",
    "prosecuted",
    "prosecutor",
    "prosecutors",
    "prosecution",
    "voted",
    "vote",
    "veto",
    "vetoed",
    "regulation",
    "regulations",
    "tax",
    "taxes",
    "tariff",
    "tariffs",
    "unemployment",
    "employment",
    "inflation",
    "gdp",
    "economy",
    "deficit",
    "rate",
    "rates",
    "average",
    "median",
    "statistic",
    "statistics",
    "survey",
    "poll",
    "polls",
    "census",
    "study",
    "studies",
    "data",
    "crime",
    "murder",
    "murders",
    "population",
    "percent",
    "insurance",
    "medicare",
    "medicaid",
];
const GREETINGS: &[&str] = &[
    "thank you",
    "thanks",
    "hello",
    "hi",
    "hey",
    "good morning",
    "good afternoon",
    "good evening",
    "good night",
    "welcome",
    "congratulations",
    "god bless",
    "ladies and gentlemen",
    "nice to",
    "great to see",
    "it's an honor",
    "it's a pleasure",
    "it's great",
];
const OPINION_VERBS: &[&str] = &[
    "think", "believe", "feel", "hope", "wish", "want", "love", "like", "guess", "suppose", "trust",
];
const OPINION_STATES: &[&str] = &[
    "proud",
    "sure",
    "confident",
    "honored",
    "glad",
    "happy",
    "delighted",
    "excited",
];
const HEDGES: &[&str] = &[
    "maybe",
    "perhaps",
    "might",
    "possibly",
    "probably",
    "presumably",
    "apparently",
    "seem",
    "seems",
    "seemingly",
    "allegedly",
    "reportedly",
    "kind of",
    "sort of",
    "somewhat",
    "i guess",
    "could be",
    "may be",
];
const IMPERATIVES: &[&str] = &[
    "let's", "let", "look", "listen", "imagine", "remember", "consider", "go", "join", "vote",
    "sign", "support", "please", "stop", "don't", "tell", "ask", "give", "take", "make", "come",
    "help", "watch", "read", "check", "see", "keep", "get", "name",
];
const PROMISES: &[&str] = &[
    "i'll",
    "we'll",
    "i will",
    "we will",
    "i'm going to",
    "we're going to",
    "i am going to",
    "we are going to",
    "i plan to",
    "we plan to",
    "i intend to",
    "we intend to",
    "i promise",
    "we promise",
    "i pledge",
    "we pledge",
    "when i'm president",
    "as president i",
    "my plan",
    "my proposal",
];
/// Irregular and common simple-past forms; regular ones are found by "-ed".
const PAST_FORMS: &[&str] = &[
    "did", "got", "sold", "made", "met", "sent", "built", "brought", "gave", "took", "won", "lost",
    "went", "had", "was", "were", "spent", "paid", "led", "left", "began", "became", "fought",
    "bought", "wrote", "told", "knew", "saw", "came", "ran", "rose", "fell", "grew", "said",
];
const MODALS: &[&str] = &[
    "would",
    "could",
    "should",
    "wouldn't",
    "couldn't",
    "shouldn't",
];
const MODAL_VERBS: &[&str] = &[
    "be", "have", "do", "go", "get", "make", "see", "want", "like", "say", "happen",
];

/// The word lists above, by name, so that a sentence's words can be looked
/// up once in [`lexicon`] instead of scanning every list.
#[derive(Debug, Clone, Copy)]
pub(super) enum List {
    NumberWords,
    Currencies,
    MoneyWords,
    Units,
    Months,
    Weekdays,
    Periods,
    Counts,
    Compared,
    Changes,
    Superlatives,
    Reporting,
    Attributions,
    Evidence,
    Causal,
    Legal,
    Greetings,
    OpinionVerbs,
    OpinionStates,
    Hedges,
    Imperatives,
    Promises,
    PastForms,
    Modals,
    ModalVerbs,
    Percent,
    Large,
    Multitudes,
    LastWhat,
    SpanWords,
    SpanPhrases,
    Phrases,
    Shows,
    Conditionals,
}

impl List {
    const ALL: [List; 34] = [
        List::NumberWords,
        List::Currencies,
        List::MoneyWords,
        List::Units,
        List::Months,
        List::Weekdays,
        List::Periods,
        List::Counts,
        List::Compared,
        List::Changes,
        List::Superlatives,
        List::Reporting,
        List::Attributions,
        List::Evidence,
        List::Causal,
        List::Legal,
        List::Greetings,
        List::OpinionVerbs,
        List::OpinionStates,
        List::Hedges,
        List::Imperatives,
        List::Promises,
        List::PastForms,
        List::Modals,
        List::ModalVerbs,
        List::Percent,
        List::Large,
        List::Multitudes,
        List::LastWhat,
        List::SpanWords,
        List::SpanPhrases,
        List::Phrases,
        List::Shows,
        List::Conditionals,
    ];

    pub(super) fn entries(self) -> &'static [&'static str] {
        match self {
            List::NumberWords => NUMBER_WORDS,
            List::Currencies => CURRENCIES,
            List::MoneyWords => MONEY_WORDS,
            List::Units => UNITS,
            List::Months => MONTHS,
            List::Weekdays => WEEKDAYS,
            List::Periods => PERIODS,
            List::Counts => COUNTS,
            List::Compared => COMPARED,
            List::Changes => CHANGES,
            List::Superlatives => SUPERLATIVES,
            List::Reporting => REPORTING,
            List::Attributions => ATTRIBUTIONS,
            List::Evidence => EVIDENCE,
            List::Causal => CAUSAL,
            List::Legal => LEGAL_OR_STATISTICAL,
            List::Greetings => GREETINGS,
            List::OpinionVerbs => OPINION_VERBS,
            List::OpinionStates => OPINION_STATES,
            List::Hedges => HEDGES,
            List::Imperatives => IMPERATIVES,
            List::Promises => PROMISES,
            List::PastForms => PAST_FORMS,
            List::Modals => MODALS,
            List::ModalVerbs => MODAL_VERBS,
            List::Percent => &["percent", "percentage", "per cent"],
            List::Large => &["million", "billion", "trillion"],
            List::Multitudes => &[
                "millions",
                "billions",
                "thousands",
                "hundreds",
                "dozens",
                "tens",
            ],
            List::LastWhat => &["year", "month", "week", "night", "decade", "century"],
            List::SpanWords => &["since", "decade", "decades"],
            List::SpanPhrases => &["for the first time", "for the last time", "in history"],
            List::Phrases => &[
                "taxpayer money",
                "ever recorded",
                "never before",
                "supreme court",
                "social security",
                "in my view",
                "in my opinion",
                "do not",
            ],
            List::Shows => &["show", "shows", "showed"],
            List::Conditionals => &["if", "unless", "imagine", "suppose"],
        }
    }

    pub(super) fn bit(self) -> u64 {
        1 << (self as u32)
    }
}

/// For each word, the set of lists with an entry it starts, and the set of
/// lists of which it is a whole one-word entry.
pub(super) fn lexicon() -> &'static FnvMap<&'static str, (u64, u64)> {
    static LEXICON: OnceLock<FnvMap<&'static str, (u64, u64)>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut map: FnvMap<&'static str, (u64, u64)> = FnvMap::default();
        for list in List::ALL {
            for entry in list.entries() {
                let (first, whole) = match entry.split_once(' ') {
                    Some((first, _)) => (first, 0),
                    None => (*entry, list.bit()),
                };
                let bits = map.entry(first).or_default();
                bits.0 |= list.bit();
                bits.1 |= whole;
            }
        }
        map
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::scan;

    #[test]
    fn entries_are_words_as_a_sentence_view_holds_them() {
        // Sentence words are looked up lower-cased and stripped of end
        // punctuation, and phrases are matched word by word on single
        // spaces: an entry written otherwise could never be found.
        for list in List::ALL {
            for entry in list.entries() {
                assert_eq!(*entry, entry.to_lowercase(), "{list:?}");
                for word in entry.split(' ') {
                    let bare = word.trim_matches(|c: char| !scan::is_alphanumeric(c));
                    assert!(!word.is_empty() && bare == word, "{list:?} {entry:?}");
                }
            }
        }
    }

    #[test]
    fn the_lexicon_knows_first_words_and_whole_entries() {
        let (starts, whole) = lexicon()["according"];
        assert!(starts & List::Attributions.bit() != 0);
        assert!(whole & List::Attributions.bit() == 0);
        let (starts, whole) = lexicon()["said"];
        assert!(starts & whole & List::Reporting.bit() != 0);
        assert!(!lexicon().contains_key("zebra"));
        // One bit per list in a u64.
        assert!(List::ALL.len() <= 64);
    }
}
