//! The body of the book: its documents grouped into parts (by dialogue, theme
//! or year), each document with its metadata block and its body rewritten
//! for the print page (ids scoped, links resolved, headings one level down).

use serde::Serialize;

use super::html::{self, Tag};
use super::links::{doc_anchor, scoped_id, Target, Targets};
use crate::config::PrintGrouping;
use crate::content::DateSource;
use crate::site::{display_date, truncate_words, DocId, Document, Site};

/// Running headers longer than this are cut at a word.
const RUNNING_TITLE_CHARS: usize = 90;

/// A group of documents, before it is rendered.
pub struct Group<'a> {
    pub id: String,
    pub title: &'a str,
    pub description: &'a str,
    /// The site page the group stands for (`dialogues/x.html`), if any.
    pub site_pages: Vec<String>,
    pub documents: Vec<DocId>,
}

/// `docs` (in site order: newest first, so sorted) grouped as `by` says; every document
/// is in exactly one group, so it appears once in the book.
pub fn group<'a>(site: &'a Site, docs: &[DocId], by: PrintGrouping) -> Vec<Group<'a>> {
    let mut groups = match by {
        PrintGrouping::Dialogue => by_dialogue(site, docs),
        PrintGrouping::Theme => by_theme(site, docs),
        PrintGrouping::Date => by_year(site, docs),
    };
    let mut placed: Vec<DocId> = groups.iter().flat_map(|g| g.documents.clone()).collect();
    placed.sort_unstable();
    let rest: Vec<DocId> = docs
        .iter()
        .copied()
        .filter(|d| placed.binary_search(d).is_err())
        .collect();
    if !rest.is_empty() {
        let title = match by {
            PrintGrouping::Date => "Undated",
            _ => "Other documents",
        };
        groups.push(Group {
            id: "part-other".into(),
            title,
            description: "",
            site_pages: Vec::new(),
            documents: rest,
        });
    }
    groups.retain(|g| !g.documents.is_empty());
    groups
}

/// Each document under its first dialogue, in the dialogue's chronology (oldest first).
fn by_dialogue<'a>(site: &'a Site, docs: &[DocId]) -> Vec<Group<'a>> {
    site.dialogues
        .iter()
        .zip(&site.config.dialogues)
        .map(|(index, def)| Group {
            id: format!("part-dialogue-{}", def.slug),
            title: &def.name,
            description: &def.description,
            site_pages: vec![format!("dialogues/{}.html", def.slug)],
            documents: index
                .chronology
                .iter()
                .copied()
                .filter(|d| docs.binary_search(d).is_ok())
                .filter(|&d| site.documents[d].front.dialogues.first() == Some(&def.slug))
                .collect(),
        })
        .collect()
}

/// Each document under its weightiest theme, newest first.
fn by_theme<'a>(site: &'a Site, docs: &[DocId]) -> Vec<Group<'a>> {
    site.config
        .themes
        .iter()
        .enumerate()
        .map(|(i, def)| Group {
            id: format!("part-theme-{}", def.slug),
            title: &def.name,
            description: &def.description,
            site_pages: (1..=crate::render::pages::theme_pages(site, i))
                .map(|n| crate::render::plan::theme_page_path(&def.slug, n))
                .collect(),
            documents: docs
                .iter()
                .copied()
                .filter(|&d| site.documents[d].themes.first() == Some(&def.slug))
                .collect(),
        })
        .collect()
}

/// One part per year, newest first; undated documents go to the last part.
fn by_year<'a>(site: &'a Site, docs: &[DocId]) -> Vec<Group<'a>> {
    site.years
        .iter()
        .rev()
        .map(|year| Group {
            id: format!("part-year-{}", year.year),
            title: &year.label,
            description: "",
            site_pages: vec![format!("years/{}.html", year.year)],
            documents: year
                .documents
                .iter()
                .copied()
                .filter(|d| docs.binary_search(d).is_ok())
                .collect(),
        })
        .collect()
}

#[derive(Serialize)]
pub struct Part<'a> {
    pub id: String,
    pub title: &'a str,
    pub description: &'a str,
    pub documents: Vec<PrintDoc<'a>>,
}

#[derive(Serialize)]
pub struct PrintDoc<'a> {
    /// The anchor of its first page.
    pub id: String,
    /// The CSS named page its pages use, which carries its running header.
    pub page_name: String,
    /// The running header as the body of a CSS string (escaped).
    pub running: String,
    pub title: &'a str,
    pub date: Option<String>,
    pub iso_date: Option<String>,
    pub date_note: Option<&'static str>,
    pub kind: &'a str,
    pub organisations: &'a [String],
    pub dialogues: Vec<&'a str>,
    pub themes: Vec<&'a str>,
    pub summary: &'a str,
    /// The body, rewritten for the print page.
    pub html: String,
}

