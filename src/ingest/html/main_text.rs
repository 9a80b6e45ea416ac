//! The main text of a page, apart from its chrome (menus, headers and
//! footers, sidebars, share buttons, related links, comments).
//!
//! Hand-written, in the way of Readability and trafilatura, rather than
//! taken from a readability crate: those return the article as HTML, to be
//! parsed again for the lines the stages take, and bring a second DOM
//! library beside `scraper`; this one walks the tree `scraper` built once.
//! First, what is chrome by its tag (`nav`, `aside`, `footer`, `form` …),
//! its ARIA role, or the words of its class and id (`menu`, `sidebar`,
//! `share`, `cookie` …) is set aside. Then each paragraph scores its
//! parent and grandparent by its length and commas, as Readability does,
//! and a container's score is cut by the share of its text in links; an
//! `<article>`, `<main>` or `articleBody` counts more. The best container
//! is the main text, with those of its siblings that score near it. Inside
//! it, blocks that are mostly links (a list of related pages) are chrome.

use rustc_hash::{FxHashMap, FxHashSet};

use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::{Html, Node};

use super::chrome::{chrome_verdict, class_words, Verdict, CONTENT_WORDS, SHORT_CHROME};

/// Elements whose text is a paragraph of the page.
const PARAGRAPHS: &[&str] = &["p", "pre", "blockquote", "td", "dd", "li", "h2", "h3"];

/// The least characters a paragraph needs to score its containers.
const MIN_PARAGRAPH: usize = 25;

/// The main text: the containers to render, in page order, and the nodes
/// inside them to leave out.
#[derive(Debug, Default)]
pub struct Main {
    pub roots: Vec<NodeId>,
    pub skip: FxHashSet<NodeId>,
    /// The page's title heading, when it stands outside the roots.
    pub title: Option<NodeId>,
}

/// Text and link text in characters, of a node and all below it.
#[derive(Debug, Default, Clone, Copy)]
struct Size {
    text: usize,
    links: usize,
    /// Commas (and their CJK kin), which run in sentences, not in menus.
    commas: usize,
}

impl Size {
    fn link_density(self) -> f32 {
        match self.text {
            0 => 0.0,
            n => self.links as f32 / n as f32,
        }
    }
}

pub fn find(page: &Html) -> Main {
    let root = page.tree.root();
    let mut chrome = FxHashSet::default();
    let mut sizes = FxHashMap::default();
    measure(root, false, &mut chrome, &mut sizes);
    let scores = score(root, &chrome, &sizes);
    let best = scores
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(id, s)| (*id, *s));
    let body = find_element(root, "body").unwrap_or(root);
    let roots = match best {
        Some((id, score)) => {
            let id = widened(page, id, &sizes);
            with_siblings(page, id, score, &scores, &sizes)
        }
        None => vec![body.id()],
    };
    let mut skip = chrome;
    for &id in &roots {
        if let Some(node) = page.tree.get(id) {
            link_lists(node, &sizes, &mut skip);
        }
    }
    let title = title_heading(root, &skip).filter(|h| !within(page, *h, &roots));
    Main { roots, skip, title }
}

/// The whole of the page's body, for a page whose main text was not
/// found: better all its text than none.
pub fn whole(page: &Html) -> Main {
    let root = page.tree.root();
    let body = find_element(root, "body").unwrap_or(root);
    Main {
        roots: vec![body.id()],
        ..Main::default()
    }
}

/// Sizes every node and marks what is chrome; below chrome nothing counts.
fn measure(
    node: NodeRef<'_, Node>,
    in_link: bool,
    chrome: &mut FxHashSet<NodeId>,
    sizes: &mut FxHashMap<NodeId, Size>,
) -> Size {
    let none = Size::default();
    match node.value() {
        Node::Text(text) => {
            let n = text.trim().chars().count();
            return Size {
                text: n,
                links: if in_link { n } else { 0 },
                commas: text.matches([',', '，', '、', '。']).count(),
            };
        }
        Node::Element(e) => match chrome_verdict(e, node) {
            Verdict::Chrome => {
                chrome.insert(node.id());
                return none;
            }
            Verdict::ChromeIfShort => {
                let inner = measure_children(node, in_link, chrome, sizes);
                if inner.text < SHORT_CHROME {
                    chrome.insert(node.id());
                    return none;
                }
                sizes.insert(node.id(), inner);
                return inner;
            }
            Verdict::Text => {}
        },
        _ => {}
    }
    let size = measure_children(node, in_link, chrome, sizes);
    if node.value().is_element() {
        sizes.insert(node.id(), size);
    }
    size
}

