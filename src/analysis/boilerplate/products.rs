//! Product lists: a buying guide or a deals post is a run of product
//! cards, each a name, a few lines of features, a price on a line of its
//! own and the same shop button ("Buy now", "Available from ..."). Those
//! cards are what the article is about, yet their repeated buttons, short
//! unpunctuated feature lines and menu-like names look like page furniture.
//! A lone product box in a news story is an advert; three or more cards in
//! a row, each with lines of its own between the prices, are the article's
//! list. A shop widget beside the article (a name and a price per item) has
//! no such lines between its prices and is left to the other cues.

/// Cards a list needs before it is taken for the article's own.
pub const MIN_CARDS: usize = 3;
/// Fewest lines from one price to the next: a name, features and buttons.
const MIN_CARD_LINES: usize = 4;
/// Most lines from one price to the next.
const MAX_CARD_LINES: usize = 30;
/// Most words on a price line ("Now $24.99", "List price: 120 €").
const PRICE_WORDS: usize = 4;

/// Longest price line, in bytes: a cheap guard before looking at words.
const MAX_PRICE_BYTES: usize = 64;
/// Currency signs that mark a price.
const CURRENCY_SIGNS: &[char] = &['$', '€', '£', '¥', '₹', '₽', '₩'];
/// Currency names written after or before the amount.
const CURRENCY_WORDS: &[&str] = &[
    "usd", "eur", "gbp", "chf", "cad", "aud", "zł", "pln", "kr", "руб", "rub",
];
/// Words that may label a price on its line.
const LABEL_WORDS: &[&str] = &[
    "was", "now", "from", "only", "price", "list", "sale", "save", "ab", "dès", "desde", "da",
    "vanaf", "od", "от", "prix", "preis", "precio", "prezzo", "preço", "prijs", "cena", "цена",
];

/// A line that is a price and little else: "$139.00", "Now £24.99",
/// "1 299,00 €", "Price: 120 zł".
pub fn is_price_line(line: &str) -> bool {
    if line.len() > MAX_PRICE_BYTES || !line.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut currency = line.contains(CURRENCY_SIGNS);
    let mut amount = false;
    let mut tokens = 0;
    for token in line.split_whitespace() {
        tokens += 1;
        if tokens > PRICE_WORDS + 2 {
            return false;
        }
        let bare = token.trim_matches(|c: char| CURRENCY_SIGNS.contains(&c) || c == ':');
        if bare.is_empty() {
            continue;
        }
        let lower = bare.to_lowercase();
        let lower = lower.trim_end_matches('.');
        if CURRENCY_WORDS.contains(&lower) {
            currency = true;
        } else if bare.chars().any(|c| c.is_ascii_digit())
            && bare
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '–' | '/'))
        {
            amount = true;
        } else if !LABEL_WORDS.contains(&lower) && !matches!(bare, "-" | "–" | "/") {
            return false;
        }
    }
    currency && amount
}

/// Which lines belong to a list of product cards. `prices[i]` says line
/// i is a price line, `stops[i]` that it cannot belong to a card (a
/// paragraph of the article, a heading with its own furniture words): the
/// first card reaches back from its price, and the last card forward,
/// until such a line or a card's length. One pass over the lines.
pub fn product_lists(prices: &[bool], stops: &[bool]) -> Vec<bool> {
    let mut out = vec![false; prices.len()];
    let at: Vec<usize> = (0..prices.len()).filter(|&i| prices[i]).collect();
    let mut start = 0;
    while start < at.len() {
        let mut end = start;
        while end + 1 < at.len()
            && (MIN_CARD_LINES..=MAX_CARD_LINES).contains(&(at[end + 1] - at[end]))
        {
            end += 1;
        }
        if end + 1 - start >= MIN_CARDS {
            let (first, last) = (at[start], at[end]);
            let card = (last - first) / (end - start);
            let mut from = first;
            while from > 0 && first - (from - 1) < card && !stops[from - 1] {
                from -= 1;
            }
            let mut to = last;
            while to + 1 < prices.len() && to + 1 - last < card && !stops[to + 1] && !prices[to + 1]
            {
                to += 1;
            }
            out[from..=to].fill(true);
        }
        start = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_alone_on_their_line_are_price_lines() {
        for line in [
            "$139.00",
            "Now £24.99",
            "1 299,00 €",
            "Price: 120 zł",
            "€49",
            "$19.99 - $24.99",
        ] {
            assert!(is_price_line(line), "{line}");
        }
        for line in [
            "The ferry ticket costs $4 for adults and $2 for children.",
            "2019",
            "$ sign",
            "Buy now",
            "12 votes",
        ] {
            assert!(!is_price_line(line), "{line}");
        }
    }

    fn list_of(lines: &[&str]) -> Vec<bool> {
        let prices: Vec<bool> = lines.iter().map(|l| is_price_line(l)).collect();
        let stops: Vec<bool> = lines.iter().map(|l| l.len() > 80).collect();
        product_lists(&prices, &stops)
    }

    const PARAGRAPH: &str = "Our favourite rain gear is on sale this week, and we picked the pieces that kept us driest on the ferry.";

    #[test]
    fn cards_with_features_between_their_prices_are_a_list() {
        let mut lines = vec![PARAGRAPH];
        for (name, price) in [
            ("Harbour rain jacket", "$89.00"),
            ("Deckhand boots", "$64.50"),
            ("Tide waterproof bag", "$31.99"),
        ] {
            lines.extend([
                name,
                "Taped seams",
                "Packs into its own pocket",
                price,
                "Buy now",
            ]);
        }
        lines.push(PARAGRAPH);
        let got = list_of(&lines);
        assert!(!got[0] && !got[lines.len() - 1], "{got:?}");
        assert!(got[1..lines.len() - 1].iter().all(|&b| b), "{got:?}");
    }

    #[test]
    fn a_shop_widget_of_names_and_prices_is_not_a_list() {
        let lines = [
            PARAGRAPH,
            "Harbour rain jacket",
            "$89.00",
            "Deckhand boots",
            "$64.50",
            "Tide waterproof bag",
            "$31.99",
        ];
        assert!(list_of(&lines).iter().all(|&b| !b));
    }

    #[test]
    fn two_cards_are_not_a_list() {
        let lines = [
            PARAGRAPH,
            "Harbour rain jacket",
            "Taped seams",
            "Packs into its own pocket",
            "$89.00",
            "Buy now",
            "Deckhand boots",
            "Taped seams",
            "Packs into its own pocket",
            "$64.50",
            "Buy now",
            PARAGRAPH,
        ];
        assert!(list_of(&lines).iter().all(|&b| !b));
    }
}
