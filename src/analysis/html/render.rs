//! Renders HTML to the text a browser shows (its `innerText`), and records
//! which stretches of that text each furniture or body element held.
//!
//! Streaming over the tokens with a stack of open elements (a `Vec`, never
//! recursion, so 10 000 nested `<div>`s are fine): block elements start
//! and end lines, `<p>` leaves a blank line, `<br>` breaks, white space
//! collapses outside `<pre>`, character references are decoded, and what a
//! browser does not show is dropped: `<script>`, `<style>`, `<template>`,
//! `<noscript>`, `<head>`, form controls' values, and elements that are
//! `hidden` or styled `display:none`. Elements marked `aria-hidden="true"`
//! are dropped too although a browser shows them (and copies them): they
//! are icon glyphs and visual duplicates, not the article's words. Images
//! give nothing: a browser's copy of a page carries no alt text either.

use super::entities;
use super::signals::{self, Signal};
use super::tokenizer::{Token, Tokenizer};
use crate::analysis::MarkupHint;
use std::collections::HashMap;

/// Text rendered from HTML, with what its markup said about it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    pub text: String,
    /// Code-point ranges of `text`, ordered by (start, end).
    pub hints: Vec<MarkupHint>,
}

/// Elements whose content a browser does not show as text.
const DROPPED: [&str; 17] = [
    "script", "style", "template", "noscript", "head", "title", "textarea", "select", "svg",
    "math", "iframe", "object", "canvas", "video", "audio", "noembed", "noframes",
];

/// Elements that never have content or an end tag.
const VOID: [&str; 15] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Elements that start and end a line.
const BLOCK: [&str; 39] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// Start tags that close an open `<p>` (HTML's implied end tag).
const CLOSES_P: [&str; 30] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "ul",
];

/// How far down the stack an implied end tag is looked for: bounds the
/// work per tag so hostile nesting cannot make rendering quadratic.
const IMPLIED_SCAN: usize = 64;

/// A link line is link-dense when links hold at least this share of it.
const LINK_DENSE: f32 = 0.75;
/// The prior of a link-dense line.
const LINK_DENSE_PRIOR: f32 = 0.6;
/// Name-based signals covering more than this share of a text longer than
/// [`WRAPPER_TEXT`] sit on page-wide wrappers, not on a block.
const WRAPPER_SHARE: usize = 2;
const WRAPPER_TEXT: usize = 600;

/// Renders `html` (a page, a fragment, or a clipboard's `text/html`).
pub fn render(html: &str) -> Rendered {
    let html = strip_clipboard_header(html);
    let mut renderer = Renderer::new(html.contains("<!--StartFragment"));
    for token in Tokenizer::new(html) {
        renderer.token(token);
    }
    renderer.finish()
}

/// Windows' CF_HTML format starts with "Version:0.9", "StartHTML:..."
/// lines before the markup; they are not part of the page.
fn strip_clipboard_header(html: &str) -> &str {
    let mut rest = html.trim_start_matches('\u{feff}');
    if !rest.starts_with("Version:") {
        return html;
    }
    while !rest.is_empty() && !rest.starts_with('<') {
        let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let line = rest[..line_end].trim();
        let header = line.split_once(':').is_some_and(|(name, _)| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic())
        });
        if !header {
            break;
        }
        rest = &rest[line_end..];
    }
    rest
}

/// One open element.
struct Open {
    name: String,
    /// The element or an ancestor is not shown.
    hidden: bool,
    pre: bool,
    /// Inside a link.
    link: bool,
    /// Inside `<article>` or `<main>`.
    in_body: bool,
    /// The signal in force: the nearest ancestor's (index into `signals`).
    signal: Option<usize>,
    /// Table cells opened so far in this row.
    cells: usize,
}

struct Renderer {
    out: String,
    chars: usize,
    /// Line breaks owed before the next text (1: new line; 2: blank line).
    breaks: usize,
    space: bool,
    /// Line feeds at the end of `out`.
    trailing_breaks: usize,
    stack: Vec<Open>,
    counts: HashMap<String, usize>,
    /// Markers say which part of the markup was selected; None: all of it.
    in_fragment: Option<bool>,
    signals: Vec<Signal>,
    /// (start, end, signal) in code points.
    runs: Vec<(usize, usize, usize)>,
    line_start: usize,
    line_chars: usize,
    line_link_chars: usize,
    line_letters: bool,
    dense: Vec<(usize, usize)>,
    /// A `<pre>` just opened: its first line feed is not content.
    pre_opened: bool,
}

