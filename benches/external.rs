//! Ingest on public evaluation sets written by other projects:
//! `cargo bench --bench external`.
//!
//! This bench owns the scoring of ingest against the external sets in
//! `shared/eval/` (`readability/`, `htmldate/`, `trafilatura/`; their
//! `README.md` says where each comes from and how upstream scores it).
//! Each saved HTML page is rendered to plain text the way a text capture
//! of it looks (all visible text, menus and footers included, no `<title>`),
//! ingested as a seed with the bundled `briefing.yaml`, and its title, date
//! and body are scored against the set's gold. The published figures of
//! the reference tools are printed beside ours.
//!
//! - `BRIEFING_EVAL_DIR`: the folder of the sets (default `../shared/eval`
//!   from the crate root; when it is missing the bench says so and stops).
//! - `BRIEFING_EXTERNAL_LIST=1`: list every miss (set, file, gold, ours).
//! - `BRIEFING_EXTERNAL_LIMIT=N`: only the first N pages of each set.
//! - `BRIEFING_EXTERNAL_DUMP=<folder>`: write each capture and the content
//!   file ingest made of it there (`<set>/<stem>.txt`, `<set>/<stem>.md`).
//! - `BRIEFING_EXTERNAL_PATH=text|html`: only the text-capture path, or
//!   only the saved-page path (each page ingested as `seeds/<stem>.html`,
//!   markup and all); both by default.
//! - `BRIEFING_EXTERNAL_HOLDOUT=1`: also score the held-out pages (every
//!   third page of a set in sorted order), which are left out otherwise so
//!   that nobody tunes ingest on them; their misses are never listed.

use std::fmt::Write as _;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use briefing::content::{ContentFile, DateSource, PartialDate};
use briefing::Config;
use scraper::node::Element;
use scraper::{Html, Node};
use serde_json::Value;

/// One page of a set with its gold (a field is `None` where the set has
/// no gold for it).
struct Case {
    /// The file as the set names it (`bbc-1`, `eval/caritas.de-….html.gz`).
    file: String,
    path: PathBuf,
    /// The seed's file stem ingest is given.
    stem: String,
    title: Option<String>,
    date: Option<String>,
    with: Vec<String>,
    without: Vec<String>,
}

/// What ingest made of a page.
struct Made {
    title: String,
    date: Option<PartialDate>,
    stated: bool,
    body: String,
}

/// Titles against the gold: exact, contained, or neither.
#[derive(Default)]
struct Titles {
    scored: usize,
    exact: usize,
    contained: usize,
    /// Pages whose capture has the gold title as a line of its own.
    on_page: usize,
    on_page_exact: usize,
}

/// Dates against the gold day.
#[derive(Default)]
struct Dates {
    scored: usize,
    /// Pages whose HTML writes the gold day in a common form.
    on_page: usize,
    on_page_exact: usize,
    exact: usize,
    exact_stated: usize,
    same_year: usize,
    wrong_year: usize,
    none: usize,
}

/// Snippets found in a text: `with` ones are main text (TP when found,
/// FN when not), `without` ones boilerplate (FP when found, TN when not).
#[derive(Default)]
struct Snippets {
    tp: usize,
    fn_: usize,
    fp: usize,
    tn: usize,
}

/// Every figure of one set.
#[derive(Default)]
struct Scores {
    pages: usize,
    rejected: usize,
    titles: Titles,
    date_titles: usize,
    stem_titles: usize,
    dates: Dates,
    body: Snippets,
    capture: Snippets,
    render_time: Duration,
    ingest_time: Duration,
    misses: Vec<String>,
}

/// What ingest is given of a page.
#[derive(Debug, Clone, Copy)]
enum Input {
    /// The page rendered to a plain-text capture, as `seeds/<stem>.txt`.
    Capture,
    /// The saved page itself, as `seeds/<stem>.html`.
    Page,
}

impl Input {
    fn name(self) -> &'static str {
        match self {
            Input::Capture => "text capture",
            Input::Page => "saved page",
        }
    }
}

/// A set: its folder, a one-line description, its pages and the figures
/// published for it.
struct Set {
    name: &'static str,
    about: &'static str,
    cases: Vec<Case>,
    left_out: String,
    published: &'static str,
}

