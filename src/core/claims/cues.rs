//! Hand-written cues of check-worthiness: the things a fact-checker looks
//! for (numbers, dates, names, attributions, causal links...) and the things
//! that make a sentence uncheckable (questions, greetings, opinions, hedges,
//! orders). Each cue is a feature of the learned model, which weighs it, and
//! a human-readable reason when it fires.

use crate::core::fnv::FnvMap;
use crate::core::scan;
use std::sync::OnceLock;

/// One kind of cue. The order is the order of the model's cue weights, so a
/// new cue goes at the end and the model is retrained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cue {
    Number,
    Percentage,
    Money,
    Quantity,
    Date,
    TimeSpan,
    Comparative,
    Superlative,
    NamedEntity,
    ReportingVerb,
    Attribution,
    CausalLink,
    LegalOrStatistical,
    Question,
    Greeting,
    FirstPersonOpinion,
    Hedge,
    Imperative,
    Promise,
    ShortSentence,
    StageDirection,
    PastEvent,
    Hypothetical,
    LongSentence,
}

impl Cue {
    pub const ALL: [Cue; 24] = [
        Cue::Number,
        Cue::Percentage,
        Cue::Money,
        Cue::Quantity,
        Cue::Date,
        Cue::TimeSpan,
        Cue::Comparative,
        Cue::Superlative,
        Cue::NamedEntity,
        Cue::ReportingVerb,
        Cue::Attribution,
        Cue::CausalLink,
        Cue::LegalOrStatistical,
        Cue::Question,
        Cue::Greeting,
        Cue::FirstPersonOpinion,
        Cue::Hedge,
        Cue::Imperative,
        Cue::Promise,
        Cue::ShortSentence,
        Cue::StageDirection,
        Cue::PastEvent,
        Cue::Hypothetical,
        Cue::LongSentence,
    ];

    /// Position of the cue's weight in the model.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The short name shown as a reason.
    pub fn name(self) -> &'static str {
        match self {
            Cue::Number => "number",
            Cue::Percentage => "percentage",
            Cue::Money => "money",
            Cue::Quantity => "quantity",
            Cue::Date => "date",
            Cue::TimeSpan => "time span",
            Cue::Comparative => "comparative",
            Cue::Superlative => "superlative",
            Cue::NamedEntity => "named entity",
            Cue::ReportingVerb => "reporting verb",
            Cue::Attribution => "attribution",
            Cue::CausalLink => "causal link",
            Cue::LegalOrStatistical => "legal or statistical term",
            Cue::Question => "question",
            Cue::Greeting => "greeting",
            Cue::FirstPersonOpinion => "first-person opinion",
            Cue::Hedge => "hedge",
            Cue::Imperative => "imperative",
            Cue::Promise => "promise or plan",
            Cue::ShortSentence => "very short sentence",
            Cue::StageDirection => "stage direction",
            Cue::PastEvent => "past event",
            Cue::Hypothetical => "hypothetical",
            Cue::LongSentence => "long sentence",
        }
    }
}

/// A cue found in a sentence: its strength in (0, 1] and the words that
/// triggered it, for the reason text.
#[derive(Debug, Clone, PartialEq)]
pub struct CueHit {
    pub cue: Cue,
    pub value: f32,
    pub words: Option<String>,
}

impl CueHit {
    /// "reporting verb 'said'", "number", ...
    pub fn reason(&self) -> String {
        match &self.words {
            Some(words) => format!("{} '{}'", self.cue.name(), words),
            None => self.cue.name().to_string(),
        }
    }
}

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
enum List {
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

    fn entries(self) -> &'static [&'static str] {
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

    fn bit(self) -> u64 {
        1 << (self as u32)
    }
}

/// For each word, the set of lists with an entry it starts, and the set of
/// lists of which it is a whole one-word entry.
fn lexicon() -> &'static FnvMap<&'static str, (u64, u64)> {
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

/// The sentence as lower-case words, punctuation stripped from their ends
/// (so that "Court," is "court"), curly apostrophes made straight, each with
/// the lists whose entries it starts and those it is a whole entry of. The
/// words are slices of one lower-cased copy of the sentence.
struct Words<'a> {
    words: Vec<&'a str>,
    lists: Vec<(u64, u64)>,
    /// The union of `lists`: a list no word touches needs no scan.
    any: (u64, u64),
}

