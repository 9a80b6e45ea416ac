//! The reader of saved web pages (`.html`, `.htm`): the page's bytes as
//! the text the stages take, and what its markup states beside the text.
//!
//! The page is decoded ([`crate::web_page::decode`]: a byte-order mark,
//! else UTF-8 with letters beyond ASCII, else the charset its markup
//! declares, else UTF-8, else the encoding `chardetng` guesses), checked
//! (binary data, a page cut short, a file with no markup are errors that
//! say what to do), and parsed with html5ever through `scraper`. Then
//! [`meta`] reads the title, date and issuers the markup states, [`main`]
//! finds the main text, and [`lines`] writes it as lines in the form the
//! text stages read: a blank line between blocks, `## ` before a heading,
//! `- ` before a list item (indented by its depth), a data table's row as
//! `| a | b |`, and the links beside the text ([`read::Markup`]). The
//! title (the page's `<h1>`) opens the text when it stands outside the
//! main text, so the head stage weighs it as it weighs
//! a capture's first lines.

mod chrome;
mod lines;
mod links;
mod main_text;
mod meta;

pub use lines::capture;

use std::path::Path;

use scraper::Html;

use super::read::{self, Markup, SeedText};
use crate::error::{Error, Result};

/// How far from its end a complete page closes `</body>` or `</html>`.
const TAIL_BYTES: usize = 4096;

/// A saved page's bytes as the text the stages take and its markup's
/// statements; `path` names the file in errors.
pub fn read(path: &Path, bytes: &[u8]) -> Result<SeedText> {
    let (text, legacy_encoding) = decode(path, bytes)?;
    check_markup(path, &text)?;
    let page = Html::parse_document(&text);
    let meta = meta::read(&page);
    let (mut text, mut links) = lines::render(&page, &main_text::find(&page));
    if !has_prose(&text) {
        // No sentence in what was found: the page's text is elsewhere
        // (a page of short items, or one the scoring missed).
        (text, links) = lines::render(&page, &main_text::whole(&page));
    }
    if text.trim().is_empty() {
        return Err(Error::input(
            path,
            "is a web page with no visible text: save the page again once it has loaded \
             (File › Save Page As…), or delete the file",
        ));
    }
    Ok(SeedText {
        text,
        legacy_encoding,
        meta,
        markdown: None,
        markup: Some(Markup { links }),
    })
}

/// The page as text ([`crate::web_page::decode`]), and the encoding it
/// was guessed to be in (for a warning); binary data is an error.
fn decode(path: &Path, bytes: &[u8]) -> Result<(String, Option<&'static str>)> {
    let bom = encoding_rs::Encoding::for_bom(bytes).is_some();
    if let Some(offset) = memchr::memchr(0, bytes).filter(|_| !bom) {
        return Err(Error::input(
            path,
            format!(
                "is a binary file (NUL byte at byte offset {offset}), not a saved web page: \
                 save the page again as HTML, or move the file out of seeds/"
            ),
        ));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(read::empty(path));
    }
    let decoded = crate::web_page::decode(bytes);
    Ok((decoded.text, decoded.guessed))
}

/// Whether some line of `text` reads as a sentence (six words or more).
fn has_prose(text: &str) -> bool {
    text.lines().any(|l| crate::text::words::word_count(l) >= 6)
}

/// A file with no markup, or a page cut short before it closes its body
/// (a download that broke off): either would ingest as a part of a page.
fn check_markup(path: &Path, text: &str) -> Result<()> {
    let start: String = text.chars().take(1024).collect();
    if !start.contains('<') {
        return Err(Error::input(
            path,
            "has no HTML markup: if it is the text of a page, name it .txt; else save the \
             page again as HTML",
        ));
    }
    let tail_start = crate::text::floor_char_boundary(text, text.len().saturating_sub(TAIL_BYTES));
    let tail = text[tail_start..].to_ascii_lowercase();
    if !tail.contains("</body") && !tail.contains("</html") {
        return Err(Error::input(
            path,
            "ends before its closing </body> or </html>: the saved page looks cut short; \
             save it again (File › Save Page As…, “Web Page, HTML only”)",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(bytes: &[u8]) -> String {
        read(Path::new("seeds/a.html"), bytes)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn broken_pages_name_the_file_and_what_to_do() {
        let cut = b"<html><body><h1>Joint Statement</h1><p>The two sides agreed to";
        assert!(error(cut).contains("looks cut short"), "{}", error(cut));
        let binary = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(error(binary).contains("is a binary file"));
        assert!(error(b"Just some words.\n").contains("has no HTML markup"));
        assert!(error(b"  \n").contains("is empty"));
        assert!(
            error(b"<html><body><script>x()</script></body></html>").contains("no visible text")
        );
        assert!(error(cut).starts_with("seeds/a.html: "));
    }

    #[test]
    fn the_declared_charset_is_read() {
        let mut page = b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 \x96 the Minister\x92s statement on the digital economy and data.</p></body></html>".to_vec();
        let text = read(Path::new("a.html"), &page).unwrap().text;
        assert!(text.contains("Café – the Minister’s"), "{text}");
        page.truncate(0);
    }
}
