//! The text around quotations as a flat list of tokens, each quotation
//! folded into a single token, so that attribution rules can look at
//! "`<quote>` , Smith said ." without re-reading the quoted words.

use super::word_lists;
use crate::analysis::bits::Bits;
use crate::analysis::reading::push_lower;
use crate::analysis::scan;
use crate::analysis::stored_offset as offset;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Punct(char),
    /// An outermost quotation, whole.
    Quote,
    /// One or more line breaks.
    Break,
}

/// A token: eight bytes, since a text has about one for every six of its
/// bytes. Its start, then its kind in two bits and, in the other thirty,
/// what gives its end: a word's or a break's length, a mark's character, a
/// quotation's index. Offsets are `u32` ([`crate::analysis::MAX_TEXT_BYTES`]).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Token {
    start: u32,
    packed: u32,
}

const WORD: u32 = 0;
const PUNCT: u32 = 1;
const QUOTE: u32 = 2;
const BREAK: u32 = 3;
/// The longest run one token holds; a longer word or break (a gigabyte
/// with no space) is cut into tokens of this length.
const LONGEST: usize = (1 << 30) - 1;

impl Token {
    fn new(tag: u32, start: usize, payload: usize) -> Token {
        Token {
            start: offset(start),
            packed: tag | (payload.min(LONGEST) as u32) << 2,
        }
    }

    fn tag(self) -> u32 {
        self.packed & 3
    }

    fn payload(self) -> usize {
        (self.packed >> 2) as usize
    }

    fn kind_char(self) -> Option<char> {
        char::from_u32(self.packed >> 2)
    }

    fn kind(self) -> TokenKind {
        match self.tag() {
            WORD => TokenKind::Word,
            PUNCT => TokenKind::Punct(self.kind_char().unwrap_or('\u{fffd}')),
            QUOTE => TokenKind::Quote,
            _ => TokenKind::Break,
        }
    }
}

/// Pushes a word or a break, cut at [`LONGEST`] bytes (on a character
/// boundary).
fn push_run(tokens: &mut Vec<Token>, text: &str, tag: u32, range: Range<usize>) {
    let mut start = range.start;
    while range.end - start > LONGEST {
        let mut cut = start + LONGEST;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        tokens.push(Token::new(tag, start, cut - start));
        start = cut;
    }
    tokens.push(Token::new(tag, start, range.end - start));
}

/// Inner characters a word may keep when letters follow them: don't,
/// O'Brien, Jean-Luc, U.S, AT&T.
fn joins_word(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&')
}

/// Splits `text` into tokens; `quotes` (sorted, disjoint) become one token each.
fn tokenize(text: &str, quotes: &[Range<usize>]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut next_quote = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if let Some(quote) = quotes.get(next_quote).filter(|q| q.start == at) {
            tokens.push(Token::new(QUOTE, at, next_quote));
            let end = quote.end;
            next_quote += 1;
            while chars.peek().is_some_and(|&(b, _)| b < end) {
                chars.next();
            }
            continue;
        }
        if c.is_whitespace() {
            let mut end = at + c.len_utf8();
            let mut line_break = c == '\n';
            while let Some(&(b, w)) = chars.peek().filter(|(_, w)| w.is_whitespace()) {
                line_break |= w == '\n';
                end = b + w.len_utf8();
                chars.next();
            }
            if line_break {
                push_run(&mut tokens, text, BREAK, at..end);
            }
            continue;
        }
        if scan::is_alphanumeric(c) {
            let mut end = at + c.len_utf8();
            while let Some(&(b, w)) = chars.peek() {
                if scan::is_alphanumeric(w) {
                    end = b + w.len_utf8();
                    chars.next();
                    continue;
                }
                let followed = text
                    .get(b + w.len_utf8()..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(scan::is_alphanumeric);
                // 10,000 and 3.5 are one number.
                let digit_group = w == ','
                    && text
                        .get(at..b)
                        .is_some_and(|t| t.ends_with(|c: char| c.is_ascii_digit()))
                    && text
                        .get(b + 1..)
                        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
                if (joins_word(w) && followed || digit_group)
                    && quotes.get(next_quote).is_none_or(|q| q.start != b)
                {
                    end = b + w.len_utf8();
                    chars.next();
                    continue;
                }
                break;
            }
            push_run(&mut tokens, text, WORD, at..end);
            continue;
        }
        tokens.push(Token::new(PUNCT, at, c as usize));
    }
    tokens
}