/// The sentence lower-cased, with curly apostrophes made straight.
fn lower_case(sentence: &str) -> String {
    if sentence.is_ascii() {
        return sentence.to_ascii_lowercase();
    }
    let mut text = String::with_capacity(sentence.len());
    for c in sentence.chars() {
        if c == '\u{2019}' {
            text.push('\'');
        } else if c.is_ascii() {
            text.push(c.to_ascii_lowercase());
        } else {
            text.extend(c.to_lowercase());
        }
    }
    text
}

impl<'a> Words<'a> {
    fn new(lower: &'a str) -> Words<'a> {
        let words: Vec<&str> = scan::words(lower)
            .map(|w| w.trim_matches(|c: char| !scan::is_alphanumeric(c)))
            .filter(|w| !w.is_empty())
            .collect();
        let lexicon = lexicon();
        let lists: Vec<(u64, u64)> = words
            .iter()
            .map(|w| lexicon.get(w).copied().unwrap_or_default())
            .collect();
        let any = lists
            .iter()
            .fold((0, 0), |any, bits| (any.0 | bits.0, any.1 | bits.1));
        Words { words, lists, any }
    }

    fn len(&self) -> usize {
        self.words.len()
    }

    fn get(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// Whether word `i` is a one-word entry of `list` (or starts one).
    fn is(&self, i: usize, list: List) -> bool {
        self.lists
            .get(i)
            .is_some_and(|bits| bits.0 & list.bit() != 0)
    }

    /// The first word that is in `list`.
    fn first_of(&self, list: List) -> Option<&str> {
        if self.any.1 & list.bit() == 0 {
            return None;
        }
        (0..self.len())
            .find(|&i| self.first_of_at(i, list))
            .map(|i| self.get(i))
    }

    /// The first entry of `list` (words separated by single spaces) that
    /// the sentence contains, in the sentence's order.
    fn first_phrase(&self, list: List) -> Option<&'static str> {
        if self.any.0 & list.bit() == 0 {
            return None;
        }
        (0..self.len()).filter(|&i| self.is(i, list)).find_map(|i| {
            list.entries()
                .iter()
                .find(|phrase| self.phrase_at(i, phrase))
                .copied()
        })
    }

    /// Whether the sentence holds `phrase`, an entry of [`List::Phrases`]
    /// (so that a sentence without any of their first words is not
    /// scanned).
    fn has_phrase(&self, phrase: &str) -> bool {
        debug_assert!(List::Phrases.entries().contains(&phrase));
        if self.any.0 & List::Phrases.bit() == 0 {
            return false;
        }
        (0..self.len()).any(|i| self.phrase_at(i, phrase))
    }

    /// Whether the words from `i` on spell `phrase`, compared byte-wise
    /// without splitting the phrase: this runs for every word and entry.
    fn phrase_at(&self, i: usize, phrase: &str) -> bool {
        let mut rest = phrase.as_bytes();
        for k in i.. {
            let Some(after) = rest.strip_prefix(self.get(k).as_bytes()) else {
                return false;
            };
            match after.split_first() {
                None => return k < self.len(),
                Some((b' ', tail)) => rest = tail,
                Some(_) => return false,
            }
        }
        false
    }

    fn starts_with_any(&self, list: List) -> bool {
        self.is(0, list)
            && list
                .entries()
                .iter()
                .any(|phrase| self.phrase_at(0, phrase))
    }

    /// Whether some word satisfies `first` and the next one `second`.
    fn pair(&self, first: impl Fn(usize) -> bool, second: impl Fn(usize) -> bool) -> bool {
        (1..self.len()).any(|i| first(i - 1) && second(i))
    }
}

fn is_figure(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
}

fn is_year(word: &str) -> bool {
    let digits = word.strip_suffix('s').unwrap_or(word);
    digits.len() == 4
        && digits.chars().all(|c| c.is_ascii_digit())
        && (digits.starts_with("18") || digits.starts_with("19") || digits.starts_with("20"))
}

/// Every cue of `sentence`.
pub fn detect(sentence: &str) -> Vec<CueHit> {
    let lower = lower_case(sentence);
    let words = Words::new(&lower);
    let w = &words;
    let mut hits = Vec::new();
    let mut hit = |cue: Cue, value: f32, words: Option<&str>| {
        if value > 0.0 {
            let words = words.map(str::to_string);
            hits.push(CueHit { cue, value, words });
        }
    };
    let figure = |i: usize| is_figure(w.get(i));
    let word_is = |word: &'static str| move |i: usize| w.get(i) == word;

    // The sentence's own words, split once for the cues that read them.
    let raw: Vec<&str> = scan::words(sentence).collect();
    let has_number =
        sentence.bytes().any(|b| b.is_ascii_digit()) || w.first_of(List::NumberWords).is_some();
    let has_percentage = sentence.contains('%') || w.first_phrase(List::Percent).is_some();
    let has_money = has_currency_figure(sentence)
        || w.pair(figure, |i| w.is(i, List::Currencies))
        || w.pair(|i| w.is(i, List::Large), |i| w.is(i, List::Currencies))
        || w.first_of(List::MoneyWords).is_some()
        || w.has_phrase("taxpayer money");
    let has_date = w.first_of(List::Months).is_some()
        || w.first_of(List::Weekdays).is_some()
        || (0..w.len()).any(|i| is_year(w.get(i)))
        || may_and_day(&raw)
        // The list test first: it is a bit test, the word test a compare.
        || (1..w.len()).any(|i| w.is(i, List::LastWhat) && w.get(i - 1) == "last");
    hit(Cue::Number, flag(has_number), None);
    hit(Cue::Percentage, flag(has_percentage), None);
    hit(Cue::Money, flag(has_money), None);
    let quantity = w.pair(figure, |i| w.is(i, List::Units))
        || w.pair(|i| w.is(i, List::Multitudes), word_is("of"));
    hit(Cue::Quantity, flag(quantity), None);
    hit(Cue::Date, flag(has_date), None);
    let time_span = w.pair(
        |i| figure(i) || w.is(i, List::Counts),
        |i| w.is(i, List::Periods),
    ) || w.first_of(List::SpanWords).is_some()
        || w.first_phrase(List::SpanPhrases).is_some();
    hit(Cue::TimeSpan, flag(time_span), None);
    let comparative = w.pair(
        |i| {
            let word = w.get(i);
            (word.len() > 3 && word.ends_with("er")) || w.is(i, List::Compared)
        },
        word_is("than"),
    ) || w.pair(
        |i| w.is(i, List::Changes),
        |i| matches!(w.get(i), "by" | "from" | "to") || figure(i),
    );
    hit(Cue::Comparative, flag(comparative), None);
    let superlative = w.first_of(List::Superlatives).is_some()
        || w.has_phrase("ever recorded")
        || w.has_phrase("never before");
    hit(Cue::Superlative, flag(superlative), None);
    let names = named_entities(&raw);
    hit(Cue::NamedEntity, (names.min(3) as f32) / 3.0, None);
    let reporting = w.first_of(List::Reporting);
    hit(Cue::ReportingVerb, flag(reporting.is_some()), reporting);
    let evidence = w.pair(|i| w.is(i, List::Evidence), |i| w.is(i, List::Shows));
    let attribution = w
        .first_phrase(List::Attributions)
        .or(evidence.then_some("data show"));
    hit(Cue::Attribution, flag(attribution.is_some()), attribution);
    let causal = w.first_phrase(List::Causal);
    hit(Cue::CausalLink, flag(causal.is_some()), causal);
    let legal = w.first_of(List::Legal).is_some()
        || w.has_phrase("supreme court")
        || w.has_phrase("social security");
    hit(Cue::LegalOrStatistical, flag(legal), None);
    hit(
        Cue::Question,
        flag(sentence.trim_end_matches(is_closing).ends_with('?')),
        None,
    );
    hit(
        Cue::Greeting,
        flag(w.starts_with_any(List::Greetings)),
        None,
    );
    // An opinion with a figure or a date in it still says something
    // checkable; only the bare opinion lowers the score.
    let checkable = has_number || has_percentage || has_money || has_date;
    hit(
        Cue::FirstPersonOpinion,
        flag(!checkable && first_person_opinion(w)),
        None,
    );
    let hedge = w.first_phrase(List::Hedges);
    hit(Cue::Hedge, flag(hedge.is_some()), hedge);
    let imperative = w.starts_with_any(List::Imperatives) || w.phrase_at(0, "do not");
    hit(Cue::Imperative, flag(imperative), None);
    hit(
        Cue::Promise,
        flag(w.first_phrase(List::Promises).is_some()),
        None,
    );
    let count = raw.len();
    hit(Cue::ShortSentence, flag(count <= 4), None);
    // The n-gram part is length-normalised; length itself is evidence.
    hit(
        Cue::LongSentence,
        ((count as f32 - 10.0) / 20.0).clamp(0.0, 1.0),
        None,
    );
    hit(
        Cue::StageDirection,
        flag(count <= 4 && is_stage_direction(sentence)),
        None,
    );
    let past = (0..w.len()).any(|i| w.first_of_at(i, List::PastForms) || is_regular_past(w.get(i)));
    hit(Cue::PastEvent, flag(past), None);
    let modal = |i: usize| w.is(i, List::Modals);
    let modal_verb = |i: usize| w.is(i, List::ModalVerbs);
    let hypothetical = w.starts_with_any(List::Conditionals)
        || w.pair(modal, modal_verb)
        || (2..w.len()).any(|i| modal(i - 2) && w.get(i - 1) == "not" && modal_verb(i));
    hit(Cue::Hypothetical, flag(hypothetical), None);
    hits
}

impl Words<'_> {
    /// Whether word `i` is exactly a one-word entry of `list`.
    fn first_of_at(&self, i: usize, list: List) -> bool {
        self.lists
            .get(i)
            .is_some_and(|bits| bits.1 & list.bit() != 0)
    }
}

