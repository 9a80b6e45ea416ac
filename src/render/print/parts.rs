//! The body of the book: its documents grouped into parts (by dialogue, theme
//! or year), each document with its metadata block and its body rewritten
//! for the print page (ids scoped, links resolved, headings one level down).

use serde::Serialize;

use std::collections::HashMap;
use std::sync::Arc;

use super::bodies::PrintBody;
use super::links::{doc_anchor, Targets};
use crate::config::PrintGrouping;
use crate::content::DateSource;
use crate::site::{display_date, truncate_words, DocId, Site};

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
    bodies: &HashMap<DocId, Arc<PrintBody>>,
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
                    let html = bodies[&d].finish(&site.documents[d].slug, targets, root);
                    print_doc(site, d, number, html)
                })
                .collect(),
        })
        .collect()
}

fn print_doc(site: &Site, id: DocId, number: usize, html: String) -> PrintDoc<'_> {
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
        html,
    }
}

fn date_note(source: DateSource) -> Option<&'static str> {
    match source {
        DateSource::Inferred => Some("inferred from the text"),
        DateSource::Unknown => Some("unknown"),
        DateSource::Stated | DateSource::Override => None,
    }
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
}