/// Pronouns and question words that "'s" contracts with ("it's", "that's",
/// "who's"): the "'s" is "is" or "has", never a possessive.
fn is_contracted_pronoun(word: &str) -> bool {
    matches!(
        word,
        "it" | "he" | "she" | "that" | "there" | "here" | "what" | "who" | "where" | "how" | "let"
    )
}

/// Read access to a token list with the questions attribution asks.
pub struct Tokens<'a> {
    pub text: &'a str,
    list: Vec<Token>,
    /// The quotations' ranges, by the index their tokens hold.
    quotes: Vec<Range<u32>>,
    /// Whether each token is a word whose lower-cased form differs from it
    /// (it’s = it's, with the typographic apostrophe made straight): most
    /// words are their own, and are not copied.
    differs: Bits,
    /// The forms that differ, back to back: the `r`th is
    /// `lower[lower_at[r]..lower_at[r + 1]]`.
    lower: String,
    lower_at: Vec<u32>,
    /// Whether a sentence ends at each token, worked out once: attribution
    /// asks it again and again while walking back to a sentence start.
    ends: Bits,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str, quotes: &[Range<usize>]) -> Self {
        let list = tokenize(text, quotes);
        let mut tokens = Tokens {
            text,
            list,
            quotes: quotes
                .iter()
                .map(|q| offset(q.start)..offset(q.end))
                .collect(),
            differs: Bits::default(),
            lower: String::new(),
            lower_at: vec![0],
            ends: Bits::default(),
        };
        for i in 0..tokens.len() {
            let word = tokens.str(i);
            let mut differs = false;
            if tokens.kind(i) == Some(TokenKind::Word)
                && !word
                    .bytes()
                    .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
            {
                let at = tokens.lower.len();
                push_lower(word, &mut tokens.lower);
                if tokens.lower.get(at..) == Some(word) {
                    tokens.lower.truncate(at);
                } else {
                    differs = true;
                    tokens.lower_at.push(offset(tokens.lower.len()));
                }
            }
            tokens.differs.push(differs);
        }
        for i in 0..tokens.len() {
            let end = tokens.find_sentence_end(i);
            tokens.ends.push(end);
        }
        tokens
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.list.get(i).map(|t| t.kind())
    }

    pub fn str(&self, i: usize) -> &'a str {
        self.text.get(self.range(i)).unwrap_or_default()
    }

    /// Token `i`'s byte range in the text (empty past the end).
    pub fn range(&self, i: usize) -> Range<usize> {
        let Some(&token) = self.list.get(i) else {
            return 0..0;
        };
        let start = token.start as usize;
        match token.tag() {
            PUNCT => start..start + token.kind_char().map_or(1, char::len_utf8),
            QUOTE => self
                .quotes
                .get(token.payload())
                .map_or(start..start, |q| q.start as usize..q.end as usize),
            _ => start..start + token.payload(),
        }
    }

    /// The word at `i`, lowercased; `None` for anything but a word.
    pub fn word(&self, i: usize) -> Option<&str> {
        if self.kind(i)? != TokenKind::Word {
            return None;
        }
        if !self.differs.get(i) {
            return Some(self.str(i));
        }
        let r = self.differs.rank(i);
        let (&from, &to) = (self.lower_at.get(r)?, self.lower_at.get(r + 1)?);
        self.lower.get(from as usize..to as usize)
    }

    pub fn is_capitalised(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
            && self.str(i).chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(TokenKind::Punct(c))
    }

    /// Whether token `i` is a dash: an em or en dash, or a hyphen standing
    /// alone for one ("WASHINGTON - The mayor …").
    pub fn is_dash(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(TokenKind::Punct('—' | '–' | '-')))
    }

    /// Whether the word at `i` is marked as a possessive, with either
    /// apostrophe: "Lee's" and "Lee’s" (one word, read with a straight
    /// apostrophe), or a plural "the players'" / "the players’", whose
    /// apostrophe ends no word and so is a token of its own right after it.
    /// "it's", "that's" and their kind are contractions, not possessives.
    pub fn is_possessive(&self, i: usize) -> bool {
        let Some(word) = self.word(i) else {
            return false;
        };
        if let Some(owner) = word.strip_suffix("'s") {
            return !is_contracted_pronoun(owner);
        }
        word.ends_with('s') && self.apostrophe_closes(i)
    }

    /// The possessive word whose mark ends right before token `i`: "Lee's"
    /// at `i - 1`, or "players" at `i - 2` with its apostrophe at `i - 1`.
    pub fn possessive_before(&self, i: usize) -> Option<usize> {
        let prev = i.checked_sub(1)?;
        if self.is_possessive(prev) {
            return Some(prev);
        }
        let owner = prev.checked_sub(1)?;
        (self.is_possessive_apostrophe(prev) && self.is_possessive(owner)).then_some(owner)
    }

    /// Whether token `i` is the apostrophe of a plural possessive ("the
    /// players’ union"): part of the noun phrase, not punctuation.
    pub fn is_possessive_apostrophe(&self, i: usize) -> bool {
        (self.is_punct(i, '\'') || self.is_punct(i, '’'))
            && i > 0
            && self.word(i - 1).is_some_and(|w| w.ends_with('s'))
            && self.apostrophe_closes(i - 1)
    }

    /// Whether an apostrophe token follows the word at `i` with no space.
    fn apostrophe_closes(&self, i: usize) -> bool {
        self.kind(i).is_some()
            && matches!(self.kind(i + 1), Some(TokenKind::Punct('\'' | '’')))
            && self.range(i + 1).start == self.range(i).end
    }

    /// A period after an abbreviation or an initial ("Sen.", "J.").
    pub fn is_abbreviation_period(&self, i: usize) -> bool {
        if !self.is_punct(i, '.') || i == 0 {
            return false;
        }
        let Some(word) = self.word(i - 1) else {
            return false;
        };
        let before = self.str(i - 1);
        word_lists::is_abbreviation(word)
            || (before.chars().count() == 1 && before.chars().all(char::is_uppercase))
    }

    /// The last character inside the quotation at token `i`, closing marks
    /// and spaces aside.
    pub fn quote_terminal(&self, i: usize) -> Option<char> {
        if !matches!(self.kind(i), Some(TokenKind::Quote)) {
            return None;
        }
        self.str(i)
            .trim_end_matches(|c: char| c.is_whitespace() || super::marks::is_mark(c))
            .chars()
            .next_back()
    }

    /// A quotation whose words end a sentence, followed by a new one:
    /// `"We won." Then …`.
    pub fn quote_ends_sentence(&self, i: usize) -> bool {
        let next_starts = match self.kind(i + 1) {
            None | Some(TokenKind::Break) | Some(TokenKind::Quote) => true,
            Some(TokenKind::Word) => self.is_capitalised(i + 1),
            Some(TokenKind::Punct(_)) => false,
        };
        next_starts
            && self
                .quote_terminal(i)
                .is_some_and(|c| matches!(c, '.' | '!' | '?'))
    }

    /// Whether a sentence ends at token `i`.
    pub fn ends_sentence(&self, i: usize) -> bool {
        self.ends.get(i)
    }

    fn find_sentence_end(&self, i: usize) -> bool {
        match self.kind(i) {
            Some(TokenKind::Quote) => self.quote_ends_sentence(i),
            Some(TokenKind::Break) => true,
            Some(TokenKind::Punct('!' | '?' | ';')) => true,
            Some(TokenKind::Punct('.')) => {
                // "(R-Wis.) said", "Inc., the maker": no sentence ends here.
                let continues = match self.kind(i + 1) {
                    Some(TokenKind::Punct(')' | ',')) => true,
                    Some(TokenKind::Word) => !self.is_capitalised(i + 1),
                    _ => false,
                };
                !continues && !self.is_abbreviation_period(i)
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let t = Tokens::new(text, &[]);
        (0..t.len())
            .filter(|&i| t.kind(i) == Some(TokenKind::Word))
            .map(|i| t.str(i))
            .collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_hyphens_periods_and_digit_groups() {
        assert_eq!(
            words("O'Brien's U.S. plan cost 10,000 dollars, Jean-Luc said."),
            [
                "O'Brien's",
                "U.S",
                "plan",
                "cost",
                "10,000",
                "dollars",
                "Jean-Luc",
                "said"
            ]
        );
    }

    #[test]
    fn a_token_takes_eight_bytes() {
        // A text has a token for about every six bytes: a wider token puts
        // one 50 MB line's peak memory over 4x (scripts/bench-reliability).
        assert_eq!(std::mem::size_of::<Token>(), 8);
        let t = Tokens::new(
            "“Yes,” said Ann — at 10,000 feet.\n\nOK",
            std::slice::from_ref(&(0.."“Yes,”".len())),
        );
        let read: Vec<(TokenKind, &str)> = (0..t.len())
            .map(|i| (t.kind(i).unwrap(), t.str(i)))
            .collect();
        assert_eq!(
            read,
            [
                (TokenKind::Quote, "“Yes,”"),
                (TokenKind::Word, "said"),
                (TokenKind::Word, "Ann"),
                (TokenKind::Punct('—'), "—"),
                (TokenKind::Word, "at"),
                (TokenKind::Word, "10,000"),
                (TokenKind::Word, "feet"),
                (TokenKind::Punct('.'), "."),
                (TokenKind::Break, "\n\n"),
                (TokenKind::Word, "OK"),
            ]
        );
        assert_eq!(t.word(2), Some("ann"));
        assert_eq!(t.word(9), Some("ok"));
        assert_eq!(t.range(10), 0..0);
    }

    #[test]
    fn a_quotation_is_one_token() {
        let text = "“We won,” she said.";
        let quote_end = text.find(',').unwrap() + ",”".len();
        let quote = 0..quote_end;
        let t = Tokens::new(text, std::slice::from_ref(&quote));
        assert_eq!(t.kind(0), Some(TokenKind::Quote));
        assert_eq!(t.word(1), Some("she"));
        assert_eq!(t.quote_terminal(0), Some(','));
    }

    #[test]
    fn words_are_lowercased_with_straight_apostrophes() {
        let t = Tokens::new("It’s Done", &[]);
        assert_eq!(t.word(0), Some("it's"));
        assert!(t.is_capitalised(1));
    }

    #[test]
    fn abbreviations_and_brackets_end_no_sentence() {
        let t = Tokens::new("Sen. Smith (R-Wis.) said so. Then", &[]);
        let ends: Vec<&str> = (0..t.len())
            .filter(|&i| t.ends_sentence(i))
            .map(|i| t.str(i))
            .collect();
        assert_eq!(ends, ["."]);
        assert!(t.ends_sentence(t.len() - 2));
    }

    #[test]
    fn possessives_read_alike_with_either_apostrophe() {
        for text in [
            "The coach's plan and the players' union.",
            "The coach’s plan and the players’ union.",
        ] {
            let t = Tokens::new(text, &[]);
            let possessive: Vec<&str> = (0..t.len())
                .filter(|&i| t.is_possessive(i))
                .map(|i| t.str(i))
                .collect();
            assert_eq!(possessive.len(), 2, "{text}");
            assert!(possessive[1] == "players", "{text}");
            // "plan" follows the coach's mark, "union" the players' one.
            let plan = (0..t.len()).find(|&i| t.word(i) == Some("plan")).unwrap();
            let union = (0..t.len()).find(|&i| t.word(i) == Some("union")).unwrap();
            assert_eq!(t.possessive_before(plan), Some(plan - 1), "{text}");
            assert_eq!(t.possessive_before(union), Some(union - 2), "{text}");
            assert!(t.is_possessive_apostrophe(union - 1), "{text}");
        }
    }

    #[test]
    fn contractions_and_spaced_apostrophes_are_no_possessives() {
        for text in ["It's late and that’s all.", "The bus ' stops here."] {
            let t = Tokens::new(text, &[]);
            assert!(!(0..t.len()).any(|i| t.is_possessive(i)), "{text}");
        }
    }
}