/// "May 3": the month only before a day, capitalised.
fn may_and_day(words: &[&str]) -> bool {
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
fn has_currency_figure(sentence: &str) -> bool {
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

/// "I think", "we really believe", "I'm proud", "in my view".
fn first_person_opinion(w: &Words) -> bool {
    let opinion_at = |i: usize| {
        let subject = w.get(i);
        // Every subject below starts so: one byte rules out most words
        // before any string comparison.
        if !matches!(subject.as_bytes().first(), Some(b'i' | b'w')) {
            return false;
        }
        let mut next = i + 1;
        if matches!(subject, "i" | "we") && matches!(w.get(next), "am" | "are") {
            next += 1;
        } else if !matches!(subject, "i" | "we" | "i'm" | "we're" | "i'd" | "we'd") {
            return false;
        }
        if matches!(
            w.get(next),
            "really" | "strongly" | "just" | "truly" | "not"
        ) {
            next += 1;
        }
        w.first_of_at(next, List::OpinionVerbs) || w.first_of_at(next, List::OpinionStates)
    };
    (0..w.len()).any(opinion_at) || w.has_phrase("in my view") || w.has_phrase("in my opinion")
}

/// "(APPLAUSE)", "LAUGHTER": a short line all in capitals.
fn is_stage_direction(sentence: &str) -> bool {
    let inner = sentence.trim_matches(|c: char| !c.is_alphanumeric());
    inner.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && inner.starts_with(char::is_uppercase)
        && inner
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | ',' | '.' | '\'' | '-'))
}

