//! Word lists the quote detector relies on, kept apart from the logic so
//! that they can grow without touching it. Each list is plain data: words
//! separated by whitespace, all lowercase. Lookups go through a hash set
//! built once, so that long lists cost nothing per token.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Verbs (every inflection) that report speech or writing: a noun phrase
/// next to one of these is the speaker of a nearby quotation. English first,
/// then French, German, Polish, Czech, Swedish and Danish.
const REPORTING_VERBS: &str = "\
    say says said saying tell tells told telling add adds added adding write writes wrote \
    writing ask asks asked asking tweet tweets tweeted tweeting posted call calls called calling \
    continues continued explain explains explained explaining note notes noted noting \
    declare declares declared declaring report reports reported argue argues argued arguing \
    describe describes described describing stated pledge pledges pledged pledging reply replies \
    replied conclude concludes concluded reads accuse accuses accused accusing respond responds \
    responded promise promises promised promising recall recalls recalled recalling insist \
    insists insisted insisting chant chants chanted chanting proclaim proclaims proclaimed claim \
    claims claimed claiming shout shouts shouted shouting warn warns warned warning announce \
    announces announced announcing admit admits admitted admitting suggest suggests suggested \
    suggesting predict predicts predicted predicting joke jokes joked joking quipped remarked \
    remarking commented observed mused boast boasts boasted boasting complain complains \
    complained complaining acknowledge acknowledges acknowledged acknowledging vow vows vowed \
    vowing charged dub dubs dubbed dubbing labeled labelled labeling branded branding urge urges \
    urged urging emphasized emphasised stressed stressing assert asserts asserted asserting \
    contend contends contended maintained testified recounted echoed countered retorted fired \
    answered mentioned confirmed denied derided dismissed praise praises praised praising \
    criticize criticized criticised criticizing blasted slammed mocked mocking refers referred \
    referring termed characterized wondered yelled screamed cried whispered exclaimed touted \
    touting thundered lamented reiterated reassured assured assures hailed decried condemned \
    quoted quoting cited citing opined texted emailed released issued spoke talked fumed \
    interjected elaborated hammered vented reacted blamed published remembered credited gushed \
    riffed likened questioning questioned questions read conceded concedes demanded demands \
    speculated speculates dit déclare déclaré affirme affirmé ajoute ajouté sagte sagt erklärte \
    betonte powiedział powiedziała stwierdził řekl řekla uvedl sa sade säger sagde siger pointed \
    exhorted agree agrees agreed beamed snapped answers observes quips muses recounts retorts \
    laments caution cautions assures implored implores pressed presses yells pleaded pleads \
    scoffed sniped griped marveled marvelled whispers chimed bellowed blurt blurts blurted according \
    yelling screaming whispering exclaiming quipping commenting observing stating replying \
    retorting lamenting conceding bragging bragged brags musing testifying \
    reiterating recounting countering texting emailing
";

/// Verbs of judging, naming and stance: they attribute no quotation on
/// their own, but a short quotation in a sentence built on one ("Lee
/// heralded the deal as a “breakthrough”") is somebody's words, not a scare
/// quote.
const ATTITUDE_VERBS: &str = "\
    herald heralds heralded heralding emphasize emphasizes emphasizing emphasise emphasises \
    reference references referenced referencing mention mentions mentioning characterize \
    characterizes characterizing characterise characterised portray portrays portrayed \
    portraying pronounce pronounces pronounced pronouncing admire admires admired deem deems \
    deemed pound pounds pounding pounded slam slams slamming blast blasts blasting tout touts \
    decry decries decrying dismiss dismisses dismissing mock mocks mocked ridicule ridicules \
    ridiculed denounce denounces denounced denouncing condemn condemns condemning hail hailing \
    think thinks believe believes believed insisting disparage disparaged lambast lambasted \
    derides deride deriding brand brands label labels term terms dub nickname nicknamed \
    cast casts casting frame frames framed framing name names named naming
";

/// Verbs of believing, finding, seeking and alleging: like a reporting
/// verb, they make the rest of their sentence somebody's view, so a short
/// quotation in it ("the study found “significant” harm", "fans are crying
/// “fraud”") is that somebody's words rather than the writer's scare quote.
const BELIEF_VERBS: &str = "\
    find finds found feel feels felt seek seeks sought seeking hope hopes hoped hoping expect \
    expects know knows knew cry cries crying talk talks talking speak speaks speaking spoken \
    allege alleges alleged alleging \
    order orders ordered ordering invite invites invited inviting mandate mandates mandated \
    instruct instructs instructed command commands commanded
