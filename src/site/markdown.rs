//! A document body, markdown → HTML, in one pass over pulldown-cmark's event
//! stream: headings get stable ids and theme chips, acronyms become
//! `<abbr>` links into the glossary, code blocks are highlighted, and raw
//! HTML is escaped unless the config trusts it.

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use rustc_hash::{FxHashMap, FxHashSet};

use super::glossary::{glossary_anchor, Glossary};
use super::highlight::highlight;
use super::sanitize;
use super::section_text::{self, SectionTexts, CHIPS_OPEN};
use super::Section;
use crate::util::slugify;

pub struct Context<'a> {
    pub glossary: &'a Glossary,
    /// Theme slug → name, for section chips.
    pub themes: &'a BTreeMap<String, String>,
    pub allow_raw_html: bool,
}

pub struct Rendered {
    pub html: String,
    /// The plain text of each section, for search.
    pub texts: SectionTexts,
    pub sections: Vec<Section>,
    pub acronyms: BTreeSet<String>,
    pub has_code: bool,
    /// (byte offset in the body, class) for heading classes that are not themes.
    pub unknown_classes: Vec<(usize, String)>,
}

const EXCERPT_CHARS: usize = 360;

pub fn render(body: &str, cx: &Context) -> Rendered {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut state = State::default();
    let mut out: Vec<Event> = Vec::new();
    let mut events = Parser::new_ext(body, options).into_offset_iter();
    while let Some((event, range)) = events.next() {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let inner: Vec<Event> = events
                    .by_ref()
                    .map(|(e, _)| e)
                    .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
                    .collect();
                let level = level.max(HeadingLevel::H2);
                let section = state.open_section(level, id, &classes, &inner, range.start, cx);
                // `{key=value}` attributes could carry `onclick=`; only trusted HTML keeps them.
                let attrs = if cx.allow_raw_html { attrs } else { Vec::new() };
                out.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(section.id.clone().into()),
                    classes: Vec::new(),
                    attrs,
                }));
                out.extend(inner.into_iter().map(|e| state.escape_raw(e, cx)));
                out.push(Event::End(TagEnd::Heading(level)));
                if !section.themes.is_empty() {
                    out.push(Event::Html(chips(&section.themes, cx).into()));
                }
                state.sections.push(section);
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let code: String = events
                    .by_ref()
                    .map(|(e, _)| e)
                    .take_while(|e| !matches!(e, Event::End(TagEnd::CodeBlock)))
                    .filter_map(|e| match e {
                        Event::Text(t) => Some(t.into_string()),
                        _ => None,
                    })
                    .collect();
                let lang = match &kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().map(str::to_string)
                    }
                    CodeBlockKind::Indented => None,
                };
                state.has_code |= lang.is_some();
                out.push(Event::Html(highlight(&code, lang.as_deref()).into()));
            }
            Event::Start(Tag::HtmlBlock) if !cx.allow_raw_html => {
                out.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)));
            }
            Event::End(TagEnd::HtmlBlock) if !cx.allow_raw_html => {
                out.push(Event::End(TagEnd::CodeBlock));
            }
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                state.in_link += 1;
                out.push(Event::Start(sanitize::tag(tag)));
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                state.in_link = state.in_link.saturating_sub(1);
                out.push(event);
            }
            Event::Text(text) => {
                state.note_text(&text);
                state.link_acronyms(text, cx, &mut out);
            }
            other => out.push(state.escape_raw(other, cx)),
        }
    }
    let texts = section_text::collect(&out);
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    // Kept for the whole build, every document's: no room to spare.
    html.shrink_to_fit();
    Rendered {
        html,
        texts,
        sections: state.sections,
        acronyms: state.acronyms,
        has_code: state.has_code,
        unknown_classes: state.unknown_classes,
    }
}

#[derive(Default)]
struct State {
    sections: Vec<Section>,
    ids: FxHashSet<String>,
    /// Wanted id → the last suffix given to it.
    next_suffix: FxHashMap<String, usize>,
    acronyms: BTreeSet<String>,
    /// Acronyms already linked in the current section.
    linked_here: FxHashSet<String>,
    in_link: usize,
    /// The current section's excerpt has all it will hold.
    excerpt_full: bool,
    has_code: bool,
    unknown_classes: Vec<(usize, String)>,
}

impl State {
    fn open_section(
        &mut self,
        level: HeadingLevel,
        id: Option<CowStr>,
        classes: &[CowStr],
        inner: &[Event],
        offset: usize,
        cx: &Context,
    ) -> Section {
        let title = plain_text(inner);
        let wanted = id.map(|i| i.to_string()).unwrap_or_else(|| slugify(&title));
        let id = self.unique_id(wanted);
        let mut themes = Vec::new();
        for class in classes {
            if cx.themes.contains_key(class.as_ref()) {
                themes.push(class.to_string());
            } else {
                self.unknown_classes.push((offset, class.to_string()));
            }
        }
        self.linked_here.clear();
        self.excerpt_full = false;
        Section {
            id,
            title,
            level: level as u8,
            themes,
            excerpt: String::new(),
        }
    }

