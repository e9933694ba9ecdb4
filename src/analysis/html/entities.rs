//! Character references (`&amp;`, `&#8217;`, `&#x2014;`) decoded as a
//! browser would show them.
//!
//! Only the named references that news pages actually use are known (the
//! full HTML table has over two thousand, which would cost download size);
//! an unknown one is left as written, which is also what a browser does
//! with a name it does not know.

/// Decodes every character reference in `raw` into `out`. `in_attribute`
/// follows the HTML rule that `&name` without its `;` followed by a letter,
/// digit or `=` stays literal inside attribute values (query strings).
pub fn decode_into(raw: &str, in_attribute: bool, out: &mut String) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match reference(after, in_attribute) {
            Some((decoded, used)) => {
                out.push(decoded);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// `raw` decoded, as a new string.
pub fn decode(raw: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(raw.len());
    decode_into(raw, in_attribute, &mut out);
    out
}

/// The character a reference starting right after `&` stands for, and how
/// many bytes of `after` it used.
fn reference(after: &str, in_attribute: bool) -> Option<(char, usize)> {
    if let Some(number) = after.strip_prefix('#') {
        return numeric(number).map(|(c, used)| (c, used + 1));
    }
    let name_len = after
        .bytes()
        .take(32)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    let name = &after[..name_len];
    let decoded = named(name)?;
    if after[name_len..].starts_with(';') {
        return Some((decoded, name_len + 1));
    }
    // Legacy references without `;` are decoded in text, not in attributes.
    let legacy = matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg");
    (legacy && !in_attribute).then_some((decoded, name_len))
}

/// `#123;` or `#x1F600;` (the `#` already taken): the code point, with the
/// replacements HTML makes for NUL, surrogates and out-of-range numbers.
fn numeric(number: &str) -> Option<(char, usize)> {
    let (digits_from, radix) = match number.as_bytes().first() {
        Some(b'x' | b'X') => (1, 16),
        _ => (0, 10),
    };
    let digits = number[digits_from..]
        .bytes()
        .take_while(|b| (*b as char).is_digit(radix))
        .count();
    if digits == 0 {
        return None;
    }
    let text = &number[digits_from..digits_from + digits];
    // Saturate instead of overflowing on absurdly long numbers.
    let value = u32::from_str_radix(text, radix).unwrap_or(u32::MAX);
    let mut used = digits_from + digits;
    if number[used..].starts_with(';') {
        used += 1;
    }
    let c = match value {
        0 => '\u{fffd}',
        // Windows-1252 numbers pages still write for curly quotes and dashes.
        0x80..=0x9f => windows_1252(value),
        v => char::from_u32(v).unwrap_or('\u{fffd}'),
    };
    Some((c, used))
}

fn windows_1252(value: u32) -> char {
    match value {
        0x80 => '€',
        0x85 => '…',
        0x91 => '‘',
        0x92 => '’',
        0x93 => '“',
        0x94 => '”',
        0x96 => '–',
        0x97 => '—',
        0x99 => '™',
        _ => '\u{fffd}',
    }
}

/// The named references news pages use, sorted by name for a binary
/// search (a table costs the page less than a `match` on strings).
const NAMED: [(&str, char); 108] = [
    ("AMP", '&'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Agrave", 'À'),
    ("Auml", 'Ä'),
    ("COPY", '©'),
    ("Ccedil", 'Ç'),
    ("Dagger", '‡'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Egrave", 'È'),
    ("GT", '>'),
    ("Iacute", 'Í'),
    ("LT", '<'),
    ("Ntilde", 'Ñ'),
    ("Oacute", 'Ó'),
    ("Ouml", 'Ö'),
    ("Prime", '″'),
    ("QUOT", '"'),
    ("REG", '®'),
    ("Uacute", 'Ú'),
    ("Uuml", 'Ü'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("aelig", 'æ'),
    ("agrave", 'à'),
    ("amp", '&'),
    ("apos", '\''),
    ("aring", 'å'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("bdquo", '„'),
    ("bull", '•'),
    ("ccedil", 'ç'),
    ("cent", '¢'),
    ("copy", '©'),
    ("dagger", '†'),
    ("darr", '↓'),
    ("deg", '°'),
    ("divide", '÷'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("egrave", 'è'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("euml", 'ë'),
    ("euro", '€'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("gt", '>'),
    ("hellip", '…'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iexcl", '¡'),
    ("igrave", 'ì'),
    ("iquest", '¿'),
    ("iuml", 'ï'),
    ("laquo", '«'),
    ("larr", '←'),
    ("ldquo", '“'),
    ("lsaquo", '‹'),
    ("lsquo", '‘'),
    ("lt", '<'),
    ("mdash", '—'),
    ("micro", 'µ'),
    ("middot", '·'),
    ("minus", '−'),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("ntilde", 'ñ'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("oelig", 'œ'),
    ("ograve", 'ò'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("oslash", 'ø'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("para", '¶'),
    ("plusmn", '±'),
    ("pound", '£'),
    ("prime", '′'),
    ("quot", '"'),
    ("raquo", '»'),
    ("rarr", '→'),
    ("rdquo", '”'),
    ("reg", '®'),
    ("rsaquo", '›'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("sect", '§'),
    ("shy", '\u{ad}'),
    ("szlig", 'ß'),
    ("thinsp", '\u{2009}'),
    ("times", '×'),
    ("trade", '™'),
    ("uacute", 'ú'),
    ("uarr", '↑'),
    ("ucirc", 'û'),
    ("ugrave", 'ù'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("yen", '¥'),
    ("yuml", 'ÿ'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
];

fn named(name: &str) -> Option<char> {
    NAMED
        .binary_search_by(|(n, _)| n.cmp(&name))
        .ok()
        .map(|i| NAMED[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_and_numeric_references_are_decoded() {
        assert_eq!(
            decode(
                "Fish &amp; chips &mdash; &#8220;hot&#x201D; &eacute;t&eacute;",
                false
            ),
            "Fish & chips — “hot” été"
        );
        assert_eq!(decode("a&nbsp;b", false), "a\u{a0}b");
    }

    #[test]
    fn unknown_and_broken_references_stay_as_written() {
        assert_eq!(decode("&bogus; & &#; &#x;", false), "&bogus; & &#; &#x;");
        assert_eq!(decode("trailing &", false), "trailing &");
    }

    #[test]
    fn legacy_references_without_semicolon_only_in_text() {
        assert_eq!(decode("AT&T &amp rest", false), "AT&T & rest");
        assert_eq!(decode("?a=1&amp=2", true), "?a=1&amp=2");
    }

    #[test]
    fn the_table_is_sorted_for_its_binary_search() {
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(NAMED.iter().all(|(n, c)| named(n) == Some(*c)));
    }

    #[test]
    fn out_of_range_numbers_do_not_panic() {
        assert_eq!(
            decode("&#0;&#xD800;&#99999999999999999999;", false),
            "\u{fffd}\u{fffd}\u{fffd}"
        );
        assert_eq!(decode("&#146;", false), "’");
    }
}