";

/// Nouns for a contested account ("her allegations of a “plot”"): a
/// sentence holding one reports somebody's view, as a belief verb does.
const ACCOUNT_NOUNS: &str = "\
    allegation allegations rumor rumors rumour rumours lament dictum decree edict
";

/// Words that may stand between a speaker and its verb ("Trump also said",
/// "she has repeatedly said").
const BETWEEN_SPEAKER_AND_VERB: &str = "\
    always long initially originally finally ever \
    also later then again has had have would will did does do was were is once previously \
    recently repeatedly publicly reportedly privately simply quickly famously often frequently \
    subsequently now just further first even still yesterday today tonight never already been \
    being may might could can should must not instead keep keeps kept
";

/// Nouns for something said: their owner ("his call for …", "Smith's
/// claim that …") is the speaker of a quotation that follows.
const SPEECH_NOUNS: &str = "\
    claim claims call calls remark remarks comment comments statement statements words \
    promise promises pledge vow description assertion warning message slogan phrase term \
    demand accusation charge argument insistence contention suggestion proposal speech \
    tweet tweets question answer response reply label nickname motto mantra catchphrase \
    allegation allegations \
";

/// Words that begin a noun phrase: a speaker extends no further back.
const DETERMINERS: &str = "\
    the a an this that these those his her their its our my your one two three several many some \
    another each every both other former no le la les der die das
";

/// Quantifiers that may stand alone for people just mentioned ("Some
/// chanted …", "…,” said one."): a whole speaker phrase by themselves.
const LONE_QUANTIFIERS: &str = "\
    one another some others many several both few
";

/// Words opening a clause that sets itself against the one before it
/// ("…, while critics say …"): the new clause has its own subject, so a
/// speaker is never looked for across one.
const CONTRAST_WORDS: &str = "\
    but while whereas although though
";

/// Conjunctions that may open a sentence or clause before its subject
/// ("And she said …", "But although …").
const COORDINATORS: &str = "\
    and but or so yet
";

/// Possessive pronouns that may stand for a speaker's name ("Lee repeated
/// her claim …").
const POSSESSIVE_PRONOUNS: &str = "\
    his her their its
";

/// Forms of "be": before a past form they make a passive ("was declared"),
/// before a participle a progressive ("is saying") with its own subject.
const FORMS_OF_BE: &str = "\
    be is are was were been being
";

/// Prepositions that take a noun phrase: a word right after one ("for
/// terms", "with claims") is a noun, not a verb.
const PREPOSITIONS: &str = "\
    of for in on at with by from about under into like
";

/// Words that join a noun phrase to its complement inside a speaker
/// ("the office of President X", "a spokesman for the campaign"). Marks
/// that do so ("&", a plural possessive's apostrophe) are no words; the
/// phrase reader tests them itself.
const NOUN_PHRASE_LINKS: &str = "\
    of for at from
";

/// Lowercase words that never belong to a speaker noun phrase: function
/// words, pronouns in object form, time words and common verbs.
const NOT_IN_SPEAKER: &str = "\
    whether yet likewise always either neither \
    and or but that which who whom whose when where while because as if than so though although \
    after before since until in on to with by about into over under what how why is was are were \
    be been has have had will would can could should may might must do does did not also then \
    there here it's said says just only even very too all more most once again like up out off \
    down back now later earlier during through against between among without within per via yes \
    no let me him them us you i we they he she it we're he's she's i'm don't didn't doesn't \
    won't can't isn't wasn't aren't what's that's there's read dit déclare déclaré affirme \
    affirmé ajoute ajouté sagte sagt erklärte betonte powiedział powiedziała stwierdził řekl \
    řekla uvedl sa sade säger sagde siger points pointed exhorted reacted agree agrees agreed \
    beamed snapped according monday tuesday wednesday thursday friday saturday sunday week ago \
    night morning afternoon evening told asked added wrote called tweeted went going instead \
    having made make makes gave give gives took take takes used uses got gets held holds goes \
    came comes sent sends met meets won lost spoke speaks seemed seems
";

/// Words that make a name an organisation rather than a person.
const ORGANISATION_WORDS: &str = "\
    bank ministerium ministère \
    party ministry office department committee campaign council house senate congress court \
    agency administration government presidency kremlin police army company inc corp group \
    association foundation institute university times post news network journal press bureau \
    commission board union federation organization organisation center centre service team club \
    coalition alliance embassy state city county republicans democrats gop fbi cia nato un eu \
    afp reuters ap cnn fox msnbc nbc cbs abc bbc pac tass spokesman spokeswoman spokesperson \
    statement media newspaper magazine
