//! The main text of a page written as the lines the text stages read: a
//! blank line between blocks, the title heading as a line of its own,
//! `## `/`### `/`#### ` before the headings below it, `- ` before a list
//! item (two spaces of indent a level), a table row as `| a | b |`, and
//! words run together as a browser lays them out.

use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::{Html, Node};

use super::main_text::Main;

/// Elements that start a block of their own (a blank line around).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "hr",
    "html",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// Elements that start a line of their own.
const LINES: &[&str] = &["br", "dd", "dt"];

/// Elements whose content a reader never sees as text.
const UNSEEN: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "svg", "canvas", "iframe",
    "object", "embed", "video", "audio", "select", "textarea", "input", "button",
];

/// Inline elements a page lays out as separate items: a space where words
/// meet at their edges (`<a>Home</a><a>News</a>` reads "Home News").
const SEPARATE: &[&str] = &["a", "button", "img", "label"];

/// The text of the main text's roots, the title heading first.
pub fn render(page: &Html, main: &Main) -> String {
    let mut out = Writer::new(main);
    if let Some(title) = main.title.and_then(|id| page.tree.get(id)) {
        out.node(title);
    }
    for root in main.roots.iter().filter_map(|&id| page.tree.get(id)) {
        out.node(root);
    }
    out.finish()
}

struct Writer<'m> {
    main: &'m Main,
    lines: Vec<String>,
    line: String,
    space: bool,
    /// At the edge of a separate item: a space if words meet there.
    edge: bool,
    /// The prefix of the line being filled (`## `, `  - `).
    marker: Option<String>,
    /// The depth of open lists.
    lists: usize,
    pre: usize,
    /// Cells so far in the table row being filled.
    cells: usize,
    /// Whether the page's title heading was written.
    titled: bool,
}

impl<'m> Writer<'m> {
    fn new(main: &'m Main) -> Writer<'m> {
        Writer {
            main,
            lines: Vec::new(),
            line: String::new(),
            space: false,
            edge: false,
            marker: None,
            lists: 0,
            pre: 0,
            cells: 0,
            titled: false,
        }
    }

    fn node(&mut self, node: NodeRef<'_, Node>) {
        if self.main.skip.contains(&node.id()) {
            return;
        }
        match node.value() {
            Node::Text(text) => self.text(&text[..]),
            Node::Element(e) if UNSEEN.contains(&e.name()) => {}
            Node::Element(e) => {
                self.open(e);
                for child in node.children() {
                    self.node(child);
                }
                self.close(e);
            }
            _ => node.children().for_each(|c| self.node(c)),
        }
    }

    fn open(&mut self, e: &Element) {
        let name = e.name();
        match name {
            "ul" | "ol" => self.lists += 1,
            "pre" => self.pre += 1,
            "tr" => self.block_break(),
            "td" | "th" => return self.cell(),
            _ => {}
        }
        let nested_list = matches!(name, "ul" | "ol") && self.lists > 1;
        if BLOCKS.contains(&name) && !nested_list {
            self.block_break();
        } else if LINES.contains(&name) || name == "li" || nested_list {
            self.line_break();
        } else if SEPARATE.contains(&name) {
            self.edge = true;
        }
        match name {
            "li" => {
                let indent = "  ".repeat(self.lists.saturating_sub(1));
                self.marker = Some(format!("{indent}- "));
            }
            "h1" if !self.titled => self.titled = true,
            "h1" | "h2" => self.marker = Some("## ".to_string()),
            "h3" => self.marker = Some("### ".to_string()),
            "h4" | "h5" | "h6" => self.marker = Some("#### ".to_string()),
            _ => {}
        }
    }

    fn close(&mut self, e: &Element) {
        let name = e.name();
        match name {
            "ul" | "ol" => self.lists = self.lists.saturating_sub(1),
            "pre" => self.pre = self.pre.saturating_sub(1),
            "tr" => {
                self.cells = 0;
                let row = self.line.trim();
                if !row.is_empty() {
                    // Marked as a row, so that a header row is not read as
                    // a heading.
                    self.line = format!("| {row} |");
                }
            }
            _ => {}
        }
        let nested_list = matches!(name, "ul" | "ol") && self.lists > 0;
        if (BLOCKS.contains(&name) && !nested_list) || name == "tr" {
            self.block_break();
        } else if name == "li" || nested_list || (LINES.contains(&name) && name != "br") {
            self.line_break();
        } else if SEPARATE.contains(&name) {
            self.edge = true;
        }
    }

    /// A table cell: ` | ` after the row's previous cell.
    fn cell(&mut self) {
        if self.cells > 0 && !self.line.trim().is_empty() {
            self.line.push_str(" | ");
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
            if apart && !self.line.is_empty() && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            self.space = false;
            self.edge = false;
            self.line.push(c);
        }
    }

    /// Ends the line being filled; an empty one is dropped, and so is the
    /// marker waiting for it.
    fn line_break(&mut self) {
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

    /// Ends the block: a blank line before whatever comes next.
    fn block_break(&mut self) {
        self.line_break();
        self.marker = self
            .marker
            .take()
            .filter(|m| m.trim_start().starts_with('-'));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::html::main_text;

    fn lines(body: &str) -> String {
        let page = Html::parse_document(&format!("<html><body>{body}</body></html>"));
        render(&page, &main_text::find(&page))
    }

    #[test]
    fn headings_lists_and_tables_keep_their_form() {
        let text = lines(
            "<article><h1>Joint Statement</h1><p>The ministers met, and agreed, on <a href=x>data</a> flows, trust.</p>\
             <h2>Outcomes</h2><ul><li>One, first<ul><li>One a</li></ul></li><li>Two</li></ul>\
             <table><tr><th>Item</th><th>Date</th></tr><tr><td>Talks</td><td>2024</td></tr></table></article>",
        );
        assert_eq!(
            text,
            "Joint Statement\n\nThe ministers met, and agreed, on data flows, trust.\n\n## Outcomes\n\n\
             - One, first\n  - One a\n- Two\n\n| Item | Date |\n\n| Talks | 2024 |\n"
        );
    }
}
