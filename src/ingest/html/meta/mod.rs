//! What a page's markup states about it, beside its text: title
//! candidates (`og:title`, JSON-LD `headline`, `<title>` without the
//! site's name, `<h1>`), the publication date and its publishers.
//!
//! The date follows htmldate's rules of thumb: markup before text, the
//! original date before an updated one (a `dateModified` is never taken),
//! JSON-LD and the meta tags of publishing tools first, then a
//! `<time datetime>` marked as the publication's, then the first
//! `<time datetime>`, then a dated address (`/2020/06/07/`); a copyright
//! year is no date. What the markup does not state is left to the text.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::super::dates;
use super::super::read::SourceMeta;
use crate::content::PartialDate;
use title::titles;

mod title;

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta[content]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static HEADINGS: LazyLock<Selector> = LazyLock::new(|| selector("h1, h2"));

/// What parts a page's title from its site's name.
const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " » ", " « ", " :: ", " · ", " / ",
];
static JSON_LD: LazyLock<Selector> =
    LazyLock::new(|| selector("script[type=\"application/ld+json\"]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static ITEMPROP_DATE: LazyLock<Selector> = LazyLock::new(|| {
    selector("[itemprop=datePublished], [itemprop=dateCreated], abbr.published[title]")
});
/// Elements whose class or id says they hold a date or the post's details.
static DATED: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        "[class*=date], [id*=date], [class*=datum], [class*=publish], [class*=posted], \
         [class*=created], [class*=byline], [class*=meta], [class*=time]",
    )
});
/// Links to the page itself: the permalink of a post, its title's link.
static SELF_LINKS: LazyLock<Selector> =
    LazyLock::new(|| selector("a[rel=bookmark][href], h1 a[href], h2 a[href]"));
static LINK_CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel=canonical][href]"));
static AUTHOR_LINK: LazyLock<Selector> = LazyLock::new(|| selector("[rel=author]"));

/// Meta tags (by `property`, `name` or `itemprop`, lower-cased) that state
/// when a page was first published, most telling first.
const PUBLISHED_TAGS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "published_time",
    "published-date",
    "publish-date",
    "publishdate",
    "publish_date",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "bepress_citation_date",
    "bepress_citation_online_date",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "date.created",
    "created",
    "dc.date",
    "dcterms.date",
    "date",
];

/// Meta tags naming the site or its publisher.
const PUBLISHER_TAGS: &[&str] = &[
    "og:site_name",
    "publisher",
    "dc.publisher",
    "dcterms.publisher",
    "citation_publisher",
    "application-name",
];

/// Meta tags naming the author.
const AUTHOR_TAGS: &[&str] = &["author", "article:author", "dc.creator", "citation_author"];

/// A page's meta tags: (key, content), keys lower-cased.
struct Tags(Vec<(String, String)>);