const READABILITY_PUBLISHED: &str =
    "  published figures: none (a pass/fail regression suite; its gold title and
  publishedTime come from the page's <title>, meta tags and JSON-LD, which a
  capture does not show)\n";

const HTMLDATE_PUBLISHED: &str =
    "  published (htmldate docs/evaluation.rst: 1,000 pages, of which these are 450)
                                        precision  recall  accuracy    F1
    htmldate[all] 1.10.0 (extensive)        0.908   0.993     0.903  0.949
    htmldate[all] 1.10.0 (fast)             0.924   0.927     0.861  0.925
    newspaper4k 0.9.5                       0.912   0.728     0.680  0.810
    news-please 1.6.16                      0.845   0.777     0.680  0.810
    goose3 3.1.21                           0.930   0.568     0.545  0.706
    date_guesser 2.1.4                      0.832   0.611     0.544  0.705
  (these tools read the HTML and URL: meta tags, <time> markup; a capture has none)\n";

const TRAFILATURA_PUBLISHED: &str =
    "  published main-text figures (trafilatura docs/evaluation.rst: 990 documents,
  of which these are the first 300)
                                        precision  recall  accuracy    F1
    trafilatura 2.2.0 (standard)            0.906   0.943     0.923  0.924
    readability-lxml 0.8.4.1                0.898   0.764     0.839  0.826
    inscriptis 2.7.4 (html to txt)          0.534   0.991     0.564  0.694
    html_text 0.7.1 (keep everything)       0.531   0.988     0.559  0.691
    beautifulsoup4 4.15.0                   0.532   0.980     0.561  0.690
    raw HTML                                0.528   0.906     0.549  0.667
  (no published title or date figures)\n";

fn main() {
    let Some(dir) = eval_dir() else { return };
    let config = Config::parse(briefing::config::DEFAULT_CONFIG, Path::new("briefing.yaml"))
        .expect("the bundled briefing.yaml");
    let limit = std::env::var("BRIEFING_EXTERNAL_LIMIT")
        .ok()
        .and_then(|n| n.parse::<usize>().ok());
    let list = std::env::var_os("BRIEFING_EXTERNAL_LIST").is_some();
    println!(
        "ingest on the external evaluation sets in {}",
        dir.display()
    );
    println!("(each HTML page rendered to a plain-text capture: all visible text,");
    println!(" menus and footers included, no <title>; bundled briefing.yaml)\n");
    let mut all_misses = Vec::new();
    let holdout = std::env::var_os("BRIEFING_EXTERNAL_HOLDOUT").is_some();
    let paths: Vec<Input> = match std::env::var("BRIEFING_EXTERNAL_PATH").as_deref() {
        Ok("text") => vec![Input::Capture],
        Ok("html") => vec![Input::Page],
        _ => vec![Input::Capture, Input::Page],
    };
    for mut set in [readability(&dir), htmldate(&dir), trafilatura(&dir)] {
        let (mut tune, mut held) = (std::mem::take(&mut set.cases), Vec::new());
        if !holdout || limit.is_some() {
            tune = tune
                .into_iter()
                .enumerate()
                .filter(|(i, _)| i % 3 != 2)
                .map(|(_, c)| c)
                .collect();
        } else {
            let (t, h): (Vec<_>, Vec<_>) =
                tune.into_iter().enumerate().partition(|(i, _)| i % 3 != 2);
            tune = t.into_iter().map(|(_, c)| c).collect();
            held = h.into_iter().map(|(_, c)| c).collect();
        }
        if let Some(n) = limit {
            tune.truncate(n);
        }
        for &input in &paths {
            for (split, cases) in [("tuning pages", &tune), ("held-out pages", &held)] {
                if cases.is_empty() {
                    continue;
                }
                let scores = run_set(&config, set.name, cases, input);
                let about = format!("{} [{}; {split}]", set.about, input.name());
                print!("{}", report(&set, &about, &scores));
                if split == "tuning pages" {
                    let tag = format!("{}/{}", set.name, input.name());
                    all_misses.extend(scores.misses.iter().map(|m| format!("{tag}/ {m}")));
                }
            }
        }
    }
    if list {
        println!("== misses (set, file, field: gold, ours)");
        for miss in &all_misses {
            println!("  {miss}");
        }
    } else {
        println!("BRIEFING_EXTERNAL_LIST=1 lists every miss.");
    }
}