fn measure_children(
    node: NodeRef<'_, Node>,
    in_link: bool,
    chrome: &mut FxHashSet<NodeId>,
    sizes: &mut FxHashMap<NodeId, Size>,
) -> Size {
    let mut size = Size::default();
    let link = in_link || node.value().as_element().is_some_and(|e| e.name() == "a");
    for child in node.children() {
        let s = measure(child, link, chrome, sizes);
        size.text += s.text;
        size.links += s.links;
        size.commas += s.commas;
    }
    size
}

fn find_element<'a>(root: NodeRef<'a, Node>, name: &str) -> Option<NodeRef<'a, Node>> {
    root.descendants()
        .find(|d| d.value().as_element().is_some_and(|e| e.name() == name))
}

/// Each container's score: what its paragraphs give it, as Readability
/// counts them, less the share of its text in links.
fn score(
    root: NodeRef<'_, Node>,
    chrome: &FxHashSet<NodeId>,
    sizes: &FxHashMap<NodeId, Size>,
) -> FxHashMap<NodeId, f32> {
    let mut scores: FxHashMap<NodeId, f32> = FxHashMap::default();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if chrome.contains(&node.id()) {
            continue;
        }
        stack.extend(node.children().filter(|c| c.value().is_element()));
        let Some(e) = node.value().as_element() else {
            continue;
        };
        let size = sizes.get(&node.id()).copied().unwrap_or_default();
        let own = paragraph_text(node, e, size);
        if own < MIN_PARAGRAPH {
            continue;
        }
        let commas = size.commas;
        let points = 1.0 + commas.min(20) as f32 + (own as f32 / 100.0).min(3.0);
        for (level, ancestor) in node.ancestors().take(3).enumerate() {
            if !ancestor.value().is_element() {
                break;
            }
            let share = [1.0, 0.5, 0.33][level];
            *scores.entry(ancestor.id()).or_default() += points * share;
        }
    }
    for (id, score) in scores.iter_mut() {
        let size = sizes.get(id).copied().unwrap_or_default();
        let node = root.tree().get(*id).expect("a scored node is in the tree");
        let bonus = node.value().as_element().map_or(1.0, container_weight);
        *score *= (1.0 - size.link_density()) * bonus;
    }
    scores
}

/// The characters of a paragraph element (0 for other elements, and for
/// a `div` only its own text, not that of the blocks inside it).
fn paragraph_text(node: NodeRef<'_, Node>, e: &Element, size: Size) -> usize {
    if PARAGRAPHS.contains(&e.name()) {
        return size.text;
    }
    if matches!(e.name(), "div" | "section" | "span" | "font") {
        return node
            .children()
            .filter_map(|d| d.value().as_text())
            .map(|t| t.trim().chars().count())
            .sum();
    }
    0
}

/// How much more an element that says it holds the article counts.
fn container_weight(e: &Element) -> f32 {
    let marked = e.attr("itemprop") == Some("articleBody") || e.attr("role") == Some("main");
    match e.name() {
        _ if marked => 1.5,
        "article" | "main" => 1.3,
        _ if class_words(e)
            .iter()
            .any(|w| CONTENT_WORDS.contains(&w.as_str())) =>
        {
            1.15
        }
        _ => 1.0,
    }
}

