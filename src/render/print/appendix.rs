//! The book's appendices, computed over the documents the book holds: the
//! theme × year matrix, the glossary, and per theme the recommendations and
//! commitments made on it, each with its document and date.

use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::links::{doc_anchor, scoped_id};
use super::InBook;
use crate::site::{
    display_date, escape_html, kind_label, shade, DocId, GlossaryEntry, Pledge, Site,
};

pub const MATRIX_ID: &str = "appendix-matrix";
pub const GLOSSARY_ID: &str = "appendix-glossary";
pub const RECOMMENDATIONS_ID: &str = "appendix-recommendations";

#[derive(Serialize)]
pub struct Appendices<'a> {
    /// The appendices the book has, for its contents: (id, title).
    pub list: Vec<Heading>,
    pub matrix_id: &'static str,
    pub glossary_id: &'static str,
    pub recommendations_id: &'static str,
    pub matrix: Matrix<'a>,
    pub glossary: Vec<Term<'a>>,
    pub recommendations: Vec<ThemePledges<'a>>,
}

#[derive(Serialize)]
pub struct Heading {
    pub id: &'static str,
    pub title: &'static str,
}

#[derive(Serialize)]
pub struct Matrix<'a> {
    pub years: Vec<i32>,
    pub rows: Vec<MatrixRow<'a>>,
    /// Documents without a date: in no column.
    pub undated: usize,
}

#[derive(Serialize)]
pub struct MatrixRow<'a> {
    pub theme: &'a str,
    /// (count, shade 0–4) per year.
    pub cells: Vec<(usize, u8)>,
}

#[derive(Serialize)]
pub struct Term<'a> {
    pub abbr: &'a str,
    pub anchor: &'a str,
    pub expansion: &'a str,
}

#[derive(Serialize)]
pub struct ThemePledges<'a> {
    pub id: String,
    pub theme: &'a str,
    pub pledges: Vec<PledgeEntry<'a>>,
}

#[derive(Serialize)]
pub struct PledgeEntry<'a> {
    pub kind: &'static str,
    pub text: &'a str,
    /// Where the book makes it, as HTML: a link to each place (its
    /// document's title) and the document's date, `; ` between them. One
    /// string, not a list for the template to loop over: a book's appendix
    /// lists thousands of places, and as objects they were over half of
    /// its render.
    pub places: String,
}

/// The appendices for the book of `docs`; `themes` are the config indexes of
/// the themes whose recommendations it lists.
/// `glossary` holds the entries of the site's glossary that the book's
/// documents use.
pub fn appendices<'a>(
    site: &'a Site,
    docs: &[DocId],
    in_book: &InBook,
    glossary: Vec<&'a GlossaryEntry>,
    themes: &[usize],
) -> Appendices<'a> {
    let mut appendices = Appendices {
        list: Vec::new(),
        matrix_id: MATRIX_ID,
        glossary_id: GLOSSARY_ID,
        recommendations_id: RECOMMENDATIONS_ID,
        matrix: matrix(site, docs),
        glossary: (glossary.into_iter())
            .map(|g| Term {
                abbr: &g.abbr,
                anchor: &g.anchor,
                expansion: &g.expansion,
            })
            .collect(),
        recommendations: {
            let mut places = Places::new(in_book);
            (themes.iter())
                .filter_map(|&i| theme_pledges(site, i, &mut places))
                .collect()
        },
    };
    appendices.list = TITLES
        .iter()
        .filter(|(id, _)| match *id {
            GLOSSARY_ID => !appendices.glossary.is_empty(),
            RECOMMENDATIONS_ID => !appendices.recommendations.is_empty(),
            _ => true,
        })
        .map(|&(id, title)| Heading { id, title })
        .collect();
    appendices
}

/// Every appendix, in book order: (id, title).
pub const TITLES: [(&str, &str); 3] = [
    (MATRIX_ID, "Themes by year"),
    (GLOSSARY_ID, "Glossary"),
    (
        RECOMMENDATIONS_ID,
        "Recommendations and commitments by theme",
    ),
];

