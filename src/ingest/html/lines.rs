//! A page's text written as lines, in one of two forms ([`Form`]).
//!
//! - [`render`]: the main text as the text stages read it: a blank line
//!   between blocks, the title heading as a line of its own, `## `/`### `/
//!   `#### ` before the headings below it, `- ` before a list item (two
//!   spaces of indent a level), a data table's row as `| a | b |` (a cell's
//!   own `|` as `\|`), and its links beside the text, made absolute
//!   ([`super::links`]); the words stay plain, so the stages weigh words.
//! - [`capture`]: the whole visible page as a text capture of it looks (a
//!   reader's copy from a browser): bullets `•` and numbers before list
//!   items, a tab between table cells, menus and footers included, no
//!   markdown mark.
//!
//! In both, words run together as a browser lays them out.

use ego_tree::NodeRef;
use rustc_hash::FxHashSet;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};
use url::Url;

use super::super::read::Link;
use super::chrome::hidden_by_style;
use super::links;
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

/// Blocks of the whole page that the main text never holds as such.
const PAGE_BLOCKS: &[&str] = &["dialog", "form", "legend", "menu", "nav"];

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

/// The most words of a data table's cell: a longer one is a page laid out
/// in a table, whose cells are blocks of text.
const CELL_WORDS: usize = 60;

/// What the lines are written for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    /// The text stages: markdown's marks of structure.
    Marked,
    /// A plain text capture of the whole page.
    Plain,
}

/// The main text's roots, the title heading first, and their links.
pub fn render(page: &Html, main: &Main) -> (String, Vec<Link>) {
    let mut out = Writer::new(Form::Marked, Some(&main.skip));
    out.base = links::base(page);
    if let Some(title) = main.title.and_then(|id| page.tree.get(id)) {
        out.headings += 1;
        out.node(title);
        out.headings -= 1;
    }
    for root in main.roots.iter().filter_map(|&id| page.tree.get(id)) {
        out.node(root);
    }
    let links = std::mem::take(&mut out.links);
    (out.finish(), links)
}

/// The whole visible page as a plain text capture of it looks: what a
/// reader copying it from a browser gets, menus, footers and all.
pub fn capture(page: &Html) -> String {
    let mut out = Writer::new(Form::Plain, None);
    out.node(page.tree.root());
    out.finish()
}

struct Writer<'m> {
    form: Form,
    /// Nodes left out (the main text's chrome).
    skip: Option<&'m FxHashSet<ego_tree::NodeId>>,
    lines: Vec<String>,
    line: String,
    space: bool,
    /// At the edge of a separate item: a space if words meet there.
    edge: bool,
    /// The prefix of the line being filled (`## `, `  - `, `  • `).
    marker: Option<String>,
    /// Open lists: `None` for bullets, `Some(n)` at the nth numbered item.
    lists: Vec<Option<usize>>,
    pre: usize,
    /// Cells so far in the table row being filled.
    cells: usize,
    /// Open tables: whether each holds data (rows of short cells).
    tables: Vec<bool>,
    /// Open cells of a data table, whose blocks run on in the cell.
    in_cell: usize,
    /// Open headings, whose links lead nowhere in the text.
    headings: usize,
    /// Whether the page's title heading was written.
    titled: bool,
    base: Option<Url>,
    links: Vec<Link>,
}

