//! What of a page is chrome, by its tag, its ARIA role, whether it is
//! hidden, and the words of its class and id: the first cut of the main
//! text ([`super::main_text`]).

use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::Node;

/// Elements that are never main text.
const CHROME_TAGS: &[&str] = &[
    "nav", "aside", "footer", "form", "button", "select", "input", "textarea", "label", "menu",
    "dialog", "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
    "embed", "video", "audio", "map", "head", "title",
];

/// Parts of a class or id (split at `-`, `_`, a change of case) that mark
/// chrome, whatever it holds.
const CHROME_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menubar",
    "footer",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "community",
    "discussion",
    "replies",
    "respond",
    "kommentar",
    "kommentare",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "related",
    "recommended",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "login",
    "skip",
    "masthead",
    "topbar",
    "pagination",
    "pager",
    "disqus",
    "outbrain",
    "taboola",
    "shoutbox",
    "skyscraper",
    "rss",
];

/// Parts of a class or id that mark chrome when what they mark is short:
/// a page may wrap its article in a `modal` or a `widget`.
const SHORT_CHROME_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "banner",
    "advert",
    "advertisement",
    "ads",
    "ad",
    "promo",
    "sponsor",
    "widget",
    "toolbar",
    "popup",
    "modal",
    "overlay",
    "search",
    "tags",
    "hidden",
    "sronly",
    "offscreen",
    "print",
    "dropdown",
    "bio",
    "teaser",
    "teasers",
    "utility",
    "jump",
    "feedback",
    "supplemental",
    "meta",
    "tools",
];

/// The most characters an element marked by [`SHORT_CHROME_WORDS`] may
/// hold and still be chrome.
pub(super) const SHORT_CHROME: usize = 600;

/// Parts of a class or id that mark main text: an element with one is
/// never set aside by its class or id.
pub(super) const CONTENT_WORDS: &[&str] = &[
    "article", "content", "main", "post", "entry", "story", "body", "text", "page",
];

/// ARIA roles of chrome.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alert",
];

/// Whether an element is chrome.
pub(super) enum Verdict {
    Chrome,
    /// Chrome if it holds little text ([`SHORT_CHROME_WORDS`]).
    ChromeIfShort,
    Text,
}

pub(super) fn chrome_verdict(e: &Element, node: NodeRef<'_, Node>) -> Verdict {
    let name = e.name();
    let hidden =
        e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") || hidden_by_style(e);
    let role = e
        .attr("role")
        .is_some_and(|r| CHROME_ROLES.contains(&r.trim()));
    if CHROME_TAGS.contains(&name) || hidden || role {
        return Verdict::Chrome;
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return Verdict::Text;
    }
    if name == "header" && !has_descendant(node, "h1") && !inside(node, &["article", "main"]) {
        return Verdict::Chrome;
    }
    let words = class_words(e);
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    match (
        has(CONTENT_WORDS),
        has(CHROME_WORDS),
        has(SHORT_CHROME_WORDS),
    ) {
        (true, _, _) => Verdict::Text,
        (false, true, _) => Verdict::Chrome,
        (false, false, true) => Verdict::ChromeIfShort,
        _ => Verdict::Text,
    }
}

pub(super) fn hidden_by_style(e: &Element) -> bool {
    let Some(style) = e.attr("style") else {
        return false;
    };
    let style: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// The words of an element's class and id: `mainNav site-footer` gives
/// `main`, `nav`, `site`, `footer`.
pub(super) fn class_words(e: &Element) -> Vec<String> {
    let names = format!(
        "{} {}",
        e.attr("class").unwrap_or_default(),
        e.attr("id").unwrap_or_default()
    );
    let mut words = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in names.chars() {
        let split = !c.is_ascii_alphanumeric() || (c.is_ascii_uppercase() && prev_lower);
        if split && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        }
        prev_lower = c.is_ascii_lowercase();
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

fn has_descendant(node: NodeRef<'_, Node>, name: &str) -> bool {
    node.descendants()
        .any(|d| d.value().as_element().is_some_and(|e| e.name() == name))
}

fn inside(node: NodeRef<'_, Node>, names: &[&str]) -> bool {
    node.ancestors().any(|a| {
        a.value()
            .as_element()
            .is_some_and(|e| names.contains(&e.name()))
    })
}
