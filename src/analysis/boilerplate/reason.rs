//! Why a line reads as page furniture: one variant per kind of evidence,
//! each with the label the user sees. The rules test and combine variants,
//! never labels, so a label can be reworded without moving a figure; the
//! phrase lexicon names its sections after [`Reason::section`], and a
//! section no variant claims is a load error.

/// One kind of boilerplate evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    // Sections of the phrase lexicon (`lexicon.txt`).
    DonationAppeal,
    NewsletterPrompt,
    ShareLine,
    NavigationPhrase,
    LoginPrompt,
    ReadMore,
    CrossReference,
    RelatedLinks,
    Advertisement,
    CookieNotice,
    CopyrightPhrase,
    CaptionPhrase,
    Comments,
    Reminder,
    ReadingTime,
    AppPrompt,
    AuthorNote,
    // The line's shape (see `shape::cues`).
    Separator,
    CopyrightMark,
    ImageMarkdown,
    LinkMarkdown,
    BareUrl,
    Timestamp,
    Byline,
    Credit,
    MenuSeparators,
    AllCaps,
    PromotedHeadline,
    GalleryCounter,
    HeadlineWithDateline,
    Excerpt,
    TrailingEllipsis,
    // The line's context (see `with_context` and the rules beside it).
    ReaderAddress,
    RepeatedLine,
    MenuRun,
    BesideCredit,
    ListicleTeasers,
    LinkList,
    BlockHeading,
    BetweenBoilerplate,
    AfterArticle,
    CommentSection,
    Standfirst,
}

impl Reason {
    /// Every variant, in declaration order.
    pub const ALL: [Reason; 43] = [
        Reason::DonationAppeal,
        Reason::NewsletterPrompt,
        Reason::ShareLine,
        Reason::NavigationPhrase,
        Reason::LoginPrompt,
        Reason::ReadMore,
        Reason::CrossReference,
        Reason::RelatedLinks,
        Reason::Advertisement,
        Reason::CookieNotice,
        Reason::CopyrightPhrase,
        Reason::CaptionPhrase,
        Reason::Comments,
        Reason::Reminder,
        Reason::ReadingTime,
        Reason::AppPrompt,
        Reason::AuthorNote,
        Reason::Separator,
        Reason::CopyrightMark,
        Reason::ImageMarkdown,
        Reason::LinkMarkdown,
        Reason::BareUrl,
        Reason::Timestamp,
        Reason::Byline,
        Reason::Credit,
        Reason::MenuSeparators,
        Reason::AllCaps,
        Reason::PromotedHeadline,
        Reason::GalleryCounter,
        Reason::HeadlineWithDateline,
        Reason::Excerpt,
        Reason::TrailingEllipsis,
        Reason::ReaderAddress,
        Reason::RepeatedLine,
        Reason::MenuRun,
        Reason::BesideCredit,
        Reason::ListicleTeasers,
        Reason::LinkList,
        Reason::BlockHeading,
        Reason::BetweenBoilerplate,
        Reason::AfterArticle,
        Reason::CommentSection,
        Reason::Standfirst,
    ];

    /// What the user reads on a block cut for this reason. Several
    /// variants share a label: the user needs to know it is a caption, not
    /// which of three rules saw it.
    pub fn label(self) -> &'static str {
        match self {
            Reason::DonationAppeal => "donation appeal",
            Reason::NewsletterPrompt => "newsletter prompt",
            Reason::ShareLine => "share line",
            Reason::NavigationPhrase | Reason::MenuSeparators | Reason::MenuRun => {
                "navigation line"
            }
            Reason::LoginPrompt => "login prompt",
            Reason::ReadMore => "read more link",
            Reason::CrossReference => "cross-reference",
            Reason::RelatedLinks
            | Reason::LinkList
            | Reason::Excerpt
            | Reason::TrailingEllipsis => "related links",
            Reason::Advertisement => "advertisement",
            Reason::CookieNotice => "cookie notice",
            Reason::CopyrightPhrase | Reason::CopyrightMark => "copyright",
            Reason::CaptionPhrase
            | Reason::Credit
            | Reason::BesideCredit
            | Reason::GalleryCounter => "caption",
            Reason::Comments => "comments",
            Reason::Reminder => "reminder",
            Reason::ReadingTime => "reading time",
            Reason::AppPrompt => "app prompt",
            Reason::AuthorNote => "author note",
            Reason::Separator => "separator",
            Reason::ImageMarkdown => "image markdown",
            Reason::LinkMarkdown => "link markdown",
            Reason::BareUrl => "bare URL",
            Reason::Timestamp => "timestamp",
            Reason::Byline => "byline",
            Reason::AllCaps => "all-caps label",
            Reason::PromotedHeadline => "promoted headline",
            Reason::HeadlineWithDateline | Reason::ListicleTeasers => "teaser",
            Reason::ReaderAddress => "reader address",
            Reason::RepeatedLine => "repeated line",
            Reason::BlockHeading => "heading of a boilerplate block",
            Reason::BetweenBoilerplate => "between boilerplate lines",
            Reason::AfterArticle => "after the end of the article",
            Reason::CommentSection => "comment section",
            Reason::Standfirst => "standfirst above the byline",
        }
    }

    /// The lexicon section (`@name` in `lexicon.txt`) whose phrases give
    /// this reason, for the variants the lexicon feeds.
    pub fn section(self) -> Option<&'static str> {
        Some(match self {
            Reason::DonationAppeal => "donation appeal",
            Reason::NewsletterPrompt => "newsletter prompt",
            Reason::ShareLine => "share line",
            Reason::NavigationPhrase => "navigation line",
            Reason::LoginPrompt => "login prompt",
            Reason::ReadMore => "read more link",
            Reason::CrossReference => "cross-reference",
            Reason::RelatedLinks => "related links",
            Reason::Advertisement => "advertisement",
            Reason::CookieNotice => "cookie notice",
            Reason::CopyrightPhrase => "copyright",
            Reason::CaptionPhrase => "caption",
            Reason::Comments => "comments",
            Reason::Reminder => "reminder",
            Reason::ReadingTime => "reading time",
            Reason::AppPrompt => "app prompt",
            Reason::AuthorNote => "author note",
            _ => return None,
        })
    }

    /// The variant a lexicon section name stands for.
    pub fn of_section(name: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.section() == Some(name))
    }

    /// Its place in [`Reason::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Links to other pages: a "Related" heading, a "Read more" label, a
    /// list of headlines or excerpts.
    pub fn points_to_other_pages(self) -> bool {
        matches!(
            self,
            Reason::RelatedLinks
                | Reason::LinkList
                | Reason::Excerpt
                | Reason::TrailingEllipsis
                | Reason::ReadMore
        )
    }

    /// A caption or its credit: furniture that sits inside articles as
    /// often as around them, so it neither ends the article nor joins a
    /// block's anchors.
    pub fn is_caption(self) -> bool {
        matches!(
            self,
            Reason::CaptionPhrase | Reason::Credit | Reason::BesideCredit | Reason::GalleryCounter
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_variant_in_order() {
        for (i, reason) in Reason::ALL.iter().enumerate() {
            assert_eq!(reason.index(), i, "{reason:?}");
        }
    }

    #[test]
    fn sections_name_one_variant_each() {
        for reason in Reason::ALL {
            if let Some(section) = reason.section() {
                assert_eq!(Reason::of_section(section), Some(reason));
            }
        }
        assert_eq!(Reason::of_section("no such section"), None);
    }
}