/// The folder of the sets, or `None` (after saying where to put them)
/// when it is missing.
fn eval_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("BRIEFING_EVAL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval"));
    if dir.join("trafilatura/gold.json").is_file() {
        return Some(dir);
    }
    println!(
        "external evaluation sets not found at {}:\n\
         put the shared eval folder (readability/, htmldate/, trafilatura/ with\n\
         their gold files) there, or set BRIEFING_EVAL_DIR to it. Skipping.",
        dir.display()
    );
    None
}

// ---------------------------------------------------------------- sets

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A non-empty string field of a gold entry.
fn field(entry: &Value, key: &str) -> Option<String> {
    let text = entry.get(key)?.as_str()?.trim();
    (!text.is_empty()).then(|| text.to_string())
}

fn strings(entry: &Value, key: &str) -> Vec<String> {
    let items = entry.get(key).and_then(Value::as_array);
    items
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// `2015-07-24` from an ISO 8601 date or time.
fn day_of(text: &str) -> Option<String> {
    let day = text.get(..10)?;
    PartialDate::parse(day)?.day?;
    Some(day.to_string())
}

/// A file name without `.gz` and `.html`/`.htm`.
fn page_stem(name: &str) -> String {
    let name = name.rsplit('/').next().unwrap_or(name);
    let name = name.strip_suffix(".gz").unwrap_or(name);
    let name = name.strip_suffix(".html").unwrap_or(name);
    name.strip_suffix(".htm").unwrap_or(name).to_string()
}

fn readability(dir: &Path) -> Set {
    let root = dir.join("readability");
    let mut names: Vec<String> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(|e| Some(e.ok()?.file_name().to_string_lossy().into_owned()))
        .filter(|name| root.join(name).join("source.html.gz").is_file())
        .collect();
    names.sort();
    let cases = names
        .into_iter()
        .map(|name| {
            let meta = read_json(&root.join(&name).join("expected-metadata.json"));
            Case {
                path: root.join(&name).join("source.html.gz"),
                stem: name.clone(),
                title: field(&meta, "title"),
                date: field(&meta, "publishedTime").and_then(|t| day_of(&t)),
                with: Vec::new(),
                without: Vec::new(),
                file: name,
            }
        })
        .collect();
    Set {
        name: "readability",
        about: "Mozilla Readability test pages; gold title and publishedTime",
        cases,
        left_out: String::new(),
        published: READABILITY_PUBLISHED,
    }
}

fn htmldate(dir: &Path) -> Set {
    let root = dir.join("htmldate");
    let gold = read_json(&root.join("gold.json"));
    let entries = gold.as_object().expect("htmldate/gold.json is an object");
    let mut cases = Vec::new();
    let mut undated = 0;
    for (file, entry) in entries {
        let Some(date) = field(entry, "date") else {
            undated += 1;
            continue;
        };
        cases.push(Case {
            path: root.join(file),
            stem: page_stem(file),
            title: None,
            date: Some(date),
            with: Vec::new(),
            without: Vec::new(),
            file: file.clone(),
        });
    }
    cases.sort_by(|a, b| a.file.cmp(&b.file));
    Set {
        name: "htmldate",
        about: "htmldate's publication-date gold standard; gold day",
        cases,
        left_out: format!("{undated} pages without a gold day (NaN upstream) left out"),
        published: HTMLDATE_PUBLISHED,
    }
}

fn trafilatura(dir: &Path) -> Set {
    let root = dir.join("trafilatura");
    let gold = read_json(&root.join("gold.json"));
    let entries = gold
        .as_object()
        .expect("trafilatura/gold.json is an object");
    let mut cases: Vec<Case> = entries
        .values()
        .filter_map(|entry| {
            let file = field(entry, "local_file")?;
            Some(Case {
                path: root.join(&file),
                stem: page_stem(&file),
                title: field(entry, "title"),
                date: field(entry, "date").and_then(|d| day_of(&d)),
                with: strings(entry, "with"),
                without: strings(entry, "without"),
                file,
            })
        })
        .collect();
    cases.sort_by(|a, b| a.file.cmp(&b.file));
    Set {
        name: "trafilatura",
        about: "trafilatura's main-text snippets plus gold title and date",
        cases,
        left_out: String::new(),
        published: TRAFILATURA_PUBLISHED,
    }
}

// ------------------------------------------------------ HTML to capture

fn read_gz(path: &Path) -> Vec<u8> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    bytes
}

