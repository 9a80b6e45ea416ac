//! Documents' bodies as print pages hold them, prepared once per render and
//! shared by every print page that prints the document. Most of a body's
//! rewrite (ids scoped, headings one level down, links within the document)
//! is the same in every book; only links to other pages and asset addresses
//! depend on the book, so those tags are left as slots, with their addresses
//! read already, that each book fills ([`PrintBody::finish`]). A document
//! is in the whole book and in a pack per theme, dialogue and year it is
//! on, and rewriting it for each was most of the print pages' cost.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use super::html::{self, write_attribute, Prepared, Tag};
use super::links::{asset_path, doc_anchor, document_see, scoped_id, section_see};
use super::links::{Href, Target, Targets};
use super::Pack;
use crate::render::plan::Page;
use crate::site::{escape_html, DocId, Document, Section};

/// A document's body prepared for print pages, and what books need to know
/// of it to link into it.
#[derive(Debug)]
pub struct PrintBody {
    /// The ids its elements have, as written (a link into the book keeps
    /// its fragment only when the target has it).
    pub ids: Arc<BTreeSet<String>>,
    /// (scoped id, how paper names it) of each section.
    pub sections: Vec<(String, String)>,
    body: Prepared<Addresses>,
}

/// The addresses of a slot's tag: (index of the attribute, what it is).
type Addresses = Vec<(usize, Address)>;

/// An `href`, `src` or `poster` attribute, read once per document.
#[derive(Debug)]
enum Address {
    Link(Href),
    /// An asset's path from the site root; `None` to keep it as written.
    Asset(Option<String>),
}

impl Address {
    fn of(name: &str, value: &str) -> Option<Address> {
        match name {
            "href" => Some(Address::Link(Href::of(value))),
            "src" | "poster" => Some(Address::Asset(asset_path(value))),
            _ => None,
        }
    }

    /// Whether every book writes it the same.
    fn is_fixed(&self) -> bool {
        match self {
            Address::Link(href) => href.is_fixed(),
            Address::Asset(path) => path.is_none(),
        }
    }
}

impl PrintBody {
    pub fn of(doc: &Document) -> PrintBody {
        PrintBody::prepare(&doc.slug, &doc.front.title, &doc.html, &doc.sections)
    }

    fn prepare(slug: &str, title: &str, body_html: &str, sections: &[Section]) -> PrintBody {
        let mut ids = BTreeSet::new();
        let mut body = html::prepare(
            body_html,
            |tag| ids.extend(tag.get("id").map(str::to_string)),
            |tag| scope_tag(tag, slug),
            addresses,
            shift_heading,
        );
        let sections: Vec<(String, String)> = sections
            .iter()
            .map(|s| (scoped_id(slug, &s.id), section_see(&s.title)))
            .collect();
        let ids = Arc::new(ids);
        let own = own_targets(slug, title, &ids, &sections);
        body.settle(|tag, addresses, out| {
            let fixed = addresses.iter().all(|(_, a)| a.is_fixed());
            if fixed {
                write_tag(tag, addresses, slug, &own, "", out);
            }
            fixed
        });
        PrintBody {
            ids,
            sections,
            body,
        }
    }

    /// The body in the book of `targets`, whose page is `root` below the
    /// site root.
    pub fn finish(&self, slug: &str, targets: &Targets, root: &str) -> String {
        let mut out = String::with_capacity(self.body.text_len() + self.body.text_len() / 16);
        (self.body).finish(&mut out, |tag, addresses, out| {
            write_tag(tag, addresses, slug, targets, root, out)
        });
        out
    }
}

/// What every book knows of document `slug` when it prints it: enough to
/// resolve the document's links to itself once for all of them.
fn own_targets(
    slug: &str,
    title: &str,
    ids: &Arc<BTreeSet<String>>,
    sections: &[(String, String)],
) -> Targets {
    let mut own = Targets::default();
    own.documents.insert(slug.to_string(), ids.clone());
    own.titles.extend(sections.iter().cloned());
    own.titles.insert(doc_anchor(slug), document_see(title));
    own
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

/// The tag's addresses, if it has any.
fn addresses(tag: &Tag) -> Option<Addresses> {
    let found: Addresses = (tag.attrs.iter().enumerate())
        .filter_map(|(i, (name, value))| Some((i, Address::of(name, value.as_deref()?)?)))
        .collect();
    (!found.is_empty()).then_some(found)
}

/// What one book does to a tag: links resolved into the book (or out to
/// the site, or dropped), assets from the print page's folder. The tag is
/// written as it goes, not copied and changed.
fn write_tag(
    tag: &Tag,
    addresses: &[(usize, Address)],
    slug: &str,
    targets: &Targets,
    root: &str,
    out: &mut String,
) {
    let mut see = None;
    tag.write_name(out);
    for (i, (name, value)) in tag.attrs.iter().enumerate() {
        let (Some(value), Some((_, address))) = (value, addresses.iter().find(|(at, _)| *at == i))
        else {
            write_attribute(out, name, value.as_deref());
            continue;
        };
        match address {
            Address::Link(href) => match targets.resolve_href(slug, value, href) {
                Target::Anchor { anchor, see: s } => {
                    write_attribute(out, name, Some(&format!("#{anchor}")));
                    see = s;
                }
                Target::Url(url) => write_attribute(out, name, Some(&url)),
                Target::None => {}
            },
            Address::Asset(Some(path)) => {
                write_attribute(out, name, Some(&format!("{root}{path}")))
            }
            Address::Asset(None) => write_attribute(out, name, Some(value)),
        }
    }
    if let Some(title) = see {
        write_attribute(out, "data-see", Some(&escape_html(&title)));
    }
    tag.write_close(out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finished(doc_html: &str, targets: &Targets, root: &str) -> String {
        let section = |id: &str, title: &str| Section {
            id: id.into(),
            title: title.into(),
            level: 2,
            themes: Vec::new(),
            excerpt: String::new(),
        };
        let sections = [section("s", "Summary")];
        PrintBody::prepare("a", "A", doc_html, &sections).finish("a", targets, root)
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
    fn links_within_the_document_are_resolved_once_for_every_book() {
        let doc_html = r##"<h2 id="s">S</h2><p><a href="#s">up</a> <a href="#gone" class="x">?</a> <a href="https://e.org/#s">e</a></p>"##;
        let expected = r##"<h3 id="a--s">S</h3><p><a href="#a--s" data-see="§Summary">up</a> <a href="#doc-a" class="x" data-see="“A”">?</a> <a href="https://e.org/#s">e</a></p>"##;
        assert_eq!(finished(doc_html, &Targets::default(), ""), expected);
        let body = PrintBody::prepare("a", "A", doc_html, &[]);
        assert_eq!(body.body.slots(), 0, "no slot is left for a book to fill");
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
        let prepare = || PrintBody::prepare("a", "A", "<p id=\"x\">x</p>", &[]);
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