/// "closed", "signed": six letters or more ending in "-ed" after a letter
/// other than "e" ("need", "indeed" and "speed" are not past forms).
fn is_regular_past(word: &str) -> bool {
    word.len() >= 6
        && word
            .strip_suffix("ed")
            .is_some_and(|stem| stem.ends_with(|c: char| c.is_ascii_alphabetic() && c != 'e'))
}

fn flag(on: bool) -> f32 {
    if on {
        1.0
    } else {
        0.0
    }
}

fn is_closing(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')' | '»')
}

/// Capitalised words that do not start the sentence or a quotation: names of
/// people, places, organisations, laws. "I" and its contractions are not.
fn named_entities(words: &[&str]) -> usize {
    let mut count = 0;
    let mut previous: Option<&str> = None;
    for &word in words {
        let bare = word.trim_start_matches(|c: char| !scan::is_alphanumeric(c));
        let quoted = bare.len() != word.len();
        let starts_clause = previous.is_none_or(|p| p.ends_with(['.', '!', '?', ':', '—']));
        let capitalised = bare.starts_with(char::is_uppercase);
        let pronoun_i = bare == "I" || bare.starts_with("I'") || bare.starts_with("I’");
        if capitalised && !pronoun_i && !starts_clause && !quoted {
            count += 1;
        }
        previous = Some(word);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(sentence: &str) -> Vec<Cue> {
        detect(sentence).into_iter().map(|h| h.cue).collect()
    }

    fn reasons(sentence: &str) -> Vec<String> {
        detect(sentence).iter().map(CueHit::reason).collect()
    }

    #[test]
    fn figures_are_found() {
        let c = cues("Unemployment fell 2.5% to its lowest rate, costing $40 million.");
        for cue in [
            Cue::Number,
            Cue::Percentage,
            Cue::Money,
            Cue::Superlative,
            Cue::LegalOrStatistical,
        ] {
            assert!(c.contains(&cue), "{cue:?} missing from {c:?}");
        }
        assert!(cues("About twenty thousand people marched.").contains(&Cue::Number));
        assert!(cues("It cost 3 million dollars.").contains(&Cue::Money));
        assert!(cues("Over 1,500 civilians remain there.").contains(&Cue::Quantity));
    }

    #[test]
    fn dates_and_time_spans_are_found() {
        assert!(cues("The bridge opened in March 1998.").contains(&Cue::Date));
        assert!(cues("The plant has been closed for six months.").contains(&Cue::TimeSpan));
        assert!(!cues("You may go now.").contains(&Cue::Date));
        assert!(cues("It closed on May 3.").contains(&Cue::Date));
    }

    #[test]
    fn comparisons_are_found() {
        assert!(cues("Crime is higher than it was.").contains(&Cue::Comparative));
        assert!(cues("Exports rose by a third.").contains(&Cue::Comparative));
        assert!(cues("It was the deadliest storm on record.").contains(&Cue::Superlative));
    }

    #[test]
    fn attribution_is_named_with_its_words() {
        let r = reasons("The mayor said on Monday that, according to police, nobody was hurt.");
        assert!(r.contains(&"reporting verb 'said'".to_string()), "{r:?}");
        assert!(
            r.contains(&"attribution 'according to'".to_string()),
            "{r:?}"
        );
        assert!(
            reasons("Analysts estimated the loss at a fraction of that.")
                .contains(&"reporting verb 'estimated'".to_string())
        );
    }

    #[test]
    fn named_entities_skip_the_first_word_and_i() {
        let names = |text: &str| named_entities(&scan::words(text).collect::<Vec<_>>());
        assert_eq!(names("Then I met Anna Berg in Oslo."), 3);
        assert_eq!(names("Yesterday I left. Then I came back."), 0);
        assert_eq!(names("She said \"Yes\" to it."), 0);
    }

    #[test]
    fn currency_signs_are_read_from_their_bytes() {
        for text in ["It cost $5.", "It cost € 3.", "£1.5bn", "¥100", "₽ 20"] {
            assert!(has_currency_figure(text), "{text}");
        }
        for text in ["It cost $ five.", "€", "$", "£  3", "¢5", "“5”"] {
            assert!(!has_currency_figure(text), "{text}");
        }
    }

    #[test]
    fn past_events_are_found() {
        assert!(cues("I sold the land and signed the deal.").contains(&Cue::PastEvent));
        assert!(cues("They closed the plant.").contains(&Cue::PastEvent));
        assert!(!cues("We need to close the plant.").contains(&Cue::PastEvent));
    }

    #[test]
    fn causal_and_legal_terms_are_found() {
        let c = cues("The law was struck down by the court because it was vague.");
        assert!(c.contains(&Cue::CausalLink) && c.contains(&Cue::LegalOrStatistical));
    }

    #[test]
    fn uncheckable_talk_is_found() {
        assert!(cues("Why would anyone do that?").contains(&Cue::Question));
        assert!(cues("Why would anyone do that?\"").contains(&Cue::Question));
        assert!(cues("Thank you so much, everybody.").contains(&Cue::Greeting));
        assert!(cues("I think this is a wonderful idea.").contains(&Cue::FirstPersonOpinion));
        assert!(cues("Perhaps they will come around.").contains(&Cue::Hedge));
        assert!(cues("Let's talk about the plan.").contains(&Cue::Imperative));
        assert!(cues("We will build a new road.").contains(&Cue::Promise));
        assert!(cues("(APPLAUSE)").contains(&Cue::StageDirection));
        assert!(cues("Okay, sure.").contains(&Cue::ShortSentence));
        assert!(!cues("Okay, sure.").contains(&Cue::LongSentence));
        let long = "word ".repeat(40);
        assert!(detect(&long)
            .iter()
            .any(|h| h.cue == Cue::LongSentence && h.value == 1.0));
        assert!(cues("If we won, we would be happy.").contains(&Cue::Hypothetical));
        assert!(!cues("We won the vote.").contains(&Cue::Hypothetical));
    }

    #[test]
    fn an_opinion_with_a_figure_is_not_a_bare_opinion() {
        assert!(!cues("I think 40 percent of them left.").contains(&Cue::FirstPersonOpinion));
    }

    #[test]
    fn cue_indices_follow_the_list() {
        for (i, cue) in Cue::ALL.iter().enumerate() {
            assert_eq!(cue.index(), i);
        }
    }
}
