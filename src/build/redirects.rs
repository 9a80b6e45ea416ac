//! Stable addresses: when a document's page moves between builds (its
//! title changed, so ingest named its file anew, or its `slug:` changed),
//! the old address becomes a small page that sends the reader on, so links
//! and bookmarks into the published site keep working.
//!
//! A document is known across builds by its seed (`source.file`), or by its
//! content file when it has none. The manifest keeps each document's page
//! and every address that moved, so a page moved twice still answers at
//! both of its old addresses.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::site::{escape_html, Document, Site};

/// Where each document's page is, and the addresses that moved.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Addresses {
    /// Each document's page (`documents/<slug>.html`), by identity.
    pages: BTreeMap<String, String>,
    /// Each old page, with the identity of the document that moved from it.
    moved: BTreeMap<String, String>,
}

/// The document's identity across builds: its seed, else its content file.
fn identity(site: &Site, doc: &Document) -> String {
    match &doc.front.source {
        Some(source) => source.file.clone(),
        None => {
            let path = doc.path.strip_prefix(&site.root).unwrap_or(&doc.path);
            path.to_string_lossy().replace('\\', "/")
        }
    }
}

fn page_of(doc: &Document) -> String {
    format!("documents/{}.html", doc.slug)
}

impl Addresses {
    /// The addresses of `site`, carrying over what moved in `previous`
    /// (the last build's) and adding what moved since.
    pub fn of(site: &Site, previous: Option<&Addresses>) -> Addresses {
        let pages: BTreeMap<String, String> = site
            .documents
            .iter()
            .map(|doc| (identity(site, doc), page_of(doc)))
            .collect();
        let taken: BTreeSet<&String> = pages.values().collect();
        let mut moved = BTreeMap::new();
        if let Some(previous) = previous {
            let before = previous.pages.iter().map(|(id, page)| (page, id));
            for (old, id) in previous.moved.iter().chain(before) {
                let still_here = pages.get(id).is_some_and(|now| now != old);
                if still_here && !taken.contains(old) {
                    moved.insert(old.clone(), id.clone());
                }
            }
        }
        Addresses { pages, moved }
    }

    /// Each old address and the page it now leads to.
    pub fn redirects(&self) -> impl Iterator<Item = (&str, &str)> {
        (self.moved.iter())
            .filter_map(|(old, id)| Some((old.as_str(), self.pages.get(id)?.as_str())))
    }

    /// Writes a redirect page at each old address inside `out`; returns how many.
    pub fn write(&self, site: &Site, out: &Path) -> Result<usize> {
        let pages = self.pages(site);
        for (old, html) in &pages {
            let path = out.join(old);
            std::fs::write(&path, html).map_err(|e| Error::io(&path, e))?;
        }
        Ok(pages.len())
    }

    /// The addresses after documents of `site` changed in the site already
    /// written to `out` (as `serve` changes them, in place): each redirect
    /// written where it differs, and the old ones that no longer lead
    /// anywhere removed, unless a page of the site is there now.
    pub fn update(&self, site: &Site, out: &Path) -> Result<Addresses> {
        let now = Addresses::of(site, Some(self));
        let is_page = |path: &str| now.pages.values().any(|p| p == path);
        for (old, _) in self.redirects() {
            if !now.moved.contains_key(old) && !is_page(old) {
                crate::util::remove_file_if_present(&out.join(old))?;
            }
        }
        for (old, html) in now.pages(site) {
            crate::util::write_if_changed(&out.join(old), html.as_bytes())?;
        }
        Ok(now)
    }

    /// Each old address and the redirect page to write there.
    fn pages(&self, site: &Site) -> Vec<(String, String)> {
        let titles: BTreeMap<String, &str> = site
            .documents
            .iter()
            .map(|doc| (page_of(doc), doc.front.title.as_str()))
            .collect();
        self.redirects()
            .map(|(old, new)| {
                let title = titles.get(new).copied().unwrap_or(new);
                (old.to_string(), redirect_page(site, new, title))
            })
            .collect()
    }
}

/// A page that sends the reader to `target` (a page of `documents/`, where
/// every old address is too): at once where the browser follows a refresh,
/// by a link where it does not; search engines read the canonical link.
fn redirect_page(site: &Site, target: &str, title: &str) -> String {
    let href = escape_html(target.trim_start_matches("documents/"));
    let canonical = escape_html(&crate::render::absolute_url(site, target));
    let title = escape_html(title);
    let lang = escape_html(&site.config.language);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Moved: {title}</title>\n\
         <meta http-equiv=\"refresh\" content=\"0; url={href}\">\n\
         <link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n\
         <p>This page has moved to <a href=\"{href}\">{title}</a>.</p>\n</body>\n</html>\n"
    )
}
