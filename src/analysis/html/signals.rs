//! What one element says about its text: page furniture (`<nav>`, a class
//! named "newsletter") or article body (`<article>`), as a prior in [-1, 1]
//! with the reason shown to the user.
//!
//! Class and id names are split into words ("share-bar", "shareBar",
//! "share_bar" all give "share") and matched whole, so "header" is not
//! "head" and "shadow" or "download" is not "ad".

/// A signal from one element.
#[derive(Debug, Clone, PartialEq)]
pub struct Signal {
    /// Negative: article body; positive: page furniture.
    pub prior: f32,
    pub reason: String,
    /// From a class, id or role rather than the element itself: such names
    /// also sit on page-wide wrappers ("has-sidebar"), so the renderer
    /// discards them when they cover most of a long page.
    pub from_name: bool,
}

/// The reason of the `<article>` element's body signal.
pub const ARTICLE_REASON: &str = "inside <article>";
/// A page's smaller `<article>` elements are most often teasers of other
/// articles (a "More stories" rail, a list of cards): furniture, mildly.
pub const TEASER: (f32, &str) = (0.5, "teaser of another article (<article>)");

impl Signal {
    fn tag(prior: f32, reason: &str) -> Signal {
        Signal {
            prior,
            reason: reason.to_string(),
            from_name: false,
        }
    }
}

/// The prior of the article element, and of what `<main>` holds.
const ARTICLE: f32 = -0.5;
const MAIN: f32 = -0.3;

/// The signal of an element from its name alone. `in_body`: an ancestor is
/// `<article>` or `<main>`, where `<header>` holds the article's own title.
pub fn of_tag(name: &str, in_body: bool) -> Option<Signal> {
    Some(match name {
        "nav" => Signal::tag(1.0, "navigation (<nav>)"),
        "figcaption" => Signal::tag(1.0, "figure caption"),
        "figure" => Signal::tag(0.8, "figure (<figure>)"),
        "aside" => Signal::tag(0.8, "aside (<aside>)"),
        "form" => Signal::tag(0.8, "form (<form>)"),
        "button" => Signal::tag(1.0, "button"),
        "dialog" => Signal::tag(0.9, "dialog (<dialog>)"),
        "footer" => Signal::tag(0.9, "footer (<footer>)"),
        "header" if !in_body => Signal::tag(0.7, "page header (<header>)"),
        "article" => Signal::tag(ARTICLE, ARTICLE_REASON),
        "main" => Signal::tag(MAIN, "inside <main>"),
        _ => return None,
    })
}

/// The signal of an element's `role`, `itemprop`, `class` or `id`, the
/// strongest one when several words match.
pub fn of_names(role: &str, itemprop: &str, class: &str, id: &str) -> Option<Signal> {
    let role = role.trim().to_ascii_lowercase();
    let by_role = match role.as_str() {
        "navigation" => Some((1.0, "navigation (role)")),
        "banner" => Some((0.7, "page header (role)")),
        "contentinfo" => Some((0.9, "footer (role)")),
        "complementary" => Some((0.8, "aside (role)")),
        "search" => Some((0.9, "search (role)")),
        "dialog" | "alertdialog" => Some((0.9, "dialog (role)")),
        "article" => Some((ARTICLE, "inside an article (role)")),
        "main" => Some((MAIN, "inside the main content (role)")),
        _ => None,
    };
    if let Some((prior, reason)) = by_role {
        return Some(Signal {
            prior,
            reason: reason.to_string(),
            from_name: true,
        });
    }
    if itemprop
        .split_ascii_whitespace()
        .any(|p| p.eq_ignore_ascii_case("articlebody"))
    {
        return Some(Signal {
            prior: -0.6,
            reason: "article body (itemprop)".to_string(),
            from_name: true,
        });
    }
    let mut best: Option<Signal> = None;
    for (attribute, value) in [("class", class), ("id", id)] {
        for word in words(value) {
            if let Some(prior) = furniture_word(&word) {
                if best.as_ref().is_none_or(|b| prior > b.prior) {
                    best = Some(Signal {
                        prior,
                        reason: format!("{attribute} '{word}'"),
                        from_name: true,
                    });
                }
            }
        }
    }
    best
}

