//! Passages: the plain text of each entry of a document (its summary and
//! intro, then each section), which the search page shows under a result
//! with the query's words marked. They are most of the index's bytes and
//! only the results shown need them, so they are read apart from the terms
//! and handed out as they are read, never all held at once.

use rayon::prelude::*;

use super::text::Bodies;
use crate::site::Document;

/// Receives each document's passages as they are read: (slug, the plain
/// text of its entries in section order). Called from several threads.
pub type Passages<'a, E> = dyn Fn(&str, &[String]) -> Result<(), E> + Sync + 'a;

/// The passages of `documents`, read in parallel, handed to `passages`.
pub fn write<E: Send>(documents: &[&Document], passages: &Passages<E>) -> Result<(), E> {
    (documents.par_iter()).try_for_each(|doc| passages(&doc.slug, &texts(doc)))
}

/// The plain text of each entry of `doc`, in section order: the whole
/// document's (its summary, then the text before the first heading), then
/// each section's.
pub fn texts(doc: &Document) -> Vec<String> {
    let bodies = Bodies::of(&doc.html);
    let lead = [doc.front.summary.as_str(), bodies.intro()];
    let lead: Vec<&str> = lead.into_iter().filter(|t| !t.is_empty()).collect();
    let sections = doc
        .sections
        .iter()
        .map(|s| bodies.section(&s.id).to_string());
    std::iter::once(lead.join(" ")).chain(sections).collect()
}