    /// Ids are unique in the page, and never one the page layout uses.
    /// The next suffix to try is remembered per wanted id, so a page of
    /// 100,000 identical headings takes linear time, not quadratic.
    fn unique_id(&mut self, wanted: String) -> String {
        const RESERVED: [&str; 4] = ["main", "top", "site-nav", "footnotes"];
        let mut id = wanted.clone();
        let next = self.next_suffix.entry(wanted.clone()).or_insert(1);
        while RESERVED.contains(&id.as_str()) || !self.ids.insert(id.clone()) {
            *next += 1;
            id = format!("{wanted}-{next}");
        }
        id
    }

    /// Adds `text` to the current section's excerpt until it is full; once
    /// cut, it takes no more (a later word would follow the "…").
    fn note_text(&mut self, text: &str) {
        let Some(section) = self.sections.last_mut() else {
            return;
        };
        if self.excerpt_full {
            return;
        }
        if !section.excerpt.is_empty() && !section.excerpt.ends_with(' ') {
            section.excerpt.push(' ');
        }
        section.excerpt.push_str(text.trim());
        // Bytes are at least as many as characters: most calls count nothing.
        if section.excerpt.len() >= EXCERPT_CHARS
            && section.excerpt.chars().count() >= EXCERPT_CHARS
        {
            section.excerpt = truncate_words(&section.excerpt, EXCERPT_CHARS);
            self.excerpt_full = true;
        }
    }

    /// Splits `text` around the first occurrence (per section) of each known acronym.
    fn link_acronyms<'e>(&mut self, text: CowStr<'e>, cx: &Context, out: &mut Vec<Event<'e>>) {
        let mut last = 0;
        for (start, end, abbr) in cx.glossary.find(&text) {
            // Looked up before a copy is made to insert: an acronym recurs
            // through a document.
            if !self.acronyms.contains(abbr) {
                self.acronyms.insert(abbr.to_string());
            }
            if self.in_link > 0 || self.linked_here.contains(abbr) {
                continue;
            }
            self.linked_here.insert(abbr.to_string());
            if start > last {
                out.push(Event::Text(text[last..start].to_string().into()));
            }
            out.push(Event::InlineHtml(
                abbr_link(abbr, &cx.glossary.entries[abbr]).into(),
            ));
            last = end;
        }
        if last == 0 {
            out.push(Event::Text(text));
        } else if last < text.len() {
            out.push(Event::Text(text[last..].to_string().into()));
        }
    }

    fn escape_raw<'e>(&self, event: Event<'e>, cx: &Context) -> Event<'e> {
        match event {
            Event::Html(html) | Event::InlineHtml(html) if !cx.allow_raw_html => Event::Text(html),
            other => other,
        }
    }
}

fn abbr_link(abbr: &str, expansion: &str) -> String {
    format!(
        "<abbr title=\"{}\"><a href=\"../glossary.html#{}\">{}</a></abbr>",
        escape_html(expansion),
        glossary_anchor(abbr),
        escape_html(abbr)
    )
}

fn chips(themes: &[String], cx: &Context) -> String {
    let mut html = format!("{CHIPS_OPEN} aria-label=\"Themes of this section\">");
    for slug in themes {
        html.push_str(&format!(
            "<li><a class=\"chip\" href=\"../themes/{slug}.html\">{}</a></li>",
            escape_html(&cx.themes[slug])
        ));
    }
    html.push_str("</ul>\n");
    html
}

fn plain_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        if let Event::Text(t) | Event::Code(t) = event {
            text.push_str(t);
        }
    }
    text.trim().to_string()
}

/// At most `max` characters, cut at a word boundary with an ellipsis.
pub fn truncate_words(text: &str, max: usize) -> String {
    let Some((end, _)) = text.char_indices().nth(max) else {
        return text.to_string();
    };
    let cut = &text[..end];
    let cut = cut.rsplit_once(' ').map_or(cut, |(head, _)| head);
    // A cut that already ends in an ellipsis or a full stop must not read "……".
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ', '.', '…']))
}