impl<'m> Writer<'m> {
    fn new(form: Form, skip: Option<&'m FxHashSet<ego_tree::NodeId>>) -> Writer<'m> {
        Writer {
            form,
            skip,
            lines: Vec::new(),
            line: String::new(),
            space: false,
            edge: false,
            marker: None,
            lists: Vec::new(),
            pre: 0,
            cells: 0,
            tables: Vec::new(),
            in_cell: 0,
            headings: 0,
            titled: false,
            base: None,
            links: Vec::new(),
        }
    }

    fn node(&mut self, node: NodeRef<'_, Node>) {
        if self.skip.is_some_and(|skip| skip.contains(&node.id())) {
            return;
        }
        match node.value() {
            Node::Text(text) => self.text(&text[..]),
            Node::Element(e) if self.unseen(e) => {}
            Node::Element(e) => {
                self.open(node, e);
                for child in node.children() {
                    self.node(child);
                }
                self.close(e);
            }
            _ => node.children().for_each(|c| self.node(c)),
        }
    }

    fn unseen(&self, e: &Element) -> bool {
        match self.form {
            Form::Marked => UNSEEN.contains(&e.name()),
            Form::Plain => {
                (UNSEEN.contains(&e.name()) && e.name() != "button")
                    || e.attr("hidden").is_some()
                    || hidden_by_style(e)
            }
        }
    }

    fn is_block(&self, name: &str) -> bool {
        BLOCKS.contains(&name) || (self.form == Form::Plain && PAGE_BLOCKS.contains(&name))
    }

    fn is_list(&self, name: &str) -> bool {
        matches!(name, "ul" | "ol") || (self.form == Form::Plain && name == "menu")
    }

    /// A list or block the writer lays out as a line, not a block: a list
    /// within a list item, in the text stages' form.
    fn nested_list(&self, name: &str, open_lists: usize) -> bool {
        self.form == Form::Marked && self.is_list(name) && open_lists > 0
    }

    fn open(&mut self, node: NodeRef<'_, Node>, e: &Element) {
        let name = e.name();
        let lists = self.lists.len();
        match name {
            _ if self.is_list(name) => self.lists.push((name == "ol").then_some(0)),
            "pre" => self.pre += 1,
            "a" => self.link(node, e),
            "table" if self.form == Form::Marked => self.tables.push(is_data_table(node)),
            _ => {}
        }
        if self.in_cell > 0 {
            return self.run_on(name);
        }
        if matches!(name, "td" | "th") && self.tabulates() {
            self.in_cell += usize::from(self.form == Form::Marked);
            return self.cell();
        }
        if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
            self.headings += 1;
        }
        if (self.is_block(name) && !self.nested_list(name, lists)) || self.table_block(name) {
            self.block_break();
        } else if self.starts_line(name) || self.nested_list(name, lists) {
            self.line_break();
        } else if SEPARATE.contains(&name) {
            self.edge = true;
        }
        match name {
            "li" => self.marker = Some(self.item_marker()),
            _ if self.form == Form::Plain => {}
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
            _ if self.is_list(name) => {
                self.lists.pop();
            }
            "pre" => self.pre = self.pre.saturating_sub(1),
            "td" | "th" if self.in_cell > 0 => self.in_cell -= 1,
            _ => {}
        }
        if self.in_cell > 0 {
            return self.run_on(name);
        }
        if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
            self.headings = self.headings.saturating_sub(1);
        }
        let data_row = name == "tr" && self.form == Form::Marked && self.tabulates();
        if data_row {
            self.end_row();
        }
        if name == "table" && self.form == Form::Marked {
            self.tables.pop();
        }
        let lists = self.lists.len();
        if (self.is_block(name) && !self.nested_list(name, lists)) || self.table_block(name) {
            self.block_break();
        } else if (self.starts_line(name) && name != "br") || self.nested_list(name, lists) {
            self.line_break();
            if self.form == Form::Plain {
                self.marker = None;
            }
        } else if SEPARATE.contains(&name) {
            self.edge = true;
        }
    }

    /// Inside a data table's cell: a block or a line runs on as words.
    fn run_on(&mut self, name: &str) {
        if self.is_block(name) || LINES.contains(&name) || name == "li" {
            self.space = true;
        }
    }

    /// Elements that start a line: in a capture list items and table rows
    /// too; in the text stages' form a list item (its list is a block).
    fn starts_line(&self, name: &str) -> bool {
        LINES.contains(&name) || name == "li" || (self.form == Form::Plain && name == "tr")
    }

    /// Whether cells are written as cells: a capture's table, or a data
    /// table in the text stages' form.
    fn tabulates(&self) -> bool {
        self.form == Form::Plain || self.tables.last() == Some(&true)
    }

    /// A row, or a cell of a table laid out for the page: a block of its
    /// own in the text stages' form.
    fn table_block(&self, name: &str) -> bool {
        self.form == Form::Marked
            && match name {
                "tr" => true,
                "td" | "th" => !self.tabulates(),
                _ => false,
            }
    }

    /// `- ` (indented two spaces a level), or a capture's `  • `, `  3. `.
    fn item_marker(&mut self) -> String {
        let depth = self.lists.len();
        match (self.form, self.lists.last_mut()) {
            (Form::Marked, _) => format!("{}- ", "  ".repeat(depth.saturating_sub(1))),
            (Form::Plain, Some(Some(n))) => {
                *n += 1;
                format!("{}{n}. ", "  ".repeat(depth.max(1)))
            }
            (Form::Plain, _) => format!("{}• ", "  ".repeat(depth.max(1))),
        }
    }

    /// A link's words and address, when it leads somewhere a reader could
    /// follow and stands in the text (not in a heading, whose words are
    /// the title's).
    fn link(&mut self, node: NodeRef<'_, Node>, e: &Element) {
        if self.form == Form::Plain || self.headings > 0 {
            return;
        }
        let Some(url) = e
            .attr("href")
            .and_then(|href| links::resolve(self.base.as_ref(), href))
        else {
            return;
        };
        let text = ElementRef::wrap(node).map(|a| a.text().collect::<String>());
        let text = text.unwrap_or_default();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.chars().any(char::is_alphanumeric) {
            self.links.push(Link { text, url });
        }
    }

    /// A table cell: ` | ` after the row's previous cell (a tab in a
    /// capture, as a browser copies a table).
    fn cell(&mut self) {
        if self.cells > 0 && !self.line.is_empty() {
            self.line.push_str(match self.form {
                Form::Marked => " | ",
                Form::Plain => "\t",
            });
            self.space = false;
        }
        self.cells += 1;
    }

    /// A data table's row, marked as one (so that a header row is not
    /// read as a heading).
    fn end_row(&mut self) {
        self.cells = 0;
        let row = self.line.trim();
        if !row.is_empty() {
            self.line = format!("| {row} |");
        }
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
            if apart && !self.line.is_empty() && !self.line.ends_with([' ', '\t']) {
                self.line.push(' ');
            }
            self.space = false;
            self.edge = false;
            if c == '|' && self.in_cell > 0 {
                self.line.push('\\');
            }
            self.line.push(c);
        }
    }

    /// Ends the line being filled; an empty one is dropped, and so is the
    /// marker waiting for it.
    fn line_break(&mut self) {
        if self.form == Form::Plain {
            self.cells = 0;
        }
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

    /// Ends the block: a blank line before whatever comes next; a
    /// heading's mark waiting for words is dropped, an item's kept.
    fn block_break(&mut self) {
        self.line_break();
        self.marker = self.marker.take().filter(|m| !m.starts_with('#'));
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

/// Whether a table holds data: no table or heading within it, and no
/// cell of more than [`CELL_WORDS`] words.
fn is_data_table(node: NodeRef<'_, Node>) -> bool {
    node.descendants().skip(1).all(|d| match d.value() {
        Node::Element(e) => match e.name() {
            "table" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => false,
            "td" | "th" => {
                let text = ElementRef::wrap(d).map(|c| c.text().collect::<String>());
                crate::text::words::word_count(&text.unwrap_or_default()) <= CELL_WORDS
            }
            _ => true,
        },
        _ => true,
    })
}

#[cfg(test)]
#[path = "lines_tests.rs"]
mod tests;
