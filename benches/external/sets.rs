//! The external sets and their gold: Mozilla Readability's test pages,
//! htmldate's date gold standard and trafilatura's main-text snippets,
//! each page a `Case`.

use std::io::Read as _;
use std::path::Path;

use briefing::content::PartialDate;
use serde_json::Value;

use super::Case;

/// A set: its folder, a one-line description, its pages and the figures
/// published for it.
pub struct Set {
    pub name: &'static str,
    pub about: &'static str,
    pub cases: Vec<Case>,
    pub left_out: String,
    pub published: &'static str,
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

pub fn readability(dir: &Path) -> Set {
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

pub fn htmldate(dir: &Path) -> Set {
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

pub fn trafilatura(dir: &Path) -> Set {
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

/// A gzipped page's bytes.
pub fn read_gz(path: &Path) -> Vec<u8> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    bytes
}
