//! Hand-written cues of check-worthiness: the things a fact-checker looks
//! for (numbers, dates, names, attributions, causal links...) and the things
//! that make a sentence uncheckable (questions, greetings, opinions, hedges,
//! orders). Each cue is a feature of the learned model, which weighs it, and
//! a human-readable reason when it fires.

use regex::Regex;
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
}

impl Cue {
    pub const ALL: [Cue; 21] = [
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

struct Patterns {
    number: Regex,
    percentage: Regex,
    money: Regex,
    quantity: Regex,
    date: Regex,
    time_span: Regex,
    comparative: Regex,
    superlative: Regex,
    reporting: Regex,
    attribution: Regex,
    causal: Regex,
    legal_statistical: Regex,
    greeting: Regex,
    opinion: Regex,
    hedge: Regex,
    imperative: Regex,
    promise: Regex,
    stage_direction: Regex,
}

const NUMBER_WORDS: &str = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\
    thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|\
    sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|\
    half|twice|double[ds]?|tripled?|quadrupled?";

/// "May" is left out: as a modal verb it is far more common than the month.
const MONTHS: &str = "january|february|march|april|june|july|august|september|october|\
    november|december|jan\\.|feb\\.|aug\\.|sept?\\.|oct\\.|nov\\.|dec\\.";

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let re = |pattern: &str| Regex::new(pattern).expect("cue patterns are valid");
        Patterns {
            number: re(&format!(r"(?i)\d|\b(?:{NUMBER_WORDS})\b")),
            percentage: re(r"(?i)%|\bper ?cent\b|\bpercentage\b"),
            money: re(concat!(
                r"(?i)[$€£¥₽]\s?\d|\b\d[\d,.]*\s?(?:dollars?|euros?|pounds|rubles?|roubles?|",
                r"yuan|yen|bucks)\b|\b(?:million|billion|trillion) (?:dollars?|euros?)\b|",
                r"\b(?:budget|taxpayer money|deficit|debt|spending|salary|wages?|price[sd]?|costs?)\b"
            )),
            quantity: re(concat!(
                r"(?i)\b\d[\d,.]*\s?(?:k?m|kms?|kilomet(?:er|re)s?|miles?|acres?|tons?|tonnes?|",
                r"barrels?|people|persons|jobs|troops|soldiers|civilians|deaths|cases|votes|",
                r"americans|workers|children|families|students|times)\b|",
                r"\b(?:millions?|billions?|thousands?|hundreds?|dozens?) of\b"
            )),
            date: re(&format!(
                r"(?i)\b(?:{MONTHS})(?:\s|$)|\b(?-i:May) \d|\b(?:1[89]|20)\d\d\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\byesterday\b|\blast (?:year|month|week|night|decade|century)\b"
            )),
            time_span: re(concat!(
                r"(?i)\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|",
                r"several|many|few) (?:years?|months?|weeks?|days?|decades?|centuries|hours?)\b|",
                r"\bsince\b|\bdecades?\b|\bfor the (?:first|last|past) time\b|\bin (?:history|years)\b"
            )),
            comparative: re(concat!(
                r"(?i)\b\w+er than\b|\b(?:more|less|fewer|higher|lower|greater|smaller|bigger|",
                r"larger|better|worse) than\b|\b(?:increased?|increases|increasing|decreased?|",
                r"decreases|rose|risen|rising|fell|fallen|falling|grew|grown|dropped|declined?|",
                r"doubled|tripled|cut|reduced|raised|up|down) (?:by|from|to|\d)"
            )),
            superlative: re(concat!(
                r"(?i)\b(?:most|least|largest|biggest|highest|lowest|fastest|slowest|",
                r"greatest|smallest|worst|best|longest|shortest|deadliest|strongest|weakest|",
                r"richest|poorest|first-ever|record|ever recorded|all-time|never before)\b"
            )),
            reporting: re(concat!(
                r"(?i)\b(?:said|says|told|reported|reports|announced|claimed|claims|stated|",
                r"estimated|estimates|confirmed|denied|accused|warned|admitted|testified|",
                r"revealed|disclosed|showed|shows|found|published)\b"
            )),
            attribution: re(
                r"(?i)\b(?:according to|in a statement|a spokesm[ae]n|officials? said|sources? said|data from|a report by)\b",
            ),
            causal: re(concat!(
                r"(?i)\b(?:because(?: of)?|due to|caused|causes|led to|leads to|result(?:ed|s)? in|",
                r"as a result|therefore|thanks to|responsible for|blamed)\b"
            )),
            legal_statistical: re(concat!(
                r"(?i)\b(?:law|laws|legislation|bill|act|illegal(?:ly)?|legal|court|",
                r"supreme court|constitution(?:al)?|sanctions?|treaty|convicted|indicted|",
                r"sentenced|prosecut\w+|voted|vote|veto(?:ed)?|regulations?|tax(?:es)?|",
                r"tariffs?|unemployment|employment|inflation|gdp|economy|deficit|rate|rates|",
                r"average|median|statistics?|survey|poll|polls|census|study|studies|data|",
                r"crime|murders?|population|percent|insurance|medicare|medicaid|",
                r"social security)\b"
            )),
            greeting: re(concat!(
                r"(?i)^\W*(?:thank you|thanks|hello|hi|hey|good (?:morning|afternoon|evening|night)|",
                r"welcome|congratulations|god bless|ladies and gentlemen|nice to|great to see|",
                r"it'?s (?:an? )?(?:honor|pleasure|great))\b"
            )),
            opinion: re(concat!(
                r"(?i)\b(?:i|we)(?:'m| am| are|'re)? (?:really |strongly |just |truly )?",
                r"(?:think|believe|feel|hope|wish|want|love|like|guess|suppose|trust|",
                r"am proud|'m proud|are proud|'re proud|am sure|'m sure|am confident|",
                r"'m confident|am not sure|'m not sure|would like|'d like)\b|",
                r"\bin my (?:view|opinion)\b|\bi'?m (?:honored|glad|happy|delighted|excited)\b"
            )),
            hedge: re(concat!(
                r"(?i)\b(?:maybe|perhaps|might|possibly|probably|presumably|apparently|",
                r"seems?|seemingly|allegedly|reportedly|kind of|sort of|somewhat|i guess|",
                r"could be|may be)\b"
            )),
            imperative: re(concat!(
                r"(?i)^\W*(?:let's|let us|let me|look|listen|imagine|remember|consider|",
                r"think about|go|join|vote|sign|support|please|stop|don't|do not|tell|",
                r"ask|give|take|make|come|help|watch|read|check|see|keep|get)\b"
            )),
            promise: re(concat!(
                r"(?i)\b(?:i|we)(?:'ll| will|'m going to| am going to|'re going to| are going to|",
                r" plan to| intend to| promise| pledge)\b|\bwhen i'?m president\b|",
                r"\bas president,? i\b|\bmy (?:plan|proposal)\b"
            )),
            stage_direction: re(r"^\W*\(?[A-Z][A-Z ,.'-]{2,}\)?\W*$"),
        }
    })
}

