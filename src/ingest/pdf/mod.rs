//! The reader of PDF seeds: a PDF's bytes to the text the stages take, and
//! what its metadata says ([`SourceMeta`]). The text keeps the reading
//! order, paragraphs, headings (set apart by their size and weight) and
//! list items, without the running headers, footers and page numbers
//! (`layout`); the title and date candidates come from the Info dictionary
//! and XMP (`meta`) and from the first page's largest text.
//!
//! The PDF itself is read by `pdf_oxide`. Measured on the PDFBox
//! text-extraction fixtures and the py-pdf benchmark's one available
//! document (`cargo bench --bench sources`, `docs/accuracy.md`), against
//! `pdf-extract` (on `lopdf`), the other pure-Rust candidate: the same
//! median similarity (1.000), but `pdf-extract` failed on 6 of 68 files
//! (a panic on a font without an encoding, no text from pages with a
//! broken ToUnicode map, files with a damaged cross-reference table that
//! `pdftotext` reads) where `pdf_oxide` failed on none, and `pdf-extract`
//! breaks bold headings into letters ("Jo in t Letter"). `pdf_oxide` also
//! gives each span's font weight, which heading detection needs. Its cost
//! is weight: about 70 more crates and minutes more of a first build.
//!
//! A crate this large may still panic on a hostile file: the call is
//! wrapped so that a panic is an error naming the file (and no panic
//! message besides it), and the fuzz target `ingest` feeds it PDFs.

mod extract;
mod layout;
mod meta;

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::Once;

use super::read::SeedText;
use crate::error::{Error, Result};

/// The fewest letters a page needs on average for the PDF to count as
/// having text: a scan without OCR has none, or a stray stamp or page
/// number; a page of the shortest note ("Hello World") has more.
const MIN_LETTERS_PER_PAGE: usize = 3;

thread_local! {
    /// Set while this thread runs the PDF reader under [`quietly`].
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `read` with a panic in it caught, and without the panic hook's
/// message ("thread … panicked at …/pdf_oxide/…"): the error that names
/// the file says what went wrong and what to do. Panics on other threads,
/// or outside the reader, are reported as always.
fn quietly<T>(read: impl FnOnce() -> T) -> std::thread::Result<T> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                report(info);
            }
        }));
    });
    QUIET.with(|quiet| quiet.set(true));
    let result = catch_unwind(AssertUnwindSafe(read));
    QUIET.with(|quiet| quiet.set(false));
    result
}

/// A PDF seed's text and metadata; an error naming the file for a PDF that
/// is encrypted, truncated, damaged, or a scan without text.
pub fn read(path: &Path, bytes: &[u8]) -> Result<SeedText> {
    // The header may follow a little junk (a mail gateway's, a server's).
    if !bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        return Err(Error::input(
            path,
            "is not a PDF (no `%PDF-` header): rename it after its real format, or move it \
             out of seeds/",
        ));
    }
    if !has_end_marker(bytes) {
        return Err(Error::input(
            path,
            "is truncated (no `%%EOF` end marker): the download or copy was cut short; fetch \
             the PDF again",
        ));
    }
    let pages = quietly(|| extract::pages(bytes)).map_err(|_| {
        Error::input(
            path,
            "could not be read: the PDF reader failed on it. Save it again from a PDF viewer \
             (\"Print to PDF\"), or its text as .txt (e.g. `pdftotext`)",
        )
    })?;
    let doc = pages.map_err(|e| failure(path, e))?;
    let letters: usize = doc
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.text.chars().filter(|c| c.is_alphanumeric()).count())
        .sum();
    if letters < MIN_LETTERS_PER_PAGE * doc.pages.len().max(1) {
        return Err(Error::input(
            path,
            format!(
                "has no text layer ({} page{} of images only: a scan): OCR it first, e.g. \
                 `ocrmypdf in.pdf seeds/out.pdf`, then ingest the OCRed file",
                doc.pages.len(),
                if doc.pages.len() == 1 { "" } else { "s" }
            ),
        ));
    }
    let largest = layout::largest_on_first_page(&doc.pages);
    let text = layout::text(&doc.pages);
    let meta = meta::source_meta(&doc.info, largest);
    Ok(SeedText {
        text,
        meta,
        ..SeedText::default()
    })
}

/// Whether `%%EOF` stands in the last kilobyte: a PDF cut short has none,
/// and a reader would recover some of its pages without a word.
fn has_end_marker(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    tail.windows(5).any(|w| w == b"%%EOF")
}

/// Why a PDF could not be read, as the user can act on it.
fn failure(path: &Path, e: extract::Failure) -> Error {
    match e {
        extract::Failure::Password => Error::input(
            path,
            "is encrypted with a password: open it with the password and save an unlocked \
             copy (e.g. `qpdf --password=PASSWORD --decrypt in.pdf out.pdf`), or save its \
             text as .txt",
        ),
        extract::Failure::Damaged(why) => Error::input(
            path,
            format!(
                "is not a readable PDF ({why}): fetch it again, or save it again from a PDF \
                 viewer, or save its text as .txt"
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_that_are_no_pdf_or_cut_short_are_named_as_such() {
        let path = Path::new("seeds/a.pdf");
        let cases: [(&[u8], &str); 4] = [
            (b"<html>not a pdf</html>", "is not a PDF"),
            (b"%PDF-1.4\n1 0 obj\n<<", "is truncated"),
            (b"%PDF-1.4\ngarbage\n%%EOF\n", "is not a readable PDF"),
            (b"", "is not a PDF"),
        ];
        for (bytes, needle) in cases {
            let msg = read(path, bytes).err().unwrap().to_string();
            assert!(msg.starts_with("seeds/a.pdf: "), "{msg}");
            assert!(msg.contains(needle), "{msg}");
        }
    }

    #[test]
    fn a_panic_in_the_reader_is_caught_and_the_thread_reports_again_after() {
        assert!(quietly(|| -> u8 { panic!("a hostile file") }).is_err());
        assert_eq!(quietly(|| 7).ok(), Some(7));
        assert!(
            !QUIET.with(Cell::get),
            "panics after the reader are reported"
        );
    }
}
