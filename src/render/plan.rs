//! The page plan: every output page, its template and the documents it
//! reads, decided before anything is rendered. `serve` can re-render only
//! the pages that read a changed document; later features (print, search)
//! add their own [`PageKind`]s here.

use std::path::PathBuf;

use crate::site::{DocId, Site};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageKind {
    Index,
    Document(DocId),
    /// A theme's page `number` (1-based) of its paginated document list.
    Theme {
        theme: usize,
        number: usize,
    },
    Dialogue(usize),
    Year(usize),
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

#[derive(Debug, Clone)]
pub struct Page {
    /// Output path relative to the site root, with `/` separators.
    pub path: String,
    pub kind: PageKind,
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
    if number <= 1 {
        format!("themes/{slug}.html")
    } else {
        format!("themes/{slug}.page-{number}.html")
    }
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
    let page = |path: String, kind: PageKind, template: &'static str, reads: Vec<DocId>| Page {
        path,
        kind,
        template,
        reads,
    };
    let mut pages = vec![page(
        "index.html".into(),
        PageKind::Index,
        "index.html",
        all.clone(),
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
        pages.push(page(path, PageKind::Document(id), "document.html", reads));
    }
    for (i, theme) in site.themes.iter().enumerate() {
        let count = page_count(theme.documents.len(), site.config.paginate_by);
        for number in 1..=count {
            let path = theme_page_path(&theme.slug, number);
            let kind = PageKind::Theme { theme: i, number };
            pages.push(page(path, kind, "theme.html", theme.documents.clone()));
        }
        let feed = format!("themes/{}.xml", theme.slug);
        pages.push(page(
            feed,
            PageKind::ThemeFeed(i),
            "atom.xml",
            theme.documents.clone(),
        ));
    }
    for (i, dialogue) in site.dialogues.iter().enumerate() {
        let path = format!("dialogues/{}.html", dialogue.slug);
        pages.push(page(
            path,
            PageKind::Dialogue(i),
            "dialogue.html",
            dialogue.chronology.clone(),
        ));
    }
    for (i, year) in site.years.iter().enumerate() {
        let path = format!("years/{}.html", year.year);
        pages.push(page(
            path,
            PageKind::Year(i),
            "year.html",
            year.documents.clone(),
        ));
    }
    pages.extend([
        page(
            "themes.html".into(),
            PageKind::Themes,
            "themes.html",
            all.clone(),
        ),
        page(
            "dialogues.html".into(),
            PageKind::Dialogues,
            "dialogues.html",
            all.clone(),
        ),
        page(
            "years.html".into(),
            PageKind::Years,
            "years.html",
            all.clone(),
        ),
        page(
            "glossary.html".into(),
            PageKind::Glossary,
            "glossary.html",
            all.clone(),
        ),
        page(
            "search.html".into(),
            PageKind::Search,
            "search.html",
            all.clone(),
        ),
        page(
            "404.html".into(),
            PageKind::NotFound,
            "404.html",
            Vec::new(),
        ),
        page("feed.xml".into(), PageKind::Feed, "atom.xml", all.clone()),
        page("sitemap.xml".into(), PageKind::Sitemap, "sitemap.xml", all),
    ]);
    pages.extend(super::print::pages(site));
    pages
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
