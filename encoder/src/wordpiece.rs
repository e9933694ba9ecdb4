//! BERT's WordPiece tokenizer, as `tokenizer.json` describes it: the BERT
//! normaliser, the BERT pre-tokeniser (whitespace, then each punctuation
//! character on its own), greedy longest-match WordPiece with `##`
//! continuations, and `[CLS] … [SEP]` around at most `max_len` ids.
//!
//! Written here rather than taken from HF `tokenizers` because that crate is
//! large for a wasm download and needs a regex engine; the tests check this one
//! against it token for token (`tests/tokenizer_oracle.rs`), on every training
//! sentence when `../shared/eval/claims.train.jsonl` exists and always on
//! invented text (accents, CJK, punctuation, emoji, long words, control
//! characters, literal special tokens).

use serde::Deserialize;
use std::collections::HashMap;
use unicode_categories::UnicodeCategories;
use unicode_normalization_alignments::UnicodeNormalization;

/// The special tokens a BERT vocabulary holds; written literally in a text
/// they are that token (HF `tokenizers` matches them before normalising).
const SPECIALS: [&str; 5] = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

/// A word longer than this many characters is `[UNK]` (HF's default, which
/// `tokenizer.json` keeps).
const DEFAULT_MAX_WORD_CHARS: usize = 100;

#[derive(Debug)]
pub struct WordPiece {
    vocab: HashMap<String, u32>,
    specials: Vec<(&'static str, u32)>,
    unk: u32,
    cls: u32,
    sep: u32,
    normaliser: Normaliser,
    max_word_chars: usize,
}

/// The BERT normaliser's switches, read from `tokenizer.json`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Normaliser {
    clean_text: bool,
    chinese_chars: bool,
    strip_accents: bool,
    lowercase: bool,
}

#[derive(Deserialize)]
struct TokenizerJson {
    normalizer: Option<NormalizerJson>,
    model: ModelJson,
}

#[derive(Deserialize)]
struct NormalizerJson {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default = "yes")]
    clean_text: bool,
    #[serde(default = "yes")]
    handle_chinese_chars: bool,
    strip_accents: Option<bool>,
    #[serde(default = "yes")]
    lowercase: bool,
}

#[derive(Deserialize)]
struct ModelJson {
    #[serde(rename = "type")]
    kind: String,
    vocab: HashMap<String, u32>,
    #[serde(default)]
    continuing_subword_prefix: Option<String>,
    #[serde(default)]
    max_input_chars_per_word: Option<usize>,
}

fn yes() -> bool {
    true
}

impl WordPiece {
    /// Reads a BERT `tokenizer.json` (WordPiece model, BERT normaliser).
    pub fn from_tokenizer_json(json: &str) -> Result<Self, String> {
        let parsed: TokenizerJson =
            serde_json::from_str(json).map_err(|e| format!("tokenizer.json: {e}"))?;
        if parsed.model.kind != "WordPiece" {
            return Err(format!(
                "tokenizer.json: model {} is not WordPiece",
                parsed.model.kind
            ));
        }
        if parsed
            .model
            .continuing_subword_prefix
            .as_deref()
            .unwrap_or("##")
            != "##"
        {
            return Err("tokenizer.json: continuations must start with ##".into());
        }
        let normaliser = match parsed.normalizer {
            Some(n) if n.kind == "BertNormalizer" => Normaliser {
                clean_text: n.clean_text,
                chinese_chars: n.handle_chinese_chars,
                strip_accents: n.strip_accents.unwrap_or(n.lowercase),
                lowercase: n.lowercase,
            },
            Some(n) => {
                return Err(format!(
                    "tokenizer.json: normaliser {} is not BERT's",
                    n.kind
                ))
            }
            None => Normaliser {
                clean_text: false,
                chinese_chars: false,
                strip_accents: false,
                lowercase: false,
            },
        };
        let vocab = parsed.model.vocab;
        let id = |token: &str| {
            vocab
                .get(token)
                .copied()
                .ok_or_else(|| format!("tokenizer.json: the vocabulary lacks {token}"))
        };
        let specials = SPECIALS
            .iter()
            .filter_map(|&s| vocab.get(s).map(|&id| (s, id)))
            .collect();
        Ok(WordPiece {
            unk: id("[UNK]")?,
            cls: id("[CLS]")?,
            sep: id("[SEP]")?,
            specials,
            normaliser,
            max_word_chars: parsed
                .model
                .max_input_chars_per_word
                .unwrap_or(DEFAULT_MAX_WORD_CHARS),
            vocab,
        })
    }

    /// `[CLS]`, the text's word pieces (the first `max_len - 2`), `[SEP]`.
    pub fn encode(&self, text: &str, max_len: usize) -> Vec<u32> {
        let budget = max_len.saturating_sub(2);
        let mut ids = vec![self.cls];
        let mut rest = text;
        // Literal special tokens split the text first, as HF does.
        while ids.len() <= budget {
            let next = self
                .specials
                .iter()
                .filter_map(|&(s, id)| rest.find(s).map(|at| (at, s.len(), id)))
                .min_by_key(|&(at, len, _)| (at, std::cmp::Reverse(len)));
            match next {
                Some((at, len, id)) => {
                    self.encode_plain(&rest[..at], budget + 1, &mut ids);
                    if ids.len() <= budget {
                        ids.push(id);
                    }
                    rest = &rest[at + len..];
                }
                None => {
                    self.encode_plain(rest, budget + 1, &mut ids);
                    break;
                }
            }
        }
        ids.truncate(budget + 1);
        ids.push(self.sep);
        ids
    }

