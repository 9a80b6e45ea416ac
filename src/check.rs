//! `check`: proves the content and the built site whole. Content: every
//! front matter parses and uses only slugs `briefing.yaml` defines (every
//! problem, not the first). Site: every relative `href`/`src` leads to a file
//! in the site (never a folder, never root-relative, never outside), every
//! `#fragment` names an id in its target, no page repeats an id. Warnings:
//! dialogue aliases that documents of different parties use.
//!
//! The site is checked by reading the files written, as an outside link
//! checker would, not the model they were rendered from: what is on disk is
//! what is published, templates' links included.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use crate::config::Config;
use crate::content::ContentFile;
use crate::error::{Error, Result};
use crate::ingest::{ambiguous_aliases, AmbiguousAlias};
use crate::site::{content_files, validate_front_matter};

mod problem;
pub use problem::Problem;

/// What `check` finds in `root/content/`: problems (the site is wrong) and
/// warnings (`briefing.yaml` could be better).
#[derive(Debug, Default)]
pub struct ContentCheck {
    pub problems: Vec<Problem>,
    pub warnings: Vec<String>,
}

/// Every front matter problem in `root/content/`, one message each, and
/// every seed that more than one content file comes from; and, as
/// warnings, each dialogue alias that documents of two or more pairs of
/// parties use.
pub fn check_content(root: &Path, config: &Config) -> Result<ContentCheck> {
    let mut problems = Vec::new();
    let mut by_seed: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut documents = Vec::new();
    for file in content_files(root)? {
        let parsed = match ContentFile::parse(&file.path, &file.text) {
            Ok(parsed) => parsed,
            Err(e) => {
                problems.extend(Problem::of_error(&e));
                continue;
            }
        };
        problems.extend(
            validate_front_matter(&file.path, &file.text, &parsed.front_matter, config)
                .iter()
                .flat_map(Problem::of_error),
        );
        let shown = file
            .path
            .strip_prefix(root)
            .unwrap_or(&file.path)
            .display()
            .to_string();
        if let Some(source) = &parsed.front_matter.source {
            by_seed
                .entry(source.file.clone())
                .or_default()
                .push(shown.clone());
        }
        let text = format!("{}\n{}", parsed.front_matter.title, parsed.body);
        documents.push((shown, text));
    }
    problems.extend(by_seed.into_iter().filter(|(_, files)| files.len() > 1).map(
        |(seed, files)| {
            Problem::general(format!(
                "{} all come from {seed}, so the site shows one document {} times: delete the ones you do not want",
                files.join(", "),
                files.len()
            ))
        },
    ));
    let warnings = ambiguous_aliases(config, &documents)
        .into_iter()
        .map(|a| alias_warning(&a))
        .collect();
    Ok(ContentCheck { problems, warnings })
}

fn alias_warning(a: &AmbiguousAlias) -> String {
    let pairs: Vec<String> = a
        .pairs
        .iter()
        .map(|(pair, docs)| format!("{pair} ({})", first_few(docs)))
        .collect();
    let instead = match a.parties.is_empty() {
        true => "names that say their parties".to_string(),
        false => format!(
            "names that say their parties (\"{} {}\")",
            a.parties, a.alias
        ),
    };
    format!(
        "briefing.yaml: the alias {:?} of dialogue {} is used by documents of {}: \
         ingest files each by the parties it names most; replace the alias by {instead}",
        a.alias,
        a.dialogue,
        pairs.join(" and "),
    )
}

/// The first three of `names`, and how many more.
fn first_few(names: &[String]) -> String {
    match names.len() {
        0..=3 => names.join(", "),
        n => format!("{} and {} more", names[..3].join(", "), n - 3),
    }
}

#[derive(Debug, Default)]
pub struct SiteCheck {
    pub pages: usize,
    pub links: usize,
    pub problems: Vec<Problem>,
}