/// The best container, or the ancestor that holds much more prose than it
/// and few links: a page that spreads its text over several boxes (a
/// landing page, a report in sections) keeps them all.
fn widened(page: &Html, best: NodeId, sizes: &FxHashMap<NodeId, Size>) -> NodeId {
    let prose = |id: &NodeId| {
        let s = sizes.get(id).copied().unwrap_or_default();
        (s.text.saturating_sub(s.links), s.link_density())
    };
    let mut node = page.tree.get(best).expect("the best node is in the tree");
    while let Some(parent) = node.parent() {
        let Some(e) = parent.value().as_element() else {
            break;
        };
        if matches!(e.name(), "body" | "html") {
            break;
        }
        let (own, _) = prose(&node.id());
        let (wider, density) = prose(&parent.id());
        if wider < own + own / 3 || density > 0.3 {
            break;
        }
        node = parent;
    }
    node.id()
}

/// The best container, or its parent when the text is spread over several
/// of its children, and the siblings that score near it.
fn with_siblings(
    page: &Html,
    best: NodeId,
    top: f32,
    scores: &FxHashMap<NodeId, f32>,
    sizes: &FxHashMap<NodeId, Size>,
) -> Vec<NodeId> {
    let node = page.tree.get(best).expect("the best node is in the tree");
    let Some(parent) = node.parent().filter(|p| p.value().is_element()) else {
        return vec![best];
    };
    let threshold = (top * 0.2).max(3.0);
    let best_class = class(node).filter(|c| !c.trim().is_empty());
    parent
        .children()
        .filter(|c| {
            let id = c.id();
            let size = sizes.get(&id).copied().unwrap_or_default();
            let prose = size.link_density() < 0.25;
            let text_paragraph =
                c.value().as_element().is_some_and(|e| e.name() == "p") && size.text > 80;
            // A sibling of the same class: the text goes on in a box like it.
            let same_class = best_class.is_some() && class(*c) == best_class && size.text > 80;
            let scored = scores.get(&id).is_some_and(|&s| s >= threshold);
            id == best || (prose && (scored || text_paragraph || same_class))
        })
        .map(|c| c.id())
        .collect()
}

fn class<'a>(node: NodeRef<'a, Node>) -> Option<&'a str> {
    node.value().as_element().and_then(|e| e.attr("class"))
}

/// Blocks inside the main text that are mostly links: a list of related
/// pages, a tag cloud, a row of share links.
fn link_lists(
    node: NodeRef<'_, Node>,
    sizes: &FxHashMap<NodeId, Size>,
    skip: &mut FxHashSet<NodeId>,
) {
    for child in node.children() {
        let Some(e) = child.value().as_element() else {
            continue;
        };
        let size = sizes.get(&child.id()).copied().unwrap_or_default();
        let listy = matches!(
            e.name(),
            "ul" | "ol" | "div" | "section" | "table" | "p" | "dl"
        );
        if listy && size.text > 0 && size.link_density() > 0.6 {
            skip.insert(child.id());
            continue;
        }
        link_lists(child, sizes, skip);
    }
}

/// The page's title heading: its first `<h1>` that is not chrome.
fn title_heading(root: NodeRef<'_, Node>, skip: &FxHashSet<NodeId>) -> Option<NodeId> {
    root.descendants()
        .filter(|d| d.value().as_element().is_some_and(|e| e.name() == "h1"))
        .find(|h| !h.ancestors().any(|a| skip.contains(&a.id())) && !skip.contains(&h.id()))
        .map(|h| h.id())
}

fn within(page: &Html, id: NodeId, roots: &[NodeId]) -> bool {
    let Some(node) = page.tree.get(id) else {
        return false;
    };
    roots.contains(&id) || node.ancestors().any(|a| roots.contains(&a.id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words_split_at_case_and_marks() {
        let page = Html::parse_fragment(r#"<div class="mainNav site-footer" id="top_bar"></div>"#);
        let div = page
            .tree
            .root()
            .descendants()
            .find_map(|d| {
                d.value()
                    .as_element()
                    .filter(|e| e.name() == "div")
                    .cloned()
            })
            .unwrap();
        assert_eq!(
            class_words(&div),
            ["main", "nav", "site", "footer", "top", "bar"]
        );
    }
}