    /// Appends the word pieces of `text` (no special tokens in it) while
    /// `ids` holds fewer than `limit`.
    fn encode_plain(&self, text: &str, limit: usize, ids: &mut Vec<u32>) {
        if text.is_empty() || ids.len() >= limit {
            return;
        }
        let normal = self.normalise(text);
        for word in pre_tokenise(&normal) {
            if ids.len() >= limit {
                return;
            }
            self.word_pieces(word, ids);
        }
    }

    fn normalise(&self, text: &str) -> String {
        let n = self.normaliser;
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if n.clean_text {
                if c == '\0' || c == '\u{FFFD}' || is_control(c) {
                    continue;
                }
                if is_whitespace(c) {
                    out.push(' ');
                    continue;
                }
            }
            if n.chinese_chars && is_chinese(c) {
                out.push(' ');
                out.push(c);
                out.push(' ');
            } else {
                out.push(c);
            }
        }
        if n.strip_accents {
            // This crate's NFD yields each character with how it moved.
            out = out
                .nfd()
                .map(|(c, _)| c)
                .filter(|c| !c.is_mark_nonspacing())
                .collect();
        }
        if n.lowercase {
            out = out.chars().flat_map(char::to_lowercase).collect();
        }
        out
    }

    /// Greedy longest-match-first pieces of one word, or `[UNK]` for the
    /// whole word when some part of it matches nothing.
    fn word_pieces(&self, word: &str, ids: &mut Vec<u32>) {
        if word.chars().count() > self.max_word_chars {
            ids.push(self.unk);
            return;
        }
        let first = ids.len();
        let mut start = 0;
        let mut piece = String::new();
        while start < word.len() {
            let mut end = word.len();
            let mut found = None;
            while start < end {
                piece.clear();
                if start > 0 {
                    piece.push_str("##");
                }
                piece.push_str(&word[start..end]);
                if let Some(&id) = self.vocab.get(piece.as_str()) {
                    found = Some(id);
                    break;
                }
                let last = word[start..end]
                    .chars()
                    .next_back()
                    .map_or(1, char::len_utf8);
                end -= last;
            }
            match found {
                Some(id) => ids.push(id),
                None => {
                    ids.truncate(first);
                    ids.push(self.unk);
                    return;
                }
            }
            start = end;
        }
    }
}

/// Splits on whitespace (dropped) and isolates each punctuation character.
fn pre_tokenise(text: &str) -> impl Iterator<Item = &str> {
    text.split(char::is_whitespace)
        .filter(|chunk| !chunk.is_empty())
        .flat_map(|chunk| {
            let mut pieces = Vec::new();
            let mut word_start = 0;
            for (at, c) in chunk.char_indices() {
                if is_punctuation(c) {
                    if word_start < at {
                        pieces.push(&chunk[word_start..at]);
                    }
                    pieces.push(&chunk[at..at + c.len_utf8()]);
                    word_start = at + c.len_utf8();
                }
            }
            if word_start < chunk.len() {
                pieces.push(&chunk[word_start..]);
            }
            pieces
        })
}

fn is_whitespace(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || c.is_whitespace()
}

fn is_control(c: char) -> bool {
    !matches!(c, '\t' | '\n' | '\r') && c.is_other()
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || c.is_punctuation()
}

/// The CJK Unified Ideographs blocks, which BERT spaces out (its definition,
/// not all of CJK: Hiragana, Katakana and Hangul are written with spaces).
fn is_chinese(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF
        | 0x3400..=0x4DBF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F
        | 0x2B920..=0x2CEAF
        | 0xF900..=0xFAFF
        | 0x2F800..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> WordPiece {
        let json = r###"{"normalizer": {"type": "BertNormalizer", "clean_text": true,
            "handle_chinese_chars": true, "strip_accents": null, "lowercase": true},
            "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
            "max_input_chars_per_word": 100, "vocab": {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2,
            "[SEP]": 3, "[MASK]": 4, "un": 5, "##aff": 6, "##able": 7, "cafe": 8, ",": 9,
            "中": 10, "the": 11}}}"###;
        WordPiece::from_tokenizer_json(json).unwrap()
    }

    #[test]
    fn pieces_accents_punctuation_and_cjk() {
        let t = tiny();
        assert_eq!(t.encode("Unaffable, CAFÉ", 64), [2, 5, 6, 7, 9, 8, 3]);
        assert_eq!(t.encode("the中the", 64), [2, 11, 10, 11, 3]);
        assert_eq!(t.encode("unknown", 64), [2, 1, 3]);
        assert_eq!(t.encode("", 64), [2, 3]);
    }

    #[test]
    fn truncates_to_max_len_with_the_special_tokens() {
        let t = tiny();
        let ids = t.encode(&"the ".repeat(100), 8);
        assert_eq!(ids, [2, 11, 11, 11, 11, 11, 11, 3]);
        assert_eq!(t.encode("the [MASK] the", 64), [2, 11, 4, 11, 3]);
        assert_eq!(t.encode("the the the [MASK]", 5), [2, 11, 11, 11, 3]);
    }
}