/// Checks every internal link and anchor of the HTML pages under `site`.
pub fn check_site(site: &Path) -> Result<SiteCheck> {
    if !site.is_dir() {
        return Err(Error::input(
            site,
            "no built site here: run `briefing build` first",
        ));
    }
    let mut pages: BTreeMap<PathBuf, Scan> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(site).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::io(site, e.into()))?;
        let path = entry.path();
        if entry.file_type().is_file() && path.extension().is_some_and(|x| x == "html") {
            let relative = path.strip_prefix(site).unwrap_or(path).to_path_buf();
            // A saved web page published as a source is the web's, links
            // and all: the site links to it, and checks none of its links.
            if relative.starts_with(crate::render::SOURCES_DIR) {
                pages.insert(relative, Scan::default());
                continue;
            }
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
            pages.insert(relative, scan(&text));
        }
    }
    let mut report = SiteCheck {
        pages: pages.len(),
        ..SiteCheck::default()
    };
    for (page, scan) in &pages {
        let shown = page.display();
        for id in &scan.duplicate_ids {
            report
                .problems
                .push(Problem::in_file(&shown, format!("id {id:?} is used twice")));
        }
        for link in &scan.links {
            if is_external(link) {
                continue;
            }
            report.links += 1;
            if let Some(problem) = check_link(site, page, link, &pages) {
                report
                    .problems
                    .push(Problem::in_file(&shown, format!("link {link:?} {problem}")));
            }
        }
    }
    if pages.is_empty() {
        report
            .problems
            .push(Problem::in_file(site.display(), "no HTML pages"));
    }
    Ok(report)
}

fn is_external(link: &str) -> bool {
    let before_path = link.split(['/', '?', '#']).next().unwrap_or("");
    before_path.contains(':') || link.starts_with("//")
}

/// What is wrong with `link` on `page`, if anything.
fn check_link(
    site: &Path,
    page: &Path,
    link: &str,
    pages: &BTreeMap<PathBuf, Scan>,
) -> Option<String> {
    if link.starts_with('/') {
        return Some("is root-relative: it breaks under file:// and sub-paths".into());
    }
    let (path, fragment) = match link.split_once('#') {
        Some((p, f)) => (p, Some(percent_decode(f))),
        None => (link, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let target = if path.is_empty() {
        page.to_path_buf()
    } else {
        let joined = page
            .parent()
            .unwrap_or(Path::new(""))
            .join(percent_decode(path));
        match normalise(&joined) {
            Some(t) => t,
            None => return Some("leaves the site".into()),
        }
    };
    if !site.join(&target).is_file() {
        return Some("leads to no file".into());
    }
    let fragment = fragment.filter(|f| !f.is_empty())?;
    let scan = pages.get(&target)?;
    (!scan.ids.contains(&fragment)).then(|| format!("names no id {fragment:?} in its target"))
}

/// Resolves `.` and `..`; `None` when the path climbs above the site root.
fn normalise(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::Normal(c) => out.push(c),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The links and ids of one page.
#[derive(Debug, Default)]
struct Scan {
    links: Vec<String>,
    ids: BTreeSet<String>,
    duplicate_ids: Vec<String>,
}

/// A small tag scanner: enough HTML to find attributes, skipping comments
/// and the text of `<script>` and `<style>`.
fn scan(html: &str) -> Scan {
    let mut scan = Scan::default();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let end = tag_end(rest);
        let tag = &rest[1..end];
        rest = &rest[(end + 1).min(rest.len())..];
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        let attrs = attributes(&tag[name.len()..]);
        record(&mut scan, &name, &attrs);
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            rest = rest.find(&close).map_or("", |i| &rest[i..]);
        }
    }
    scan
}

fn record(scan: &mut Scan, tag: &str, attrs: &[(String, String)]) {
    let get = |key: &str| {
        attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let mut ids: Vec<&str> = get("id").into_iter().collect();
    if tag == "a" {
        ids.extend(get("name"));
    }
    for id in ids {
        if !scan.ids.insert(id.to_string()) {
            scan.duplicate_ids.push(id.to_string());
        }
    }
    let exempt = tag == "link" && matches!(get("rel"), Some("canonical" | "alternate"));
    if !exempt {
        scan.links.extend(
            ["href", "src"]
                .iter()
                .filter_map(|k| get(k))
                .map(str::to_string),
        );
    }
}

/// Index of the `>` that closes the tag at the start of `text`, quotes respected.
fn tag_end(text: &str) -> usize {
    let mut quote = None;
    for (i, c) in text.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i,
            _ => {}
        }
    }
    text.len()
}

