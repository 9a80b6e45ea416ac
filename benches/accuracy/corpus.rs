//! A labelled page of the corpus and what ingest made of it.

use serde::Deserialize;

/// One page's labels (see `eval/README.md` for what each field means).
#[derive(Debug, Deserialize)]
pub struct Label {
    pub title: String,
    #[serde(default)]
    pub title_alternatives: Vec<String>,
    #[serde(default = "yes")]
    pub title_on_page: bool,
    pub date: Option<yaml_serde::Value>,
    pub date_text: Option<String>,
    pub year: Option<i32>,
    pub dialogue: Option<String>,
    pub series: Option<String>,
    #[serde(default)]
    pub series_mentions: Vec<String>,
    #[serde(default)]
    pub issuers: Vec<String>,
    #[serde(default)]
    pub participants: Vec<String>,
    pub kind: String,
    #[serde(default)]
    pub themes: Vec<LabelTheme>,
    pub body_first: Option<String>,
    pub body_last: Option<String>,
    #[serde(default)]
    pub chrome: Vec<String>,
    #[serde(default)]
    pub split: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct LabelTheme {
    pub slug: String,
}

pub fn yes() -> bool {
    true
}

/// A page of the corpus: its id, capture and labels.
pub struct Page {
    pub id: String,
    pub text: String,
    pub label: Label,
}

/// What ingest made of a page.
pub struct Made {
    pub title: String,
    pub date: Option<String>,
    pub stated: bool,
    pub dialogues: Vec<String>,
    pub organisations: Vec<String>,
    pub kind: String,
    pub themes: Vec<String>,
    pub body: String,
    pub recommendations: Vec<String>,
    /// Names and aliases of the series ingest proposed a dialogue for
    /// from this page.
    pub new_series: Vec<String>,
}