/// The page's bytes as text: UTF-8, else the charset its markup declares,
/// else the encoding `chardetng` guesses.
fn decode_html(bytes: &[u8]) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.trim_start_matches('\u{feff}').to_string();
    }
    let encoding = declared_charset(bytes).unwrap_or_else(|| {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(None, chardetng::Utf8Detection::Allow)
    });
    encoding.decode(bytes).0.into_owned()
}

/// The encoding named by `charset=` in the first 4 KB of the markup.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}

/// Elements that start a paragraph of their own (a blank line around).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// Elements that start a line of their own (no blank line).
const LINES: &[&str] = &["br", "dd", "dt", "li", "tr"];

/// Inline elements a page lays out as separate items (menu links,
/// buttons): a space where words meet at their edges, so that
/// `<a>Home</a><a>News</a>` reads "Home News" as on screen (but
/// `<a>here</a>.` stays "here.").
const SEPARATE: &[&str] = &["a", "button", "img", "label"];

/// Elements whose content a reader never sees as text.
const UNSEEN: &[&str] = &[
    "audio", "canvas", "embed", "head", "iframe", "input", "noscript", "object", "script",
    "select", "style", "svg", "template", "textarea", "title", "video",
];

fn unseen(element: &Element) -> bool {
    if UNSEEN.contains(&element.name()) || element.attr("hidden").is_some() {
        return true;
    }
    let style = element.attr("style").unwrap_or_default();
    let style: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// The plain text a capture of the page gives.
fn render(html: &Html) -> String {
    let mut capture = Capture::default();
    let mut stack = vec![(html.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        match node.value() {
            Node::Element(e) if closing => capture.close(e),
            Node::Element(e) if unseen(e) => {}
            Node::Element(e) => {
                capture.open(e);
                stack.push((node, true));
                stack.extend(node.children().rev().map(|c| (c, false)));
            }
            Node::Text(text) => capture.text(text),
            Node::Document | Node::Fragment => {
                stack.extend(node.children().rev().map(|c| (c, false)));
            }
            _ => {}
        }
    }
    capture.finish()
}

/// The capture being written: finished lines, the line being filled, and
/// the lists and preformatted blocks it is in.
#[derive(Default)]
struct Capture {
    lines: Vec<String>,
    line: String,
    space: bool,
    /// The marker of the list item whose first line is pending.
    marker: Option<String>,
    /// Open lists: `None` for bullets, `Some(n)` for the nth numbered item.
    lists: Vec<Option<usize>>,
    pre: usize,
    cells: usize,
    /// At the edge of a separate item: a space if words meet there.
    edge: bool,
}

impl Capture {
    fn open(&mut self, element: &Element) {
        let name = element.name();
        match name {
            "ul" | "menu" => self.lists.push(None),
            "ol" => self.lists.push(Some(0)),
            "pre" => self.pre += 1,
            "td" | "th" => return self.cell(),
            _ => {}
        }
        if BLOCKS.contains(&name) {
            self.block_break();
        } else if LINES.contains(&name) {
            self.line_break();
        } else if SEPARATE.contains(&name) {
            self.edge = true;
        }
        if name == "li" {
            self.marker = Some(self.item_marker());
        }
    }

    fn close(&mut self, element: &Element) {
        let name = element.name();
        match name {
            "ul" | "menu" | "ol" => {
                self.lists.pop();
            }
            "pre" => self.pre = self.pre.saturating_sub(1),
            _ => {}
        }
        if BLOCKS.contains(&name) {
            self.block_break();
        } else if LINES.contains(&name) && name != "br" {
            self.line_break();
            self.marker = None;
        } else if SEPARATE.contains(&name) {
            self.edge = true;
        }
    }

    /// `  • ` or `  3. `, indented by the depth of the list.
    fn item_marker(&mut self) -> String {
        let indent = "  ".repeat(self.lists.len().max(1));
        match self.lists.last_mut() {
            Some(Some(n)) => {
                *n += 1;
                format!("{indent}{n}. ")
            }
            _ => format!("{indent}• "),
        }
    }

    /// A table cell: a tab after the row's previous cell, as a browser
    /// copies a table.
    fn cell(&mut self) {
        if self.cells > 0 && !self.line.is_empty() {
            self.line.push('\t');
            self.space = false;
        }
        self.cells += 1;
    }

    fn text(&mut self, text: &str) {
        if self.pre == 0 {
            return self.words(text);
        }
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                self.line_break();
            }
            self.words(part);
        }
    }

    /// Text with its runs of whitespace collapsed to one space.
    fn words(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            let after_word = self.line.ends_with(char::is_alphanumeric);
            let apart = self.space || (self.edge && after_word && c.is_alphanumeric());
            if apart && !self.line.is_empty() && !self.line.ends_with('\t') {
                self.line.push(' ');
            }
            self.space = false;
            self.edge = false;
            self.line.push(c);
        }
    }

    /// Ends the line being filled; an empty one is dropped.
    fn line_break(&mut self) {
        self.cells = 0;
        self.space = false;
        self.edge = false;
        let line = self.line.trim();
        if line.is_empty() {
            self.line.clear();
            return;
        }
        let marker = self.marker.take().unwrap_or_default();
        self.lines.push(format!("{marker}{line}"));
        self.line.clear();
    }

    /// Ends the paragraph: a blank line before whatever comes next.
    fn block_break(&mut self) {
        self.line_break();
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    fn finish(mut self) -> String {
        self.block_break();
        while self.lines.last().is_some_and(String::is_empty) {
            self.lines.pop();
        }
        let mut text = self.lines.join("\n");
        text.push('\n');
        text
    }
}