fn attributes(text: &str) -> Vec<(String, String)> {
    let mut attrs = Vec::new();
    let mut chars = text.trim_end_matches('/').char_indices().peekable();
    let text = text.trim_end_matches('/');
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() || c == '/' {
            continue;
        }
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_whitespace() || c == '=' {
                end = i;
                break;
            }
            chars.next();
        }
        let name = text[start..end].to_ascii_lowercase();
        while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
            chars.next();
        }
        let mut value = String::new();
        if chars.peek().is_some_and(|(_, c)| *c == '=') {
            chars.next();
            while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                chars.next();
            }
            let quote = chars
                .peek()
                .map(|(_, c)| *c)
                .filter(|c| *c == '"' || *c == '\'');
            if quote.is_some() {
                chars.next();
            }
            for (_, c) in chars.by_ref() {
                if Some(c) == quote || (quote.is_none() && c.is_whitespace()) {
                    break;
                }
                value.push(c);
            }
        }
        attrs.push((name, unescape(&value)));
    }
    attrs
}

/// Decodes the character references Tera and pulldown-cmark write
/// (`&amp;`, `&quot;`, `&#39;`, `&#x2F;` …).
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let c = match &rest[1..end] {
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                e => e
                    .strip_prefix("#x")
                    .or_else(|| e.strip_prefix("#X"))
                    .map(|h| u32::from_str_radix(h, 16))
                    .or_else(|| e.strip_prefix('#').map(str::parse::<u32>))
                    .and_then(|n| n.ok())
                    .and_then(char::from_u32),
            }?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_links_and_ids() {
        let html = r#"<!-- <a href="no.html"> --><a href='a.html#x' id=top>t</a>
            <link rel="canonical" href="https://x/"><img src="i.png" alt="">
            <script>if (a<b) { x = "<a href='s.html'>" }</script><p id="top">"#;
        let s = scan(html);
        assert_eq!(s.links, ["a.html#x", "i.png"]);
        assert!(s.ids.contains("top"));
        assert_eq!(s.duplicate_ids, ["top"]);
    }

    #[test]
    fn decodes_character_references() {
        assert_eq!(
            unescape("a&#x2F;b&#47;c&amp;d&quot;&bogus"),
            "a/b/c&d\"&bogus"
        );
    }

    #[test]
    fn finds_every_kind_of_broken_link() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path();
        std::fs::create_dir_all(site.join("themes")).unwrap();
        std::fs::write(
            site.join("index.html"),
            r##"<a href="themes/ai.html#intro">ok</a>
            <a href="themes/ai.html#nope">no id</a><a href="/themes/ai.html">root</a>
            <a href="themes/">folder</a><a href="../x.html">out</a><a href="gone.html">gone</a>
            <a href="https://example.org/">ext</a><a href="#top">self</a><p id="top">"##,
        )
        .unwrap();
        std::fs::write(site.join("themes/ai.html"), r#"<h2 id="intro">x</h2>"#).unwrap();
        let report = check_site(site).unwrap();
        assert_eq!(report.pages, 2);
        assert_eq!(report.links, 7);
        let problems: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
        let problems = problems.join("\n");
        assert_eq!(report.problems.len(), 5, "{problems}");
        for needle in [
            "no id \"nope\"",
            "root-relative",
            "\"themes/\" leads to no file",
            "leaves the site",
            "\"gone.html\" leads to no file",
        ] {
            assert!(problems.contains(needle), "{needle}: {problems}");
        }
    }
}
