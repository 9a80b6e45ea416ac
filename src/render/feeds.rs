//! Views of the Atom feeds and the sitemap: the only places absolute URLs
//! (from `base_url`) appear. Dates come from the documents, never the clock,
//! so two builds write the same bytes.

use serde::Serialize;

use super::plan::{plan, Page, PageKind};
use super::views::{absolute_url, atom_date};
use crate::site::{DocId, Site};

#[derive(Serialize)]
struct Feed<'a> {
    title: String,
    id: String,
    self_url: String,
    home_url: String,
    updated: String,
    entries: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Entry<'a> {
    title: &'a str,
    url: String,
    updated: String,
    summary: &'a str,
    categories: Vec<&'a str>,
}

#[derive(Serialize)]
struct Sitemap {
    urls: Vec<String>,
}

/// Feeds hold the newest documents only.
pub(super) const FEED_ENTRIES: usize = 50;
/// Stands in for "updated" when no document has a date.
const EPOCH: &str = "1970-01-01T00:00:00Z";

pub fn context(site: &Site, page: &Page) -> tera::Context {
    let result = match page.kind {
        PageKind::Feed => {
            tera::Context::from_serialize(&feed(site, page, &site.config.title, all(site)))
        }
        PageKind::ThemeFeed(i) => {
            let title = format!("{}: {}", site.config.title, site.config.themes[i].name);
            tera::Context::from_serialize(&feed(
                site,
                page,
                &title,
                site.themes[i].documents.clone(),
            ))
        }
        _ => tera::Context::from_serialize(&sitemap(site)),
    };
    result.unwrap_or_default()
}

fn all(site: &Site) -> Vec<DocId> {
    (0..site.documents.len()).collect()
}

fn feed<'a>(site: &'a Site, page: &Page, title: &str, ids: Vec<DocId>) -> Feed<'a> {
    let dated: Vec<DocId> = ids
        .into_iter()
        .filter(|&id| site.documents[id].front.date.is_some())
        .take(FEED_ENTRIES)
        .collect();
    let entries: Vec<Entry> = dated
        .iter()
        .map(|&id| {
            let doc = &site.documents[id];
            Entry {
                title: &doc.front.title,
                url: absolute_url(site, &format!("documents/{}.html", doc.slug)),
                updated: doc.front.date.as_ref().map_or(EPOCH.into(), atom_date),
                summary: &doc.front.summary,
                categories: doc.themes.iter().map(|t| site.theme_name(t)).collect(),
            }
        })
        .collect();
    Feed {
        title: title.to_string(),
        id: absolute_url(site, &page.path),
        self_url: absolute_url(site, &page.path),
        home_url: absolute_url(site, "index.html"),
        updated: entries.first().map_or(EPOCH.into(), |e| e.updated.clone()),
        entries,
    }
}

fn sitemap(site: &Site) -> Sitemap {
    let urls = plan(site)
        .iter()
        .filter(|p| p.is_html() && p.kind != PageKind::NotFound)
        .map(|p| absolute_url(site, &p.path))
        .collect();
    Sitemap { urls }
}
