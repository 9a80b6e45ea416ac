//! Documents' bodies as print pages hold them, prepared once per render and
//! shared by every print page that prints the document. Most of a body's
//! rewrite (ids scoped, headings one level down) is the same in every book;
//! only links and asset addresses depend on the book, so those tags are left
//! as slots that each book fills ([`PrintBody::finish`]). A document is in
//! the whole book and in a pack per theme, dialogue and year it is on, and
//! rewriting it for each was most of the print pages' cost.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use super::html::{self, Prepared, Tag};
use super::links::{scoped_id, section_see, Target, Targets};
use super::Pack;
use crate::render::plan::Page;
use crate::site::{DocId, Document, Section};

/// A document's body prepared for print pages, and what books need to know
/// of it to link into it.
#[derive(Debug)]
pub struct PrintBody {
    /// The ids its elements have, as written (a link into the book keeps
    /// its fragment only when the target has it).
    pub ids: Arc<BTreeSet<String>>,
    /// (scoped id, how paper names it) of each section.
    pub sections: Vec<(String, String)>,
    body: Prepared,
}

impl PrintBody {
    pub fn of(doc: &Document) -> PrintBody {
        PrintBody::prepare(&doc.slug, &doc.html, &doc.sections)
    }

    fn prepare(slug: &str, body_html: &str, sections: &[Section]) -> PrintBody {
        let mut ids = BTreeSet::new();
        let body = html::prepare(
            body_html,
            |tag| ids.extend(tag.get("id").map(str::to_string)),
            |tag| scope_tag(tag, slug),
            has_address,
            shift_heading,
        );
        let sections = sections
            .iter()
            .map(|s| (scoped_id(slug, &s.id), section_see(&s.title)))
            .collect();
        PrintBody {
            ids: Arc::new(ids),
            sections,
            body,
        }
    }

    /// The body in the book of `targets`, whose page is `root` below the
    /// site root.
    pub fn finish(&self, slug: &str, targets: &Targets, root: &str) -> String {
        let mut out = String::with_capacity(self.body.text_len() + self.body.text_len() / 16);
        self.body
            .finish(&mut out, |tag| address_tag(tag, slug, targets, root));
        out
    }
}

/// The bodies a render has prepared, each kept until the last print page
/// that holds it is rendered.
#[derive(Debug, Default)]
pub struct Bodies {
    prepared: Mutex<HashMap<DocId, Arc<OnceLock<Arc<PrintBody>>>>>,
    /// Per document, the print pages still to render that hold it.
    uses: Mutex<HashMap<DocId, usize>>,
}

impl Bodies {
    /// For rendering `pages`: each body is dropped after the last of them
    /// that prints it.
    pub fn for_pages(pages: &[&Page]) -> Bodies {
        let mut uses = HashMap::new();
        let print_pages = pages.iter().filter(|p| Pack::of(&p.kind).is_some());
        for &doc in print_pages.flat_map(|p| &p.reads) {
            *uses.entry(doc).or_insert(0) += 1;
        }
        Bodies {
            prepared: Mutex::default(),
            uses: Mutex::new(uses),
        }
    }

    /// The body of document `id`, prepared by `prepare` on first use.
    pub fn get(&self, id: DocId, prepare: impl FnOnce() -> PrintBody) -> Arc<PrintBody> {
        let cell = lock(&self.prepared).entry(id).or_default().clone();
        cell.get_or_init(|| Arc::new(prepare())).clone()
    }

    /// A print page holding `docs` is rendered: bodies no page still to
    /// render holds are dropped.
    pub fn done(&self, docs: &[DocId]) {
        let mut uses = lock(&self.uses);
        let mut prepared = lock(&self.prepared);
        for doc in docs {
            let Some(left) = uses.get_mut(doc) else {
                continue;
            };
            *left = left.saturating_sub(1);
            if *left == 0 {
                uses.remove(doc);
                prepared.remove(doc);
            }
        }
    }
}

/// A poisoned lock still holds a usable map: bodies are only ever added
/// whole or removed.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

fn shift_heading(level: u8) -> u8 {
    (level + 1).min(6)
}

