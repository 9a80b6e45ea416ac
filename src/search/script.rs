//! The index as the browser loads it: `search-index.js`, a manifest that
//! assigns `window.BRIEFING_SEARCH` with what ranking and filtering need
//! (each document's year, themes, dialogues and number of entries, each
//! entry's length, where each range of terms is, how many passage buckets
//! there are); the term scripts ([`super::shards`]); the document scripts
//! `search-docs/<n>.js`, each calling `BRIEFING_SEARCH_DOCS(n, docs)` with
//! the names and titles of [`DOCS_PER_SCRIPT`] documents; and the passage
//! scripts `search/<n>.js`, one a bucket of documents
//! ([`super::passages`]), calling `BRIEFING_SEARCH_TEXT(slug, texts)` once
//! for each of its documents. All but the manifest are loaded only for the
//! terms of a query or the results shown, so the manifest stays a few
//! bytes per entry. Scripts rather than JSON because `fetch()` is blocked
//! from `file://`; a UTF-8 byte-order mark makes the browser read them as
//! UTF-8 whatever the server says.
//!
//! Wire format (version 3), arrays rather than objects to stay small:
//! - `docs`: `[year|null, [theme], [dialogue], entries]`
//! - `lengths`: the number of terms of each entry, documents in order
//! - `shards`: the first term of each term script, in byte order
//! - `textBuckets`: the number of passage buckets; a document's passages
//!   are in `search/<FNV-1a of its slug's UTF-8 bytes % textBuckets>.js`
//! - a document script's docs: `[slug, title, date, [[id, title]]]`, the
//!   whole-document entry first (id `""`)
//! - a passage script's texts: the plain text of each entry of the
//!   document, in the order of its entries

use super::passages::bucket_count;
use super::SearchIndex;
use crate::text::stop_words::search_stop_words;

pub(super) const BOM: &str = "\u{feff}";
pub const FORMAT_VERSION: u8 = 3;

/// Documents per document script.
pub const DOCS_PER_SCRIPT: usize = 200;
/// The folder of document scripts, relative to the site root.
pub const DOCS_DIR: &str = "search-docs";
/// The folder of passage scripts, relative to the site root.
pub const TEXT_DIR: &str = "search";

impl SearchIndex {
    /// `search-index.js`, the manifest: `shards` are the first terms of the
    /// term scripts.
    pub fn manifest(&self, shards: &[String]) -> Vec<u8> {
        let mut json = Json(Vec::with_capacity(1 << 16));
        json.raw(BOM);
        json.raw("window.BRIEFING_SEARCH={\"v\":");
        json.int(FORMAT_VERSION);
        json.raw(",\"stop\":");
        json.list(search_stop_words(), |j, w| j.str(w));
        json.raw(",\"themes\":");
        json.list(&self.themes, Json::pair);
        json.raw(",\"dialogues\":");
        json.list(&self.dialogues, Json::pair);
        json.raw(",\"docsPerScript\":");
        json.int(DOCS_PER_SCRIPT);
        json.raw(",\"textBuckets\":");
        json.int(bucket_count(self.documents().len()));
        json.raw(",\"docs\":");
        json.list(self.documents(), |j, d| {
            j.raw("[");
            match d.entry.year {
                Some(year) => j.int(year),
                None => j.raw("null"),
            }
            j.raw(",");
            j.list(&d.entry.themes, |j, t| j.int(*t));
            j.raw(",");
            j.list(&d.entry.dialogues, |j, t| j.int(*t));
            j.raw(",");
            j.int(d.sections.len());
            j.raw("]");
        });
        json.raw(",\"lengths\":");
        let sections = self.documents().iter().flat_map(|d| &d.sections);
        json.list(sections, |j, s| j.int(s.length));
        json.raw(",\"shards\":");
        json.list(shards, |j, t| j.str(t));
        json.raw("};\n");
        json.0
    }