";

/// Capitalised words that start sentences or name dates but are no names.
const NOT_A_NAME: &str = "\
    likewise similarly whether \
    the a an in on at but and or so as if when while after before since this that these those it \
    he she they we i you his her their our its my there here what who why how yes no not for \
    with from by to of monday tuesday wednesday thursday friday saturday sunday january february \
    march april may june july august september october november december still also meanwhile \
    however then now today last next one two many some all both even read dit déclare déclaré \
    affirme affirmé ajoute ajouté sagte sagt erklärte betonte powiedział powiedziała stwierdził \
    řekl řekla uvedl sa sade säger sagde siger points pointed exhorted reacted agree agrees \
    agreed beamed snapped according asked said says because although though despite during under \
    over about like unlike instead indeed yet just only more most other another every each few \
    do does did is was are were will would can could hours minutes days weeks months years \
    moments later earlier
";

/// Abbreviations whose final period ends no sentence ("Sen. Marco Rubio").
const ABBREVIATIONS: &str = "\
    mr mrs ms dr sen sens rep reps gov lt gen col sgt capt st jr sr prof pres inc corp co ltd no \
    vs u.s u.k u.n d.c a.m p.m jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon \
    atty supt cmdr adm maj messrs
";

/// Words elided with a leading apostrophe ('em, 'til, rock 'n' roll): the
/// mark is an apostrophe, not an opening quotation mark.
const ELISIONS: &str = "\
    n em til tis twas cause bout round cept nuff ol s
";

/// Auxiliaries that may open an inverted attribution in other languages
/// ("…», a déclaré le ministre).
const AUXILIARIES: &str = "\
    a hat har ha
";

/// Words meaning "according to", before the source they name.
const ACCORDING_TO: &str = "\
    selon laut według podle enligt ifølge
";

/// Words that give something a name ("called it “a farce”", "branded him
/// “Little Bob”"): the quoted name right after one is the namer's words,
/// even when it looks like a title.
const NAMING_WORDS: &str = "\
    call calls called calling dub dubs dubbed dubbing label labels labeled labelled labeling \
    labelling brand brands branded branding nickname nicknamed term terms termed hail hails \
    hailed deem deems deemed as
";

/// Nouns for words that are said, chanted or printed ("the slogan", "chants
/// of", "a cape bearing the words", "used the term"): a quotation right
/// after one is those words, however much it is capitalised like a title. English, then
/// French, German and Spanish.
const UTTERANCE_NOUNS: &str = "\
    slogan slogans motto mottos mantra mantras catchphrase watchword refrain chant chants \
    chanting cry cries shouts chorus words word term phrase expression nickname \
    devise mot mots parole parolen losung sprechchor sprechchöre rufe lema consigna consignas
";

/// Verbs of reading what a sign, a shirt or a banner says ("a sign that
/// read “Closed”"): the quotation after one is the printed words.
const READING_VERBS: &str = "\
    read reads reading lautete lautet
";

/// Words that make a clause of what they stand in: a quotation holding one
/// ("“we can't wait”") is somebody's sentence, rarely a title or a label.
const CLAUSE_WORDS: &str = "\
    is are was were am be been will would can could should must might have has had do does did \
    i we you he she they i'm we're you're they're it's he's she's i've we've don't doesn't \
    didn't won't can't isn't aren't wasn't weren't i'll we'll
";

/// A small multiplicative hash for short words: lookups run for nearly
/// every token, and the default hasher, built to resist hostile keys, costs
/// more than the lookup itself. The keys here are fixed word lists.
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

type WordSet = HashSet<&'static str, BuildHasherDefault<WordHasher>>;

/// Builds the lookup set of one list.
fn set_of(list: &'static str) -> WordSet {
    list.split_whitespace().collect()
}