pub fn escape_html(text: &str) -> String {
    // Most values (every href, most titles) have nothing to escape: told by
    // a fold the compiler runs a vector of bytes at a time, then copied.
    let special = |found: bool, b: u8| found | matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'');
    if !text.bytes().fold(false, special) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut plain = 0;
    // Copies the runs between special bytes whole (they are all ASCII, so
    // every cut is on a character boundary).
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[plain..i]);
        out.push_str(entity);
        plain = i + 1;
    }
    out.push_str(&text[plain..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_html_escapes_the_five_specials_and_keeps_the_rest() {
        assert_eq!(escape_html("a<b>&\"c'é"), "a&lt;b&gt;&amp;&quot;c&#39;é");
        assert_eq!(escape_html("plain"), "plain");
    }

    fn render_with(body: &str, allow_raw_html: bool) -> Rendered {
        let glossary = Glossary::new(BTreeMap::from([
            ("DFFT".to_string(), "Data Free Flow with Trust".to_string()),
            ("AI".to_string(), "Artificial Intelligence".to_string()),
        ]));
        let themes = BTreeMap::from([("ai".to_string(), "Artificial intelligence".to_string())]);
        let cx = Context {
            glossary: &glossary,
            themes: &themes,
            allow_raw_html,
        };
        render(body, &cx)
    }

    #[test]
    fn section_texts_are_what_readers_see_without_headings_chips_or_alt_text() {
        let body = "Intro &amp; *more*.\n\n## (1) Summary {#summary .ai}\n\n\
            The DFFT met.[^1]\n\n![a chart](c.png)\n\n\
            ### Outcomes\n\n- One\n- Two\n\n```rust\nlet a = 1 < 2;\n```\n\n\
            ## Summary {#summary}\n\nLater.\n\n[^1]: A note.\n";
        let r = render_with(body, false);
        assert_eq!(r.texts.intro(), "Intro & more.");
        assert_eq!(r.texts.section("summary"), "The DFFT met.");
        assert_eq!(r.texts.section("outcomes"), "One Two let a = 1 < 2;");
        assert_eq!(r.texts.section("summary-2"), "Later. A note.");
        assert_eq!(r.texts.section("missing"), "");
    }

    #[test]
    fn heading_attributes_become_id_and_theme_chips() {
        let r = render_with("## (1) Summary {#summary .ai .nope}\n\nText.\n", false);
        assert_eq!(
            r.html,
            "<h2 id=\"summary\">(1) Summary</h2>\n<ul class=\"chips\" aria-label=\"Themes of this section\">\
             <li><a class=\"chip\" href=\"../themes/ai.html\">Artificial intelligence</a></li></ul>\n<p>Text.</p>\n"
        );
        assert_eq!(r.sections[0].themes, ["ai"]);
        assert_eq!(r.unknown_classes, [(0, "nope".to_string())]);
    }

    #[test]
    fn first_acronym_per_section_links_to_the_glossary() {
        let r = render_with(
            "## A\n\nDFFT and DFFT, not MAID or DFFTs.\n\n## B\n\nDFFT again.\n",
            false,
        );
        let link = "<abbr title=\"Data Free Flow with Trust\"><a href=\"../glossary.html#g-DFFT\">DFFT</a></abbr>";
        assert!(
            r.html
                .contains(&format!("<p>{link} and DFFT, not MAID or DFFTs.</p>")),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(&format!("<p>{link} again.</p>")),
            "{}",
            r.html
        );
        assert_eq!(r.acronyms.iter().collect::<Vec<_>>(), ["DFFT"]);
    }

    #[test]
    fn raw_html_is_escaped_unless_allowed() {
        let body = "Hi <b>there</b>.\n\n<div>block</div>\n";
        let escaped = render_with(body, false).html;
        assert!(
            escaped.contains("Hi &lt;b&gt;there&lt;/b&gt;."),
            "{escaped}"
        );
        assert!(
            escaped.contains("<pre><code>&lt;div&gt;block&lt;/div&gt;"),
            "{escaped}"
        );
        let trusted = render_with(body, true).html;
        assert!(trusted.contains("Hi <b>there</b>."), "{trusted}");
        assert!(trusted.contains("<div>block</div>"), "{trusted}");
    }

    #[test]
    fn headings_without_ids_get_unique_slugs() {
        let r = render_with("# Main\n\n## Next steps\n\n## Next steps\n", false);
        let ids: Vec<_> = r.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["main-2", "next-steps", "next-steps-2"]);
        assert_eq!(
            r.sections[0].level, 2,
            "a body h1 becomes h2 under the page title"
        );
    }

    #[test]
    fn excerpts_are_cut_at_words() {
        assert_eq!(truncate_words("one two three", 9), "one two…");
        assert_eq!(truncate_words("one two… three four", 10), "one two…");
        assert_eq!(truncate_words("one two... three four", 12), "one two…");
        assert_eq!(truncate_words("short", 9), "short");
    }

    #[test]
    fn a_section_excerpt_is_cut_once_and_takes_no_later_words() {
        let long = "word ".repeat(100);
        let body = format!("## S\n\n{long}\n\nLater.\n\nAnd *more* text.\n");
        let excerpt = &render_with(&body, false).sections[0].excerpt;
        assert!(excerpt.ends_with("word…"), "{excerpt}");
        assert_eq!(excerpt.matches('…').count(), 1, "{excerpt}");
        assert!(excerpt.chars().count() <= EXCERPT_CHARS, "{excerpt}");
    }
}