// ------------------------------------------------------------- ingest

/// Every page of a set rendered, ingested and scored.
fn run_set(config: &Config, name: &str, cases: &[Case], input: Input) -> Scores {
    let dump = std::env::var_os("BRIEFING_EXTERNAL_DUMP").map(|d| PathBuf::from(d).join(name));
    if let Some(dir) = &dump {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
    let mut scores = Scores::default();
    for case in cases {
        let started = Instant::now();
        let bytes = read_gz(&case.path);
        let capture = render(&Html::parse_document(&decode_html(&bytes)));
        let rendered = Instant::now();
        let text = match input {
            Input::Capture => {
                let seed = format!("seeds/{}.txt", case.stem);
                briefing::ingest::ingest_bytes(config, &seed, capture.as_bytes())
            }
            Input::Page => {
                let seed = format!("seeds/{}.html", case.stem);
                briefing::ingest::ingest_bytes(config, &seed, &bytes)
            }
        }
        .map_err(|e| e.to_string());
        scores.ingest_time += rendered.elapsed();
        scores.render_time += rendered - started;
        if let Some(dir) = &dump {
            write_dump(dir, &case.stem, &capture, &text);
        }
        let on_page = case
            .date
            .as_deref()
            .is_some_and(|d| date_on_page(&decode_html(&bytes), d));
        score(
            &mut scores,
            case,
            &capture,
            on_page,
            text.and_then(|t| made(&t)),
        );
    }
    scores
}

fn write_dump(dir: &Path, stem: &str, capture: &str, text: &Result<String, String>) {
    let made = text.as_ref().unwrap_or_else(|e| e);
    let written = std::fs::write(dir.join(format!("{stem}.txt")), capture)
        .and_then(|()| std::fs::write(dir.join(format!("{stem}.md")), made));
    written.unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
}

/// The content file ingest wrote, read back.
fn made(text: &str) -> Result<Made, String> {
    let file = ContentFile::parse(Path::new("content/page.md"), text).map_err(|e| e.to_string())?;
    let fm = file.front_matter;
    Ok(Made {
        title: fm.title,
        date: fm.date,
        stated: fm.date_source == DateSource::Stated,
        body: file.body,
    })
}

// ------------------------------------------------------------- scoring

/// Whether the page's HTML (markup and address included) writes `gold`
/// (`YYYY-MM-DD`) in one of the usual forms.
fn date_on_page(html: &str, gold: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<u32> = gold.split('-').filter_map(|p| p.parse().ok()).collect();
    let [y, m, d] = parts[..] else { return false };
    let month = MONTHS[(m as usize).saturating_sub(1).min(11)];
    let short = &month[..3];
    let forms = [
        format!("{y}-{m:02}-{d:02}"),
        format!("{d:02}.{m:02}.{y}"),
        format!("{d}.{m}.{y}"),
        format!("{y}/{m:02}/{d:02}"),
        format!("{d:02}/{m:02}/{y}"),
        format!("{m:02}/{d:02}/{y}"),
        format!("{month} {d}, {y}"),
        format!("{d} {month} {y}"),
        format!("{short} {d}, {y}"),
        format!("{d} {short} {y}"),
        format!("{y}年{m}月{d}日"),
    ];
    forms.iter().any(|f| html.contains(f.as_str()))
}

fn score(
    scores: &mut Scores,
    case: &Case,
    capture: &str,
    date_on_page: bool,
    made: Result<Made, String>,
) {
    scores.pages += 1;
    let page_text = plain(capture);
    count_snippets(&mut scores.capture, case, &page_text);
    if case.date.is_some() {
        scores.dates.on_page += usize::from(date_on_page);
    }
    let made = match made {
        Ok(made) => made,
        Err(error) => return reject(scores, case, &error),
    };
    if let Some(gold) = &case.title {
        score_title(scores, case, gold, &made.title, capture);
    }
    if looks_like_date(&made.title) {
        scores.date_titles += 1;
        scores
            .misses
            .push(format!("{}  title is a date: {:?}", case.file, made.title));
    }
    if made.title.trim() == case.stem {
        scores.stem_titles += 1;
        scores
            .misses
            .push(format!("{}  title is the file name", case.file));
    }
    if let Some(gold) = &case.date {
        let before = scores.dates.exact;
        score_date(scores, case, gold, &made);
        scores.dates.on_page_exact += usize::from(date_on_page && scores.dates.exact > before);
    }
    let body = plain(&markdown_text(&made.body));
    count_snippets(&mut scores.body, case, &body);
    list_snippets(scores, case, &body, &page_text);
}

/// A page ingest refused: no title, no date, no text.
fn reject(scores: &mut Scores, case: &Case, error: &str) {
    scores.rejected += 1;
    scores.titles.scored += usize::from(case.title.is_some());
    if case.date.is_some() {
        scores.dates.scored += 1;
        scores.dates.none += 1;
    }
    scores.body.fn_ += case.with.len();
    scores.body.tn += case.without.len();
    let error = error.lines().next().unwrap_or_default();
    scores
        .misses
        .push(format!("{}  rejected: {error}", case.file));
}

fn score_title(scores: &mut Scores, case: &Case, gold: &str, ours: &str, capture: &str) {
    let (g, o) = (norm_title(gold), norm_title(ours));
    let titles = &mut scores.titles;
    titles.scored += 1;
    let on_page = has_line(capture, &g);
    titles.on_page += usize::from(on_page);
    if g == o {
        titles.exact += 1;
        titles.on_page_exact += usize::from(on_page);
        return;
    }
    let contained =
        !o.is_empty() && (o.contains(&g) || (g.contains(&o) && 10 * len(&o) >= 6 * len(&g)));
    let how = if contained {
        titles.contained += 1;
        "title contained"
    } else {
        "title"
    };
    scores
        .misses
        .push(format!("{}  {how}: {gold:?}, ours {ours:?}", case.file));
}

/// Whether a line of the capture, list marker aside, is `title`
/// (normalised).
fn has_line(capture: &str, title: &str) -> bool {
    capture.lines().any(|line| {
        let line = line.trim_start();
        let line = line.strip_prefix("• ").unwrap_or(line);
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let line = match digits {
            0 => line,
            n => line[n..].strip_prefix(". ").unwrap_or(line),
        };
        norm_title(line) == title
    })
}

fn len(text: &str) -> usize {
    text.chars().count()
}

fn score_date(scores: &mut Scores, case: &Case, gold: &str, made: &Made) {
    let dates = &mut scores.dates;
    dates.scored += 1;
    let ours = made.date.map(|d| d.to_string());
    let how = match &ours {
        None => {
            dates.none += 1;
            "date none found"
        }
        Some(ours) if ours == gold => {
            dates.exact += 1;
            dates.exact_stated += usize::from(made.stated);
            return;
        }
        Some(ours) if ours.get(..4) == gold.get(..4) => {
            dates.same_year += 1;
            "date same year"
        }
        Some(_) => {
            dates.wrong_year += 1;
            "date wrong year"
        }
    };
    let source = if made.stated { "stated" } else { "inferred" };
    let ours = ours.map_or("-".to_string(), |d| format!("{d} ({source})"));
    scores
        .misses
        .push(format!("{}  {how}: {gold}, ours {ours}", case.file));
}

fn count_snippets(tally: &mut Snippets, case: &Case, text: &str) {
    for snippet in &case.with {
        match text.contains(&plain(snippet)) {
            true => tally.tp += 1,
            false => tally.fn_ += 1,
        }
    }
    for snippet in &case.without {
        match text.contains(&plain(snippet)) {
            true => tally.fp += 1,
            false => tally.tn += 1,
        }
    }
}

/// Main-text snippets the capture has but the body lost, and boilerplate
/// snippets the body kept.
fn list_snippets(scores: &mut Scores, case: &Case, body: &str, page: &str) {
    for snippet in &case.with {
        let s = plain(snippet);
        if page.contains(&s) && !body.contains(&s) {
            scores
                .misses
                .push(format!("{}  text lost: {snippet:?}", case.file));
        }
    }
    for snippet in &case.without {
        if body.contains(&plain(snippet)) {
            scores
                .misses
                .push(format!("{}  boilerplate kept: {snippet:?}", case.file));
        }
    }
}

/// Whitespace runs as one space, trimmed (upstream's `norm`).
fn plain(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The body's markdown as the text it shows: no heading marks, bullets,
/// `{#id .class}` attributes or backslash escapes.
fn markdown_text(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for line in body.lines() {
        let line = line.trim_start();
        let line = line.trim_start_matches('#');
        let line = line.strip_prefix("- ").unwrap_or(line);
        let line = match line.rfind(" {#") {
            Some(at) if line.ends_with('}') => &line[..at],
            _ => line,
        };
        out.push_str(&unescape(line));
        out.push('\n');
    }
    out
}

fn unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.push(c);
    }
    out
}