fn matrix<'a>(site: &'a Site, docs: &[DocId]) -> Matrix<'a> {
    let year_of = |d: DocId| site.documents[d].front.date.map(|x| x.year);
    let mut years: Vec<i32> = docs.iter().filter_map(|&d| year_of(d)).collect();
    years.sort_unstable();
    years.dedup();
    let counts: Vec<(&str, Vec<usize>)> = site
        .config
        .themes
        .iter()
        .map(|t| {
            let cells = years
                .iter()
                .map(|&y| {
                    docs.iter()
                        .filter(|&&d| {
                            year_of(d) == Some(y) && site.documents[d].themes.contains(&t.slug)
                        })
                        .count()
                })
                .collect();
            (t.name.as_str(), cells)
        })
        .filter(|(_, cells): &(&str, Vec<usize>)| cells.iter().any(|&c| c > 0))
        .collect();
    let max = counts
        .iter()
        .flat_map(|(_, c)| c.iter().copied())
        .max()
        .unwrap_or(0);
    Matrix {
        years,
        rows: counts
            .into_iter()
            .map(|(theme, cells)| MatrixRow {
                theme,
                cells: cells.into_iter().map(|c| (c, shade(c, max))).collect(),
            })
            .collect(),
        undated: docs.iter().filter(|&&d| year_of(d).is_none()).count(),
    }
}

/// The recommendation section id of a theme.
pub fn recommendations_id(slug: &str) -> String {
    format!("rec-{slug}")
}

fn theme_pledges<'a>(
    site: &'a Site,
    theme: usize,
    places: &mut Places<'_>,
) -> Option<ThemePledges<'a>> {
    let slug = &site.config.themes[theme].slug;
    let pledges: Vec<PledgeEntry> = site.themes[theme]
        .pledges
        .iter()
        .filter_map(|p| pledge_entry(site, p, places))
        .collect();
    (!pledges.is_empty()).then(|| ThemePledges {
        id: recommendations_id(slug),
        theme: &site.config.themes[theme].name,
        pledges,
    })
}

/// The pledge with only the places inside the book; `None` when it has none.
fn pledge_entry<'a>(
    site: &'a Site,
    pledge: &'a Arc<Pledge>,
    places: &mut Places<'_>,
) -> Option<PledgeEntry<'a>> {
    let places = places.of(site, pledge)?;
    Some(PledgeEntry {
        kind: kind_label(pledge.kind),
        text: pledge.text(&site.documents),
        places,
    })
}

/// The places of pledges inside one book, each pledge's worked out once
/// though it is listed under every theme it is on, and each document's
/// link text once though it makes many pledges.
struct Places<'b> {
    in_book: &'b InBook,
    /// Per pledge (by address) that the book makes, its places as HTML.
    of_pledge: FxHashMap<*const Pledge, Option<String>>,
    /// Per document, the end of its link: `">Title</a>, 3 May 2024`.
    link_ends: FxHashMap<DocId, String>,
}

impl<'b> Places<'b> {
    fn new(in_book: &'b InBook) -> Self {
        Places {
            in_book,
            of_pledge: FxHashMap::default(),
            link_ends: FxHashMap::default(),
        }
    }

    /// Most of the site's pledges are made outside a book: those are told
    /// first, by their documents, without a look in the map.
    fn of(&mut self, site: &Site, pledge: &Arc<Pledge>) -> Option<String> {
        let in_book = self.in_book;
        if !pledge.occurrences.iter().any(|o| in_book.contains(o.doc)) {
            return None;
        }
        if let Some(places) = self.of_pledge.get(&Arc::as_ptr(pledge)) {
            return places.clone();
        }
        let places = self.html(site, pledge);
        self.of_pledge.insert(Arc::as_ptr(pledge), places.clone());
        places
    }

    fn html(&mut self, site: &Site, pledge: &Pledge) -> Option<String> {
        let mut html = String::new();
        let in_book = self.in_book;
        let inside = pledge.occurrences.iter();
        for o in inside.filter(|o| in_book.contains(o.doc)) {
            if !html.is_empty() {
                html.push_str("; ");
            }
            let doc = &site.documents[o.doc];
            let section = o.section(&site.documents);
            let href = if doc.sections.iter().any(|s| s.id == section) {
                scoped_id(&doc.slug, section)
            } else {
                doc_anchor(&doc.slug)
            };
            html.push_str("<a href=\"#");
            html.push_str(&escape_html(&href));
            let end = self.link_ends.entry(o.doc).or_insert_with(|| {
                let mut end = format!("\">{}</a>", escape_html(&doc.front.title));
                if let Some(date) = &doc.front.date {
                    end.push_str(", ");
                    end.push_str(&escape_html(&display_date(date)));
                }
                end
            });
            html.push_str(end);
        }
        (!html.is_empty()).then_some(html)
    }
}