impl Renderer {
    fn new(has_fragment_markers: bool) -> Self {
        Renderer {
            out: String::new(),
            chars: 0,
            breaks: 0,
            space: false,
            trailing_breaks: 0,
            stack: Vec::new(),
            counts: HashMap::new(),
            in_fragment: has_fragment_markers.then_some(false),
            signals: Vec::new(),
            runs: Vec::new(),
            line_start: 0,
            line_chars: 0,
            line_link_chars: 0,
            line_letters: false,
            dense: Vec::new(),
            pre_opened: false,
        }
    }

    fn top(&self) -> Option<&Open> {
        self.stack.last()
    }

    fn shown(&self) -> bool {
        self.in_fragment != Some(false) && !self.top().is_some_and(|o| o.hidden)
    }

    fn token(&mut self, token: Token<'_>) {
        match token {
            Token::Text(raw) => {
                if !self.shown() {
                    return;
                }
                let text = entities::decode(raw, false);
                let pre = self.top().is_some_and(|o| o.pre);
                self.text(&text, pre);
            }
            Token::Comment(body) => match body.trim() {
                "StartFragment" if self.in_fragment.is_some() => self.in_fragment = Some(true),
                "EndFragment" if self.in_fragment.is_some() => self.in_fragment = Some(false),
                _ => {}
            },
            Token::Start {
                name,
                attributes,
                self_closing,
            } => self.start(name, &attributes, self_closing),
            Token::End { name } => self.end(&name),
        }
    }