/// A title as compared: lower case, one space, one kind of quote and
/// dash, no final punctuation.
fn norm_title(text: &str) -> String {
    let unified: String = text
        .chars()
        .map(|c| match c {
            '–' | '—' | '‐' | '‑' | '−' => '-',
            '“' | '”' | '„' | '«' | '»' => '"',
            '‘' | '’' | '‚' | '`' => '\'',
            c => c,
        })
        .collect();
    plain(&unified.to_lowercase())
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .to_string()
}

/// Words that may stand beside the numbers of a date.
const DATE_WORDS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "mär",
    "apr",
    "may",
    "mai",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "okt",
    "nov",
    "dec",
    "dez",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "am",
    "pm",
    "um",
    "uhr",
    "on",
    "at",
    "posted",
    "published",
    "updated",
];

/// A title that is only a date (numbers, month and weekday names).
fn looks_like_date(title: &str) -> bool {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | '.' | '-' | ':'))
        .filter(|w| !w.is_empty())
        .collect();
    let year = words.iter().any(|w| {
        w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.chars().all(|c| c.is_ascii_digit())
    });
    let other_words = words
        .iter()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()));
    let mut others = other_words.clone();
    year && other_words.count() <= 3 && others.all(|w| DATE_WORDS.iter().any(|d| w.starts_with(d)))
}