/// What every book does to a tag of document `slug`: ids (and anchor
/// names) scoped to it, headings one level down.
fn scope_tag(mut tag: Tag, slug: &str) -> Tag {
    let is_anchor = tag.name == "a";
    for (name, value) in &mut tag.attrs {
        let Some(v) = value.as_mut() else { continue };
        if name == "id" || (is_anchor && name == "name") {
            *v = scoped_id(slug, v);
        }
    }
    if let Some(level) = tag.heading_level() {
        tag.name = format!("h{}", shift_heading(level));
    }
    tag
}

/// Whether the tag has an address ([`address_tag`] depends on the book).
fn has_address(tag: &Tag) -> bool {
    let addressed = |(name, value): &(String, Option<String>)| {
        value.is_some() && matches!(name.as_str(), "href" | "src" | "poster")
    };
    tag.attrs.iter().any(addressed)
}

/// What one book does to a tag: links resolved into the book (or out to
/// the site, or dropped), assets from the print page's folder.
fn address_tag(mut tag: Tag, slug: &str, targets: &Targets, root: &str) -> Tag {
    let mut see = None;
    let mut drop_href = false;
    for (name, value) in &mut tag.attrs {
        let Some(v) = value.as_mut() else { continue };
        match name.as_str() {
            "href" => match targets.resolve(slug, v) {
                Target::Anchor { anchor, see: s } => {
                    *v = format!("#{anchor}");
                    see = s;
                }
                Target::Url(url) => *v = url,
                Target::None => drop_href = true,
            },
            "src" | "poster" => *v = targets.asset(root, v),
            _ => {}
        }
    }
    if drop_href {
        tag.attrs.retain(|(n, _)| n != "href");
    }
    if let Some(title) = see {
        tag.attrs
            .push(("data-see".into(), Some(crate::site::escape_html(&title))));
    }
    tag
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finished(doc_html: &str, targets: &Targets, root: &str) -> String {
        let body = html::prepare(
            doc_html,
            |_| {},
            |t| scope_tag(t, "a"),
            has_address,
            shift_heading,
        );
        let mut out = String::new();
        body.finish(&mut out, |t| address_tag(t, "a", targets, root));
        out
    }

    #[test]
    fn tags_get_scoped_ids_resolved_links_and_lower_headings() {
        let mut targets = Targets::default();
        let ids = Arc::new(BTreeSet::from(["s".to_string()]));
        targets.documents.insert("a".into(), ids);
        targets.titles.insert("a--s".into(), "§Summary".into());
        let doc_html = r##"<h2 id="s">S</h2><p><a href="#s">back</a> <a href="../years/2020.html">2020</a> <img src="map.png" alt=""></p>"##;
        assert_eq!(
            finished(doc_html, &targets, "../../"),
            r##"<h3 id="a--s">S</h3><p><a href="#a--s" data-see="§Summary">back</a> <a>2020</a> <img src="../../documents/map.png" alt=""></p>"##
        );
    }

    #[test]
    fn one_preparation_serves_books_that_link_differently() {
        let doc_html = r##"<p id="p"><a href="../themes/ai.html">AI</a></p>"##;
        let mut in_part = Targets::default();
        in_part
            .pages
            .insert("themes/ai.html".into(), "part-theme-ai".into());
        let elsewhere = Targets {
            base_url: "https://example.org/".into(),
            ..Targets::default()
        };
        assert_eq!(
            finished(doc_html, &in_part, ""),
            r##"<p id="a--p"><a href="#part-theme-ai">AI</a></p>"##
        );
        assert_eq!(
            finished(doc_html, &elsewhere, ""),
            r##"<p id="a--p"><a href="https://example.org/themes/ai.html">AI</a></p>"##
        );
    }

    #[test]
    fn bodies_are_dropped_after_their_last_print_page() {
        let page = |kind, reads: Vec<DocId>| Page {
            path: String::new(),
            kind,
            template: super::super::TEMPLATE,
            reads,
        };
        let whole = page(crate::render::PageKind::Print, vec![0, 1]);
        let year = page(crate::render::PageKind::PrintYear(0), vec![1]);
        let bodies = Bodies::for_pages(&[&whole, &year]);
        let prepare = || PrintBody::prepare("a", "<p id=\"x\">x</p>", &[]);
        bodies.get(0, prepare);
        bodies.get(1, prepare);
        bodies.done(&whole.reads);
        assert!(!lock(&bodies.prepared).contains_key(&0));
        assert!(
            lock(&bodies.prepared).contains_key(&1),
            "the year pack still prints it"
        );
        bodies.done(&year.reads);
        assert!(lock(&bodies.prepared).is_empty());
    }
}