    fn start(&mut self, name: String, attributes: &[(String, &str)], self_closing: bool) {
        self.close_implied(&name);
        let attribute = |wanted: &str| {
            attributes
                .iter()
                .find(|(n, _)| n == wanted)
                .map(|(_, v)| entities::decode(v, true))
        };
        match name.as_str() {
            "br" => {
                if self.shown() {
                    self.line_feed();
                }
                return;
            }
            "hr" => {
                self.block_edge(1);
                return;
            }
            _ if VOID.contains(&name.as_str()) => return,
            _ => {}
        }
        let (parent_hidden, parent_pre, parent_link, in_body, parent_signal) =
            self.top().map_or((false, false, false, false, None), |p| {
                (p.hidden, p.pre, p.link, p.in_body, p.signal)
            });
        let style = attribute("style")
            .unwrap_or_default()
            .to_ascii_lowercase()
            .replace([' ', '\t', '\n'], "");
        let hidden = parent_hidden
            || DROPPED.contains(&name.as_str())
            || attribute("hidden").is_some()
            || attribute("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
            || style.contains("display:none")
            || style.contains("visibility:hidden");
        let own = signals::of_tag(&name, in_body).or_else(|| {
            signals::of_names(
                &attribute("role").unwrap_or_default(),
                &attribute("itemprop").unwrap_or_default(),
                &attribute("class").unwrap_or_default(),
                &attribute("id").unwrap_or_default(),
            )
        });
        let signal = match own {
            Some(signal) => {
                self.signals.push(signal);
                Some(self.signals.len() - 1)
            }
            None => parent_signal,
        };
        let open = Open {
            pre: parent_pre || matches!(name.as_str(), "pre" | "listing"),
            link: parent_link || name == "a" && attribute("href").is_some(),
            in_body: in_body || matches!(name.as_str(), "article" | "main"),
            hidden,
            signal,
            cells: 0,
            name,
        };
        self.open_edges(&open);
        if self_closing {
            // `<svg/>` (foreign content) is closed by its slash; honouring
            // it everywhere means a stray one never hides the rest.
            self.close_edges(&open);
            return;
        }
        *self.counts.entry(open.name.clone()).or_default() += 1;
        self.stack.push(open);
    }

    /// What opening `open` does to the text: line breaks and cell tabs.
    fn open_edges(&mut self, open: &Open) {
        if open.hidden {
            return;
        }
        match open.name.as_str() {
            "p" => self.block_edge(2),
            "pre" | "listing" => {
                self.block_edge(1);
                self.pre_opened = true;
            }
            "tr" => self.block_edge(1),
            "td" | "th" => {
                let cells = self.stack.last_mut().filter(|o| o.name == "tr").map(|row| {
                    row.cells += 1;
                    row.cells
                });
                if cells.is_some_and(|c| c > 1) && self.shown() {
                    self.space = false;
                    self.push_raw('\t', false);
                }
            }
            name if BLOCK.contains(&name) => self.block_edge(1),
            _ => {}
        }
    }

    /// Pops the elements an HTML parser closes implicitly before `name`.
    fn close_implied(&mut self, name: &str) {
        if CLOSES_P.contains(&name) && self.count("p") > 0 {
            self.close_within("p", &["button", "table", "td", "th"]);
        }
        match name {
            "li" => self.close_within("li", &["ul", "ol", "menu"]),
            "dt" | "dd" => {
                self.close_within("dt", &["dl"]);
                self.close_within("dd", &["dl"]);
            }
            "tr" => self.close_within("tr", &["table", "tbody", "thead", "tfoot"]),
            "td" | "th" => {
                self.close_within("td", &["tr", "table"]);
                self.close_within("th", &["tr", "table"]);
            }
            "option" => self.close_within("option", &["select"]),
            _ => {}
        }
    }

    fn count(&self, name: &str) -> usize {
        self.counts.get(name).copied().unwrap_or(0)
    }

    /// Closes the nearest open `name` unless a `boundary` element (or the
    /// scan limit) comes first.
    fn close_within(&mut self, name: &str, boundary: &[&str]) {
        if self.count(name) == 0 {
            return;
        }
        let found = self
            .stack
            .iter()
            .rev()
            .take(IMPLIED_SCAN)
            .take_while(|o| !boundary.contains(&o.name.as_str()))
            .any(|o| o.name == name);
        if found {
            self.pop_to(name);
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "br" if self.shown() => self.line_feed(),
            "br" => {}
            // A stray `</p>` makes an empty paragraph.
            "p" if self.count("p") == 0 => self.block_edge(2),
            _ if self.count(name) > 0 => self.pop_to(name),
            _ => {}
        }
    }

    /// Pops open elements down to and including the nearest `name`.
    fn pop_to(&mut self, name: &str) {
        while let Some(open) = self.stack.pop() {
            if let Some(count) = self.counts.get_mut(&open.name) {
                *count = count.saturating_sub(1);
            }
            self.close_edges(&open);
            if open.name == name {
                break;
            }
        }
    }

    fn close_edges(&mut self, open: &Open) {
        if open.hidden {
            return;
        }
        match open.name.as_str() {
            "p" => self.block_edge(2),
            "tr" => self.block_edge(1),
            name if BLOCK.contains(&name) => self.block_edge(1),
            _ => {}
        }
    }

    /// A block starts or ends here: the next text goes on a new line (a
    /// blank line after it for `count` 2).
    fn block_edge(&mut self, count: usize) {
        self.breaks = self.breaks.max(count);
        self.space = false;
    }

    /// A `<br>`: a line feed in the text, now.
    fn line_feed(&mut self) {
        self.flush_breaks();
        self.space = false;
        self.push_raw('\n', false);
    }

    fn flush_breaks(&mut self) {
        if self.out.is_empty() {
            self.breaks = 0;
            return;
        }
        let owed = self.breaks.saturating_sub(self.trailing_breaks);
        for _ in 0..owed {
            self.push_raw('\n', false);
        }
        self.breaks = 0;
    }

    fn text(&mut self, text: &str, pre: bool) {
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let c = match c {
                '\r' if pre => {
                    if chars.peek() == Some(&'\n') {
                        continue;
                    }
                    '\n'
                }
                // Not shown, and removed by the page's paste repair anyway.
                '\u{feff}' => continue,
                c if c.is_control() && !matches!(c, '\n' | '\t' | '\r' | '\x0c') => continue,
                c => c,
            };
            if pre {
                if std::mem::take(&mut self.pre_opened) && c == '\n' {
                    continue;
                }
                self.flush_breaks();
                self.space = false;
                self.push_raw(c, true);
                continue;
            }
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                self.space = true;
                continue;
            }
            self.pre_opened = false;
            if self.breaks > 0 {
                self.flush_breaks();
            } else if self.space && self.trailing_breaks == 0 && !self.out.is_empty() {
                self.push_raw(' ', true);
            }
            self.space = false;
            self.push_raw(c, true);
        }
    }

    /// Appends one char; `content`: it is the element's text (a space
    /// between words, a letter), not a line break the layout made.
    fn push_raw(&mut self, c: char, content: bool) {
        if c == '\n' {
            self.end_line();
            self.out.push('\n');
            self.chars += 1;
            self.trailing_breaks += 1;
            self.line_start = self.chars;
            return;
        }
        self.trailing_breaks = 0;
        let at = self.chars;
        self.out.push(c);
        self.chars += 1;
        if !content || c.is_whitespace() {
            return;
        }
        self.line_chars += 1;
        self.line_letters |= c.is_alphabetic();
        let (link, signal) = self.top().map_or((false, None), |o| (o.link, o.signal));
        if link {
            self.line_link_chars += 1;
        }
        if let Some(signal) = signal {
            match self.runs.last_mut() {
                Some(run) if run.2 == signal => run.1 = at + 1,
                _ => self.runs.push((at, at + 1, signal)),
            }
        }
    }

    /// Closes the current line's link-density tally.
    fn end_line(&mut self) {
        if self.line_letters
            && self.line_link_chars as f32 >= LINK_DENSE * self.line_chars as f32
            && self.line_chars > 0
        {
            self.dense.push((self.line_start, self.chars));
        }
        self.line_chars = 0;
        self.line_link_chars = 0;
        self.line_letters = false;
    }

    /// Of several `<article>` elements, the one holding the most text is
    /// the article; one holding less than half as much is a teaser.
    fn mark_teasers(&mut self, covered: &[usize]) {
        let is_article = |s: &Signal| !s.from_name && s.reason == signals::ARTICLE_REASON;
        let most = (0..self.signals.len())
            .filter(|&i| is_article(&self.signals[i]))
            .map(|i| covered[i])
            .max()
            .unwrap_or(0);
        for (signal, &covered) in self.signals.iter_mut().zip(covered) {
            if is_article(signal) && covered * 2 < most {
                signal.prior = signals::TEASER.0;
                signal.reason = signals::TEASER.1.to_string();
            }
        }
    }

    fn finish(mut self) -> Rendered {
        self.end_line();
        let total = self.chars;
        let mut covered = vec![0usize; self.signals.len()];
        for &(start, end, signal) in &self.runs {
            covered[signal] += end - start;
        }
        self.mark_teasers(&covered);
        let wrapper = |signal: usize| {
            self.signals[signal].from_name
                && total > WRAPPER_TEXT
                && covered[signal] * WRAPPER_SHARE > total
        };
        // Runs and dense lines are each in text order: merged, not sorted
        // (a sort's code would cost the page more than this loop).
        let mut runs = self.runs.iter().filter(|run| !wrapper(run.2)).peekable();
        let mut dense = self.dense.iter().peekable();
        let mut hints = Vec::with_capacity(self.runs.len() + self.dense.len());
        loop {
            let run_first = match (runs.peek(), dense.peek()) {
                (Some(r), Some(d)) => (r.0, r.1) <= **d,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            if run_first {
                if let Some(&(start, end, signal)) = runs.next() {
                    hints.push(MarkupHint {
                        start,
                        end,
                        boilerplate: self.signals[signal].prior,
                        reason: self.signals[signal].reason.clone(),
                    });
                }
            } else if let Some(&(start, end)) = dense.next() {
                hints.push(MarkupHint {
                    start,
                    end,
                    boilerplate: LINK_DENSE_PRIOR,
                    reason: "link-dense block".to_string(),
                });
            }
        }
        Rendered {
            text: self.out,
            hints,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        render(html).text
    }

    /// The hinted stretches of `html` as (text, reason).
    fn hinted(html: &str) -> Vec<(String, String)> {
        let rendered = render(html);
        let chars: Vec<char> = rendered.text.chars().collect();
        rendered
            .hints
            .iter()
            .map(|h| (chars[h.start..h.end].iter().collect(), h.reason.clone()))
            .collect()
    }

    #[test]
    fn blocks_paragraphs_and_breaks_make_lines() {
        assert_eq!(
            text("<div><h1>Title</h1><p>One <b>bold</b>\n   word.</p><p>Two<br>lines</p><ul><li>a<li>b</ul></div>"),
            "Title\n\nOne bold word.\n\nTwo\nlines\n\na\nb"
        );
        assert_eq!(
            text("<div><div><div>deep</div></div></div>tail"),
            "deep\ntail"
        );
        assert_eq!(text("a<span> </span>b"), "a b");
        assert_eq!(text("  lead <i>and</i>  trail  "), "lead and trail");
    }

    #[test]
    fn entities_are_decoded_and_pre_keeps_its_spacing() {
        assert_eq!(
            text("<p>Tom &amp; Jerry&nbsp;&#8212; &lt;b&gt;</p>"),
            "Tom & Jerry\u{a0}— <b>"
        );
        assert_eq!(
            text("<p>x</p><pre>\n  a  b\r\n\tc</pre><p>y</p>"),
            "x\n\n  a  b\n\tc\n\ny"
        );
    }

    #[test]
    fn script_style_head_and_hidden_elements_are_dropped() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
            <script>document.write('<p>no</p>')</script><p>shown</p>\
            <div hidden>h</div><span aria-hidden=\"true\">i</span>\
            <div style=\"DISPLAY: none\">s</div><template><p>t</p></template>\
            <noscript>n</noscript><img src=x alt=\"alt text\"></body></html>";
        assert_eq!(text(html), "shown");
    }

    #[test]
    fn tables_put_tabs_between_cells() {
        assert_eq!(
            text("<table><tr><th>a<th>b</tr><tr><td>1</td><td>2</td></tr></table>"),
            "a\tb\n1\t2"
        );
    }

    #[test]
    fn clipboard_headers_and_fragment_markers() {
        let html = "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000199\r\n\
            StartFragment:0000000141\r\nEndFragment:0000000163\r\n\
            <html><body><nav>not selected</nav><!--StartFragment--><p>Picked &amp; kept</p>\
            <!--EndFragment--></body></html>";
        assert_eq!(text(html), "Picked & kept");
        assert_eq!(
            text("<meta charset='utf-8'><span style=\"color: red\">plain</span>"),
            "plain"
        );
    }

    #[test]
    fn malformed_markup_renders_what_it_can() {
        assert_eq!(
            text("<p>one<p>two<div>three</span></div>four</b>"),
            "one\n\ntwo\n\nthree\nfour"
        );
        assert_eq!(text("a < b and c > d"), "a < b and c > d");
        assert_eq!(text("<p>unclosed <a href=\"x"), "unclosed");
        assert_eq!(text("</p></div>x"), "x");
    }

    #[test]
    fn deep_nesting_and_huge_attributes_do_not_overflow() {
        let deep = format!(
            "{}x{}",
            "<div><span>".repeat(10_000),
            "</span></div>".repeat(10_000)
        );
        assert_eq!(text(&deep), "x");
        let unclosed = format!("{}y", "<div>".repeat(10_000));
        assert_eq!(text(&unclosed), "y");
        let huge = format!("<p class=\"{}\">z</p>", "a".repeat(1_000_000));
        assert_eq!(text(&huge), "z");
        let many: String = (0..100_000).map(|i| format!(" a{i}=1")).collect();
        assert_eq!(
            text(&format!("<p{many} hidden>gone</p><p>kept</p>")),
            "kept"
        );
        let stray = format!("<p>{}{}", "<b>".repeat(5_000), "<div>".repeat(5_000));
        assert_eq!(text(&format!("{stray}w")), "w");
    }

    #[test]
    fn furniture_elements_and_class_names_give_hints() {
        let html = "<nav><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li></ul></nav>\
            <article><p>Body text here.</p><figure><img src=x><figcaption>A bridge.</figcaption></figure>\
            <div class=\"newsletter-box\">Get it daily</div></article>";
        assert_eq!(
            hinted(html),
            [
                ("Home".to_string(), "link-dense block".to_string()),
                ("Home\nWorld".to_string(), "navigation (<nav>)".to_string()),
                ("World".to_string(), "link-dense block".to_string()),
                (
                    "Body text here.".to_string(),
                    "inside <article>".to_string()
                ),
                ("A bridge.".to_string(), "figure caption".to_string()),
                ("Get it daily".to_string(), "class 'newsletter'".to_string()),
            ]
        );
    }

    #[test]
    fn a_page_wide_wrapper_class_is_not_a_block() {
        let body = "<p>A long paragraph of the article, long enough to matter here.</p>".repeat(20);
        let html = format!(
            "<div class=\"page has-sidebar\">{body}</div><div class=sidebar>Most read</div>"
        );
        let hints = hinted(&html);
        assert_eq!(
            hints,
            [("Most read".to_string(), "class 'sidebar'".to_string())]
        );
    }

    #[test]
    fn smaller_articles_beside_the_article_are_teasers() {
        let main =
            "<p>The main story's paragraph, long enough to be the article itself.</p>".repeat(5);
        let html = format!(
            "<article>{main}</article><aside><article><h3>Another story</h3></article></aside>\
             <article><h3>A third story</h3><p>Its summary.</p></article>"
        );
        let hints = hinted(&html);
        let reasons: Vec<&str> = hints.iter().map(|h| h.1.as_str()).collect();
        assert_eq!(reasons[0], "inside <article>");
        // Innermost wins: the teaser <article> inside <aside> is a teaser too.
        assert_eq!(
            &reasons[reasons.len() - 2..],
            [
                "teaser of another article (<article>)",
                "teaser of another article (<article>)"
            ]
        );
    }

    #[test]
    fn hint_offsets_count_code_points() {
        let rendered = render("<p>Ünïcödé 😀 text</p><aside>Ñews</aside>");
        let hint = &rendered.hints[0];
        let shown: String = rendered
            .text
            .chars()
            .skip(hint.start)
            .take(hint.end - hint.start)
            .collect();
        assert_eq!(shown, "Ñews");
    }
}