    /// The document scripts, each handed to `write` as (number, bytes).
    pub fn write_doc_scripts<E>(
        &self,
        mut write: impl FnMut(usize, &[u8]) -> Result<(), E>,
    ) -> Result<usize, E> {
        let chunks = self.documents().chunks(DOCS_PER_SCRIPT);
        for (n, docs) in chunks.clone().enumerate() {
            let mut json = Json(Vec::with_capacity(1 << 16));
            json.raw(BOM);
            json.raw("BRIEFING_SEARCH_DOCS(");
            json.int(n);
            json.raw(",");
            json.list(docs, |j, d| {
                j.raw("[");
                j.str(&d.entry.slug);
                j.raw(",");
                j.str(&d.entry.title);
                j.raw(",");
                j.str(&d.entry.date);
                j.raw(",");
                j.list(&d.sections, |j, s| {
                    j.raw("[");
                    j.str(&s.id);
                    j.raw(",");
                    j.str(&s.title);
                    j.raw("]");
                });
                j.raw("]");
            });
            json.raw(");\n");
            write(n, &json.0)?;
        }
        Ok(chunks.len())
    }
}

/// The path of document script `number`, relative to the site root.
pub fn doc_script_name(number: usize) -> String {
    format!("{DOCS_DIR}/{number}.js")
}

/// The path of passage script (bucket) `number`, relative to the site root.
pub fn text_script_name(number: usize) -> String {
    format!("{TEXT_DIR}/{number}.js")
}

/// A bucket's passage script: one call for each of `documents`, given as
/// (slug, its entries' plain text in section order).
pub fn text_script(documents: &[(&str, Vec<String>)]) -> Vec<u8> {
    let texts = documents.iter().flat_map(|(_, texts)| texts);
    let mut json = Json(Vec::with_capacity(
        texts.map(String::len).sum::<usize>() + 64 * documents.len(),
    ));
    json.raw(BOM);
    for (slug, texts) in documents {
        json.raw("BRIEFING_SEARCH_TEXT(");
        json.str(slug);
        json.raw(",");
        json.list(texts, |j, t| j.str(t));
        json.raw(");\n");
    }
    json.0
}

/// Compact JSON as `serde_json` writes it, appended to a buffer.
pub(super) struct Json(pub Vec<u8>);

impl Json {
    pub fn raw(&mut self, text: &str) {
        self.0.extend_from_slice(text.as_bytes());
    }

    pub fn str(&mut self, text: &str) {
        // A fold, not `all`: without the early exit the compiler tests a
        // vector of bytes at a time, and the passages are every word of
        // every document.
        let plain = |ok: bool, &b: &u8| ok & (b >= 0x20) & (b != b'"') & (b != b'\\');
        if text.as_bytes().iter().fold(true, plain) {
            self.0.push(b'"');
            self.raw(text);
            self.0.push(b'"');
        } else {
            // Escapes as serde_json does; writing into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut self.0, text);
        }
    }

    pub fn int(&mut self, n: impl itoa::Integer) {
        self.raw(itoa::Buffer::new().format(n));
    }

    fn pair(&mut self, (a, b): &(String, String)) {
        self.raw("[");
        self.str(a);
        self.raw(",");
        self.str(b);
        self.raw("]");
    }

    fn list<T>(&mut self, items: impl IntoIterator<Item = T>, mut each: impl FnMut(&mut Json, T)) {
        self.raw("[");
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                self.raw(",");
            }
            each(self, item);
        }
        self.raw("]");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_does() {
        for text in [
            "plain",
            "a \"quote\"",
            "back\\slash",
            "tab\there",
            "日本 \u{7f}\u{2028}",
        ] {
            let mut json = Json(Vec::new());
            json.str(text);
            assert_eq!(
                String::from_utf8(json.0).unwrap(),
                serde_json::to_string(text).unwrap()
            );
        }
    }
}