macro_rules! lookup {
    ($(#[$doc:meta] $name:ident => $list:ident;)*) => {
        $(
            #[$doc]
            pub fn $name(word: impl AsRef<str>) -> bool {
                static SET: OnceLock<WordSet> = OnceLock::new();
                SET.get_or_init(|| set_of($list)).contains(word.as_ref())
            }
        )*
    };
}

lookup! {
    /// Whether `word` is in [`REPORTING_VERBS`].
    is_reporting_verb => REPORTING_VERBS;
    /// Whether `word` is in [`BETWEEN_SPEAKER_AND_VERB`].
    is_between_speaker_and_verb => BETWEEN_SPEAKER_AND_VERB;
    /// Whether `word` is in [`DETERMINERS`].
    is_determiner => DETERMINERS;
    /// Whether `word` is in [`NOUN_PHRASE_LINKS`].
    is_noun_phrase_link => NOUN_PHRASE_LINKS;
    /// Whether `word` is in [`NOT_IN_SPEAKER`].
    is_not_in_speaker => NOT_IN_SPEAKER;
    /// Whether `word` is in [`ORGANISATION_WORDS`].
    is_organisation_word => ORGANISATION_WORDS;
    /// Whether `word` is in [`NOT_A_NAME`].
    is_not_a_name => NOT_A_NAME;
    /// Whether `word` is in [`ABBREVIATIONS`].
    is_abbreviation => ABBREVIATIONS;
    /// Whether `word` is in [`ELISIONS`].
    is_elision => ELISIONS;
    /// Whether `word` is in [`AUXILIARIES`].
    is_auxiliary => AUXILIARIES;
    /// Whether `word` is in [`SPEECH_NOUNS`].
    is_speech_noun => SPEECH_NOUNS;
    /// Whether `word` is in [`ACCORDING_TO`].
    means_according_to => ACCORDING_TO;
    /// Whether `word` is in [`CLAUSE_WORDS`].
    is_clause_word => CLAUSE_WORDS;
    /// Whether `word` is in [`NAMING_WORDS`].
    is_naming_word => NAMING_WORDS;
    /// Whether `word` is in [`ATTITUDE_VERBS`].
    is_attitude_verb => ATTITUDE_VERBS;
    /// Whether `word` is in [`BELIEF_VERBS`].
    is_belief_verb => BELIEF_VERBS;
    /// Whether `word` is in [`ACCOUNT_NOUNS`].
    is_account_noun => ACCOUNT_NOUNS;
    /// Whether `word` is in [`UTTERANCE_NOUNS`].
    is_utterance_noun => UTTERANCE_NOUNS;
    /// Whether `word` is in [`READING_VERBS`].
    is_reading_verb => READING_VERBS;
    /// Whether `word` is in [`LONE_QUANTIFIERS`].
    is_lone_quantifier => LONE_QUANTIFIERS;
    /// Whether `word` is in [`CONTRAST_WORDS`].
    is_contrast_word => CONTRAST_WORDS;
    /// Whether `word` is in [`COORDINATORS`].
    is_coordinator => COORDINATORS;
    /// Whether `word` is in [`POSSESSIVE_PRONOUNS`].
    is_possessive_pronoun => POSSESSIVE_PRONOUNS;
    /// Whether `word` is in [`FORMS_OF_BE`].
    is_form_of_be => FORMS_OF_BE;
    /// Whether `word` is in [`PREPOSITIONS`].
    is_preposition => PREPOSITIONS;
}

/// Reporting verbs whose subject is not the speaker in the usual way: a
/// present participle hangs on the subject of its governing clause.
pub fn is_participle(word: &str) -> bool {
    word.ends_with("ing") && word != "according"
}

/// Pronouns that may stand for a speaker, with the kind of antecedent each
/// takes.
pub const SPEAKER_PRONOUNS: &[(&str, Antecedent)] = &[
    ("he", Antecedent::Person),
    ("she", Antecedent::Person),
    ("i", Antecedent::Person),
    ("they", Antecedent::Group),
    ("we", Antecedent::Group),
    ("it", Antecedent::Organisation),
    // A relative pronoun stands for the phrase just before it.
    ("who", Antecedent::Person),
];

/// The kind of mention a speaker pronoun refers back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Antecedent {
    Person,
    Organisation,
    /// A group: an organisation or several people.
    Group,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lowercase_and_lookups_work() {
        for list in [
            REPORTING_VERBS,
            NOT_IN_SPEAKER,
            NOT_A_NAME,
            ORGANISATION_WORDS,
        ] {
            for word in list.split_whitespace() {
                assert_eq!(word, word.to_lowercase(), "{word}");
            }
        }
        assert!(is_reporting_verb("said") && is_reporting_verb("sagte"));
        assert!(!is_reporting_verb("table"));
        assert!(is_abbreviation("sen") && is_elision("em"));
        assert!(is_participle("saying") && !is_participle("according"));
    }
}