/// The parts as the template shows them; `root` leads from the print page to the site root.
pub fn parts<'a>(
    site: &'a Site,
    groups: Vec<Group<'a>>,
    targets: &Targets,
    root: &str,
) -> Vec<Part<'a>> {
    let mut number = 0;
    groups
        .into_iter()
        .map(|g| Part {
            id: g.id,
            title: g.title,
            description: g.description,
            documents: g
                .documents
                .iter()
                .map(|&d| {
                    number += 1;
                    print_doc(site, d, number, targets, root)
                })
                .collect(),
        })
        .collect()
}

fn print_doc<'a>(
    site: &'a Site,
    id: DocId,
    number: usize,
    targets: &Targets,
    root: &str,
) -> PrintDoc<'a> {
    let doc = &site.documents[id];
    PrintDoc {
        id: doc_anchor(&doc.slug),
        page_name: format!("doc{number}"),
        running: css_string(&truncate_words(&doc.front.title, RUNNING_TITLE_CHARS)),
        title: &doc.front.title,
        date: doc.front.date.as_ref().map(display_date),
        iso_date: doc.front.date.map(|d| d.to_string()),
        date_note: date_note(doc.front.date_source),
        kind: site.kind_name(&doc.front.kind),
        organisations: &doc.front.organisations,
        dialogues: doc
            .front
            .dialogues
            .iter()
            .map(|d| site.dialogue_name(d))
            .collect(),
        themes: doc.themes.iter().map(|t| site.theme_name(t)).collect(),
        summary: &doc.front.summary,
        html: body(doc, targets, root),
    }
}

fn date_note(source: DateSource) -> Option<&'static str> {
    match source {
        DateSource::Inferred => Some("inferred from the text"),
        DateSource::Unknown => Some("unknown"),
        DateSource::Stated | DateSource::Override => None,
    }
}

/// The document's body as the print page holds it: ids prefixed with its
/// slug, links resolved into the book, assets from the print page's folder,
/// headings one level down (under the document's title).
pub fn body(doc: &Document, targets: &Targets, root: &str) -> String {
    html::rewrite(
        &doc.html,
        |tag| rewrite_tag(tag, &doc.slug, targets, root),
        shift_heading,
    )
}

fn shift_heading(level: u8) -> u8 {
    (level + 1).min(6)
}

fn rewrite_tag(mut tag: Tag, slug: &str, targets: &Targets, root: &str) -> Tag {
    let mut see = None;
    let mut drop_href = false;
    for (name, value) in &mut tag.attrs {
        let Some(v) = value.as_mut() else { continue };
        match name.as_str() {
            "id" => *v = scoped_id(slug, v),
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
    if tag.name == "a" {
        for (name, value) in &mut tag.attrs {
            if let (true, Some(v)) = (name == "name", value.as_mut()) {
                *v = scoped_id(slug, v);
            }
        }
    }
    if drop_href {
        tag.attrs.retain(|(n, _)| n != "href");
    }
    if let Some(title) = see {
        tag.attrs
            .push(("data-see".into(), Some(crate::site::escape_html(&title))));
    }
    if let Some(level) = tag.heading_level() {
        tag.name = format!("h{}", shift_heading(level));
    }
    tag
}

/// `text` as the inside of a CSS double-quoted string that is safe in a `<style>` element.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\3c "),
            '&' => out.push_str("\\26 "),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_break_out() {
        assert_eq!(
            css_string(r#"A "B" </style> \ C"#),
            r#"A \"B\" \3c /style> \\ C"#
        );
    }

    #[test]
    fn tags_get_scoped_ids_resolved_links_and_lower_headings() {
        let mut targets = Targets::default();
        targets
            .documents
            .insert("a".into(), ["s".to_string()].into());
        targets.titles.insert("a--s".into(), "§Summary".into());
        let doc_html = r##"<h2 id="s">S</h2><p><a href="#s">back</a> <a href="../years/2020.html">2020</a> <img src="map.png" alt=""></p>"##;
        let out = html::rewrite(
            doc_html,
            |t| rewrite_tag(t, "a", &targets, "../../"),
            shift_heading,
        );
        assert_eq!(
            out,
            r##"<h3 id="a--s">S</h3><p><a href="#a--s" data-see="§Summary">back</a> <a>2020</a> <img src="../../documents/map.png" alt=""></p>"##
        );
    }
}
