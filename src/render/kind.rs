//! The page kinds, and the one place each declares what its pages show
//! ([`PageKind::reads`]), which template renders them and whether `serve`
//! may write them last. The incremental rules (`build::affected`,
//! `serve::incremental`) judge a change by these declarations alone, with
//! no rule of their own for any kind. Every `match` here names every kind,
//! so a new kind does not compile until it says what it reads.

use serde::{Deserialize, Serialize};

use crate::site::DocId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageKind {
    Index,
    Document(DocId),
    /// A theme's page `number` (1-based) of its paginated document list.
    Theme {
        theme: usize,
        number: usize,
    },
    /// A dialogue's page `number` (1-based) of its paginated chronology.
    Dialogue {
        dialogue: usize,
        number: usize,
    },
    /// A year's page `number` (1-based) of its paginated document list.
    Year {
        year: usize,
        number: usize,
    },
    Themes,
    Dialogues,
    Years,
    Glossary,
    Search,
    NotFound,
    Feed,
    ThemeFeed(usize),
    Sitemap,
    /// The whole briefing book, `print.html`.
    Print,
    /// A theme's briefing pack, `print/themes/<slug>.html`.
    PrintTheme(usize),
    /// A dialogue's briefing pack, `print/dialogues/<slug>.html`.
    PrintDialogue(usize),
    /// A year's briefing pack, `print/years/<yyyy>.html`.
    PrintYear(usize),
}

/// A list of documents the site's indexes hold, by index into its themes,
/// dialogues or years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum List {
    /// Every document.
    All,
    Theme(usize),
    Dialogue(usize),
    Year(usize),
}

/// Whose pledges (recommendations and commitments, grouped across
/// documents by theme) a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pledges {
    None,
    Theme(usize),
    All,
}

/// What the pages of a kind show, each a reason to render them again when
/// it changes. Besides these, every page shows what a full build follows:
/// `briefing.yaml`, its templates, the static files, the site glossary and
/// whether any document has code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reads {
    /// The documents the plan lists for the page ([`super::Page::reads`]).
    pub documents: bool,
    /// A list's members in order and what is shown of the list as a whole
    /// (a theme's co-occurring themes and the years it spans, a dialogue's
    /// theme shift, a year's themes): every page of a paginated list shows
    /// its length and summary, and its items shift.
    pub list: Option<List>,
    /// How many documents a list holds: a briefing pack prints the newest
    /// of them and says how many it leaves out.
    pub count: Option<List>,
    pub pledges: Pledges,
    /// Which years have documents: a year page links its neighbours.
    pub years: bool,
    /// The indexes as a whole (counts, the theme × year matrix, dialogue
    /// summaries), whenever they are derived again.
    pub indexes: bool,
    /// Which pages the plan holds.
    pub paths: bool,
}

/// Reads nothing but what every page shows.
const NOTHING: Reads = Reads {
    documents: false,
    list: None,
    count: None,
    pledges: Pledges::None,
    years: false,
    indexes: false,
    paths: false,
};

/// Reads the documents the plan lists for it.
const DOCUMENTS: Reads = Reads {
    documents: true,
    ..NOTHING
};

impl PageKind {
    /// What the pages of this kind show: see [`Reads`].
    pub const fn reads(&self) -> Reads {
        use PageKind::*;
        match *self {
            Index => Reads {
                indexes: true,
                ..DOCUMENTS
            },
            // The indexes of themes, dialogues and years, the glossary and
            // the search page read every document.
            Document(_) | Themes | Dialogues | Years | Glossary | Search | Feed => DOCUMENTS,
            Theme { theme, .. } => Reads {
                list: Some(List::Theme(theme)),
                pledges: Pledges::Theme(theme),
                ..DOCUMENTS
            },
            Dialogue { dialogue, .. } => Reads {
                list: Some(List::Dialogue(dialogue)),
                ..DOCUMENTS
            },
            Year { year, .. } => Reads {
                list: Some(List::Year(year)),
                years: true,
                ..DOCUMENTS
            },
            NotFound => NOTHING,
            // Its entries show no pledge; it is rendered with its theme's
            // pages, which do, at the cost of fifty entries.
            ThemeFeed(theme) => Reads {
                pledges: Pledges::Theme(theme),
                ..DOCUMENTS
            },
            Sitemap => Reads {
                paths: true,
                ..NOTHING
            },
            Print => pack(List::All, true),
            PrintTheme(theme) => pack(List::Theme(theme), false),
            PrintDialogue(dialogue) => pack(List::Dialogue(dialogue), false),
            PrintYear(year) => pack(List::Year(year), true),
        }
    }

    /// The template its pages are rendered with.
    pub const fn template(&self) -> &'static str {
        use PageKind::*;
        match self {
            Index => "index.html",
            Document(_) => "document.html",
            Theme { .. } => "theme.html",
            Dialogue { .. } => "dialogue.html",
            Year { .. } => "year.html",
            Themes => "themes.html",
            Dialogues => "dialogues.html",
            Years => "years.html",
            Glossary => "glossary.html",
            Search => "search.html",
            NotFound => "404.html",
            Feed | ThemeFeed(_) => "atom.xml",
            Sitemap => "sitemap.xml",
            Print | PrintTheme(_) | PrintDialogue(_) | PrintYear(_) => super::print::TEMPLATE,
        }
    }

    /// Whether `serve` may write its pages after the others: the briefing
    /// book and packs are the heaviest pages (hundreds of documents each)
    /// and the ones an author is least likely to have open while editing.
    pub const fn can_wait(&self) -> bool {
        use PageKind::*;
        match self {
            Print | PrintTheme(_) | PrintDialogue(_) | PrintYear(_) => true,
            Index | Document(_) | Theme { .. } | Dialogue { .. } | Year { .. } => false,
            Themes | Dialogues | Years | Glossary | Search | NotFound => false,
            Feed | ThemeFeed(_) | Sitemap => false,
        }
    }
}

/// A briefing pack of `list`: its documents, how many of the list it leaves
/// out, and the pledge appendix drawn from every theme's pledges. `years`
/// for the book (which may be grouped by year) and a year's pack, which go
/// with the list of years.
const fn pack(list: List, years: bool) -> Reads {
    Reads {
        count: Some(list),
        pledges: Pledges::All,
        years,
        ..DOCUMENTS
    }
}
