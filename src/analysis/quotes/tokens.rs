//! The text around quotations as a flat list of tokens, each quotation
//! folded into a single token, so that attribution rules can look at
//! "`<quote>` , Smith said ." without re-reading the quoted words.

use super::word_lists;
use crate::analysis::scan;
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

/// A token: 12 bytes, since a text has about one for every five of its
/// bytes (offsets are `u32`: [`crate::analysis::MAX_TEXT_BYTES`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    start: u32,
    end: u32,
}

impl Token {
    fn new(kind: TokenKind, range: Range<usize>) -> Token {
        Token {
            kind,
            start: offset(range.start),
            end: offset(range.end),
        }
    }

    /// Its byte range in the text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A byte offset as stored: texts are at most 4 GiB, so this saturates only
/// on a text no entry point accepts.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// Inner characters a word may keep when letters follow them: don't,
/// O'Brien, Jean-Luc, U.S, AT&T.
fn joins_word(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&')
}

/// Splits `text` into tokens; `quotes` (sorted, disjoint) become one token each.
pub fn tokenize(text: &str, quotes: &[Range<usize>]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut next_quote = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if let Some(quote) = quotes.get(next_quote).filter(|q| q.start == at) {
            tokens.push(Token::new(TokenKind::Quote, quote.clone()));
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
                tokens.push(Token::new(TokenKind::Break, at..end));
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
            tokens.push(Token::new(TokenKind::Word, at..end));
            continue;
        }
        tokens.push(Token::new(TokenKind::Punct(c), at..at + c.len_utf8()));
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
    /// The lower-cased words that differ from the text (it’s = it's, with
    /// the typographic apostrophe made straight), back to back in one
    /// buffer: most words are their own lower-cased form and are not
    /// copied.
    lower: String,
    /// Token `i`'s lower-cased form is `lower[lower_at[i]..lower_at[i + 1]]`,
    /// or the word itself where that is empty.
    lower_at: Vec<u32>,
    /// Whether a sentence ends at each token, a bit per token, worked out
    /// once: attribution asks it again and again while walking back to a
    /// sentence start.
    ends: Vec<u64>,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str, quotes: &[Range<usize>]) -> Self {
        let list = tokenize(text, quotes);
        let mut lower = String::new();
        let mut lower_at = Vec::with_capacity(list.len() + 1);
        lower_at.push(0);
        for t in &list {
            let word = text.get(t.range()).unwrap_or_default();
            if t.kind == TokenKind::Word
                && !word
                    .bytes()
                    .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
            {
                let at = lower.len();
                for c in word.chars() {
                    if c == '’' {
                        lower.push('\'');
                    } else if c.is_ascii() {
                        lower.push(c.to_ascii_lowercase());
                    } else {
                        lower.extend(c.to_lowercase());
                    }
                }
                if lower.get(at..) == Some(word) {
                    lower.truncate(at);
                }
            }
            lower_at.push(offset(lower.len()));
        }
        let mut tokens = Tokens {
            text,
            list,
            lower,
            lower_at,
            ends: Vec::new(),
        };
        let mut ends = vec![0u64; tokens.len().div_ceil(64)];
        for i in 0..tokens.len() {
            if tokens.find_sentence_end(i) {
                ends[i / 64] |= 1 << (i % 64);
            }
        }
        tokens.ends = ends;
        tokens
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.list.get(i).map(|t| t.kind)
    }

    pub fn str(&self, i: usize) -> &'a str {
        self.list
            .get(i)
            .and_then(|t| self.text.get(t.range()))
            .unwrap_or_default()
    }

    /// Token `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&Token> {
        self.list.get(i)
    }

    /// Token `i`'s byte range in the text (empty past the end).
    pub fn range(&self, i: usize) -> Range<usize> {
        self.list.get(i).map_or(0..0, Token::range)
    }

    /// The word at `i`, lowercased; `None` for anything but a word.
    pub fn word(&self, i: usize) -> Option<&str> {
        if self.kind(i)? != TokenKind::Word {
            return None;
        }
        let (&from, &to) = (self.lower_at.get(i)?, self.lower_at.get(i + 1)?);
        if from == to {
            return Some(self.str(i));
        }
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
        let (Some(word), Some(next)) = (self.list.get(i), self.list.get(i + 1)) else {
            return false;
        };
        matches!(next.kind, TokenKind::Punct('\'' | '’')) && next.start == word.end
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
        self.ends
            .get(i / 64)
            .is_some_and(|bits| bits & (1 << (i % 64)) != 0)
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