/// Every cue of `sentence`.
pub fn detect(sentence: &str) -> Vec<CueHit> {
    let p = patterns();
    let mut hits = Vec::new();
    let mut hit = |cue: Cue, value: f32, words: Option<String>| {
        if value > 0.0 {
            hits.push(CueHit { cue, value, words });
        }
    };
    let found = |re: &Regex| re.is_match(sentence);
    let first_words = |re: &Regex| re.find(sentence).map(|m| m.as_str().trim().to_lowercase());

    let has_percentage = found(&p.percentage);
    let has_money = found(&p.money);
    let has_number = found(&p.number);
    let has_date = found(&p.date);
    hit(Cue::Number, flag(has_number), None);
    hit(Cue::Percentage, flag(has_percentage), None);
    hit(Cue::Money, flag(has_money), None);
    hit(Cue::Quantity, flag(found(&p.quantity)), None);
    hit(Cue::Date, flag(has_date), None);
    hit(Cue::TimeSpan, flag(found(&p.time_span)), None);
    hit(Cue::Comparative, flag(found(&p.comparative)), None);
    hit(Cue::Superlative, flag(found(&p.superlative)), None);
    let names = named_entities(sentence);
    hit(Cue::NamedEntity, (names.min(3) as f32) / 3.0, None);
    if let Some(verb) = first_words(&p.reporting) {
        hit(Cue::ReportingVerb, 1.0, Some(verb));
    }
    if let Some(words) = first_words(&p.attribution) {
        hit(Cue::Attribution, 1.0, Some(words));
    }
    if let Some(words) = first_words(&p.causal) {
        hit(Cue::CausalLink, 1.0, Some(words));
    }
    hit(
        Cue::LegalOrStatistical,
        flag(found(&p.legal_statistical)),
        None,
    );
    hit(
        Cue::Question,
        flag(sentence.trim_end_matches(is_closing).ends_with('?')),
        None,
    );
    hit(Cue::Greeting, flag(found(&p.greeting)), None);
    // An opinion with a figure or a date in it still says something
    // checkable; only the bare opinion lowers the score.
    let checkable = has_number || has_percentage || has_money || has_date;
    hit(
        Cue::FirstPersonOpinion,
        flag(!checkable && found(&p.opinion)),
        None,
    );
    if let Some(words) = first_words(&p.hedge) {
        hit(Cue::Hedge, 1.0, Some(words));
    }
    hit(Cue::Imperative, flag(found(&p.imperative)), None);
    hit(Cue::Promise, flag(found(&p.promise)), None);
    let words = sentence.split_whitespace().count();
    hit(Cue::ShortSentence, flag(words <= 4), None);
    hit(
        Cue::StageDirection,
        flag(found(&p.stage_direction) && words <= 4),
        None,
    );
    hits
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
fn named_entities(sentence: &str) -> usize {
    let mut count = 0;
    let mut previous: Option<&str> = None;
    for word in sentence.split_whitespace() {
        let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
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
        assert_eq!(named_entities("Then I met Anna Berg in Oslo."), 3);
        assert_eq!(named_entities("Yesterday I left. Then I came back."), 0);
        assert_eq!(named_entities("She said \"Yes\" to it."), 0);
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