/// Class and id words that mark page furniture, and how strongly (a table
/// rather than a `match` on strings, which would cost the page more).
const FURNITURE_WORDS: [(&str, f32); 61] = [
    ("share", 0.9),
    ("sharing", 0.9),
    ("social", 0.9),
    ("sharebar", 0.9),
    ("related", 0.9),
    ("recommended", 0.9),
    ("recirculation", 0.9),
    ("trending", 0.9),
    ("popular", 0.9),
    ("newsletter", 0.9),
    ("subscribe", 0.9),
    ("subscription", 0.9),
    ("signup", 0.9),
    ("donate", 0.9),
    ("donation", 0.9),
    ("donations", 0.9),
    ("ad", 0.9),
    ("ads", 0.9),
    ("advert", 0.9),
    ("adverts", 0.9),
    ("advertisement", 0.9),
    ("advertising", 0.9),
    ("adsbygoogle", 0.9),
    ("sponsored", 0.9),
    ("promo", 0.9),
    ("promoted", 0.9),
    ("promotion", 0.9),
    ("cookie", 0.9),
    ("cookies", 0.9),
    ("consent", 0.9),
    ("gdpr", 0.9),
    ("breadcrumb", 0.9),
    ("breadcrumbs", 0.9),
    ("menu", 0.9),
    ("navbar", 0.9),
    ("nav", 0.9),
    ("navigation", 0.9),
    ("toolbar", 0.9),
    ("comment", 0.8),
    ("comments", 0.8),
    ("disqus", 0.8),
    ("caption", 0.8),
    ("credit", 0.8),
    ("credits", 0.8),
    ("sidebar", 0.8),
    ("masthead", 0.8),
    ("footer", 0.8),
    ("colophon", 0.8),
    ("byline", 0.6),
    ("dateline", 0.6),
    ("tags", 0.6),
    ("bio", 0.6),
    ("author", 0.6),
    ("teaser", 0.7),
    ("outbrain", 0.9),
    ("taboola", 0.9),
    ("header", 0.6),
    ("banner", 0.6),
    ("modal", 0.6),
    ("popup", 0.6),
    ("overlay", 0.6),
];

/// How strongly a class or id word marks page furniture.
fn furniture_word(word: &str) -> Option<f32> {
    FURNITURE_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, prior)| *prior)
}

/// The words of a class or id list, lowercased: split at anything not a
/// letter or digit and before an upper-case letter that follows a lower-case
/// one ("shareBar" → "share", "bar").
pub fn words(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in value.chars() {
        if !c.is_alphanumeric() {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        word.extend(c.to_lowercase());
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words_are_split_and_matched_whole() {
        assert_eq!(
            words("share-bar shareBar ad_slot"),
            ["share", "bar", "share", "bar", "ad", "slot"]
        );
        let reason = |class: &str| of_names("", "", class, "").map(|s| s.reason);
        assert_eq!(
            reason("site-newsletter-box").as_deref(),
            Some("class 'newsletter'")
        );
        assert_eq!(reason("ad-slot").as_deref(), Some("class 'ad'"));
        assert_eq!(
            reason("adsbygoogle").as_deref(),
            Some("class 'adsbygoogle'")
        );
        // Substrings are not words.
        for class in [
            "shadow", "download", "heading", "head", "shared", "loaded", "menuitem",
        ] {
            assert_eq!(reason(class), None, "{class}");
        }
        assert_eq!(
            of_names("", "", "", "related-stories")
                .map(|s| s.reason)
                .as_deref(),
            Some("id 'related'")
        );
    }

    #[test]
    fn the_strongest_word_wins_and_roles_come_first() {
        let signal = of_names("", "", "byline share", "").unwrap();
        assert_eq!(signal.reason, "class 'share'");
        let signal = of_names("navigation", "", "story", "").unwrap();
        assert_eq!(signal.reason, "navigation (role)");
        assert!(of_names("", "articleBody", "", "").unwrap().prior < 0.0);
    }

    #[test]
    fn a_header_inside_the_article_is_its_own_title() {
        assert!(of_tag("header", false).is_some_and(|s| s.prior > 0.0));
        assert!(of_tag("header", true).is_none());
        assert!(of_tag("article", false).is_some_and(|s| s.prior < 0.0));
        assert!(of_tag("span", false).is_none());
    }
}