// -------------------------------------------------------------- report

fn percent(n: usize, of: usize) -> String {
    match of {
        0 => "-".to_string(),
        _ => format!("{n}/{of} ({:.0} %)", 100.0 * n as f64 / of as f64),
    }
}

/// Precision, recall, accuracy and F1 of a confusion matrix.
fn prf(tp: usize, fp: usize, fn_: usize, tn: usize) -> [f64; 4] {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    [
        ratio(tp, tp + fp),
        ratio(tp, tp + fn_),
        ratio(tp + tn, tp + fp + fn_ + tn),
        ratio(2 * tp, 2 * tp + fp + fn_),
    ]
}

/// The heading of [`prf_row`]'s columns.
const COLUMNS: &str = "                                        precision  recall  accuracy    F1\n";

fn prf_row(name: &str, [p, r, a, f]: [f64; 4]) -> String {
    format!("    {name:<36} {p:>8.3} {r:>7.3} {a:>9.3} {f:>6.3}\n")
}

fn report(set: &Set, about: &str, s: &Scores) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "== {}/: {about}", set.name);
    let _ = writeln!(
        out,
        "  {} pages, {} rejected by ingest; {:.1} s (rendering {:.1} s, ingest {:.1} s, {:.2} ms a page)",
        s.pages,
        s.rejected,
        (s.render_time + s.ingest_time).as_secs_f64(),
        s.render_time.as_secs_f64(),
        s.ingest_time.as_secs_f64(),
        s.ingest_time.as_secs_f64() * 1000.0 / s.pages.max(1) as f64
    );
    if !set.left_out.is_empty() {
        let _ = writeln!(out, "  {}", set.left_out);
    }
    out.push_str(&title_rows(s));
    out.push_str(&date_rows(&s.dates));
    if s.capture.tp + s.capture.fn_ > 0 {
        out.push_str(&text_rows(s));
    }
    out.push_str(set.published);
    out.push('\n');
    out
}

