//! The page plan: every output page, its kind and the documents it reads,
//! decided before anything is rendered. `serve` and `build` re-render only
//! the pages that show something changed: the documents a page reads, and
//! what its kind declares ([`PageKind::reads`]).

use std::path::PathBuf;

pub use super::kind::{List, PageKind, Pledges, Reads};
use crate::site::{DocId, Site, ThemeIndex};

#[derive(Debug, Clone)]
pub struct Page {
    /// Output path relative to the site root, with `/` separators.
    pub path: String,
    pub kind: PageKind,
    /// The kind's template ([`PageKind::template`]).
    pub template: &'static str,
    /// Documents whose content the page shows.
    pub reads: Vec<DocId>,
}

impl Page {
    /// `""` for pages at the site root, `"../"` one folder down, `"../../"`
    /// two down (the briefing packs): every link is relative.
    pub fn root(&self) -> &'static str {
        const UP: &str = "../../../../../../../../";
        let depth = self.path.matches('/').count();
        &UP[..(3 * depth).min(UP.len())]
    }

    pub fn output(&self) -> PathBuf {
        self.path.split('/').collect()
    }

    pub fn is_html(&self) -> bool {
        self.path.ends_with(".html")
    }
}

/// The output path of page `number` of a theme's list. Later pages are
/// `<slug>.page-N.html`: a slug holds no `.`, so no theme's page (not even
/// one whose slug ends in `-2`) can share the name.
pub fn theme_page_path(slug: &str, number: usize) -> String {
    list_page_path("themes", slug, number)
}

/// The output path of page `number` of a paginated list: `<folder>/<name>.html`
/// for the first, `<folder>/<name>.page-<number>.html` for the others (a slug
/// holds no `.`, so no list page can share a name with another list).
pub fn list_page_path(folder: &str, name: &str, number: usize) -> String {
    if number <= 1 {
        format!("{folder}/{name}.html")
    } else {
        format!("{folder}/{name}.page-{number}.html")
    }
}

/// The items on page `number` (1-based) of a list paginated by `per_page` (0: all).
pub fn page_slice<T>(items: &[T], per_page: usize, number: usize) -> &[T] {
    if per_page == 0 {
        return items;
    }
    let start = ((number.max(1) - 1) * per_page).min(items.len());
    &items[start..(start + per_page).min(items.len())]
}

/// How many pages a list of `len` items takes at `per_page` (0: one page).
pub fn page_count(len: usize, per_page: usize) -> usize {
    if per_page == 0 {
        1
    } else {
        len.div_ceil(per_page).max(1)
    }
}