impl Tags {
    fn of(page: &Html) -> Tags {
        let tags = page.select(&META).filter_map(|m| {
            let e = m.value();
            let key = e
                .attr("property")
                .or_else(|| e.attr("name"))
                .or_else(|| e.attr("itemprop"))?;
            let content = e.attr("content")?.trim();
            // Dublin Core is written `DC.date` or `dc:date`: one key.
            let key = key.trim().to_ascii_lowercase();
            let key = match key.split_once(':') {
                Some((space @ ("dc" | "dcterms"), rest)) => format!("{space}.{rest}"),
                _ => key,
            };
            (!content.is_empty()).then(|| (key, content.to_string()))
        });
        Tags(tags.collect())
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Everything the page's markup states about it.
pub fn read(page: &Html) -> SourceMeta {
    let tags = Tags::of(page);
    let ld = json_ld(page);
    let issuers = issuers(page, &tags, &ld);
    SourceMeta {
        titles: titles(page, &tags, &ld, issuers.first().map(String::as_str)),
        date: date(page, &tags, &ld),
        issuers,
        file_date: None,
    }
}

/// The objects of the page's JSON-LD blocks, `@graph` members included.
fn json_ld(page: &Html) -> Vec<Value> {
    let mut objects = Vec::new();
    for script in page.select(&JSON_LD) {
        let text: String = script.text().collect();
        let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        flatten(value, &mut objects);
    }
    objects
}

fn flatten(value: Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| flatten(v, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

/// A string field of a JSON-LD object, or the `name` of the object there.
fn ld_text(object: &Value, key: &str) -> Option<String> {
    let value = object.get(key)?;
    let value = match value {
        Value::Array(items) => items.first()?,
        v => v,
    };
    let text = match value {
        Value::String(s) => s.as_str(),
        Value::Object(_) => value.get("name")?.as_str()?,
        _ => return None,
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// The publication date the markup states ([module docs](self)).
fn date(page: &Html, tags: &Tags, ld: &[Value]) -> Option<PartialDate> {
    let from_ld = || {
        ["datePublished", "dateCreated", "uploadDate"]
            .iter()
            .find_map(|key| ld.iter().find_map(|o| dates::stated(&ld_text(o, key)?)))
    };
    let from_tags = || {
        PUBLISHED_TAGS
            .iter()
            .find_map(|key| dates::stated(tags.get(key)?))
    };
    let from_itemprop = || page.select(&ITEMPROP_DATE).find_map(element_date);
    let from_time = || {
        let times: Vec<ElementRef> = page.select(&TIME).collect();
        let published = times.iter().find(|t| marked_published(t)).copied();
        let first = times.iter().find(|t| !marked_updated(t)).copied();
        published.or(first).and_then(element_date)
    };
    let from_url = || {
        let own = own_address(page, tags);
        let links = page.select(&SELF_LINKS).take(3);
        let links = links.filter_map(|a| a.value().attr("href"));
        own.into_iter().chain(links).find_map(dates::in_url)
    };
    from_ld()
        .or_else(from_tags)
        .or_else(from_itemprop)
        .or_else(from_time)
        .or_else(|| page.select(&DATED).find_map(marked_date))
        .or_else(from_url)
        .filter(not_in_the_future)
}

/// The date a short element marked as dated holds (in its `title`, or as
/// its text), unless it marks an update or a copyright.
fn marked_date(element: ElementRef<'_>) -> Option<PartialDate> {
    let e = element.value();
    let marks = format!(
        "{} {}",
        e.attr("class").unwrap_or_default(),
        e.id().unwrap_or_default()
    )
    .to_ascii_lowercase();
    if ["modif", "update", "copyright", "comment"]
        .iter()
        .any(|w| marks.contains(w))
    {
        return None;
    }
    if let Some(date) = e.attr("title").and_then(dates::stated) {
        return Some(date);
    }
    let text: String = element.text().take(8).collect();
    let text = text.trim();
    (text.len() <= 120 && !text.contains('©')).then(|| dates::stated(text))?
}

fn element_date(element: ElementRef<'_>) -> Option<PartialDate> {
    let e = element.value();
    let value = e.attr("datetime").or_else(|| e.attr("content"));
    match value {
        Some(v) => dates::stated(v),
        None => dates::stated(&element.text().collect::<String>()),
    }
}

/// A `<time>`'s class and `itemprop`, lower-cased: what it says it marks.
fn marks(time: &ElementRef<'_>) -> String {
    let e = time.value();
    let class = e.attr("class").unwrap_or_default();
    let itemprop = e.attr("itemprop").unwrap_or_default();
    format!("{class} {itemprop}").to_ascii_lowercase()
}

/// A `<time>` that says it is the publication's (`pubdate`, a class or
/// `itemprop` of publishing).
fn marked_published(time: &ElementRef<'_>) -> bool {
    let marks = marks(time);
    time.value().attr("pubdate").is_some() || marks.contains("publish") || marks.contains("posted")
}

fn marked_updated(time: &ElementRef<'_>) -> bool {
    let marks = marks(time);
    ["modif", "update", "edit"]
        .iter()
        .any(|w| marks.contains(w))
}

fn not_in_the_future(date: &PartialDate) -> bool {
    use chrono::Datelike;
    let today = chrono::Local::now().date_naive();
    let today = PartialDate::ymd(today.year(), today.month(), today.day());
    today.is_none_or(|t| *date <= t)
}

/// Publishers and authors the page names: the site's name, JSON-LD's
/// `publisher` and `author`, the author's meta tags and link.
fn issuers(page: &Html, tags: &Tags, ld: &[Value]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let publishers = PUBLISHER_TAGS.iter().filter_map(|k| tags.get(k));
    let authors = AUTHOR_TAGS.iter().filter_map(|k| tags.get(k));
    let ld_names = ["publisher", "sourceOrganization", "author"]
        .iter()
        .flat_map(|key| ld.iter().filter_map(move |o| ld_text(o, key)));
    let author_links = page
        .select(&AUTHOR_LINK)
        .map(|a| plain(&a.text().collect::<String>()));
    let candidates = publishers
        .map(plain)
        .chain(ld_names)
        .chain(authors.map(plain))
        .chain(author_links);
    for name in candidates {
        let is_name = !name.is_empty() && name.len() <= 120 && !name.contains("://");
        if is_name && !found.iter().any(|f| f.eq_ignore_ascii_case(&name)) {
            found.push(name);
        }
    }
    found
}

/// Whitespace runs as one space, trimmed.
/// The page's own address: its canonical link, else its `og:url`.
fn own_address<'a>(page: &'a Html, tags: &'a Tags) -> Option<&'a str> {
    let canonical = (page.select(&LINK_CANONICAL).next()).and_then(|l| l.value().attr("href"));
    canonical.or_else(|| tags.get("og:url"))
}

fn plain(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
