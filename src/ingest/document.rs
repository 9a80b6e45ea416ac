//! One seed through the stages: read → clean → strip chrome → structure →
//! annotate → front matter and markdown body, with overrides applied.

use crate::text::words::word_count;
use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use super::annotate::{annotate, tidy_breadcrumb_title};
use super::chrome::{self, ChromeRules};
use super::clean::clean_lines;
use super::dates;
use super::markdown;
use super::read::{Override, SeedText, SourceMeta};
use super::series_names::SeriesName;
use super::structure::{structure, Document};
use super::term_matcher::TermMatcher;
use crate::config::Config;
use crate::content::{DateSource, FrontMatter, Source, TitleSource};
use crate::error::{Error, Result};

/// What a run shares across documents: the config and the matchers, built
/// once on first use (a run with every seed up to date needs none).
pub struct Context<'a> {
    pub config: &'a Config,
    term_matcher: OnceLock<TermMatcher>,
    chrome: OnceLock<ChromeRules>,
    /// Chrome lines learned from the whole corpus (`learned`).
    learned_chrome: HashSet<String>,
}

impl<'a> Context<'a> {
    pub fn new(config: &'a Config) -> Context<'a> {
        Context::with_learned_chrome(config, HashSet::new())
    }

    pub fn with_learned_chrome(config: &'a Config, learned: HashSet<String>) -> Context<'a> {
        Context {
            config,
            term_matcher: OnceLock::new(),
            chrome: OnceLock::new(),
            learned_chrome: learned,
        }
    }

    fn term_matcher(&self) -> &TermMatcher {
        self.term_matcher
            .get_or_init(|| TermMatcher::new(self.config))
    }

    fn chrome(&self) -> &ChromeRules {
        self.chrome.get_or_init(|| {
            let ingest = &self.config.ingest;
            let learned = self.learned_chrome.clone();
            ChromeRules::new(&ingest.chrome_lines, &ingest.footer_markers, learned)
        })
    }
}

/// A seed turned into a content file's parts (`generated` not yet set).
#[derive(Debug)]
pub struct Ingested {
    pub front_matter: FrontMatter,
    pub body: String,
    pub warnings: Vec<String>,
    /// Series worth a `dialogues:` entry: named in the title, or in a
    /// document filed under no dialogue, and covered by none.
    pub new_series: Vec<SeriesName>,
}

/// The fewest words a line needs to count as document text, not chrome.
const MIN_TEXT_WORDS: usize = 6;

/// A source read into a document's structure, before annotation.
struct Read {
    doc: Document,
    /// Whether the title is a breadcrumb's last item (to be tidied).
    breadcrumb_title: bool,
    /// The body to write as it is (a markdown source's); `None` to write
    /// the blocks.
    body: Option<String>,
}

/// `seed_name` is the seed's path relative to the root (`seeds/x.txt`).
pub fn ingest_text(
    ctx: &Context<'_>,
    seed: &Path,
    seed_name: &str,
    source: &SeedText,
    sha256: String,
    overrides: &Override,
) -> Result<Ingested> {
    let (read, overrides) = match &source.markdown {
        None => (
            read_lines(ctx, seed, &source.text, &source.meta)?,
            overrides.clone(),
        ),
        Some(fields) => read_markdown(&source.text, fields, overrides),
    };
    let Read {
        doc,
        breadcrumb_title,
        body,
    } = read;
    let mut warnings = Vec::new();
    let override_file = super::source::override_path(Path::new(seed_name));
    let override_name = override_file.display();
    let (title, title_source) = match (&overrides.title, &doc.title) {
        (Some(t), _) => (t.clone(), TitleSource::Override),
        (None, Some(t)) if breadcrumb_title => {
            (tidy_breadcrumb_title(t, ctx.config), TitleSource::Stated)
        }
        (None, Some(t)) => (t.clone(), TitleSource::Stated),
        (None, None) => {
            warnings.push(format!(
                "{seed_name}: no title line, so the title is made from its opening; \
                 set `title: …` in {override_name}"
            ));
            let made_up = made_up_title(&doc).unwrap_or_else(|| stem(seed));
            (made_up, TitleSource::MadeUp)
        }
    };
    // Cleaning may leave nothing of a line that looked like a title (a lone
    // "." or a run of punctuation); a content file needs a title.
    let (title, title_source) = match title.trim().is_empty() {
        true => (stem(seed), TitleSource::MadeUp),
        false => (title, title_source),
    };
    let annotations = annotate(&title, &doc, ctx.config, ctx.term_matcher());
    let (date, date_source) = match (overrides.date, doc.dateline.or(source.meta.file_date)) {
        (Some(d), _) => (
            Some(d),
            overrides.date_source.unwrap_or(DateSource::Override),
        ),
        (None, Some(d)) => (Some(d), DateSource::Stated),
        (None, None) => {
            let plain: Vec<&str> = doc.blocks.iter().map(|b| b.text()).collect();
            match doc
                .event_day
                .or_else(|| dates::latest_mentioned(&plain.join("\n")))
                .or_else(|| dates::year_in_title(&title))
            {
                Some(d) => (Some(d), DateSource::Inferred),
                None => {
                    warnings.push(format!(
                        "{seed_name}: no date found; add `date: YYYY-MM-DD` (or YYYY-MM, YYYY) to {override_name}"
                    ));
                    (None, DateSource::Unknown)
                }
            }
        }
    };
    let body = body.unwrap_or_else(|| {
        let markup = source.markup.as_ref();
        markdown::render(&doc.blocks, &annotations.section_themes, markup)
    });
    let o = overrides;
    let unfiled = o.dialogues.is_none() && annotations.dialogues.is_empty();
    let new_series: Vec<SeriesName> = match o.dialogues {
        Some(_) => Vec::new(),
        None => annotations
            .unknown_series
            .into_iter()
            .filter(|s| unfiled || s.in_title)
            .collect(),
    };
    let front_matter = FrontMatter {
        title,
        title_source,
        slug: o.slug,
        draft: o.draft.unwrap_or(false),
        date,
        date_source,
        dialogues: o.dialogues.unwrap_or(annotations.dialogues),
        kind: o.kind.unwrap_or(annotations.kind),
        organisations: o.organisations.unwrap_or(annotations.organisations),
        themes: o.themes.unwrap_or(annotations.themes),
        summary: o.summary.unwrap_or(annotations.summary),
        glossary: o.glossary.unwrap_or(annotations.glossary),
        recommendations: o.recommendations.unwrap_or(annotations.recommendations),
        source: Some(Source {
            file: seed_name.to_string(),
            sha256,
        }),
        generated: None,
    };
    Ok(Ingested {
        front_matter,
        body,
        warnings,
        new_series,
    })
}

/// A source's lines through the text stages: clean, strip the chrome,
/// recover the structure, weighing what its markup states (`meta`): its
/// titles beside the lines that read as one, its issuers with the header.
fn read_lines(ctx: &Context<'_>, seed: &Path, text: &str, meta: &SourceMeta) -> Result<Read> {
    let stripped = chrome::strip(clean_lines(text), ctx.chrome());
    let has_text = stripped
        .lines
        .iter()
        .any(|l| word_count(l) >= MIN_TEXT_WORDS);
    if !has_text {
        return Err(Error::input(
            seed,
            "holds only site chrome (navigation, cookie notice, footer), no document text: \
             capture the page again with its text, or delete the file",
        ));
    }
    let breadcrumb = stripped.breadcrumb.last().map(String::as_str);
    let markup: Vec<&str> = meta.titles.iter().map(String::as_str).collect();
    let mut doc = structure(stripped.lines, breadcrumb, &markup);
    // A periodical's page may state its issue's date only in the trail
    // ("Top > Weekly Times > 2018年8月9日 No.3373 > title").
    let parents = stripped.breadcrumb.split_last().map_or(&[][..], |(_, p)| p);
    let issue_date = || {
        parents
            .iter()
            .find_map(|p| dates::leading_date(p))
            .map(|(d, _)| d)
    };
    doc.dateline = doc.dateline.or_else(issue_date);
    // The markup's date is the document's; the text's dateline yields to it.
    if meta.date.is_some() {
        doc.dateline = meta.date;
    }
    doc.header.extend(meta.issuers.iter().cloned());
    Ok(Read {
        doc,
        breadcrumb_title: breadcrumb.is_some(),
        body: None,
    })
}

/// A markdown source: its body's structure, and the fields of its front
/// matter under those of `seeds/<stem>.yaml`. Its title and date are the
/// document's own statements, not overrides.
fn read_markdown(body: &str, fields: &Override, overrides: &Override) -> (Read, Override) {
    let (mut doc, written) = super::markdown_source::document(body);
    let mut fields = fields.clone();
    if let Some(title) = fields.title.take() {
        doc.title = Some(title);
    }
    if fields.date_source.is_none() {
        doc.dateline = fields.date.take();
    }
    let read = Read {
        doc,
        breadcrumb_title: false,
        body: Some(written),
    };
    (read, overrides.clone().or(fields))
}

pub fn stem(seed: &Path) -> String {
    seed.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A title made from the document's opening when no line is one: its
/// first sentence, cut at a word to at most [`MADE_UP_WORDS`] words.
fn made_up_title(doc: &super::structure::Document) -> Option<String> {
    let first = doc
        .blocks
        .iter()
        .map(|b| b.text())
        .find(|t| word_count(t) >= 3 && !super::head::mostly_digits(t))?;
    let (start, end) = super::sentences::split(first).into_iter().next()?;
    let sentence = first[start..end].split('。').next().unwrap_or_default();
    let sentence = sentence.trim().trim_end_matches(['.', '。']);
    if !sentence.chars().any(char::is_alphanumeric) {
        return None;
    }
    if word_count(sentence) <= MADE_UP_WORDS {
        return Some(sentence.to_string());
    }
    let mut cut = String::new();
    for c in sentence.chars() {
        cut.push(c);
        if word_count(&cut) > MADE_UP_WORDS {
            cut.pop();
            break;
        }
    }
    let cut = match cut.rfind(' ') {
        Some(space) if space > cut.len() / 2 => &cut[..space],
        _ => &cut,
    };
    Some(format!("{} …", cut.trim_end()))
}

/// The most words of a made-up title.
const MADE_UP_WORDS: usize = 12;

/// Slugs an override names must exist in `briefing.yaml`.
pub fn check_override(config: &Config, path: &Path, o: &Override) -> Result<()> {
    let unknown = |what: &str, slug: &str, known: Vec<&str>| {
        Error::config(
            path,
            format!(
                "{what} {slug:?} is not in briefing.yaml; use one of: {}",
                known.join(", ")
            ),
        )
    };
    let dialogues: Vec<&str> = config.dialogues.iter().map(|d| d.slug.as_str()).collect();
    for d in o.dialogues.iter().flatten() {
        if !dialogues.contains(&d.as_str()) {
            return Err(unknown("dialogue", d, dialogues));
        }
    }
    let themes: Vec<&str> = config.themes.iter().map(|t| t.slug.as_str()).collect();
    for t in o.themes.iter().flatten() {
        if !themes.contains(&t.slug.as_str()) {
            return Err(unknown("theme", &t.slug, themes));
        }
    }
    if let Some(slug) = o.slug.as_deref().filter(|s| !crate::util::is_page_name(s)) {
        return Err(Error::config(path, crate::util::bad_page_name(slug)));
    }
    if let Some(kind) = &o.kind {
        let kinds: Vec<&str> = config.kinds.iter().map(|k| k.slug.as_str()).collect();
        if !kinds.contains(&kind.as_str()) {
            return Err(unknown("kind", kind, kinds));
        }
    }
    Ok(())
}
