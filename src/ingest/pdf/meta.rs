//! A PDF's own statements about itself as [`SourceMeta`]: title candidates
//! (XMP's `dc:title`, the Info dictionary's `/Title`, then the first page's
//! largest text) and its creation date.
//!
//! A metadata title is often no title at all: the word processor's name
//! for the file ("Microsoft Word - final_v3.docx"), a template's
//! placeholder ("Untitled", "Slide 1", "Document1"). Those are dropped, as
//! htmldate and trafilatura drop a page's boilerplate `<title>`.

use super::extract::Info;
use crate::content::PartialDate;
use crate::ingest::read::SourceMeta;

/// The title candidates and date of a PDF with `info`, whose first page's
/// largest text is `largest`.
pub fn source_meta(info: &Info, largest: Option<String>) -> SourceMeta {
    let mut titles: Vec<String> = Vec::new();
    let stated = [&info.xmp_title, &info.title];
    for title in stated.into_iter().flatten().map(|t| tidy(t)).chain(largest) {
        let known = titles.iter().any(|t| t.eq_ignore_ascii_case(&title));
        if !known && !is_junk_title(&title) {
            titles.push(title);
        }
    }
    let date = [&info.xmp_created, &info.created]
        .into_iter()
        .flatten()
        .find_map(|d| iso_date(d));
    SourceMeta {
        titles,
        file_date: date.as_deref().and_then(PartialDate::parse),
        ..SourceMeta::default()
    }
}

/// Whitespace collapsed.
fn tidy(title: &str) -> String {
    title.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// File extensions a title made of a file name ends with.
const FILE_EXTENSIONS: &[&str] = &[
    ".doc", ".docx", ".dot", ".dotx", ".odt", ".rtf", ".pdf", ".ppt", ".pptx", ".xls", ".xlsx",
    ".indd", ".qxd", ".qxp", ".txt", ".htm", ".html", ".tex", ".dvi", ".ps", ".tmp", ".pages",
];

/// Placeholders that templates and tools leave as a title.
const PLACEHOLDERS: &[&str] = &[
    "untitled",
    "untitled document",
    "no title",
    "title",
    "document",
    "new document",
    "presentation",
    "powerpoint presentation",
    "slide 1",
    "page 1",
    "(anonymous)",
    "anonymous",
    "microsoft word",
    "word document",
    "pdf",
];

/// A metadata title that names a file or a template, not the document.
pub fn is_junk_title(title: &str) -> bool {
    let lower = title.trim().to_lowercase();
    let letters = lower.chars().filter(|c| c.is_alphabetic()).count();
    let office = [
        "microsoft word - ",
        "microsoft powerpoint - ",
        "microsoft excel - ",
    ];
    letters < 3
        || PLACEHOLDERS.contains(&lower.as_str())
        || office.iter().any(|p| lower.starts_with(p))
        || FILE_EXTENSIONS.iter().any(|x| lower.ends_with(x))
        || lower.contains(['\\', '/']) && !lower.contains(' ')
        || is_numbered_placeholder(&lower)
        || (!lower.contains(' ') && lower.contains('_'))
}

/// "document1", "untitled-3", "slide 12": a placeholder with a number.
fn is_numbered_placeholder(lower: &str) -> bool {
    let stem = lower.trim_end_matches(|c: char| c.is_ascii_digit());
    stem.len() < lower.len() && PLACEHOLDERS.contains(&stem.trim_end_matches([' ', '-', '_']))
}

/// `D:20240305…` (the Info dictionary's form) or `2024-03-05T…` (XMP's)
/// as `2024-03-05`, or as much of it as is given (`2024-03`, `2024`);
/// `None` for a year no document of ours was made in.
fn iso_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let raw = raw.strip_prefix("D:").unwrap_or(raw);
    let digits: String = raw
        .chars()
        .filter(|c| *c != '-')
        .take_while(char::is_ascii_digit)
        .take(8)
        .collect();
    let year: i32 = digits.get(..4)?.parse().ok()?;
    if !(1990..=2100).contains(&year) {
        return None;
    }
    let part = |r: std::ops::Range<usize>, max: u32| {
        digits
            .get(r)
            .and_then(|d| d.parse::<u32>().ok())
            .filter(|n| (1..=max).contains(n))
    };
    Some(match (part(4..6, 12), part(6..8, 31)) {
        (Some(m), Some(d)) => format!("{year}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{year}-{m:02}"),
        _ => year.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junk_metadata_titles_are_dropped() {
        for junk in [
            "Microsoft Word - joint-letter-final.docx",
            "untitled",
            "Untitled-3",
            "Document1",
            "Slide 1",
            "joint_statement_v2",
            "C:\\Users\\me\\letter.doc",
            "final.pdf",
            "-",
        ] {
            assert!(is_junk_title(junk), "{junk}");
        }
        for title in [
            "Joint Statement of the Japan-UK Digital Partnership",
            "Memorandum",
            "Geometrie und Topologie",
        ] {
            assert!(!is_junk_title(title), "{title}");
        }
    }

    #[test]
    fn titles_come_metadata_first_then_the_largest_text() {
        let info = Info {
            title: Some("Microsoft Word - a.docx".into()),
            xmp_title: Some("Joint  Letter".into()),
            ..Info::default()
        };
        let meta = source_meta(&info, Some("Joint Letter on Data".into()));
        assert_eq!(meta.titles, ["Joint Letter", "Joint Letter on Data"]);
    }

    #[test]
    fn dates_read_in_both_metadata_forms() {
        let date = |s: &str| iso_date(s);
        assert_eq!(
            date("D:20240306091500+09'00'").as_deref(),
            Some("2024-03-06")
        );
        assert_eq!(
            date("2016-12-31T10:00:00+01:00").as_deref(),
            Some("2016-12-31")
        );
        assert_eq!(date("D:202403").as_deref(), Some("2024-03"));
        assert_eq!(date("D:19700101000000Z"), None);
        assert_eq!(date("garbage"), None);
    }
}
