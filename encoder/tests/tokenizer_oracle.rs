//! The hand-written WordPiece tokenizer against HF `tokenizers` reading the
//! same `tokenizer.json`, token for token: on invented text that exercises
//! every rule (always), and on every sentence of the training file when
//! `../shared/eval/claims.train.jsonl` is there (it is not part of the
//! repository; the test says when it skips it).

use claims_encoder::wordpiece::WordPiece;
use claims_encoder::MAX_LEN;
use tokenizers::{Tokenizer, TruncationParams};

const TOKENIZER_JSON: &str = include_str!("../model/tokenizer.json");

fn oracle() -> Tokenizer {
    let mut hf: Tokenizer = TOKENIZER_JSON.parse().expect("tokenizer.json");
    hf.with_padding(None);
    hf.with_truncation(Some(TruncationParams {
        max_length: MAX_LEN,
        ..TruncationParams::default()
    }))
    .expect("truncation");
    hf
}

fn compare(texts: impl IntoIterator<Item = String>) -> usize {
    let hf = oracle();
    let ours = WordPiece::from_tokenizer_json(TOKENIZER_JSON).unwrap();
    let mut count = 0;
    for text in texts {
        let expected = hf
            .encode(text.as_str(), true)
            .expect("hf encodes")
            .get_ids()
            .to_vec();
        let got = ours.encode(&text, MAX_LEN);
        assert_eq!(got, expected, "on {text:?}");
        count += 1;
    }
    count
}

/// Pieces that each exercise a rule of the normaliser, the pre-tokeniser or
/// WordPiece; the generator below strings them together.
const PIECES: &[&str] = &[
    "The",
    "council",
    "approved",
    "£4.2bn",
    "on",
    "Tuesday,",
    "2024-03-01",
    "(AP)",
    "—",
    "CAFÉ",
    "naïve",
    "résumé",
    "Ångström",
    "straße",
    "ﬁnancial",
    "İstanbul",
    "Ελλάδα",
    "Москва",
    "中华人民共和国",
    "東京都",
    "ひらがな",
    "カタカナ",
    "한국어",
    "مرحبا",
    "हिन्दी",
    "“quoted”",
    "‘single’",
    "«guillemets»",
    "¿Qué?",
    "¡Sí!",
    "…",
    "·",
    "§12",
    "€5",
    "¥",
    "👍🏽",
    "🇺🇸",
    "👨‍👩‍👧",
    "☃",
    "🙂",
    "e\u{301}",
    "\u{301}",
    "a\u{308}b",
    "\u{0}",
    "\u{7}",
    "\u{1b}[0m",
    "\u{200b}",
    "\u{feff}",
    "\u{ad}",
    "\u{fffd}",
    "\u{e000}",
    "\t",
    "\n",
    "\r\n",
    "\u{a0}",
    "\u{2028}",
    "\u{3000}",
    "  ",
    "[MASK]",
    "[CLS]",
    "[cls]",
    "[SEP]x",
    "x[PAD]",
    "[UNK",
    "##ing",
    "#hashtag",
    "@handle",
    "https://example.org/a?b=c&d=e",
    "e-mail",
    "don't",
    "U.S.",
    "3.14159",
    "1,000,000",
    "supercalifragilisticexpialidocious",
    "antidisestablishmentarianism",
    "Pneumonoultramicroscopicsilicovolcanoconiosis",
    "ǅungla",
    "ǈ",
    "Ⅻ",
    "①",
    "ｆｕｌｌｗｉｄｔｈ",
];

/// A small deterministic generator (xorshift), so the texts are the same on
/// every run and need no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
}

fn invented() -> Vec<String> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut texts: Vec<String> = PIECES.iter().map(|p| p.to_string()).collect();
    for _ in 0..3000 {
        let words = 1 + rng.next() % 40;
        let mut text = String::new();
        for _ in 0..words {
            text.push_str(PIECES[rng.next() % PIECES.len()]);
            if !rng.next().is_multiple_of(4) {
                text.push(' ');
            }
        }
        texts.push(text);
    }
    // Words longer than WordPiece's 100 characters, and right at the limit.
    texts.push("a".repeat(100));
    texts.push("a".repeat(101));
    texts.push(format!("{} end", "é".repeat(150)));
    texts.push("ab".repeat(400));
    // Every code point of a few blocks, one a word.
    for block in [
        0x0..0x300u32,
        0x2000..0x2070,
        0x3000..0x3040,
        0xfe00..0xff70,
    ] {
        let all: Vec<String> = block.filter_map(char::from_u32).map(String::from).collect();
        texts.extend(all.chunks(20).map(|chunk| chunk.join(" ")));
    }
    texts
}

#[test]
fn matches_hf_tokenizers_on_invented_text() {
    let checked = compare(invented());
    assert!(checked > 3000);
}

#[test]
fn matches_hf_tokenizers_on_every_training_sentence() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/eval/claims.train.jsonl"
    );
    let Ok(file) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} is not there");
        return;
    };
    let texts = file.lines().map(|line| {
        let row: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        row["text"].as_str().expect("text").to_string()
    });
    let checked = compare(texts);
    assert!(checked > 20_000, "{checked} sentences");
}