fn row(out: &mut String, name: &str, value: impl std::fmt::Display) {
    let _ = writeln!(out, "    {name:<36} {value}");
}

fn title_rows(s: &Scores) -> String {
    let mut out = String::new();
    let t = &s.titles;
    if t.scored > 0 {
        let _ = writeln!(out, "  titles ({} pages with a gold title)", t.scored);
        row(&mut out, "exact (normalised)", percent(t.exact, t.scored));
        row(
            &mut out,
            "contained, not exact",
            percent(t.contained, t.scored),
        );
        row(
            &mut out,
            "exact or contained",
            percent(t.exact + t.contained, t.scored),
        );
        let other = t.scored - t.exact - t.contained;
        row(
            &mut out,
            "other (wrong or rejected)",
            percent(other, t.scored),
        );
        let _ = writeln!(
            out,
            "    of the {} pages whose capture has the gold title as a line:",
            t.on_page
        );
        row(&mut out, "  exact", percent(t.on_page_exact, t.on_page));
    } else {
        out.push_str("  titles (no gold titles in this set)\n");
    }
    let ingested = s.pages - s.rejected;
    row(
        &mut out,
        "titles that are a date",
        percent(s.date_titles, ingested),
    );
    row(
        &mut out,
        "titles that are the file name",
        percent(s.stem_titles, ingested),
    );
    out
}

fn date_rows(d: &Dates) -> String {
    let mut out = String::new();
    if d.scored == 0 {
        return out;
    }
    let _ = writeln!(out, "  dates ({} pages with a gold day)", d.scored);
    row(&mut out, "exact day", percent(d.exact, d.scored));
    row(
        &mut out,
        "  where the page writes the gold day",
        percent(d.on_page_exact, d.on_page),
    );
    row(
        &mut out,
        "  of which from a dateline",
        percent(d.exact_stated, d.exact),
    );
    row(
        &mut out,
        "same year, other day or no day",
        percent(d.same_year, d.scored),
    );
    row(&mut out, "wrong year", percent(d.wrong_year, d.scored));
    row(
        &mut out,
        "none found (or rejected)",
        percent(d.none, d.scored),
    );
    out.push_str("    as htmldate scores it (output = gold: TP, other output: FP, none: FN)\n");
    out.push_str(COLUMNS);
    let fp = d.same_year + d.wrong_year;
    out.push_str(&prf_row("ingest (this run)", prf(d.exact, fp, d.none, 0)));
    out
}

fn text_rows(s: &Scores) -> String {
    let mut out = String::new();
    let (b, c) = (&s.body, &s.capture);
    let _ = writeln!(
        out,
        "  main text ({} main-text and {} boilerplate snippets, whitespace-normalised substrings)",
        c.tp + c.fn_,
        c.fp + c.tn
    );
    row(
        &mut out,
        "main-text snippets in the body",
        percent(b.tp, b.tp + b.fn_),
    );
    row(
        &mut out,
        "boilerplate snippets in the body",
        percent(b.fp, b.fp + b.tn),
    );
    row(
        &mut out,
        "main-text snippets in the capture",
        percent(c.tp, c.tp + c.fn_),
    );
    row(
        &mut out,
        "boilerplate snippets in the capture",
        percent(c.fp, c.fp + c.tn),
    );
    out.push_str("    as trafilatura scores it (summed over all pages)\n");
    out.push_str(COLUMNS);
    out.push_str(&prf_row(
        "ingest body (this run)",
        prf(b.tp, b.fp, b.fn_, b.tn),
    ));
    out.push_str(&prf_row(
        "capture itself (keep everything)",
        prf(c.tp, c.fp, c.fn_, c.tn),
    ));
    out
}