pub fn plan(site: &Site) -> Vec<Page> {
    let all: Vec<DocId> = (0..site.documents.len()).collect();
    let page = |path: String, kind: PageKind, reads: Vec<DocId>| Page {
        path,
        template: kind.template(),
        kind,
        reads,
    };
    // Home shows the latest documents; its counts and matrix go with the
    // indexes (see `PageKind::reads`).
    let mut pages = vec![page(
        "index.html".into(),
        PageKind::Index,
        newest(&all, super::pages::LATEST),
    )];
    for (id, doc) in site.documents.iter().enumerate() {
        let mut reads = vec![id];
        reads.extend(&doc.related);
        reads.extend(
            doc.neighbours
                .iter()
                .flat_map(|n| n.prev.into_iter().chain(n.next)),
        );
        let path = format!("documents/{}.html", doc.slug);
        pages.push(page(path, PageKind::Document(id), reads));
    }
    for (i, theme) in site.themes.iter().enumerate() {
        let count = page_count(theme.documents.len(), site.config.paginate_by);
        for number in 1..=count {
            let path = theme_page_path(&theme.slug, number);
            let kind = PageKind::Theme { theme: i, number };
            let reads = theme_page_reads(theme, site.config.paginate_by, number);
            pages.push(page(path, kind, reads));
        }
        let feed = format!("themes/{}.xml", theme.slug);
        pages.push(page(
            feed,
            PageKind::ThemeFeed(i),
            newest(&theme.documents, super::feeds::FEED_ENTRIES),
        ));
    }
    let per_page = site.config.paginate_by;
    for (i, dialogue) in site.dialogues.iter().enumerate() {
        let docs = &dialogue.chronology;
        for number in 1..=page_count(docs.len(), per_page) {
            let path = list_page_path("dialogues", &dialogue.slug, number);
            let kind = PageKind::Dialogue {
                dialogue: i,
                number,
            };
            let reads = page_slice(docs, per_page, number).to_vec();
            pages.push(page(path, kind, reads));
        }
    }
    for (i, year) in site.years.iter().enumerate() {
        let docs = &year.documents;
        for number in 1..=page_count(docs.len(), per_page) {
            let path = list_page_path("years", &year.label, number);
            let kind = PageKind::Year { year: i, number };
            let reads = page_slice(docs, per_page, number).to_vec();
            pages.push(page(path, kind, reads));
        }
    }
    pages.extend([
        page("themes.html".into(), PageKind::Themes, all.clone()),
        page("dialogues.html".into(), PageKind::Dialogues, all.clone()),
        page("years.html".into(), PageKind::Years, all.clone()),
        page("glossary.html".into(), PageKind::Glossary, all.clone()),
        page("404.html".into(), PageKind::NotFound, Vec::new()),
        page(
            "feed.xml".into(),
            PageKind::Feed,
            newest(&all, super::feeds::FEED_ENTRIES),
        ),
        page("search.html".into(), PageKind::Search, all),
        // The sitemap lists pages, not what they show: it changes with the plan.
        page("sitemap.xml".into(), PageKind::Sitemap, Vec::new()),
    ]);
    pages.extend(super::print::pages(site));
    pages
}

/// The first `count` of `documents` (newest first): what a feed or home shows.
fn newest(documents: &[DocId], count: usize) -> Vec<DocId> {
    documents.iter().copied().take(count).collect()
}

/// The documents listed on a theme's page `number`, and on the first page
/// the places shown of the pledges it shows.
fn theme_page_reads(theme: &ThemeIndex, per_page: usize, number: usize) -> Vec<DocId> {
    let mut reads = page_slice(&theme.documents, per_page, number).to_vec();
    if number == 1 {
        let shown = if per_page == 0 { usize::MAX } else { per_page };
        let pledges = theme.pledges.iter().take(shown);
        let places = pledges.flat_map(|p| p.occurrences.iter().take(super::theme::PLACES_SHOWN));
        reads.extend(places.map(|o| o.doc));
        reads.sort_unstable();
        reads.dedup();
    }
    reads
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_count_and_paths() {
        assert_eq!(page_count(0, 3), 1);
        assert_eq!(page_count(7, 3), 3);
        assert_eq!(page_count(7, 0), 1);
        assert_eq!(theme_page_path("ai", 1), "themes/ai.html");
        assert_eq!(theme_page_path("ai", 2), "themes/ai.page-2.html");
        assert_eq!(list_page_path("years", "2019", 3), "years/2019.page-3.html");
        assert_eq!(page_slice(&[1, 2, 3, 4, 5, 6, 7], 3, 3), &[7]);
        assert_eq!(page_slice(&[1, 2, 3], 0, 1), &[1, 2, 3]);
        assert!(page_slice(&[1, 2, 3], 3, 2).is_empty());
        assert_ne!(theme_page_path("ai", 2), theme_page_path("ai-2", 1));
    }

    #[test]
    fn root_climbs_one_level_per_folder() {
        let at = |path: &str| Page {
            path: path.into(),
            kind: PageKind::Index,
            template: "index.html",
            reads: Vec::new(),
        };
        assert_eq!(at("index.html").root(), "");
        assert_eq!(at("themes/ai.html").root(), "../");
        assert_eq!(at("print/themes/ai.html").root(), "../../");
    }
}
